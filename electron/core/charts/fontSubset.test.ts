import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { buildChartOption } from '../../../shared/charts';
import * as fixtures from '../../../shared/charts/testing/fixtures';
import { BUNDLED_FONT_FAMILY, bundledFontPath } from './fonts';
import { charactersOf, fontFileFor } from './fontSubset';
import { renderSvg } from './render';

function pixels(svg: string, fontFile: string | undefined): Buffer {
  const font = { loadSystemFonts: false, fontFiles: fontFile ? [fontFile] : [], defaultFontFamily: BUNDLED_FONT_FAMILY, sansSerifFamily: BUNDLED_FONT_FAMILY };
  return Buffer.from(new Resvg(svg, { background: '#ffffff', font }).render().pixels);
}

describe('font subsets for PNG', () => {
  it('collects the characters an SVG draws, numeric entities included', () => {
    const chars = charactersOf('<svg><text>丽水&#x5E02; &#24037;业 9.3%</text></svg>');
    for (const char of ['丽', '水', '市', '工', '业', '9', '%', 'A']) expect(chars).toContain(char);
    expect(chars).not.toContain('杭');
  });

  it('draws a chart with Chinese labels pixel for pixel as the whole bundled font does', async () => {
    const svg = renderSvg(
      buildChartOption(fixtures.rankingSample, { lang: 'zh', theme: 'slide', sourceNote: '丽水市经信局2024年工作总结', snapshotLabel: '2024年1-11月月报' }),
      640,
      360,
    );
    const subset = await fontFileFor(svg);
    expect(subset).not.toBe(bundledFontPath());
    const withSubset = pixels(svg, subset);
    expect(withSubset.equals(pixels(svg, bundledFontPath()))).toBe(true);
    // And the labels are drawn at all: without a font resvg leaves text out.
    expect(withSubset.equals(pixels(svg, undefined))).toBe(false);
  });

  it('reuses the subset file for the same characters', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><text y="15">丽水</text></svg>';
    expect(await fontFileFor(svg)).toBe(await fontFileFor(svg.replace('y="15"', 'y="16"')));
  });
});
