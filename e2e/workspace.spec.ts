import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';

const IVA = 'industrial_value_added';
const LISHUI = '331100';

test('creates an empty workspace from the Workspace menu, then opens the sample file again', async ({ server, workbench, page }) => {
  await workbench.recordCspViolations();
  await workbench.open(server.launchUrl);
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');

  await workbench.workspaceMenu.click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(workbench.menuItem('workspace.new')).toContainText('新建空白工作区…');
  await expect(workbench.menuItem('workspace.new')).toContainText('Ctrl+N');
  await expect(workbench.menuItem('workspace.openSample')).toHaveText('打开示例工作区');
  await expect(workbench.menuItem('workspace.new')).toBeFocused();
  await workbench.screenshot('workspace-menu-zh-light');

  await workbench.menuItem('workspace.new').click();
  const { dialog } = workbench;
  await expect(dialog.root).toBeVisible();
  await expect(dialog.root).toHaveAccessibleName('新建空白工作区');
  await expect(dialog.root).toHaveAttribute('aria-modal', 'true');
  await expect(dialog.root).toContainText('浏览器版的后台就运行在这台电脑上');
  // The suggestion is a dated file next to the open workspace; the caret is in the field.
  await expect(dialog.path).toHaveValue(new RegExp(`^${escapeRegExp(server.dir)}.对标工作区-\\d{4}-\\d{2}-\\d{2}\\.sqlite$`));
  await expect(dialog.path).toBeFocused();
  await workbench.screenshot('new-workspace-dialog-zh-light');
  await dialog.path.fill(path.join(server.dir, 'empty.sqlite'));
  await page.keyboard.press('Enter');
  await expect(dialog.root).toHaveCount(0);
  await expect(workbench.emptyState).toContainText('工作区中还没有数据');
  await expect(workbench.table.root).toHaveCount(0);
  await expect(workbench.statusBar).toContainText('empty.sqlite');
  await expect(page.getByTestId('status-last-snapshot')).toHaveText('尚无快照');
  await expect(workbench.workspaceMenu).toBeFocused();

  // The same file again: the backend refuses, the dialog says why and stays open.
  await workbench.chooseFromMenu('workspace.new');
  await dialog.path.fill(path.join(server.dir, 'empty.sqlite'));
  await dialog.submit.click();
  await expect(dialog.error).toContainText('已存在');
  await page.keyboard.press('Escape');
  await expect(dialog.root).toHaveCount(0);

  await page.keyboard.press('Control+O');
  await expect(dialog.root).toHaveAccessibleName('打开工作区');
  await dialog.path.fill(server.workspacePath);
  await page.keyboard.press('Enter');
  await expect(dialog.root).toHaveCount(0);
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
  await expect(page.getByTestId('status-workspace')).toHaveText('工作区：workspace.sqlite');
  // zod runs jitless: nothing, not even its `new Function` probe, trips our CSP.
  expect(await workbench.cspViolations()).toEqual([]);
});

test('a file that is not SQLite: the error shows in the dialog and the table stays', async ({ server, workbench, page }) => {
  const textFile = path.join(server.dir, 'notes.txt');
  await writeFile(textFile, '规上工业增加值 4717.8 亿元\n', 'utf8');
  await workbench.open(server.launchUrl);
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');

  await workbench.chooseFromMenu('workspace.open');
  const { dialog } = workbench;
  await dialog.path.fill(textFile);
  await page.keyboard.press('Enter');
  await expect(dialog.error).toContainText('不是 SQLite 数据库');
  await expect(dialog.root).toBeVisible();
  await expect(dialog.path).toHaveValue(textFile);
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
  await expect(page.getByTestId('status-workspace')).toHaveText('工作区：workspace.sqlite');
  await workbench.screenshot('open-workspace-error-zh-light');

  // Alt+L still switches the language behind the dialog, and the backend's message follows.
  await page.keyboard.press('Alt+L');
  await expect(dialog.error).toContainText('is not an SQLite database');
  await expect(dialog.root).toHaveAccessibleName('Open workspace');
  await workbench.screenshot('open-workspace-error-en-light');

  // Focus stays inside: Tab from the last button comes back to the path field.
  await dialog.submit.focus();
  await page.keyboard.press('Tab');
  await expect(dialog.path).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.submit).toBeFocused();
  await dialog.cancel.click();
  await expect(dialog.root).toHaveCount(0);
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('471.78');
});

test('takes a snapshot: it appears in the selector and as the last snapshot in the status bar', async ({ server, workbench, page }) => {
  await workbench.open(server.launchUrl);
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
  await expect(workbench.table.cell(IVA, LISHUI, 'rank')).toHaveText('第5');

  await page.keyboard.press('Control+S');
  const { dialog } = workbench;
  await expect(dialog.root).toHaveAccessibleName('创建快照');
  await expect(dialog.label).toHaveValue(/^\d{4}-\d{2}-\d{2} 快照$/);
  await expect(dialog.label).toBeFocused();
  // The suggestion is selected: typing replaces it.
  await page.keyboard.type('2024年1-11月月报');
  await expect(dialog.label).toHaveValue('2024年1-11月月报');
  await dialog.note.fill('省统计局12月发布口径');
  await workbench.screenshot('snapshot-dialog-zh-light');
  await page.keyboard.press('Enter');
  await expect(dialog.root).toHaveCount(0);

  await expect(workbench.snapshotSelect.locator('option', { hasText: '2024年1-11月月报' })).toHaveCount(1);
  await expect(page.getByTestId('status-last-snapshot')).toHaveText('最近快照：2024年1-11月月报');
  await expect(workbench.statusBar).toContainText('视图：工作副本');

  // A label is required and unique; both are said inside the dialog.
  await workbench.chooseFromMenu('snapshot.create');
  await dialog.label.fill('  ');
  await dialog.submit.click();
  await expect(dialog.error).toHaveText('请填写此项。');
  await expect(dialog.label).toHaveAttribute('aria-invalid', 'true');
  await dialog.label.fill('2024年1-11月月报');
  await dialog.submit.click();
  await expect(dialog.error).toContainText('已有名为“2024年1-11月月报”的快照');
  await page.keyboard.press('Escape');
  await expect(dialog.root).toHaveCount(0);

  const option = workbench.snapshotSelect.locator('option', { hasText: '2024年1-11月月报' });
  await workbench.snapshotSelect.selectOption((await option.getAttribute('value'))!);
  await expect(workbench.readOnlyBadge).toHaveText('只读');
  await expect(workbench.statusBar).toContainText('视图：2024年1-11月月报');
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
});

test('the Workspace menu works from the keyboard; dialogs in English and in the dark theme', async ({ server, workbench, page }) => {
  await workbench.open(server.launchUrl);
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
  await expect(page.getByRole('tab', { name: '表格' })).toHaveAttribute('aria-selected', 'true');
  await workbench.themeSwitch.click();
  await workbench.screenshot('workbench-zh-dark-toolbar');

  await workbench.workspaceMenu.focus();
  await page.keyboard.press('ArrowDown');
  await expect(workbench.menuItem('workspace.new')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(workbench.menuItem('snapshot.create')).toBeFocused();
  await workbench.screenshot('workspace-menu-zh-dark');
  await page.keyboard.press('Enter');
  await expect(workbench.dialog.root).toHaveAccessibleName('创建快照');
  await workbench.screenshot('snapshot-dialog-zh-dark');
  await page.keyboard.press('Escape');
  await expect(workbench.dialog.root).toHaveCount(0);
  await expect(workbench.workspaceMenu).toBeFocused();

  await workbench.languageSwitch.click();
  await expect(workbench.table.cell(IVA, LISHUI, 'rank')).toHaveText('5th');
  await expect(page.getByRole('tab', { name: 'Table' })).toBeVisible();
  await workbench.workspaceMenu.click();
  await expect(workbench.menuItem('workspace.openSample')).toHaveText('Open sample workspace');
  await workbench.screenshot('workspace-menu-en-dark');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);

  await page.keyboard.press('Control+N');
  await expect(workbench.dialog.root).toHaveAccessibleName('New empty workspace');
  await expect(workbench.dialog.path).toHaveValue(/yardstick-\d{4}-\d{2}-\d{2}\.sqlite$/);
  await workbench.screenshot('new-workspace-dialog-en-dark');
  await workbench.dialog.path.fill(path.join(server.dir, 'no-such-folder', 'x.sqlite'));
  await page.keyboard.press('Enter');
  await expect(workbench.dialog.error).toContainText('does not exist');
  await workbench.screenshot('new-workspace-error-en-dark');
  await workbench.dialog.cancel.click();

  await page.keyboard.press('Control+S');
  await expect(workbench.dialog.label).toHaveValue(/^\d{4}-\d{2}-\d{2} snapshot$/);
  await workbench.screenshot('snapshot-dialog-en-dark');
});

test('Recent: the sample and a Save As copy are listed; a vanished file says so and can be removed', async ({ server, workbench, page }) => {
  await workbench.open(server.launchUrl);
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');

  await workbench.workspaceMenu.click();
  await expect(workbench.recentItems).toHaveCount(1);
  await expect(workbench.recentItem('workspace.sqlite')).toContainText('当前');
  await page.keyboard.press('Escape');

  // Save As continues in the copy: both files are now in the list, the copy first.
  const copy = path.join(server.dir, '月报副本.sqlite');
  await workbench.chooseFromMenu('workspace.saveAs');
  await workbench.dialog.path.fill(copy);
  await page.keyboard.press('Enter');
  await expect(workbench.dialog.root).toHaveCount(0);
  await expect(page.getByTestId('status-workspace')).toHaveText('工作区：月报副本.sqlite');
  await workbench.workspaceMenu.click();
  await expect(workbench.recentItems).toHaveCount(2);
  await expect(workbench.recentItems.nth(0)).toHaveAttribute('data-path', copy);
  await expect(workbench.recentItems.nth(1)).toHaveAttribute('data-path', server.workspacePath);
  await expect(workbench.recentItem('月报副本.sqlite')).toContainText(server.dir);
  await workbench.screenshot('workspace-menu-recent-zh-light');

  // Opening one by keyboard: ArrowDown from Open sample reaches the recent files.
  await workbench.menuItem('workspace.openSample').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(workbench.recentItem('workspace.sqlite')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status-workspace')).toHaveText('工作区：workspace.sqlite');
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');

  // The copy vanishes while the menu is open: choosing it says so, and the current workspace stays.
  await workbench.workspaceMenu.click();
  await expect(workbench.recentItem('月报副本.sqlite')).not.toHaveAttribute('aria-disabled');
  await rm(copy);
  await workbench.recentItem('月报副本.sqlite').click();
  await expect(page.getByTestId('error-banner')).toContainText(`${copy} 不存在`);
  await expect(page.getByTestId('status-workspace')).toHaveText('工作区：workspace.sqlite');

  // Next time the menu opens it is shown disabled, "not found", with a Remove button.
  await workbench.workspaceMenu.click();
  const missing = workbench.recentItem('月报副本.sqlite');
  await expect(missing).toHaveAttribute('aria-disabled', 'true');
  await expect(missing).toContainText('未找到');
  await workbench.screenshot('workspace-menu-recent-missing-zh-light');
  await missing.click({ force: true });
  await expect(page.getByRole('menu')).toBeVisible();
  await workbench.recentRemove('月报副本.sqlite').click();
  await expect(workbench.recentItems).toHaveCount(1);
  await expect(page.getByRole('menu')).toBeVisible();

  await workbench.languageSwitch.click({ force: true });
  await workbench.workspaceMenu.click();
  await expect(page.getByRole('group', { name: 'Recent' })).toBeVisible();
  await expect(workbench.recentItem('workspace.sqlite')).toContainText('open');
  await workbench.screenshot('workspace-menu-recent-en-light');
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
