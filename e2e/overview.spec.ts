import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { OverviewModel } from './page-models/OverviewModel';
import type { RunningServer } from './server';

const IVA = 'industrial_value_added';
const DIGITAL = 'digital_core_mfg_value_added';
const LISHUI = '331100';
const OUTPUT_YTD = 'industrial_output_ytd';
const screenshotPath = (name: string) => path.resolve(__dirname, 'screenshots', `${name}.png`);

/** Calls the browser edition's API as the page does; fails the test on an error value. */
async function api(request: APIRequestContext, server: RunningServer, method: string, data: unknown): Promise<unknown> {
  const response = await request.post(`${server.baseUrl}api/${method}`, { headers: { 'X-Yardstick-Token': server.token }, data });
  const body = await response.json();
  expect(body, `${method}: ${JSON.stringify(body.error)}`).toMatchObject({ ok: true });
  return body.value;
}

test('the overview is the first screen: the 2024 headline cards and the brief, in Chinese and English, light and dark', async ({ server, workbench, page }) => {
  // Two languages, two themes, six screenshots.
  test.setTimeout(60_000);
  await workbench.open(server.launchUrl, null);
  const overview = new OverviewModel(page);
  await expect(overview.tab).toHaveAttribute('aria-selected', 'true');

  const iva = overview.card(IVA);
  await expect(iva.value).toHaveText('4717.8亿元');
  await expect(iva.growth).toHaveText('+9.3%');
  await expect(iva.rank).toHaveText('全省第5');
  await expect(iva.gapProvince).toHaveText('+1.8个百分点');
  // The workspace has no national growth: said quietly, never estimated.
  await expect(iva.gapNation).toHaveText('未知');
  await expect(iva.failureMarker).toHaveCount(0);
  await expect(iva.sparkline).toHaveCount(0);
  await expect(overview.card(IVA).root).toContainText('仅有2024年一期数据');
  const digital = overview.card(DIGITAL);
  await expect(digital.value).toHaveText('41.13亿元');
  await expect(digital.growth).toHaveText('+25.0%');
  await expect(digital.rank).toHaveText('全省第2');
  await expect(digital.gapProvince).toHaveText('+17.4个百分点');
  // Semiconductors' rank is printed, but nobody else has the figure: no "in the province".
  await expect(overview.card('semiconductor_output').rank).toHaveText('第2');

  await expect(overview.briefOf(IVA)).toContainText('规上工业增加值4717.8亿元，同比增长9.3%，增速全省第5，高于全省平均1.8个百分点。');
  await expect(overview.briefOf(DIGITAL)).toContainText('规上数字经济核心产业制造业增加值41.13亿元，同比增长25.0%，增速全省第2，高于全省平均17.4个百分点');
  await workbench.screenshot('overview-zh-light');
  await overview.brief.screenshot({ path: screenshotPath('overview-brief-zh-light') });

  await workbench.languageSwitch.click();
  await expect(iva.value).toHaveText('471.78 billion yuan');
  await expect(iva.growth).toHaveText('+9.3%');
  await expect(iva.rank).toHaveText('5th in the province');
  await expect(iva.gapProvince).toHaveText('+1.8 points');
  await expect(iva.gapNation).toHaveText('not known');
  await expect(digital.value).toHaveText('4.113 billion yuan');
  await expect(digital.growth).toHaveText('+25.0%');
  await expect(digital.rank).toHaveText('2nd in the province');
  await expect(digital.gapProvince).toHaveText('+17.4 points');
  await expect(overview.briefOf(IVA)).toContainText(
    'Added value of industries above designated size was 471.78 billion yuan, up 9.3% year on year, 5th in the province, 1.8 percentage points above the provincial average.',
  );
  await workbench.screenshot('overview-en-light');

  await workbench.themeSwitch.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await workbench.screenshot('overview-en-dark');
  await overview.brief.screenshot({ path: screenshotPath('overview-brief-en-dark') });
  await overview.root.evaluate((element) => element.scrollTo(0, 0));
  await workbench.languageSwitch.click();
  await expect(iva.value).toHaveText('4717.8亿元');
  await workbench.screenshot('overview-zh-dark');
});

test('Copy puts the brief on the clipboard and says so', async ({ server, workbench, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await workbench.open(server.launchUrl, null);
  const overview = new OverviewModel(page);
  await expect(overview.briefOf(IVA)).toBeVisible();
  await expect(overview.briefOf('semiconductor_output')).toBeVisible();
  await overview.briefCopy.click();
  await expect(overview.briefStatus).toHaveText('已复制到剪贴板');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('规上工业增加值4717.8亿元，同比增长9.3%，增速全省第5，高于全省平均1.8个百分点。');
  expect(copied.split('\n')).toHaveLength(4);

  await workbench.languageSwitch.click();
  await overview.briefCopy.click();
  await expect(overview.briefStatus).toHaveText('Copied to the clipboard');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('471.78 billion yuan, up 9.3% year on year, 5th in the province');
});

test('a card opens its indicator in the table; Ctrl+1 and Ctrl+2 switch between overview and table', async ({ server, workbench, page }) => {
  await workbench.open(server.launchUrl, null);
  const overview = new OverviewModel(page);
  await overview.card(IVA).open.click();
  await expect(overview.tableTab).toHaveAttribute('aria-selected', 'true');
  await expect(workbench.indicator(IVA)).toHaveAttribute('aria-pressed', 'true');
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
  await expect(workbench.table.row(DIGITAL, LISHUI)).toHaveCount(0);
  await page.keyboard.press('Control+1');
  await expect(overview.root).toBeVisible();
  await page.keyboard.press('Control+2');
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
});

test('a failed consistency rule marks the card, with the reason on focus; recent periods draw a sparkline', async ({ server, workbench, page, request }) => {
  await api(request, server, 'cells.edit', {
    cells: [
      { indicator: IVA, region: LISHUI, period: '2022', value: 398.5 },
      { indicator: IVA, region: LISHUI, period: '2023', value: 431.6 },
      // A part larger than its whole.
      { indicator: DIGITAL, region: LISHUI, period: '2024', value: 500 },
    ],
  });
  await workbench.open(server.launchUrl, null);
  const overview = new OverviewModel(page);
  const iva = overview.card(IVA);
  await expect(iva.value).toHaveText('4717.8亿元');
  // Growth computed from levels sits next to the reported growth, never replacing it.
  await expect(iva.growth).toContainText('+9.3%');
  await expect(iva.growthComputed).toHaveText('按数值计算 +9.3%');
  await expect(iva.sparkline.getByRole('img')).toHaveAccessibleName(/近3期走势：2022年 3985亿元，2023年 4316亿元，2024年 4717.8亿元/);
  const digital = overview.card(DIGITAL);
  await expect(digital.failureMarker).toBeVisible();
  await expect(digital.failureReasons).toBeHidden();
  await digital.failureMarker.focus();
  await expect(digital.failureReasons).toBeVisible();
  await expect(digital.failureReasons).toContainText('大于其总量规上工业增加值');
  await expect(iva.failureMarker).toBeVisible();
  await workbench.screenshot('overview-failure-zh-light');
  await iva.failureMarker.hover();
  await expect(iva.failureReasons).toBeVisible();
});

test('a year-to-date series: single months beside the year-to-date values, and computed growth beside reported growth', async ({ server, workbench, page, request }) => {
  // Four transformations in two languages.
  test.setTimeout(60_000);
  await api(request, server, 'catalog.addIndicator', {
    indicator: {
      code: OUTPUT_YTD,
      nameZh: '规上工业总产值（累计）',
      nameEn: 'Gross industrial output, year to date',
      unit: '亿元',
      kind: 'flow',
      accumulation: 'ytd',
      category: 'industry',
      parentCode: null,
      sourceNote: null,
    },
  });
  // Single months Jan–Feb (released together) … Dec; stored as the year-to-date totals a release prints.
  const singles: Record<number, number[]> = {
    2023: [200, 110, 105, 108, 120, 100, 102, 115, 110, 118, 132],
    2024: [216, 121, 113, 118, 131, 108, 111, 125, 121, 130, 146],
  };
  const cells = Object.entries(singles).flatMap(([year, months]) =>
    months.map((_, index) => ({
      indicator: OUTPUT_YTD,
      region: LISHUI,
      period: `${year}M${String(index + 2).padStart(2, '0')}`,
      value: months.slice(0, index + 1).reduce((a, b) => a + b, 0),
      ...(year === '2024' ? { growthReportedPct: 9.5 } : {}),
    })),
  );
  await api(request, server, 'cells.edit', { kind: 'add', cells });

  await workbench.open(server.launchUrl);
  const overview = new OverviewModel(page);
  await workbench.indicator(OUTPUT_YTD).click();
  await overview.aggregate.selectOption('single');
  const stored = `${OUTPUT_YTD}|${LISHUI}|none:value`;
  const single = `${OUTPUT_YTD}|${LISHUI}|single:value`;
  await expect(overview.transformedCell(single, '2024M11')).toHaveText('130');
  await expect(overview.transformedCell(stored, '2024M11')).toHaveText('1294');
  await expect(overview.transformedCell(single, '2024M02')).toHaveText('216');
  await expect(overview.transformedCell(single, '2024M12')).toHaveText('146');
  await expect(overview.transformedRow(single)).toContainText('单月');
  await expect(overview.transformedRow(stored)).toContainText('累计');
  // Jan–Feb is one release in both rows; November is Jan–Nov in one row and November alone in the other.
  await expect(overview.transformedHeader('2024M02')).toHaveText('2024年1-2月');
  await expect(overview.transformedHeader('2024M11')).toHaveText('2024年11月');
  await expect(overview.transformNote).toContainText('1月和2月合并发布为1-2月');
  await workbench.screenshot('transform-single-zh-light');

  await overview.transform.selectOption('yoy');
  await expect(overview.transformedCell(single, '2024M11')).toHaveText('10.2');
  await expect(overview.transformedCell(stored, '2024M11')).toHaveText('8.9');
  await expect(overview.transformedCell(`${OUTPUT_YTD}|${LISHUI}|none:reported`, '2024M11')).toHaveText('9.5');
  await expect(overview.transformedRow(`${OUTPUT_YTD}|${LISHUI}|none:reported`)).toContainText('公布增速');
  // 2023 has no year before it in the workspace: a dash, with the reason on hover.
  await expect(overview.transformedCell(single, '2023M11')).toHaveText('—');

  await workbench.languageSwitch.click();
  await workbench.themeSwitch.click();
  await expect(overview.transformedCell(single, '2024M11')).toHaveText('10.2');
  await expect(overview.transformedRow(`${OUTPUT_YTD}|${LISHUI}|none:reported`)).toContainText('Reported growth');
  await overview.transform.selectOption('level');
  await expect(overview.transformedCell(single, '2024M11')).toHaveText('13');
  await expect(overview.transformedCell(stored, '2024M11')).toHaveText('129.4');
  await expect(overview.transformedRow(single)).toContainText('billion yuan');
  await overview.transform.selectOption('yoy');
  await workbench.screenshot('transform-yoy-en-dark');

  // Back to the stored values, which the table edits.
  await overview.transformReset.click();
  await expect(overview.transformedTable).toHaveCount(0);
  await expect(overview.aggregate).toHaveValue('none');
});

test('transformations of the sample: share of the parent indicator, gap to the province, index, with units', async ({ server, workbench, page }) => {
  await workbench.open(server.launchUrl);
  const overview = new OverviewModel(page);
  await workbench.indicator(DIGITAL).click();
  await overview.transform.selectOption('share');
  const row = `${DIGITAL}|${LISHUI}|none:value`;
  // 4.113 / 471.78 billion yuan.
  await expect(overview.transformedCell(row, '2024')).toHaveText('0.9');
  await expect(overview.transformedRow(row)).toContainText('%');

  await workbench.indicator(IVA).click();
  await overview.transform.selectOption('gap');
  const gap = `${IVA}|${LISHUI}|none:value`;
  await expect(overview.transformedCell(gap, '2024')).toHaveText('1.8');
  await expect(overview.transformedRow(gap)).toContainText('个百分点');

  await overview.transform.selectOption('index');
  await expect(overview.transformedCell(gap, '2024')).toHaveText('100.0');
  await expect(overview.transformedRow(gap)).toContainText('指数（2024=100）');
  await workbench.screenshot('transform-index-zh-light');
});

test('an empty workspace, and one without pinned indicators, say so on the overview', async ({ server, workbench, page, request }) => {
  await api(request, server, 'workspace.create', { path: `${server.dir}/empty.sqlite` });
  await workbench.open(server.launchUrl, null);
  const overview = new OverviewModel(page);
  await expect(overview.empty).toContainText('工作区中还没有数据');
  await workbench.screenshot('overview-empty-zh-light');

  await api(request, server, 'workspace.create', { path: `${server.dir}/unpinned.sqlite` });
  const catalog = (await api(request, server, 'catalog.get', {})) as { categories: { code: string }[]; regions: { code: string }[] };
  if (!catalog.categories.some((c) => c.code === 'industry')) {
    await api(request, server, 'catalog.addCategory', { category: { code: 'industry', nameZh: '工业经济', nameEn: 'Industry' } });
  }
  if (!catalog.regions.some((r) => r.code === LISHUI)) {
    await api(request, server, 'catalog.addRegion', { region: { code: LISHUI, nameZh: '丽水市', nameEn: 'Lishui', level: 'city', parentCode: null } });
  }
  await api(request, server, 'catalog.addIndicator', {
    indicator: { code: IVA, nameZh: '规上工业增加值', nameEn: 'Added value of industries above designated size', unit: '亿元', kind: 'flow', accumulation: 'point', category: 'industry', parentCode: null, sourceNote: null },
  });
  await api(request, server, 'cells.edit', { cells: [{ indicator: IVA, region: LISHUI, period: '2024', value: 4717.8 }] });
  await page.reload();
  await expect(overview.empty).toContainText('还没有置顶指标');
  await workbench.languageSwitch.click();
  await expect(overview.empty).toContainText('No pinned indicators yet');
  await overview.empty.getByRole('button', { name: 'Open the table' }).click();
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('471.78');
});

test('pins: unpin a card, pin another found by pinyin initials, move it, choose the region; all still there after a reload', async ({ server, workbench, page }) => {
  // Three reloads and a dozen saves on a shared machine.
  test.setTimeout(90_000);
  const LAND = 'industrial_land_supply';
  await workbench.open(server.launchUrl, null);
  const overview = new OverviewModel(page);
  await expect(overview.card(IVA).value).toHaveText('4717.8亿元');
  const pinned = await overview.cardCodes();
  expect(pinned).toContain(DIGITAL);
  expect(pinned).not.toContain(LAND);

  await overview.card(DIGITAL).unpin.click();
  await expect(overview.card(DIGITAL).root).toHaveCount(0);
  await expect(overview.cards).toHaveCount(pinned.length - 1);

  // The picker searches like the navigator: pinyin initials of 工业用地供应, then English.
  await overview.pinAdd.click();
  await expect(overview.pinSearch).toBeFocused();
  await overview.pinSearch.fill('gyyd');
  await expect(overview.pinCandidate(LAND)).toBeVisible();
  await expect(overview.pinCandidate(IVA)).toHaveCount(0);
  await workbench.screenshot('overview-pin-picker-zh-light');
  await overview.pinSearch.fill('land supply');
  await overview.pinCandidate(LAND).click();
  await expect(overview.card(LAND).root).toBeVisible();
  const withLand = [...pinned.filter((code) => code !== DIGITAL), LAND];
  expect(await overview.cardCodes()).toEqual(withLand);
  await expect(overview.pinCandidate(LAND)).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(overview.pinPicker).toHaveCount(0);
  await expect(overview.pinAdd).toBeFocused();

  // One place earlier; the first card cannot move earlier, the last not later.
  await overview.card(LAND).earlier.click();
  const moved = [...withLand.slice(0, -2), LAND, withLand.at(-2)!];
  await expect.poll(() => overview.cardCodes()).toEqual(moved);
  await expect(overview.card(moved[0]!).earlier).toBeDisabled();
  await expect(overview.card(moved.at(-1)!).later).toBeDisabled();
  await overview.card(LAND).root.hover();
  await workbench.screenshot('overview-pins-zh-light');

  await page.reload();
  await expect(overview.card(LAND).root).toBeVisible();
  expect(await overview.cardCodes()).toEqual(moved);
  await expect(overview.card(DIGITAL).root).toHaveCount(0);

  // The home region: the cards follow 衢州市, and so does the next launch.
  await overview.region.selectOption({ label: '衢州市' });
  await expect(overview.root.locator('.overview-header h2')).toContainText('衢州市');
  await page.reload();
  await expect(overview.root.locator('.overview-header h2')).toContainText('衢州市');
  expect(await overview.cardCodes()).toEqual(moved);

  // With nothing pinned the empty state says how to pin, and the picker is right there.
  for (const code of moved) await overview.card(code).unpin.click();
  await expect(overview.empty).toContainText('添加指标');
  await workbench.languageSwitch.click();
  await expect(overview.empty).toContainText('Add indicator');
  await workbench.screenshot('overview-no-pins-en-light');
  await overview.pinAdd.click();
  await overview.pinSearch.fill('gsgyzj');
  await overview.pinCandidate(IVA).click();
  await expect(overview.card(IVA).root).toBeVisible();
});

test('the navigator finds 丽水市 by its pinyin initials', async ({ server, workbench }) => {
  await workbench.open(server.launchUrl, null);
  await workbench.search.fill('lsh');
  await expect(workbench.region(LISHUI)).toBeVisible();
  await expect(workbench.region(LISHUI)).toHaveText('丽水市');
  await expect(workbench.region('330100')).toHaveCount(0);
  await workbench.search.fill('lishui');
  await expect(workbench.region(LISHUI)).toBeVisible();
});
