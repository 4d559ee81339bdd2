import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { ChartsModel } from './page-models/ChartsModel';

// Rendering PNG and PPTX on the backend of a busy two-core machine takes a few seconds each.
test.beforeEach(() => {
  test.slow();
});

test('builds the ranking chart of the sample, explains what it cannot rank, and exports PNG, SVG and PPTX', async ({ page, server, workbench }) => {
  await workbench.open(server.launchUrl, null);
  const charts = new ChartsModel(page);
  await charts.open();
  await expect(charts.kind).toHaveValue('ranking');
  await charts.indicator.selectOption('industrial_value_added');

  // What a reader checks: the title, Lishui's growth, the provincial average, the source and the version.
  await expect(charts.chart).toContainText('2024年各市规上工业增加值增速排名');
  await expect(charts.chart).toContainText('1. 丽水市');
  await expect(charts.chart).toContainText('9.3%');
  await expect(charts.chart).toContainText('浙江省平均 7.5%');
  await expect(charts.chart).toContainText('资料来源：丽水市经信局');
  await expect(charts.chart).toContainText('数据版本：工作副本（未冻结）');
  // One city cannot be ranked: the view says so, and what the source printed.
  await expect(charts.gaps).toContainText('仅丽水市有2024年数据，其余10个市暂无，无法比较排名');
  await expect(charts.gaps).toContainText('资料所载丽水市排名：全省第5位');
  await workbench.screenshot('charts-ranking-zh');

  for (const format of ['png', 'svg', 'pptx'] as const) {
    const target = path.join(server.dir, `排名.${format}`);
    await charts.exportAs(format, target, { watermark: format === 'pptx' });
    await expect(charts.notice).toContainText(`已导出：${target}`);
    const bytes = readFileSync(target);
    if (format === 'png') expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([2560, 1440]);
    if (format === 'svg') expect(bytes.toString('utf8')).toContain('2024年各市规上工业增加值增速排名');
    if (format === 'pptx') expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  }
  await workbench.screenshot('charts-exported-zh');
});

test('switches chart type and language, and says why a chart cannot be drawn', async ({ page, server, workbench }) => {
  await workbench.open(server.launchUrl, null);
  const charts = new ChartsModel(page);
  await charts.open();
  await charts.kind.selectOption('growthComparison');
  await expect(charts.chart).toContainText('高于全省1.8个百分点');
  await workbench.languageSwitch.click();
  await expect(charts.chart).toContainText('1.8 pp above Zhejiang');
  await workbench.screenshot('charts-comparison-en');

  // The contribution of core digital manufacturing to the growth of industrial added value, the rest as "Other".
  await charts.kind.selectOption('waterfall');
  await expect(charts.chart).toContainText('Other');
  await expect(charts.chart).toContainText('9.3');
  await workbench.screenshot('charts-waterfall-en');
  await charts.kind.selectOption('valueGrowth');
  await expect(charts.chart).toContainText('471.78');

  // A period that is not one: the view says why there is no chart.
  await charts.kind.selectOption('ranking');
  await page.getByTestId('chart-period').fill('2024年底');
  await expect(charts.error).toContainText('is not a period');
  await workbench.screenshot('charts-error-en');
});
