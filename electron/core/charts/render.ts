import { renderAsync } from '@resvg/resvg-js';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import { fontFileFor } from './fontSubset';
import { BUNDLED_FONT_FAMILY } from './fonts';

// Only what the option builders use: the same tree-shaken set as the renderer's <EChart>.
echarts.use([BarChart, LineChart, ScatterChart, GridComponent, TitleComponent, LegendComponent, MarkLineComponent, GraphicComponent, SVGRenderer]);

/**
 * A file is never hovered: series drawn silent with no emphasis state skip ECharts' hover and
 * highlight bookkeeping, which was most of the time a dense line chart took after its labels.
 */
export function stillOption(option: EChartsOption): EChartsOption {
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  return { ...option, animation: false, series: series.map((one) => ({ ...one, silent: true, emphasis: { ...(one.emphasis as object | undefined), disabled: true } })) as EChartsOption['series'] };
}

/** Renders an option to an SVG document with ECharts' server-side renderer (no DOM, no canvas). */
export function renderSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(stillOption(option));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * Rasterises an SVG at `scale`× with resvg and only the bundled CJK font (cut to the characters the
 * SVG uses, see fontSubset.ts), so a PNG looks the same on every machine and Chinese never renders
 * as boxes. Runs on libuv's thread pool: the browser edition keeps answering, and a deck's pictures
 * are drawn side by side.
 */
export async function svgToPng(svg: string, scale: number): Promise<Buffer> {
  const fontFile = await fontFileFor(svg);
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: BUNDLED_FONT_FAMILY, sansSerifFamily: BUNDLED_FONT_FAMILY },
  });
  return image.asPng();
}
