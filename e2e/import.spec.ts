import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { ImportModel } from './page-models/ImportModel';

// The machine these run on is shared and slow; a wizard walk makes several backend round trips.
test.describe.configure({ timeout: 120_000 });

const IVA = 'industrial_value_added';
const LISHUI = '331100';
const ZHEJIANG = '330000';

/** Next month's release as a bureau sends it: a merged title, a unit row, a header, cities, a bad cell, an unknown region and a total. */
async function writeMonthlyRelease(dir: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('月报');
  sheet.addRow(['2024年各市规上工业增加值']);
  sheet.mergeCells('A1:C1');
  sheet.addRow(['单位：亿元']);
  sheet.addRow(['地区', '规上工业增加值', '同比增长(%)']);
  sheet.addRow(['杭州市', 24567.8, 6.2]);
  sheet.addRow(['丽水市', 5012.3, 9.1]);
  sheet.addRow(['衢州市', 2345.6, '7..3']);
  sheet.addRow(['丽水经开区', 120.5, 11.2]);
  sheet.addRow(['合计', 31925.7, 6.5]);
  const filePath = path.join(dir, '月报2024.xlsx');
  await book.xlsx.writeFile(filePath);
  return filePath;
}

test('imports a monthly xlsx: inspect, preview, commit as one change set, then undo it', async ({ server, workbench, page }) => {
  const filePath = await writeMonthlyRelease(server.dir);
  const wizard = new ImportModel(page);
  await workbench.open(server.launchUrl);
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');

  await page.getByTestId('view-tab-import').click();
  await wizard.readFile(filePath);
  await expect(wizard.fileInfo).toContainText('月报2024.xlsx');
  await expect(wizard.sheetGrid).toContainText('单位：亿元');
  await expect(wizard.sheetGrid.locator('tr[data-row="3"]')).toHaveClass('row-header');
  await expect(wizard.detectedUnit).toContainText('亿元');
  await expect(wizard.detectedPeriod).toContainText('2024');
  await expect(wizard.role('B')).toHaveValue('value');
  await expect(wizard.role('C')).toHaveValue('growth');
  await expect(page.getByTestId('import-new-region-331100')).toHaveCount(0);

  await wizard.previewRun.click();
  await expect(wizard.counts).toContainText('新增 2 · 修改 2');
  await expect(wizard.previewRow(LISHUI)).toContainText('修改');
  await expect(wizard.previewRow(LISHUI)).toContainText('4717.8亿元 → 5012.3亿元');
  // The 合计 row is stored for the province, the parent of the table's cities.
  await expect(wizard.previewRow(ZHEJIANG)).toContainText('月报!B8');
  await expect(wizard.rejected).toContainText('月报!C6');
  await expect(wizard.rejected).toContainText('“7..3”不是数字');
  await expect(wizard.rejected).toContainText('月报!A7');
  await expect(wizard.rejected).toContainText('丽水经开区');
  await workbench.screenshot('import-preview-zh-light');

  await wizard.commit.click();
  await expect(wizard.committed).toContainText('已导入 月报2024.xlsx：新增 2，修改 2');
  await wizard.templateName.fill('月报模板');
  await wizard.templateSave.click();
  await expect(wizard.notice).toContainText('已保存模板“月报模板”');
  await expect(wizard.templateSelect).toHaveValue('月报模板');

  await page.getByTestId('view-tab-table').click();
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('5012.3');

  await page.getByTestId('view-tab-import').click();
  await wizard.undo.click();
  await expect(wizard.notice).toContainText('已撤销此次导入');
  await page.getByTestId('view-tab-table').click();
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
});

test('shows the preview in English and dark, and a file that is not a spreadsheet gives a clear error', async ({ server, workbench, page }) => {
  const filePath = await writeMonthlyRelease(server.dir);
  const broken = path.join(server.dir, 'broken.xlsx');
  await writeFile(broken, Buffer.from('PK\u0003\u0004 this zip stops here'));
  const wizard = new ImportModel(page);
  await workbench.open(server.launchUrl, 'import');
  await workbench.languageSwitch.click();
  await workbench.themeSwitch.click();

  await wizard.readFile(broken);
  await expect(wizard.error).toBeVisible();
  await expect(wizard.error).not.toContainText('INTERNAL');
  await workbench.screenshot('import-error-en-dark');

  await wizard.readFile(filePath);
  await expect(wizard.error).toHaveCount(0);
  await wizard.previewRun.click();
  await expect(wizard.counts).toContainText('2 new · 2 changed');
  // Confirming the unknown 丽水经开区 as a new region brings its row in on the next preview.
  await page.getByTestId('import-proposals').getByRole('checkbox').check();
  await wizard.previewRun.click();
  await expect(wizard.counts).toContainText('3 new · 2 changed');
  await expect(wizard.rejected).not.toContainText('月报!A7');
  await expect(wizard.previewRow(LISHUI)).toContainText('Changed');
  await expect(wizard.rejected).toContainText('"7..3" is not a number.');
  await workbench.screenshot('import-preview-en-dark');
});

/**
 * A long csv as a statistics database exports it: region, indicator, period, value, unit. 420 months
 * for each of the 11 cities and then for new places, two indicators the workspace lacks, and a 2024
 * figure for 丽水 that would change the one the table shows.
 */
async function writeLongExport(dir: string, rows: number): Promise<string> {
  const cities = ['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市'];
  const filePath = path.join(dir, '指标长表.csv');
  const out = createWriteStream(filePath);
  const lines = ['地区,指标,期别,数值,单位', '丽水市,规上工业增加值,2024年,9999.9,亿元', '丽水市,数字经济核心产业增加值,2024年,321.5,亿元', '丽水市,研发人员,2024年,2.1,万人'];
  for (let index = 0; index < rows; index += 1) {
    const place = Math.floor(index / 420);
    const month = index % 420;
    lines.push(`${place < cities.length ? cities[place] : `测试区${place}`},规上工业增加值,${1990 + Math.floor(month / 12)}年${1 + (month % 12)}月,${(index % 9973) / 10},亿元`);
    if (lines.length >= 10_000) out.write(lines.splice(0).join('\n') + '\n');
  }
  out.write(lines.join('\n') + '\n');
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return filePath;
}

test('a large long table: new indicators are proposed, the bar shows how far the backend is, and Cancel during the commit writes nothing', async ({ server, workbench, page }) => {
  test.setTimeout(300_000);
  const filePath = await writeLongExport(server.dir, 200_000);
  const wizard = new ImportModel(page);
  await workbench.open(server.launchUrl);
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
  await page.getByTestId('view-tab-import').click();

  await wizard.readFile(filePath);
  await expect(wizard.progress).toBeVisible();
  await expect(wizard.fileInfo).toContainText('指标长表.csv', { timeout: 120_000 });
  // The indicator column names two indicators the workspace lacks: proposed with the unit of their rows.
  await expect(wizard.newIndicators).toContainText('数字经济核心产业增加值（亿元）');
  await expect(wizard.newIndicators).toContainText('研发人员（万人）');
  await wizard.confirmAll.click();
  await expect(page.getByTestId('import-proposals-count')).toContainText('新指标 2 个');
  await wizard.proposals.scrollIntoViewIfNeeded();
  await workbench.screenshot('import-proposals-zh-light');

  // Checking 200,000 rows against the workspace: a determinate bar with the rows done. On a fast
  // machine the check can end between two polls of import.progress, so the preview's answer is
  // held back until the bar has shown a count the backend reported (the polls go on meanwhile).
  let releasePreview!: () => void;
  const previewHeld = new Promise<void>((resolve) => (releasePreview = resolve));
  await page.route('**/api/import.preview', async (route) => {
    const response = await route.fetch({ timeout: 180_000 });
    await previewHeld;
    await route.fulfill({ response });
  });
  await wizard.previewRun.click();
  await expect(wizard.progressBar).toHaveAttribute('aria-valuenow', /^\d+$/, { timeout: 120_000 });
  await workbench.screenshot('import-progress-zh-light');
  releasePreview();
  await expect(wizard.counts).toBeVisible({ timeout: 120_000 });
  await expect(wizard.counts).toContainText('修改 1');

  // Cancel as soon as the commit starts: the job stops, or its one transaction is rolled back.
  await wizard.commit.click();
  await wizard.cancel.click();
  await expect(wizard.notice).toContainText('已取消，未写入任何数据', { timeout: 60_000 });
  await expect(wizard.committed).toHaveCount(0);
  await expect(wizard.progress).toHaveCount(0);
  await page.getByTestId('view-tab-table').click();
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
  await expect(page.getByText('数字经济核心产业增加值')).toHaveCount(0);
});
