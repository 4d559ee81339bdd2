import { expect, test } from './fixtures';

const IVA = 'industrial_value_added';
const LISHUI = '331100';
const ZHEJIANG = '330000';

test('reads Lishui 2024 industrial added value in Chinese, then in English, in both themes', async ({ server, workbench, page }) => {
  await workbench.open(server.launchUrl);
  const { table } = workbench;

  await expect(table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
  await expect(table.unit(IVA, LISHUI)).toHaveText('亿元');
  await expect(table.growth(IVA, LISHUI)).toHaveText('9.3%');
  await expect(table.cell(IVA, LISHUI, 'rank')).toHaveText('第5');
  await expect(table.header('rank')).toContainText('最新排名');
  await expect(table.cell(IVA, LISHUI, 'indicator')).toHaveText('规上工业增加值');
  await expect(table.cell(IVA, LISHUI, 'region')).toHaveText('丽水市');
  // Rows end in different years (one figure is for 2025), so the header says "latest".
  await expect(table.header('growth')).toContainText('最新增速');
  // Zhejiang's level is not printed, only its growth.
  await expect(table.value(IVA, ZHEJIANG, '2024')).toHaveText('—');
  await expect(table.growth(IVA, ZHEJIANG)).toHaveText('7.5%');
  await expect(page).toHaveTitle('对标 Yardstick');
  expect(page.url()).not.toContain('token=');
  await expect(workbench.statusBar).toContainText('workspace.sqlite');
  await expect(workbench.statusBar).toContainText('工作副本');
  await expect(workbench.statusBar).toContainText(/\d+ 条观测值/);
  await workbench.screenshot('workbench-zh-light');

  await workbench.languageSwitch.click();
  await expect(table.value(IVA, LISHUI, '2024')).toHaveText('471.78');
  await expect(table.unit(IVA, LISHUI)).toHaveText('billion yuan');
  await expect(table.growth(IVA, LISHUI)).toHaveText('9.3%');
  await expect(table.cell(IVA, LISHUI, 'region')).toHaveText('Lishui');
  await expect(table.cell(IVA, LISHUI, 'rank')).toHaveText('5th');
  await expect(table.header('growth')).toContainText('Latest growth');
  await expect(workbench.statusBar).toContainText('Working copy');
  await workbench.screenshot('workbench-en-light');

  await workbench.themeSwitch.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const gridBackground = await table.root.locator('.ag-root-wrapper').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(luminance(gridBackground)).toBeLessThan(0.2);
  await workbench.screenshot('workbench-en-dark');

  await workbench.languageSwitch.click();
  await expect(table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
  await workbench.screenshot('workbench-zh-dark');

  // Language and theme survive a reload (the token stays in the tab's session).
  await workbench.languageSwitch.click();
  await page.reload();
  // A reload reopens the view it was left on, the table, without a click.
  await expect(table.value(IVA, LISHUI, '2024')).toHaveText('471.78');
  await expect(page.getByTestId('view-tab-table')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the navigator filters the table by category and region; a snapshot is read-only', async ({ server, workbench }) => {
  await workbench.open(server.launchUrl);
  const { table } = workbench;
  await expect(table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');

  await workbench.category('land').click();
  await expect(table.row(IVA, LISHUI)).toHaveCount(0);
  await workbench.category('industry').click();
  await expect(table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
  await workbench.indicator(IVA).click();
  await expect(table.header('growth')).toContainText('2024年增速');
  await expect(table.growth(IVA, ZHEJIANG)).toHaveText('7.5%');
  await workbench.region(LISHUI).click();
  await expect(table.row(IVA, ZHEJIANG)).toHaveCount(0);
  await expect(table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
  await workbench.screenshot('workbench-zh-filtered');

  await workbench.snapshotSelect.selectOption('1');
  await expect(workbench.readOnlyBadge).toHaveText('只读');
  await expect(workbench.statusBar).toContainText('丽水市经信局2024年工作报告');
  await expect(table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
  await workbench.snapshotSelect.selectOption('working');
  await expect(workbench.readOnlyBadge).toHaveCount(0);
});

test('keyboard: Alt+L switches the language, Ctrl+F and / focus the navigator filter', async ({ server, workbench, page }) => {
  await workbench.open(server.launchUrl);
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
  await page.keyboard.press('Alt+L');
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('471.78');
  await page.keyboard.press('Control+F');
  await expect(workbench.search).toBeFocused();
  await page.keyboard.type('lishui');
  await expect(workbench.region(LISHUI)).toBeVisible();
  await expect(workbench.region('330100')).toHaveCount(0);
  await workbench.search.blur();
  await page.keyboard.press('/');
  await expect(workbench.search).toBeFocused();
});

test('an empty workspace says so instead of showing an empty grid', async ({ server, workbench, request }) => {
  const created = await request.post(`${server.baseUrl}api/workspace.create`, {
    headers: { 'X-Yardstick-Token': server.token },
    data: { path: `${server.dir}/empty.sqlite` },
  });
  expect((await created.json()).ok).toBe(true);
  await workbench.open(server.launchUrl);
  await expect(workbench.emptyState).toContainText('工作区中还没有数据');
  await expect(workbench.table.root).toHaveCount(0);
  await expect(workbench.statusBar).toContainText('empty.sqlite');
  await workbench.screenshot('empty-workspace-zh');
});

test('a wrong token shows a clear error, in the chosen language, not a blank page', async ({ server, workbench }) => {
  await workbench.open(`${server.baseUrl}#token=not-the-token`);
  await expect(workbench.errorState).toBeVisible();
  await expect(workbench.errorState).toContainText('无法加载工作区');
  await expect(workbench.errorState).toContainText('访问令牌缺失或错误');
  await expect(workbench.errorState).toContainText('UNAUTHORIZED');
  await expect(workbench.table.root).toHaveCount(0);
  await workbench.screenshot('invalid-token-zh');
  await workbench.languageSwitch.click();
  await expect(workbench.errorState).toContainText('Cannot load the workspace');
  await expect(workbench.errorState).toContainText('Missing or wrong access token');
});

test('a page opened without any token explains how to get in', async ({ server, workbench }) => {
  await workbench.open(server.baseUrl);
  await expect(workbench.errorState).toContainText('缺少访问令牌');
});

/** Relative luminance (0 black … 1 white) of a CSS `rgb()`/`rgba()` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).map(Number).map((c) => c / 255);
  return 0.2126 * (r ?? 1) + 0.7152 * (g ?? 1) + 0.0722 * (b ?? 1);
}
