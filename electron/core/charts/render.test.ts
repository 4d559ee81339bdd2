import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildChartOption, type ChartChrome, type ChartData } from '../../../shared/charts';
import * as fixtures from '../../../shared/charts/testing/fixtures';
import { renderSvg, svgToPng } from './render';

const chrome = (lang: 'zh' | 'en', theme: 'slide' | 'print' = 'slide'): ChartChrome => ({
  lang,
  theme,
  sourceNote: lang === 'zh' ? '丽水市经信局、市招商投资促进中心2024年工作总结' : 'Lishui Bureau of Economy and IT, 2024 work report',
  snapshotLabel: lang === 'zh' ? '2024年1-11月月报' : 'Jan–Nov 2024 release',
});

const cases: [string, ChartData][] = [
  ['valueGrowth', fixtures.valueGrowth],
  ['growthComparison', fixtures.comparison],
  ['ranking', fixtures.ranking11],
  ['rankingSample', fixtures.rankingSample],
  ['rankingEmpty', fixtures.rankingEmpty],
  ['vintages', fixtures.vintages],
  ['waterfall', fixtures.waterfall],
  ['scatter', fixtures.scatter],
  ['projectionFan', { kind: 'projectionFan', result: fixtures.projection() }],
];

// YARDSTICK_CHART_LOOK=dir writes every chart as PNG there, for a person to look at.
const lookDir = process.env.YARDSTICK_CHART_LOOK;

describe('server-side rendering', () => {
  it.each(cases)('draws %s as SVG with its title, source note and snapshot label', async (name, data) => {
    for (const lang of ['zh', 'en'] as const) {
      const option = buildChartOption(data, chrome(lang));
      const svg = renderSvg(option, 1280, 720);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain(lang === 'zh' ? '资料来源：丽水市经信局' : 'Source: Lishui Bureau');
      if (lookDir) {
        fs.mkdirSync(lookDir, { recursive: true });
        fs.writeFileSync(path.join(lookDir, `${name}-${lang}.png`), await svgToPng(svg, 1));
        if (lang === 'zh') fs.writeFileSync(path.join(lookDir, `${name}-print.png`), await svgToPng(renderSvg(buildChartOption(data, chrome('zh', 'print')), 1200, 800), 1));
      }
    }
  });

  it('rasterises at 2× and 3× the chart size', async () => {
    const svg = renderSvg(buildChartOption(fixtures.valueGrowth, chrome('zh')), 1280, 720);
    for (const scale of [2, 3]) {
      const png = await svgToPng(svg, scale);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      // IHDR: width and height as big-endian integers at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280 * scale, 720 * scale]);
    }
  });
});
