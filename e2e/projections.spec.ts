import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ProjectionsModel } from './page-models/ProjectionsModel';
import { PROJECT_ROOT } from './server';
import type { RunningServer } from './server';

const CLI_JS = path.join(PROJECT_ROOT, process.env.YARDSTICK_OUT_DIR ?? 'out', 'main', 'cli.js');
const run = promisify(execFile);

/** `yardstick …` from the build under test, with its data folder inside the test's temp folder. */
async function cli<T>(server: RunningServer, ...args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [CLI_JS, ...args, '--format', 'json'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, XDG_DATA_HOME: path.join(server.dir, 'data') },
  });
  return JSON.parse(stdout) as T;
}

interface CliProjection {
  scenarios: { key: string; path: { kind: string; points: { year: number; value: number }[] } }[];
  target: { reach: { key: string; reach: { kind: string; year: number } }[] } | null;
  share: { required: { kind: string; growthPct: number; gapPp: number } | null } | null;
}
interface CliContribution {
  result: { kind: string; contributionPp: number; shareOfGrowthPct: number };
}

// The issue's command, from the sample's 2024 figure (the CLI's default start year is last year).
const ISSUE = ['project', '--base', '471.78', '--growth', '9.3', '--start-year', '2024'];

// Each test runs the CLI or several live projections on a busy two-core machine.
test.beforeEach(() => {
  test.slow();
});

async function openProjections(page: Page, server: RunningServer): Promise<ProjectionsModel> {
  await page.goto(server.launchUrl);
  const projections = new ProjectionsModel(page);
  await projections.tab.click();
  await expect(projections.root).toBeVisible();
  await projections.settled();
  return projections;
}

test('from the sample: the year added value passes 600 bn, the growth a 2.5% share needs, semiconductors’ contribution; the CLI agrees', async ({ server, workbench, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const projections = await openProjections(page, server);

  // The editor opens on the sample's headline figure at its reported growth.
  await expect(projections.indicator.locator('option:checked')).toHaveText('规上工业增加值');
  await expect(projections.region.locator('option:checked')).toHaveText('丽水市');
  await expect(projections.period.locator('option:checked')).toHaveText('2024年');
  await expect(projections.baseReadout).toHaveText('工作区数值：4717.8亿元，增速9.3%');
  await expect(projections.rate('base')).toHaveValue('9.3');
  await expect(projections.entryUnit.locator('option:checked')).toHaveText('亿元');

  // 600 billion yuan is 6000 亿元 to a Chinese reader.
  await projections.years.fill('5');
  await projections.target.fill('6000');
  await projections.settled();
  await expect(projections.answer('target-year')).toHaveText('2027年');
  await expect(projections.answer('target-year', 'high')).toHaveText('高方案2027年');
  await expect(projections.answer('target-year', 'low')).toHaveText('低方案2028年');
  await expect(projections.briefing).toContainText('按年均增长9.3%测算，丽水市规上工业增加值将于2027年突破6000亿元（高方案2027年，低方案2028年）。');

  const passes = await cli<CliProjection>(server, ...ISSUE, '--years', '5', '--target', '600');
  const cliReach = passes.target!.reach.find((r) => r.key === 'base')!.reach;
  expect(cliReach).toMatchObject({ kind: 'reached', year: 2027 });
  await expect(projections.answer('target-year')).toHaveText(`${cliReach.year}年`);
  // Every level of the table is the CLI's, in 亿元 to one decimal.
  const cliBase = passes.scenarios.find((s) => s.key === 'base')!.path.points;
  for (const point of cliBase) await expect(projections.pathCell(point.year, 'base')).toHaveText((point.value * 10).toFixed(1));
  await expect(projections.pathCell(2027, 'base')).toHaveText('6160.3');

  // The share of the province: 2% in 2024 and the province's 7.5%, both read from the workspace.
  await projections.shareFill.click();
  await expect(projections.share).toHaveValue('2');
  await expect(projections.provinceGrowth).toHaveValue('7.5');
  await projections.targetShare.fill('2.5');
  await projections.shareYear.fill('2030');
  await projections.settled();
  await expect(projections.answer('share-growth')).toHaveText('11.57%');
  await expect(projections.answerDetail('share-growth')).toHaveText('高于全省4.07个百分点');
  // The fan chart marks the year the target is passed; the assumptions are printed under it.
  await expect(projections.fanChart).toContainText('2027年达到目标');
  await expect(projections.fanChart).toContainText('目标 6000');
  await expect(projections.assumptions).toHaveText('假设：2024年基数4717.8亿元；基准方案年均增长9.3%；高方案年均增长10.3%；低方案年均增长8.3%；全省年均增长7.5%。');
  const share = await cli<CliProjection>(server, ...ISSUE, '--province-growth', '7.5', '--share', '2', '--target-share', '2.5', '--target-year', '2030');
  expect(share.share!.required).toMatchObject({ kind: 'required' });
  await expect(projections.answer('share-growth')).toHaveText(`${share.share!.required!.growthPct.toFixed(2)}%`);

  // Semiconductors' contribution to the growth of the five leading industries in 2024.
  await expect(projections.contributionPart.locator('option:checked')).toHaveText('半导体产业产值');
  await expect(projections.contributionCell.locator('option:checked')).toHaveText('丽水市 · 2024年');
  await expect(projections.contributionPoints).toHaveText('2.01个百分点');
  await expect(projections.contributionShare).toHaveText('12.49%');
  await expect(projections.contributionBriefing).toHaveText('2024年，丽水市半导体产业产值增长27.1%，拉动五大主导产业产值增长2.0个百分点，贡献率12.5%。');
  const cliWorkspace = path.join(server.dir, 'cli.sqlite');
  await run(process.execPath, [CLI_JS, 'init', cliWorkspace, '--sample'], { cwd: PROJECT_ROOT, env: { ...process.env, XDG_DATA_HOME: path.join(server.dir, 'data') } });
  const contribution = await cli<CliContribution>(server, 'project', cliWorkspace, '--contribution', 'semiconductor_output', '--region', '331100', '--period', '2024');
  await expect(projections.contributionPoints).toHaveText(`${contribution.result.contributionPp.toFixed(2)}个百分点`);
  await expect(projections.contributionShare).toHaveText(`${contribution.result.shareOfGrowthPct.toFixed(2)}%`);

  // The briefing goes to the clipboard as one paragraph.
  await projections.briefingCopy.click();
  await expect(projections.briefingStatus).toHaveText('已复制到剪贴板。');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await projections.briefing.textContent());
  expect(copied).toContain('要在2030年使占全省比重达到2.5%，丽水市需年均增长11.6%，高于全省4.1个百分点。');

  await expect(projections.root).not.toContainText('NaN');
  await projections.scrollResults('end');
  await workbench.screenshot('projections-contribution-zh-light');
  await projections.scrollResults('top');
  await projections.fanChart.evaluate((chart) => chart.scrollIntoView({ block: 'start' }));
  await workbench.screenshot('projections-fan-zh-light');
  await projections.scrollResults('top');
  await workbench.screenshot('projections-zh-light');
});

test('a scenario saved under a name survives a reload and loads back; deleting it empties the list', async ({ server, page }) => {
  let projections = await openProjections(page, server);
  await projections.years.fill('6');
  await projections.target.fill('6000');
  await projections.targetYear.fill('2030');
  await projections.rateMode('base').selectOption('perYear');
  await projections.yearRate('base', 2).fill('9');
  await projections.yearRate('base', 3).fill('8.5');
  await projections.peerKind('value').check();
  await projections.peerName.fill('衢州市');
  await projections.peerValue.fill('5000');
  await projections.peerGrowth.fill('7');
  await projections.settled();
  const answer = await projections.answer('target-year').textContent();
  const catchUp = await projections.answer('catch-up').textContent();
  const required = await projections.answer('target-growth').textContent();
  expect(answer).toMatch(/^\d{4}年$/);
  expect(catchUp).toMatch(/^\d{4}年$/);
  expect(required).toMatch(/^\d+\.\d\d%$/);
  await expect(projections.fanChart).toContainText(`${catchUp!.slice(0, 4)}年超过衢州市`);
  await expect(projections.assumptions).toContainText('基准方案逐年增长9.3%、9%、8.5%（此后保持8.5%）');
  await expect(projections.assumptions).toContainText('衢州市年均增长7%');

  await projections.scenarioSave.click();
  await expect(projections.scenarioNotice).toHaveText('请填写情景名称。');
  await projections.scenarioName.fill('十五五基准');
  await projections.scenarioSave.click();
  await expect(projections.scenarioNotice).toHaveText('已保存情景“十五五基准”。');
  await expect(projections.scenarioSelect.locator('option:checked')).toHaveText('十五五基准');

  await page.reload();
  projections = new ProjectionsModel(page);
  await projections.tab.click();
  await projections.settled();
  // A fresh editor: the defaults, not the scenario.
  await expect(projections.target).toHaveValue('');
  await expect(projections.scenarioSelect.locator('option:checked')).toHaveText('十五五基准');
  await projections.scenarioLoad.click();
  await expect(projections.scenarioNotice).toHaveText('已载入情景“十五五基准”。');
  await expect(projections.years).toHaveValue('6');
  await expect(projections.target).toHaveValue('6000');
  await expect(projections.targetYear).toHaveValue('2030');
  await expect(projections.rateMode('base')).toHaveValue('perYear');
  await expect(projections.yearRate('base', 1)).toHaveValue('9.3');
  await expect(projections.yearRate('base', 3)).toHaveValue('8.5');
  await expect(projections.peerName).toHaveValue('衢州市');
  await expect(projections.peerValue).toHaveValue('5000');
  await projections.settled();
  await expect(projections.answer('target-year')).toHaveText(answer!);
  await expect(projections.answer('catch-up')).toHaveText(catchUp!);
  await expect(projections.answer('target-growth')).toHaveText(required!);
  await projections.scrollResults('top');
  await page.screenshot({ path: path.join(__dirname, 'screenshots', 'projections-loaded-zh-light.png') });

  await projections.scenarioDelete.click();
  await projections.scenarioDeleteConfirm.click();
  await expect(projections.scenarioNotice).toHaveText('已删除情景“十五五基准”。');
  await expect(projections.scenarioSelect.locator('option:checked')).toHaveText('尚未保存情景');
});

test('in English and dark: levels in billion yuan, the same answers, the English briefing', async ({ server, workbench, page }) => {
  await page.goto(server.launchUrl);
  await page.keyboard.press('Alt+L');
  await workbench.themeSwitch.click();
  await page.keyboard.press('Control+3');
  const projections = new ProjectionsModel(page);
  await projections.settled();
  await expect(projections.entryUnit.locator('option:checked')).toHaveText('billion yuan');
  await expect(projections.baseReadout).toHaveText('Workspace value: 471.78 billion yuan, growth 9.3%');
  await projections.years.fill('6');
  await projections.target.fill('600');
  await projections.shareFill.click();
  await projections.targetShare.fill('2.5');
  await projections.shareYear.fill('2030');
  await projections.settled();
  await expect(projections.answer('target-year')).toHaveText('2027');
  await expect(projections.answer('target-year', 'low')).toHaveText('Low case 2028');
  await expect(projections.answer('share-growth')).toHaveText('11.57%');
  await expect(projections.answerDetail('share-growth')).toHaveText('4.07 percentage points above the province');
  await expect(projections.pathCell(2027, 'base')).toHaveText('616.03');
  await expect(projections.briefing).toContainText('At 9.3% a year, added value of industries above designated size in Lishui passes 600 billion yuan in 2027 (high case 2027, low case 2028).');
  await expect(projections.contributionPoints).toHaveText('2.01 percentage points');
  await expect(projections.root).not.toContainText('NaN');
  await projections.fanChart.evaluate((chart) => chart.scrollIntoView({ block: 'start' }));
  await workbench.screenshot('projections-fan-en-dark');
  await projections.scrollResults('top');
  await workbench.screenshot('projections-en-dark');

  // Back in Chinese the same target reads in 亿元.
  await page.keyboard.press('Alt+L');
  await expect(projections.answer('target-year')).toHaveText('2027年');
  await expect(projections.entryUnit.locator('option:checked')).toHaveText('亿元');
  await expect(projections.target).toHaveValue('6000');
  await projections.settled();
  await expect(projections.answer('target-year')).toHaveText('2027年');
  await workbench.screenshot('projections-zh-dark');
  await workbench.themeSwitch.click();
  await page.keyboard.press('Alt+L');
  await expect(projections.target).toHaveValue('600');
  await projections.settled();
  await expect(projections.answer('target-year')).toHaveText('2027');
  await workbench.screenshot('projections-en-light');
});

test('edges read as words: never, already met, refused growth and a target year before the start', async ({ server, workbench, page }) => {
  const projections = await openProjections(page, server);
  await projections.target.fill('6000');
  await projections.rate('base').fill('0');
  await projections.rate('high').fill('');
  await projections.rate('low').fill('');
  await projections.settled();
  await expect(projections.answer('target-year')).toHaveText('无法达到');
  await expect(projections.briefing).toContainText('按年均增长0%测算，丽水市规上工业增加值无法达到6000亿元。');

  await projections.target.fill('4000');
  await projections.targetYear.fill('2024');
  await projections.rate('base').fill('9.3');
  await projections.settled();
  await expect(projections.answer('target-year')).toHaveText('已达到（2024年）');
  await expect(projections.answer('target-growth')).toHaveText('目标年份须晚于基年。');

  await projections.rate('base').fill('-100');
  await expect(projections.root.getByTestId('projection-rate-base-value-error')).toHaveText('增速须高于−100%（下降100%即归零，无从增长）。');
  await expect(projections.status).toHaveText('请先更正标红的设置项。');
  await expect(projections.result).toHaveAttribute('data-current', 'false');
  await projections.rate('base').fill('abc');
  await expect(projections.root.getByTestId('projection-rate-base-value-error')).toHaveText('请输入数字。');
  await expect(projections.root).not.toContainText('NaN');
  await expect(projections.root).not.toContainText('Infinity');
  await projections.scrollResults('top');
  await workbench.screenshot('projections-edges-zh-light');
});
