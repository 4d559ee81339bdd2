import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { SheetModel } from './page-models/SheetModel';
import { restartServer } from './server';
import type { RunningServer } from './server';

const IVA = 'industrial_value_added';
const GAP = 'industrial_value_added_gap_province';
const SHARE = 'industrial_output_share_of_province';
const LEADING = 'leading_industries_output';
const LISHUI = '331100';
const ZHEJIANG = '330000';

// Each test starts a server and a browser; on a busy machine that alone can take a while.
test.describe.configure({ timeout: 90_000 });

/** Calls the backend as the page does, to read what is on disk. */
async function call<T>(request: APIRequestContext, server: RunningServer, method: string, input: object = {}): Promise<T> {
  const response = await request.post(`${server.baseUrl}api/${method}`, { headers: { 'X-Yardstick-Token': server.token }, data: input });
  const body = (await response.json()) as { ok: boolean; value: T };
  expect(body.ok).toBe(true);
  return body.value;
}

async function stored(request: APIRequestContext, server: RunningServer, indicator: string, region: string, period = '2024') {
  const rows = await call<{ value: number | null; growthReportedPct: number | null; rankReported: number | null; note: string | null }[]>(request, server, 'series.query', { indicator, region, period });
  return rows[0];
}

// A 5×4 block as Excel writes it: tabs, CRLF, a final line break; one quoted cell holds a tab.
const BLOCK = [
  ['48,000', '7.6', '', '全省'],
  ['4750亿', '9.5%', '第4', '"据统计局\t快报"'],
  ['2.0', '', '', ''],
  ['2.1%', '', '', ''],
  ['1,900', '16.5', '', ''],
]
  .map((row) => `${row.join('\t')}\r\n`)
  .join('');

test('edits a cell, pastes an Excel block as one step, undoes everything, restarts the server, redoes', async ({ server, workbench, page, request }) => {
  test.setTimeout(120_000);
  await workbench.open(server.launchUrl);
  const sheet = new SheetModel(page);
  const { table } = workbench;
  await sheet.tab.click();
  await expect(table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');

  // Typing starts the editor; the rule is shown, with what the text will be saved as.
  await table.value(IVA, LISHUI, '2024').click();
  await page.keyboard.type('4800');
  await expect(sheet.editorHint).toContainText('单位亿元');
  await expect(sheet.editorHint).toContainText('4717.8亿');
  await expect(sheet.editorHint).toContainText('保存为 4800亿元');
  await workbench.screenshot('editing-editor-zh-light');
  await page.keyboard.press('Enter');
  await expect(sheet.editor).toHaveCount(0);
  await expect(table.value(IVA, LISHUI, '2024')).toHaveText('4800');
  // On disk once the editor has closed, in the indicator's unit.
  expect((await stored(request, server, IVA, LISHUI))?.value).toBe(480);
  // Enter moved down a row.
  await expect(page.locator('.ag-cell-focus')).toHaveAttribute('col-id', 'period:2024');

  // The long table: paste the block at the first row's value.
  await sheet.longMode.click();
  await expect(sheet.longCell(IVA, LISHUI, '2024', 'value')).toHaveText('4800');
  await sheet.longCell(IVA, ZHEJIANG, '2024', 'value').click();
  await sheet.paste(BLOCK);
  await expect(sheet.notice).toContainText('已粘贴 20 个单元格');
  await expect(sheet.longCell(IVA, ZHEJIANG, '2024', 'value')).toHaveText('48000');
  await expect(sheet.longCell(IVA, LISHUI, '2024', 'value')).toHaveText('4750');
  await expect(sheet.longCell(IVA, LISHUI, '2024', 'growthReported')).toHaveText('9.5%');
  await expect(sheet.longCell(IVA, LISHUI, '2024', 'rankReported')).toHaveText('第4');
  await expect(sheet.longCell(IVA, LISHUI, '2024', 'note')).toHaveText('据统计局\t快报');
  await expect(sheet.longCell(LEADING, LISHUI, '2024', 'value')).toHaveText('1900');
  await workbench.screenshot('editing-pasted-long-zh-light');
  expect(await stored(request, server, IVA, LISHUI)).toMatchObject({ value: 475, growthReportedPct: 9.5, rankReported: 4, note: '据统计局\t快报' });
  expect(await stored(request, server, SHARE, LISHUI)).toMatchObject({ value: 2.1 });
  const log = await call<{ kind: string; state: string; cellCount: number }[]>(request, server, 'edit.log');
  // One change set; its cells are the five observations the 20 grid cells belong to.
  expect(log.slice(0, 2).map((entry) => [entry.kind, entry.cellCount])).toEqual([
    ['paste', 5],
    ['edit', 1],
  ]);

  // Undo everything this test did: the paste, then the edit.
  await page.keyboard.press('Control+Z');
  await expect(sheet.notice).toContainText('已撤销：粘贴 20 个单元格');
  await expect(sheet.longCell(IVA, LISHUI, '2024', 'value')).toHaveText('4800');
  await page.keyboard.press('Control+Z');
  await expect(sheet.notice).toContainText('已撤销：编辑');
  await expect(sheet.longCell(IVA, LISHUI, '2024', 'value')).toHaveText('4717.8');
  await expect(sheet.longCell(IVA, ZHEJIANG, '2024', 'value')).toHaveText('—');
  await expect(sheet.longCell(IVA, LISHUI, '2024', 'growthReported')).toHaveText('9.3%');
  expect(await stored(request, server, IVA, LISHUI)).toMatchObject({ value: 471.78, growthReportedPct: 9.3, rankReported: 5 });

  // A crash and a new server on the same file: the log is still there.
  const restarted = await restartServer(server, 'SIGKILL');
  await workbench.open(restarted.launchUrl);
  await sheet.tab.click();
  await sheet.longMode.click();
  await expect(sheet.longCell(IVA, LISHUI, '2024', 'value')).toHaveText('4717.8');
  await sheet.longCell(IVA, LISHUI, '2024', 'value').click();
  await page.keyboard.press('Control+Y');
  await expect(sheet.notice).toContainText('已重做：编辑');
  await expect(sheet.longCell(IVA, LISHUI, '2024', 'value')).toHaveText('4800');
  await page.keyboard.press('Control+Shift+Z');
  await expect(sheet.notice).toContainText('已重做：粘贴 20 个单元格');
  await expect(sheet.longCell(IVA, LISHUI, '2024', 'value')).toHaveText('4750');
  await expect(sheet.longCell(IVA, ZHEJIANG, '2024', 'value')).toHaveText('48000');
  await expect(sheet.longCell(GAP, LISHUI, '2024', 'value')).toHaveText('2.0');
  await expect(sheet.longCell(SHARE, LISHUI, '2024', 'value')).toHaveText('2.1');
  await expect(sheet.longCell(LEADING, LISHUI, '2024', 'growthReported')).toHaveText('16.5%');
  expect(await stored(request, restarted, IVA, LISHUI)).toMatchObject({ value: 475, growthReportedPct: 9.5, rankReported: 4, note: '据统计局\t快报' });
  expect(await stored(request, restarted, LEADING, LISHUI)).toMatchObject({ value: 190, growthReportedPct: 16.5 });
  await page.keyboard.press('Control+Y');
  await expect(sheet.notice).toContainText('没有可重做的修改');
});

test('pasting text into a numeric column is refused with the row and column named, and nothing changes', async ({ server, workbench, page, request }) => {
  await workbench.open(server.launchUrl);
  const sheet = new SheetModel(page);
  const { table } = workbench;
  await sheet.tab.click();
  await table.value(IVA, LISHUI, '2024').click();
  await sheet.paste('4800\r\n约五千\r\n');
  await expect(sheet.notice).toHaveAttribute('role', 'alert');
  await expect(sheet.notice).toContainText('“规上工业增加值增速高于全省 · 丽水市”行“2024年”列');
  await expect(sheet.notice).toContainText('“约五千”不是数字');
  await expect(sheet.notice).toContainText('表格未做任何修改');
  await expect(table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
  await expect(table.value(GAP, LISHUI, '2024')).toHaveText('1.8');
  expect((await call<unknown[]>(request, server, 'edit.log')).length).toBe(1);
  expect((await stored(request, server, IVA, LISHUI))?.value).toBe(471.78);
  await workbench.screenshot('editing-paste-refused-zh-light');

  // The notice follows the language; a new refusal names the row and column in English.
  await workbench.languageSwitch.click();
  await expect(sheet.notice).toContainText('"约五千" is not a number');
  await expect(sheet.notice).toContainText('The table is unchanged.');
  await workbench.themeSwitch.click();
  await table.value(IVA, LISHUI, '2024').click();
  await sheet.paste('4800\r\nabout 5000\r\n');
  await expect(sheet.notice).toContainText('row "Growth of industrial added value above the provincial average · Lishui", column "2024"');
  await expect(sheet.notice).toContainText('"about 5000" is not a number: this column takes figures only (in percentage points)');
  await workbench.screenshot('editing-paste-refused-en-dark');

  // A figure of the wrong dimension is refused the same way.
  await table.value(IVA, LISHUI, '2024').click();
  await sheet.paste('9.3%');
  await expect(sheet.notice).toContainText('"9.3%" is a percentage, but this column is an amount of yuan (in billion yuan)');
  await expect(table.value(IVA, LISHUI, '2024')).toHaveText('471.78');
  expect((await call<unknown[]>(request, server, 'edit.log')).length).toBe(1);
});

test('the editor reads units by the rule, refuses a wrong dimension and stays open', async ({ server, workbench, page, request }) => {
  await workbench.open(server.launchUrl);
  const sheet = new SheetModel(page);
  const { table } = workbench;
  await sheet.tab.click();
  await table.value(IVA, LISHUI, '2024').click();
  await page.keyboard.press('F2');
  await expect(sheet.editorInput).toHaveValue('4717.8');
  await sheet.editorInput.fill('9.3%');
  await expect(sheet.editorHint).toContainText('“9.3%”是百分比，而此列是金额（单位：亿元），不能换算');
  await page.keyboard.press('Enter');
  await expect(sheet.editor).toBeVisible();
  await expect(sheet.editorHint.getByRole('alert')).toContainText('不能换算');
  await sheet.editorInput.fill('47178000万元');
  await expect(sheet.editorHint).toContainText('保存为 4717.8亿元');
  await sheet.editorInput.fill('4,800.5亿');
  await page.keyboard.press('Tab');
  await expect(sheet.editor).toHaveCount(0);
  await expect(table.value(IVA, LISHUI, '2024')).toHaveText('4800.5');
  // Tab moved right, to 2025.
  await expect(page.locator('.ag-cell-focus')).toHaveAttribute('col-id', 'period:2025');
  expect((await stored(request, server, IVA, LISHUI))?.value).toBe(480.05);

  // Escape leaves the cell as it was.
  await table.growth(IVA, LISHUI).click();
  await page.keyboard.type('12');
  await page.keyboard.press('Escape');
  await expect(table.growth(IVA, LISHUI)).toHaveText('9.3%');

  await workbench.languageSwitch.click();
  await workbench.themeSwitch.click();
  await table.growth(IVA, LISHUI).click();
  await page.keyboard.type('9.8');
  await expect(sheet.editorHint).toContainText('Percent: type 9.3 or 9.3%');
  await expect(sheet.editorHint).toContainText('Saved as 9.8%');
  await workbench.screenshot('editing-editor-en-dark');
  await page.keyboard.press('Enter');
  await expect(table.growth(IVA, LISHUI)).toHaveText('9.8%');
  expect((await stored(request, server, IVA, LISHUI))?.growthReportedPct).toBe(9.8);
});

test('the problems panel lists the honours/titles contradiction and jumps to the cell', async ({ server, workbench, page }) => {
  await workbench.open(server.launchUrl);
  const sheet = new SheetModel(page);
  await sheet.tab.click();
  await expect(sheet.problemsToggle).toContainText('问题 1');
  await sheet.problemsToggle.click();
  await expect(sheet.problems).toHaveCount(1);
  const honours = sheet.problems.first();
  await expect(honours).toHaveAttribute('data-rule', 'PART_EXCEEDS_WHOLE');
  await expect(honours).toContainText('错误');
  await expect(honours).toContainText('其中项“其中荣誉称号”（687项）大于其总量“国家级和省级荣誉”（69项）');
  await expect(honours).toContainText('按原文');
  await honours.getByTestId('problem-jump').click();
  const cell = workbench.table.value('honour_titles', LISHUI, '2024');
  await expect(cell).toHaveClass(/ag-cell-focus/);
  await expect(cell).toHaveClass(/cell-problem-error/);
  await expect(cell).toHaveText('687');
  await workbench.screenshot('editing-problems-zh-light');

  await workbench.languageSwitch.click();
  await workbench.themeSwitch.click();
  await expect(honours).toContainText('the part "of which titles" (687 items) exceeds its whole "National and provincial honours" (69 items)');
  await workbench.screenshot('editing-problems-en-dark');
});

test('keyboard: Tab moves right, Shift+arrows select, Ctrl+D fills down, copy writes headers, Delete clears, Ctrl+- deletes rows, a snapshot is read-only', async ({ server, workbench, page, request }) => {
  await workbench.open(server.launchUrl);
  const sheet = new SheetModel(page);
  const { table } = workbench;
  await sheet.tab.click();
  await sheet.addPeriodInput.fill('2023');
  await sheet.addPeriod.click();
  await expect(table.header('period:2023')).toContainText('2023年');

  await table.value(IVA, ZHEJIANG, '2023').click();
  await page.keyboard.type('50000');
  await page.keyboard.press('Tab');
  await expect(table.value(IVA, ZHEJIANG, '2023')).toHaveText('50000');
  await expect(page.locator('.ag-cell-focus')).toHaveAttribute('col-id', 'period:2024');

  await table.value(IVA, ZHEJIANG, '2023').click();
  await page.keyboard.press('Shift+ArrowDown');
  await expect(table.value(IVA, LISHUI, '2023')).toHaveClass(/cell-selected/);
  await page.keyboard.press('Control+D');
  await expect(sheet.notice).toContainText('已向下填充 1 个单元格');
  await expect(table.value(IVA, LISHUI, '2023')).toHaveText('50000');
  expect((await stored(request, server, IVA, LISHUI, '2023'))?.value).toBe(5000);

  await page.keyboard.press('Shift+ArrowRight');
  expect(await sheet.copy()).toBe('2023年\t2024年\r\n50000\t\r\n50000\t4717.8\r\n');

  await page.keyboard.press('Delete');
  await expect(sheet.notice).toContainText('已清除 4 个单元格');
  await expect(table.value(IVA, LISHUI, '2023')).toHaveText('—');
  await expect(table.value(IVA, LISHUI, '2024')).toHaveText('—');
  await page.keyboard.press('Control+Z');
  await expect(table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
  await expect(table.value(IVA, LISHUI, '2023')).toHaveText('50000');
  // The growth the 2023 level implies disagrees with the growth reported: a new problem.
  await expect(sheet.problemsToggle).toContainText('问题 2');

  // Ctrl+- deletes the row's observations as one step; undo brings them back.
  await table.value(IVA, ZHEJIANG, '2023').click();
  await page.keyboard.press('Control+Minus');
  await expect(sheet.notice).toContainText('已删除 2 条观测值');
  await expect(table.row(IVA, ZHEJIANG)).toHaveCount(0);
  await page.keyboard.press('Control+Z');
  await expect(table.value(IVA, ZHEJIANG, '2023')).toHaveText('50000');
  await expect(table.growth(IVA, ZHEJIANG)).toHaveText('7.5%');

  await workbench.snapshotSelect.selectOption('1');
  await expect(sheet.toolbar).toContainText('快照只读');
  await table.value(IVA, LISHUI, '2024').click();
  await page.keyboard.type('1');
  await expect(sheet.editor).toHaveCount(0);
  await sheet.paste('1');
  await expect(sheet.notice).toContainText('正在查看冻结的快照，不能修改');
  await expect(table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
});

test('the long table shows derived figures, searches and marks changes since the snapshot', async ({ server, workbench, page }) => {
  await workbench.open(server.launchUrl);
  const sheet = new SheetModel(page);
  await sheet.tab.click();
  await sheet.longMode.click();
  await sheet.search.fill('lishui');
  await expect(sheet.longCell(IVA, ZHEJIANG, '2024', 'value')).toHaveCount(0);
  // The gap to the parent region, derived from the two growth rates.
  await expect(sheet.longCell(IVA, LISHUI, '2024', 'gap')).toHaveText('+1.8');
  await sheet.longCell(IVA, LISHUI, '2024', 'note').click();
  await page.keyboard.press('Enter');
  await sheet.editorInput.fill('按快报口径');
  await page.keyboard.press('Enter');
  await expect(sheet.longCell(IVA, LISHUI, '2024', 'note')).toHaveText('按快报口径');
  await expect(sheet.longCell(IVA, LISHUI, '2024', 'note')).toHaveClass(/cell-changed/);
  await expect(sheet.changesToggle).toContainText('标出修改1 处');
  await workbench.languageSwitch.click();
  await workbench.screenshot('editing-long-en-light');
});
