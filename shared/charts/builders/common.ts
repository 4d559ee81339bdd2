import type { EChartsOption } from 'echarts';
import type { ObservationFlag } from '../../api/schemas';
import { formatNumber, type Language } from '../../format';
import { estimateTextWidth, type Frame } from '../chrome';
import type { Names } from '../data';

type AxisOption = Record<string, unknown>;

/** More categories than this along the bottom are labelled sparsely, on one line each. */
const LONG_AXIS = 24;

/** A category axis in the frame's fonts; `vertical` for the names down the side of a ranking. */
export function categoryAxis(frame: Frame, categories: readonly string[], extra: AxisOption = {}, vertical = false): AxisOption {
  const { theme } = frame;
  // Every category is labelled; along the bottom a long name wraps within its band instead of
  // hiding its neighbours (a width down the side would reserve that much room beside the bars).
  const band = (frame.width - frame.grid.left - frame.grid.right) / Math.max(categories.length, 1);
  if (!vertical && categories.length > LONG_AXIS) {
    // A long series (120 months): every n-th label on one line, n so that they do not touch. Laying
    // out and wrapping 120 labels was most of the time a dense chart took to draw.
    const longest = Math.max(0, ...categories.map((category) => estimateTextWidth(category, theme.axisSize)));
    const interval = Math.max(0, Math.ceil((longest + 16) / Math.max(band, 1)) - 1);
    return {
      type: 'category',
      data: [...categories],
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.muted } },
      axisLabel: { fontSize: theme.axisSize, color: theme.text, interval },
      ...extra,
    };
  }
  const wrap = vertical ? {} : { width: Math.max(60, Math.floor(band - 8)), overflow: 'break', lineHeight: Math.round(theme.axisSize * 1.25) };
  return {
    type: 'category',
    data: [...categories],
    axisTick: { show: false },
    axisLine: { lineStyle: { color: theme.muted } },
    axisLabel: { fontSize: theme.axisSize, color: theme.text, interval: 0, ...wrap },
    ...extra,
  };
}

/** A value axis whose labels are written the way the language writes numbers (no grouping in Chinese). */
export function valueAxis(frame: Frame, suffix = '', extra: AxisOption = {}): AxisOption {
  const { theme, lang } = frame;
  return {
    type: 'value',
    axisLabel: { fontSize: theme.axisSize, color: theme.muted, formatter: (value: number) => `${formatNumber(value, lang, 2)}${suffix}` },
    splitLine: { lineStyle: { color: theme.gridLine } },
    axisLine: { show: false },
    ...extra,
  };
}

/** Figures not yet final are drawn lighter with a dashed edge, besides the mark on their label. */
export function flaggedStyle(flags: readonly ObservationFlag[], colour: string): Record<string, unknown> {
  const isTentative = flags.includes('preliminary') || flags.includes('estimated');
  // A lighter fill, not opacity: opacity would fade the bar's label too.
  return isTentative ? { color: fade(colour, 0.5), borderType: 'dashed', borderColor: colour, borderWidth: 2 } : { color: colour };
}

/** "#1d4e89" at `alpha` as rgba(); other colour notations are returned as they are. */
export function fade(colour: string, alpha: number): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!match) return colour;
  const [r, g, b] = match.slice(1).map((part) => Number.parseInt(part, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

export function pick(names: Names, lang: Language): string {
  return names[lang] || names.zh || names.en;
}

export function labelStyle(frame: Frame, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { show: true, fontSize: frame.theme.labelSize, color: frame.theme.text, fontFamily: frame.theme.fontFamily, ...extra };
}

const frames = new WeakMap<EChartsOption, Frame>();

/** Joins a frame and the builder's own parts into one option. */
export function withFrame(frame: Frame, option: EChartsOption): EChartsOption {
  const joined: EChartsOption = { ...frame.base, grid: frame.grid, ...option, graphic: [...asArray(frame.base.graphic), ...asArray(option.graphic)] };
  frames.set(joined, frame);
  return joined;
}

/** The frame an option was built with (title, subtitle, footer lines), for slides that draw their own text. */
export function frameOfOption(option: EChartsOption): Frame | undefined {
  return frames.get(option);
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** A message in the middle of the plotting area, for a chart with nothing to draw. */
export function emptyMessage(frame: Frame, text: string): NonNullable<EChartsOption['graphic']> {
  const { theme } = frame;
  return [
    {
      type: 'text',
      left: 'center',
      top: 'middle',
      silent: true,
      style: {
        text,
        fill: theme.muted,
        fontSize: theme.subtitleSize,
        fontFamily: theme.fontFamily,
        width: frame.width * 0.7,
        overflow: 'break',
        align: 'center',
        lineHeight: Math.round(theme.subtitleSize * 1.5),
      },
    },
  ];
}
