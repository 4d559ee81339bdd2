/** The looks a chart is exported in: a 16:9 slide, and a print figure for A4 reports. */
export type ChartThemeName = 'slide' | 'print';
export const CHART_THEMES = ['slide', 'print'] as const satisfies readonly ChartThemeName[];

export interface ChartTheme {
  readonly name: ChartThemeName;
  readonly width: number;
  readonly height: number;
  /** Space around the chart, in px. */
  readonly padding: number;
  readonly fontFamily: string;
  readonly titleSize: number;
  readonly subtitleSize: number;
  readonly axisSize: number;
  readonly labelSize: number;
  readonly footSize: number;
  readonly background: string;
  readonly text: string;
  readonly muted: string;
  readonly gridLine: string;
  /** Series colours, the own region's colour and the colour of peers beside it. */
  readonly palette: readonly string[];
  readonly own: string;
  readonly peer: string;
  readonly reference: string;
  readonly band: string;
}

/**
 * Font stack: what Windows, macOS and Linux offices have, then the font bundled for server-side
 * rendering (resources/fonts, family "Noto Sans S Chinese"), so Chinese never renders as boxes.
 */
// Single quotes: ECharts writes the stack into an SVG style attribute without escaping double quotes.
export const CHART_FONT_FAMILY = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans S Chinese', 'Noto Sans SC', sans-serif";

const SLIDE: ChartTheme = {
  name: 'slide',
  width: 1280,
  height: 720,
  padding: 36,
  fontFamily: CHART_FONT_FAMILY,
  titleSize: 30,
  subtitleSize: 18,
  axisSize: 16,
  labelSize: 16,
  footSize: 13,
  background: '#ffffff',
  text: '#1f2937',
  muted: '#6b7280',
  gridLine: '#e5e7eb',
  palette: ['#1d4e89', '#e07b39', '#2a9d8f', '#8e6bbf', '#c9a227', '#6c757d', '#d1495b'],
  own: '#c0392b',
  peer: '#7f9cbf',
  reference: '#374151',
  band: 'rgba(29, 78, 137, 0.16)',
};

// Print: smaller type for a figure in a report, and colours that stay apart in greyscale.
const PRINT: ChartTheme = {
  name: 'print',
  width: 1200,
  height: 800,
  padding: 28,
  fontFamily: CHART_FONT_FAMILY,
  titleSize: 24,
  subtitleSize: 15,
  axisSize: 14,
  labelSize: 13,
  footSize: 12,
  background: '#ffffff',
  text: '#111111',
  muted: '#4b5563',
  gridLine: '#d9d9d9',
  palette: ['#1a1a1a', '#7a7a7a', '#b5b5b5', '#4d4d4d', '#9e9e9e', '#2f2f2f'],
  own: '#b22222',
  peer: '#a6a6a6',
  reference: '#000000',
  band: 'rgba(0, 0, 0, 0.12)',
};

export function chartTheme(name: ChartThemeName = 'slide'): ChartTheme {
  return name === 'print' ? PRINT : SLIDE;
}
