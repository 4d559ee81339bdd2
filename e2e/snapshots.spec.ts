import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { callApi, SnapshotsModel } from './page-models/SnapshotsModel';
import type { RunningServer } from './server';

const IVA = 'industrial_value_added';
const CHIPS = 'semiconductor_output';
const LAND = 'industrial_land_supply';
const LISHUI = '331100';
const SAMPLE_LABEL = '丽水市经信局2024年工作报告（样例）';

// The browser edition keeps backups under $XDG_DATA_HOME; give this file's servers their own folder.
let dataHome: string;
let previousDataHome: string | undefined;
test.beforeAll(() => {
  previousDataHome = process.env.XDG_DATA_HOME;
  dataHome = mkdtempSync(path.join(tmpdir(), 'yardstick-e2e-data-'));
  process.env.XDG_DATA_HOME = dataHome;
});
test.afterAll(() => {
  if (previousDataHome === undefined) delete process.env.XDG_DATA_HOME;
  else process.env.XDG_DATA_HOME = previousDataHome;
  rmSync(dataHome, { recursive: true, force: true });
});

interface Observation {
  indicatorCode: string;
  regionCode: string;
  period: string;
  value: number | null;
}

/** The working copy's value of a cell, or undefined when the cell is absent (through the API, as a check). */
async function workingValue(server: RunningServer, indicator: string, period = '2024'): Promise<number | null | undefined> {
  const rows = await callApi<Observation[]>(server, 'series.query', { indicator, region: LISHUI, period });
  return rows[0]?.value;
}

async function editThroughApi(server: RunningServer): Promise<void> {
  // The editing UI is built elsewhere: the edits go in through the same API the page uses.
  await callApi(server, 'cells.edit', {
    cells: [
      { indicator: IVA, region: LISHUI, period: '2024', value: 480, growthReportedPct: 9.5, rankReported: 3 },
      { indicator: CHIPS, region: LISHUI, period: '2024', remove: true },
      { indicator: LAND, region: LISHUI, period: '2023', value: 7000 },
    ],
  });
}

test('two snapshots around edits: the diff shows exactly those edits, restore brings the first back, undo returns', async ({ server, workbench, page }) => {
  test.slow();
  const snapshots = new SnapshotsModel(page);
  await workbench.open(server.launchUrl);
  await snapshots.open();
  // The sample's own snapshot against the untouched working copy: nothing differs.
  await expect(snapshots.snapshot(1)).toContainText(SAMPLE_LABEL);
  await expect(snapshots.snapshot(1)).toContainText('导入');
  await expect(snapshots.snapshot(1)).toContainText('43 条观测值');
  await expect(snapshots.snapshot(1)).toContainText('来源：lishui-2024-industry-work-report.txt');
  await expect(snapshots.diffEmpty).toHaveText('这两个版本之间没有差异。');

  await snapshots.takeSnapshot.click();
  await workbench.dialog.label.fill('A 2024年报初版');
  await workbench.dialog.note.fill('编辑前');
  await workbench.dialog.submit.click();
  await expect(snapshots.snapshot(2)).toContainText('A 2024年报初版');
  await expect(snapshots.snapshot(2)).toContainText('备注：编辑前');

  await editThroughApi(server);

  await workbench.chooseFromMenu('snapshot.create');
  await workbench.dialog.label.fill('B 2024年报修订');
  await workbench.dialog.submit.click();
  await expect(snapshots.snapshot(3)).toContainText('B 2024年报修订');

  await snapshots.compare(2, 3);
  await expect(snapshots.counts).toHaveText('新增 1 · 删除 1 · 修改 1');
  await expect.poll(() => snapshots.rowIds()).toEqual([`${CHIPS}|${LISHUI}|2024`, `${IVA}|${LISHUI}|2024`, `${LAND}|${LISHUI}|2023`].sort());
  const iva = `${IVA}|${LISHUI}|2024`;
  await expect(snapshots.cell(iva, 'change')).toHaveText('修改');
  await expect(snapshots.cell(iva, 'oldValue')).toHaveText('4717.8');
  await expect(snapshots.cell(iva, 'newValue')).toHaveText('4800');
  await expect(snapshots.cell(iva, 'unit')).toHaveText('亿元');
  await expect(snapshots.cell(iva, 'absoluteChange')).toHaveText('+82.2');
  await expect(snapshots.cell(iva, 'relativeChange')).toHaveText('+1.74%');
  await expect(snapshots.cell(iva, 'growth')).toHaveText('9.3% → 9.5%');
  await expect(snapshots.cell(iva, 'growthChange')).toHaveText('+0.2');
  await expect(snapshots.cell(iva, 'rank')).toHaveText('5 → 3');
  await expect(snapshots.cell(iva, 'rankChange')).toHaveText('↑2');
  await expect(snapshots.cell(`${CHIPS}|${LISHUI}|2024`, 'change')).toHaveText('删除');
  await expect(snapshots.cell(`${LAND}|${LISHUI}|2023`, 'change')).toHaveText('新增');
  await expect(snapshots.cell(`${LAND}|${LISHUI}|2023`, 'newValue')).toHaveText('7000');
  // "Revisions in this release" on B is the same comparison.
  await snapshots.compare(1, 'working');
  await snapshots.snapshot(3).getByTestId('timeline-release-revisions').click();
  await expect(snapshots.compareFrom).toHaveValue('2');
  await expect(snapshots.compareTo).toHaveValue('3');
  await expect(snapshots.counts).toHaveText('新增 1 · 删除 1 · 修改 1');

  await snapshots.filterIndicator.selectOption(IVA);
  await expect.poll(() => snapshots.rowIds()).toEqual([iva]);
  await expect(snapshots.counts).toHaveText('新增 0 · 删除 0 · 修改 1');
  await snapshots.filterRegion.selectOption(LISHUI);
  await expect.poll(() => snapshots.rowIds()).toEqual([iva]);
  await snapshots.filterIndicator.selectOption('');

  // Export the report (the backend writes the xlsx; the browser edition asks for a path).
  await snapshots.exportButton.click();
  await expect(workbench.dialog.root).toHaveAccessibleName('导出修订报告');
  await expect(workbench.dialog.path).toHaveValue(path.join(server.dir, '修订报告-A_2024年报初版-B_2024年报修订.xlsx'));
  await workbench.screenshot('snapshots-export-zh-light');
  const report = path.join(server.dir, 'report.xlsx');
  await workbench.dialog.path.fill(report);
  await workbench.dialog.submit.click();
  await expect(snapshots.notice).toContainText(`修订报告已导出到 ${report}（3 行）`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(report);
  const sheet = workbook.getWorksheet('修订 Revisions')!;
  expect(sheet.rowCount).toBe(4);
  expect(sheet.getColumn(16).values.slice(2).sort()).toEqual([CHIPS, IVA, LAND].sort());

  // Cell history from a row of the diff: every version with its snapshot, time and source.
  await snapshots.row(iva).locator('[col-id="indicator"]').click();
  await expect(snapshots.historyHeading).toHaveText('规上工业增加值 · 丽水市 · 2024年');
  await expect(snapshots.historyVersions).toHaveCount(2);
  await expect(snapshots.historyVersions.nth(0)).toContainText('4800亿元');
  await expect(snapshots.historyVersions.nth(0)).toContainText('B 2024年报修订');
  await expect(snapshots.historyVersions.nth(0)).toContainText('当前版本');
  await expect(snapshots.historyVersions.nth(1)).toContainText('4717.8亿元');
  await expect(snapshots.historyVersions.nth(1)).toContainText(SAMPLE_LABEL);
  await expect(snapshots.historyVersions.nth(1)).toContainText('已被替换');
  await expect(snapshots.historyVersions.nth(1)).toContainText('471.78 billion yuan');
  await workbench.screenshot('snapshots-view-zh-light');

  // Restore A: confirm, then the working copy equals A again.
  await snapshots.snapshot(2).getByTestId('timeline-restore').click();
  await expect(workbench.dialog.root).toHaveAccessibleName('恢复快照“A 2024年报初版”？');
  await expect(workbench.dialog.root).toContainText('不会删除任何数据');
  await workbench.screenshot('snapshots-restore-dialog-zh-light');
  await workbench.dialog.submit.click();
  await expect(snapshots.notice).toContainText('已将工作副本恢复到快照“A 2024年报初版”：3 个单元格已改回。');
  expect(await workingValue(server, IVA)).toBe(471.78);
  expect(await workingValue(server, CHIPS)).toBe(15.21);
  expect(await workingValue(server, LAND, '2023')).toBeUndefined();
  await snapshots.compare(2, 'working');
  await expect(snapshots.diffEmpty).toBeVisible();
  // The history keeps B's version: restore deletes nothing.
  await expect(snapshots.historyVersions).toHaveCount(3);
  await expect(snapshots.historyVersions.nth(0)).toContainText('4717.8亿元');
  await expect(snapshots.historyVersions.nth(0)).toContainText('仅在工作副本中');
  await workbench.screenshot('snapshots-restored-zh-light');

  // Undo returns to before the restore.
  await snapshots.undoRestore.click();
  await expect(snapshots.notice).toContainText('已撤销恢复');
  expect(await workingValue(server, IVA)).toBe(480);
  expect(await workingValue(server, CHIPS)).toBeUndefined();
  expect(await workingValue(server, LAND, '2023')).toBe(7000);
  await expect(snapshots.counts).toHaveText('新增 1 · 删除 1 · 修改 1');
  await expect(snapshots.undoRestore).toHaveCount(0);

  // Open a snapshot read-only from the timeline: the table shows it as it was.
  await snapshots.snapshot(2).getByTestId('timeline-open').click();
  await expect(workbench.readOnlyBadge).toHaveText('只读');
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
  await snapshots.open();
  await expect(snapshots.snapshot(2)).toContainText('正在查看');

  await workbench.themeSwitch.click();
  await snapshots.compare(2, 3);
  await expect(snapshots.counts).toHaveText('新增 1 · 删除 1 · 修改 1');
  await expect(snapshots.exportButton).toBeEnabled();
  await workbench.screenshot('snapshots-view-zh-dark');
  await workbench.languageSwitch.click();
  await expect(snapshots.counts).toHaveText('1 added · 1 removed · 1 changed');
  await expect(snapshots.cell(iva, 'change')).toHaveText('Changed');
  await expect(snapshots.historyHeading).toHaveText('Added value of industries above designated size · Lishui · 2024');
  await workbench.screenshot('snapshots-view-en-dark');
  await workbench.themeSwitch.click();
  await workbench.screenshot('snapshots-view-en-light');
});

test('back up now, then restore from backup (which backs up first); Save As continues in the copy', async ({ server, workbench, page }) => {
  test.slow();
  const snapshots = new SnapshotsModel(page);
  await workbench.open(server.launchUrl);
  await snapshots.open();
  await callApi(server, 'cells.edit', { cells: [{ indicator: IVA, region: LISHUI, period: '2024', value: 500 }] });

  await workbench.chooseFromMenu('backup.create');
  await expect(snapshots.backupsDialog).toHaveAccessibleName('备份');
  await expect(snapshots.backupMessage).toContainText('已备份：');
  await expect(snapshots.backupItems).toHaveCount(1);
  await workbench.screenshot('snapshots-backups-zh-light');

  // A change after the backup, which the restore will take back.
  await callApi(server, 'cells.edit', { cells: [{ indicator: IVA, region: LISHUI, period: '2024', value: 600 }] });
  expect(await workingValue(server, IVA)).toBe(600);

  await workbench.dialog.submit.click();
  await expect(workbench.dialog.error).toHaveText('请先选择一个备份。');
  await snapshots.backupItems.first().locator('input').check();
  await workbench.dialog.submit.click();
  await expect(snapshots.backupsDialog).toHaveAccessibleName('从备份恢复？');
  await expect(snapshots.backupsDialog).toContainText('替换前会先把当前文件备份一次');
  await workbench.screenshot('snapshots-backup-confirm-zh-light');
  await workbench.dialog.submit.click();
  await expect(snapshots.backupMessage).toContainText('已从');
  await expect(snapshots.backupMessage).toContainText('恢复前的文件已备份为 workspace.');
  // The safety backup of the file as it was (600) joins the list.
  await expect(snapshots.backupItems).toHaveCount(2);
  await expect(snapshots.backupItems.filter({ hasText: '恢复前的文件' })).toHaveCount(1);
  expect(await workingValue(server, IVA)).toBe(500);

  await page.keyboard.press('Alt+L');
  await expect(snapshots.backupsDialog).toHaveAccessibleName('Backups');
  await expect(snapshots.backupMessage).toContainText('Restored the backup of');
  await workbench.screenshot('snapshots-backups-en-light');
  await workbench.dialog.cancel.click();
  await expect(snapshots.backupsDialog).toHaveCount(0);

  // Save As: a compact copy; the app continues in it.
  await workbench.themeSwitch.click();
  await workbench.chooseFromMenu('workspace.saveAs');
  await expect(workbench.dialog.root).toHaveAccessibleName('Save As');
  await expect(workbench.dialog.path).toHaveValue(path.join(server.dir, 'workspace-copy.sqlite'));
  await workbench.screenshot('snapshots-save-as-en-dark');
  await workbench.dialog.submit.click();
  await expect(workbench.dialog.root).toHaveCount(0);
  await expect(page.getByTestId('status-workspace')).toHaveText('Workspace: workspace-copy.sqlite');
  expect(existsSync(path.join(server.dir, 'workspace-copy.sqlite'))).toBe(true);
  expect(await workingValue(server, IVA)).toBe(500);
  // The same name again: the backend refuses and the dialog says so.
  await workbench.chooseFromMenu('workspace.saveAs');
  await workbench.dialog.path.fill(path.join(server.dir, 'workspace.sqlite'));
  await workbench.dialog.submit.click();
  await expect(workbench.dialog.error).toContainText('already exists');
});
