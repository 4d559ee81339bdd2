import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { SheetModel } from './page-models/SheetModel';
import { SnapshotsModel } from './page-models/SnapshotsModel';
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
  // The table's one tooltip names the problem when the pointer rests on the cell, and goes when it leaves.
  const tooltip = page.getByTestId('sheet-tooltip');
  await cell.hover();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('其中项“其中荣誉称号”（687项）大于其总量“国家级和省级荣誉”（69项）');
  await workbench.screenshot('editing-problems-tooltip-zh-light');
  await page.getByTestId('table-search').hover();
  await expect(tooltip).toBeHidden();
  await workbench.screenshot('editing-problems-zh-light');
  // Scrolling the table hides it too.
  await cell.hover();
  await expect(tooltip).toBeVisible();
  await page.mouse.wheel(0, -120);
  await expect(tooltip).toBeHidden();

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
  await expect(sheet.notice).toContainText('已填充 1 个单元格');
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
  // The click collapsed the selection: the cells it left are drawn unselected.
  await expect(table.value(IVA, ZHEJIANG, '2023')).toHaveClass(/cell-selected/);
  await expect(table.value(IVA, LISHUI, '2024')).not.toHaveClass(/cell-selected/);
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

test('the fill handle copies the selection down or right as one undoable step; Escape cancels a drag', async ({ server, workbench, page, request }) => {
  await workbench.open(server.launchUrl);
  const sheet = new SheetModel(page);
  const { table } = workbench;
  await sheet.tab.click();
  await sheet.addPeriodInput.fill('2025');
  await sheet.addPeriod.click();
  await expect(table.header('period:2025')).toBeVisible();

  // The handle sits on the selection's bottom-right cell; dragging it right fills 2025 from 2024.
  await table.value(IVA, LISHUI, '2024').click();
  await expect(table.value(IVA, LISHUI, '2024')).toHaveClass(/cell-fill-corner/);
  await table.dragFillHandle(table.value(IVA, LISHUI, '2024'), table.value(IVA, LISHUI, '2025'), { isHeld: true });
  await expect(table.value(IVA, LISHUI, '2025')).toHaveClass(/cell-fill-preview/);
  await workbench.screenshot('editing-fill-handle-zh-light');
  await page.mouse.up();
  await expect(sheet.notice).toContainText('已填充 1 个单元格');
  await expect(table.value(IVA, LISHUI, '2025')).toHaveText('4717.8');
  expect((await stored(request, server, IVA, LISHUI, '2025'))?.value).toBe(471.78);

  // Down, from Zhejiang's row onto Lishui's just below it; Escape cancels the drag.
  await table.value(IVA, ZHEJIANG, '2025').click();
  await page.keyboard.type('50000');
  await page.keyboard.press('Enter');
  await expect(table.value(IVA, ZHEJIANG, '2025')).toHaveText('50000');
  await table.value(IVA, ZHEJIANG, '2025').click();
  await table.dragFillHandle(table.value(IVA, ZHEJIANG, '2025'), table.value(IVA, LISHUI, '2025'), { isHeld: true });
  await expect(table.value(IVA, LISHUI, '2025')).toHaveClass(/cell-fill-preview/);
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await expect(table.value(IVA, LISHUI, '2025')).not.toHaveClass(/cell-fill-preview/);
  await expect(table.value(IVA, LISHUI, '2025')).toHaveText('4717.8');
  expect((await stored(request, server, IVA, LISHUI, '2025'))?.value).toBe(471.78);

  await table.dragFillHandle(table.value(IVA, ZHEJIANG, '2025'), table.value(IVA, LISHUI, '2025'));
  await expect(sheet.notice).toContainText('已填充 1 个单元格');
  await expect(table.value(IVA, LISHUI, '2025')).toHaveText('50000');
  expect((await stored(request, server, IVA, LISHUI, '2025'))?.value).toBe(5000);
  // The selection now holds the source and what it filled.
  await expect(table.value(IVA, ZHEJIANG, '2025')).toHaveClass(/cell-selected/);
  await expect(table.value(IVA, LISHUI, '2025')).toHaveClass(/cell-selected/);
  // One undo takes the fill back.
  await page.keyboard.press('Control+Z');
  await expect(table.value(IVA, LISHUI, '2025')).toHaveText('4717.8');
  expect((await stored(request, server, IVA, LISHUI, '2025'))?.value).toBe(471.78);
  expect((await stored(request, server, IVA, ZHEJIANG, '2025'))?.value).toBe(5000);
});

test('adds an indicator and a region from the table: the new row is ready to type into', async ({ server, workbench, page, request }) => {
  await workbench.open(server.launchUrl);
  const sheet = new SheetModel(page);
  const { table } = workbench;
  await sheet.tab.click();
  await table.value(IVA, LISHUI, '2024').click();
  await sheet.addRowMenu.click();
  await sheet.addIndicator.click();
  await expect(sheet.addRowDialog).toContainText('丽水市');
  // A code with a space is refused in the dialog, which stays open.
  await sheet.addRowField('code').fill('digital economy');
  await sheet.addRowField('name-zh').fill('数字经济核心产业增加值');
  await sheet.addRowField('name-en').fill('Digital economy core value added');
  await sheet.addRowField('unit').selectOption('billion yuan');
  await sheet.addRowDialog.getByTestId('dialog-submit').click();
  await expect(sheet.addRowDialog.getByTestId('dialog-error')).toContainText('只能含字母、数字');
  await sheet.addRowField('code').fill('digital_economy');
  await workbench.screenshot('editing-add-row-dialog-zh-light');
  await sheet.addRowDialog.getByTestId('dialog-submit').click();
  await expect(sheet.addRowDialog).toHaveCount(0);
  await expect(table.row('digital_economy', LISHUI)).toBeVisible();
  await expect(table.cell('digital_economy', LISHUI, 'indicator')).toHaveText('数字经济核心产业增加值');
  // The focus is in the new row: typing goes straight into it.
  const focused = table.row('digital_economy', LISHUI).locator('.ag-cell-focus');
  await expect(focused).toHaveAttribute('col-id', /^period:/);
  const period = (await focused.getAttribute('col-id'))!.slice('period:'.length);
  await page.keyboard.type('1,234.5亿');
  await page.keyboard.press('Enter');
  await expect(table.value('digital_economy', LISHUI, period)).toHaveText('1234.5');
  expect((await stored(request, server, 'digital_economy', LISHUI, period))?.value).toBe(123.45);
  // The figure typed is its own step: one Ctrl+Z takes it back and leaves the added indicator.
  await page.keyboard.press('Control+Z');
  // The row stays, empty, for typing again.
  await expect(table.value('digital_economy', LISHUI, period)).toHaveText('');
  expect((await stored(request, server, 'digital_economy', LISHUI, period))?.value ?? null).toBeNull();

  // A region, from the cell menu, for the row's indicator (the new one).
  await table.value('digital_economy', LISHUI, period).click({ button: 'right' });
  await sheet.cellMenu.getByTestId('cell-menu-add-region').click();
  await sheet.addRowField('code').fill('331199');
  await sheet.addRowField('name-zh').fill('丽水经开区');
  await sheet.addRowField('name-en').fill('Lishui Development Zone');
  await sheet.addRowField('level').selectOption('zone');
  await sheet.addRowField('parent').selectOption(LISHUI);
  await sheet.addRowDialog.getByTestId('dialog-submit').click();
  await expect(table.row('digital_economy', '331199')).toBeVisible();
  await expect(table.cell('digital_economy', '331199', 'region')).toHaveText('丽水经开区');
  const regions = await call<{ regions: { code: string; parentCode: string | null; level: string }[] }>(request, server, 'catalog.get');
  expect(regions.regions.find((region) => region.code === '331199')).toMatchObject({ parentCode: LISHUI, level: 'zone' });
  // The same code again is refused by the workspace, with its message in the dialog.
  await sheet.addRowMenu.click();
  await sheet.addRegion.click();
  await sheet.addRowField('code').fill('331199');
  await sheet.addRowField('name-zh').fill('重复');
  await sheet.addRowField('name-en').fill('Duplicate');
  await sheet.addRowDialog.getByTestId('dialog-submit').click();
  await expect(sheet.addRowDialog.getByTestId('dialog-error')).toContainText('已被使用');
  await page.keyboard.press('Escape');
  await expect(sheet.addRowDialog).toHaveCount(0);

  // Adding an entry is an undoable step too: Ctrl+Z takes the region out, then the indicator; Ctrl+Y puts both back.
  const catalogCodes = async () => {
    const catalog = await call<{ regions: { code: string }[]; indicators: { code: string }[] }>(request, server, 'catalog.get');
    return { region: catalog.regions.some((r) => r.code === '331199'), indicator: catalog.indicators.some((i) => i.code === 'digital_economy') };
  };
  await table.value('digital_economy', LISHUI, period).click();
  await page.keyboard.press('Control+Z');
  await expect(table.row('digital_economy', '331199')).toHaveCount(0);
  await expect(table.row('digital_economy', LISHUI)).toBeVisible();
  expect(await catalogCodes()).toEqual({ region: false, indicator: true });
  await page.keyboard.press('Control+Z');
  await expect(table.row('digital_economy', LISHUI)).toHaveCount(0);
  expect(await catalogCodes()).toEqual({ region: false, indicator: false });
  await page.keyboard.press('Control+Y');
  await page.keyboard.press('Control+Y');
  await expect(table.row('digital_economy', '331199')).toBeVisible();
  await expect(table.row('digital_economy', LISHUI)).toBeVisible();
  expect(await catalogCodes()).toEqual({ region: true, indicator: true });
});

test('cell history from the table: the cell menu and Alt+H open the snapshots view on the focused cell', async ({ server, workbench, page }) => {
  await workbench.open(server.launchUrl);
  const sheet = new SheetModel(page);
  const snapshots = new SnapshotsModel(page);
  const { table } = workbench;
  await sheet.tab.click();
  await table.value(IVA, LISHUI, '2024').click();
  await page.keyboard.type('4800');
  await page.keyboard.press('Enter');
  await expect(table.value(IVA, LISHUI, '2024')).toHaveText('4800');

  await table.value(IVA, LISHUI, '2024').click({ button: 'right' });
  await expect(sheet.cellMenu).toBeVisible();
  await expect(sheet.cellMenu.getByRole('menuitem')).toHaveCount(3);
  await workbench.screenshot('editing-cell-menu-zh-light');
  await page.keyboard.press('Escape');
  await expect(sheet.cellMenu).toHaveCount(0);
  await table.value(IVA, LISHUI, '2024').click({ button: 'right' });
  await sheet.cellMenu.getByTestId('cell-menu-history').click();
  await expect(snapshots.history).toBeVisible();
  await expect(snapshots.historyHeading).toContainText('规上工业增加值');
  await expect(snapshots.historyVersions).toHaveCount(2);

  // Alt+H on another focused cell: Zhejiang's growth, never edited.
  await sheet.tab.click();
  await table.growth(IVA, ZHEJIANG).click();
  await page.keyboard.press('Alt+H');
  await expect(snapshots.history).toBeVisible();
  await expect(snapshots.historyHeading).toContainText('浙江省');
  await expect(snapshots.historyVersions).toHaveCount(1);
  // A name cell has no history: the table says so and stays.
  await sheet.tab.click();
  await table.cell(IVA, LISHUI, 'region').click();
  await page.keyboard.press('Alt+H');
  await expect(sheet.notice).toContainText('请先选中一个数据单元格');
});

test('a large working copy draws its first rows at once, locked until the whole of it is in', async ({ server, workbench, page, request }) => {
  // 41 indicators × 25 counties × 20 months: more than a launch draws whole (shared/editing/columns.ts, HEAD_OVER).
  const counties = Array.from({ length: 25 }, (_, index) => `B${String(index).padStart(2, '0')}`);
  const months = Array.from({ length: 20 }, (_, index) => `${2023 + Math.floor(index / 12)}M${String((index % 12) + 1).padStart(2, '0')}`);
  for (const code of counties) await call(request, server, 'catalog.addRegion', { region: { code, nameZh: `测试县${code}`, nameEn: `County ${code}`, level: 'county', parentCode: LISHUI } });
  const { indicators } = await call<{ indicators: { code: string }[] }>(request, server, 'catalog.get');
  const cells = indicators.flatMap(({ code }) => counties.flatMap((region) => months.map((period, index) => ({ indicator: code, region, period, value: index + 1 }))));
  // The last indicator alone has a figure for 2022: a column the first rows do not hold.
  const last = indicators.at(-1)!.code;
  cells.push({ indicator: last, region: LISHUI, period: '2022', value: 1 });
  for (let start = 0; start < cells.length; start += 8000) await call(request, server, 'cells.edit', { kind: 'add', cells: cells.slice(start, start + 8000) });
  const count = (await call<{ workspace: { observationCount: number } }>(request, server, 'app.info')).workspace.observationCount;
  expect(count).toBeGreaterThan(20_000);
  // A new server on the file reads the first rows ahead, as at launch.
  const restarted = await restartServer(server);
  const logLength = (await call<unknown[]>(request, restarted, 'edit.log')).length;

  // The whole working copy is held back until the first rows have been checked.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/series.columns', async (route) => {
    await held;
    await route.continue();
  });
  await workbench.open(restarted.launchUrl);
  const sheet = new SheetModel(page);
  const { table } = workbench;
  // The first indicators' rows, with the whole table's columns; the last indicator's rows are not in yet.
  // (1 billion yuan shows as 10 in the row's unit, 亿元.)
  await expect(table.value(IVA, 'B00', '2023M01')).toHaveText('10');
  await expect(page.locator('[data-testid="wide-table"] .ag-header-cell[col-id="period:2022"]')).toHaveCount(1);
  await expect(page.getByTestId('table-loading')).toContainText(`正在载入全部 ${count.toLocaleString('en-US')} 个观测值`);
  await expect(page.getByTestId('status-count')).toContainText(String(count));
  await expect(page.locator(`[data-testid="wide-table"] [row-id="${last}|B24"]`)).toHaveCount(0);
  // Problems are found over the whole working copy: not counted yet.
  await expect(sheet.problemsToggle).toHaveText('问题 …');
  // Edits wait for the whole: a key says so, and nothing is written.
  await table.value(IVA, 'B00', '2023M01').click();
  await page.keyboard.press('Delete');
  await expect(sheet.notice).toContainText('表格仍在载入全部观测值');
  await expect(table.value(IVA, 'B00', '2023M01')).toHaveText('10');
  await workbench.screenshot('editing-large-first-rows-zh-light');
  // The same in English, dark.
  await workbench.languageSwitch.click();
  await workbench.themeSwitch.click();
  await expect(page.getByTestId('table-loading')).toContainText(`Loading all ${count.toLocaleString('en-US')} observations`);
  await expect(sheet.notice).toContainText('The table is still loading all its observations');
  await expect(sheet.problemsToggle).toHaveText('Problems …');
  await workbench.screenshot('editing-large-first-rows-en-dark');
  await workbench.languageSwitch.click();
  await workbench.themeSwitch.click();

  release();
  await expect(page.getByTestId('table-loading')).toHaveCount(0);
  // The notice to wait goes with the wait; the problems are counted.
  await expect(sheet.notice).toHaveCount(0);
  await expect(sheet.problemsToggle).toHaveText(/^问题 \d+$/);
  expect((await call<unknown[]>(request, restarted, 'edit.log')).length).toBe(logLength);
  await sheet.search.fill('测试县B24');
  await workbench.indicator(last).click();
  await expect(table.value(last, 'B24', '2023M01')).toBeVisible();
  await workbench.category('all').click();
  await sheet.search.fill('');
  await table.value(IVA, 'B00', '2023M01').click();
  await page.keyboard.press('Delete');
  await expect(table.value(IVA, 'B00', '2023M01')).toHaveText('—');
  expect((await stored(request, restarted, IVA, 'B00', '2023M01'))?.value ?? null).toBeNull();
});
