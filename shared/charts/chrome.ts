import { z } from 'zod';
import type { EChartsOption } from 'echarts';
import type { ObservationFlag } from '../api/schemas';
import type { Language } from '../format';
import { chartTheme, CHART_THEMES, type ChartTheme, type ChartThemeName } from './theme';
import { chartWords, flagFootnotes } from './text';

/** The frame every chart carries: title, subtitle, unit, source note, snapshot label, footnotes. */
export const ChartChromeSchema = z.object({
  lang: z.enum(['zh', 'en']),
  theme: z.enum(CHART_THEMES).optional(),
  /** Replaces the title built from the data. */
  title: z.string().max(300).nullable().optional(),
  subtitle: z.string().max(500).nullable().optional(),
  /** Who published the figures ("丽水市经信局…工作总结"), printed as "资料来源：…". */
  sourceNote: z.string().max(2000).nullable().optional(),
  /** The snapshot the figures are as of, printed as "数据版本：…". */
  snapshotLabel: z.string().max(300).nullable().optional(),
  /** One more line under the chart. */
  note: z.string().max(1000).nullable().optional(),
  width: z.number().int().min(200).max(4000).optional(),
  height: z.number().int().min(150).max(3000).optional(),
});
export type ChartChrome = z.infer<typeof ChartChromeSchema>;

/** What a builder adds to the chrome: the parts it knows from the data. */
export interface FrameParts {
  title: string;
  subtitle?: string | null;
  /** "单位：亿元" or "左轴：亿元 右轴：%"; empty for none. */
  unitText?: string;
  flags?: Iterable<ObservationFlag>;
  /** Lines of explanation under the chart (an empty ranking says why). */
  notes?: readonly string[];
  hasLegend?: boolean;
}

export interface Frame {
  readonly theme: ChartTheme;
  readonly width: number;
  readonly height: number;
  readonly lang: Language;
  /** The plotting area. */
  readonly grid: { left: number; right: number; top: number; bottom: number; outerBoundsMode: 'same'; outerBoundsContain: 'axisLabel' };
  /** Title, graphic texts, legend position, fonts and colours: spread into the option. */
  readonly base: EChartsOption;
  /** Every text line printed under the chart, in order (also used for speaker notes). */
  readonly footerLines: readonly string[];
  readonly title: string;
  readonly subtitle: string | null;
}

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Rough width of text in px: CJK characters are square, Latin ones about half as wide. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? fontSize : fontSize * 0.56;
  return width;
}

function lineCount(text: string, fontSize: number, width: number): number {
  return Math.max(1, Math.ceil(estimateTextWidth(text, fontSize) / Math.max(width, 1)));
}

/** Builds the chart's frame from the chrome (what the user or the workspace says) and the builder's parts. */
export function buildFrame(chrome: ChartChrome, parts: FrameParts): Frame {
  const theme = chartTheme((chrome.theme ?? 'slide') satisfies ChartThemeName);
  const width = chrome.width ?? theme.width;
  const height = chrome.height ?? theme.height;
  const lang = chrome.lang;
  const words = chartWords(lang);
  const pad = theme.padding;
  const inner = width - 2 * pad;
  const title = chrome.title?.trim() || parts.title;
  const subtitle = chrome.subtitle?.trim() || parts.subtitle?.trim() || null;

  const footerLines = [
    ...flagFootnotes(parts.flags ?? [], lang),
    ...(parts.notes ?? []),
    ...(chrome.note?.trim() ? [chrome.note.trim()] : []),
    ...(chrome.sourceNote?.trim() ? [`${words.source}${chrome.sourceNote.trim()}`] : []),
    ...(chrome.snapshotLabel?.trim() ? [`${words.snapshot}${chrome.snapshotLabel.trim()}`] : []),
  ];
  const footLine = Math.round(theme.footSize * 1.45);
  const graphic: NonNullable<EChartsOption['graphic']> = [];
  let footerHeight = 0;
  for (const line of [...footerLines].reverse()) {
    const lines = lineCount(line, theme.footSize, inner);
    footerHeight += lines * footLine;
    graphic.push({
      type: 'text',
      left: pad,
      top: height - pad - footerHeight,
      silent: true,
      style: { text: line, fill: theme.muted, fontSize: theme.footSize, fontFamily: theme.fontFamily, width: inner, overflow: 'break', lineHeight: footLine },
    });
  }

  // Long titles wrap (a slide's title is never cut off); each line takes its height.
  const titleLines = lineCount(title, theme.titleSize, inner);
  const titleHeight = Math.round(theme.titleSize * 1.25) * titleLines;
  const subtitleHeight = subtitle ? Math.round(theme.subtitleSize * 1.5) : 0;
  let top = pad + titleHeight + subtitleHeight + 10;
  const legendTop = top;
  if (parts.hasLegend) top += Math.round(theme.labelSize * 1.8);
  if (parts.unitText) {
    graphic.push({
      type: 'text',
      left: pad,
      top: top + 2,
      silent: true,
      style: { text: parts.unitText, fill: theme.muted, fontSize: theme.footSize, fontFamily: theme.fontFamily },
    });
    top += Math.round(theme.footSize * 1.6) + 6;
  }
  top += Math.round(theme.axisSize * 0.8);

  const base: EChartsOption = {
    animation: false,
    backgroundColor: theme.background,
    color: [...theme.palette],
    textStyle: { fontFamily: theme.fontFamily, color: theme.text, fontSize: theme.axisSize },
    title: {
      text: title,
      subtext: subtitle ?? '',
      left: pad,
      top: pad,
      padding: 0,
      itemGap: 8,
      textStyle: { fontSize: theme.titleSize, fontWeight: 'bold', color: theme.text, fontFamily: theme.fontFamily, width: inner, overflow: 'break', lineHeight: Math.round(theme.titleSize * 1.25) },
      subtextStyle: { fontSize: theme.subtitleSize, color: theme.muted, fontFamily: theme.fontFamily, width: inner, overflow: 'truncate' },
    },
    graphic,
    ...(parts.hasLegend
      ? { legend: { top: legendTop, left: pad, itemGap: 20, textStyle: { fontSize: theme.labelSize, color: theme.text, fontFamily: theme.fontFamily } } }
      : {}),
  };
  return {
    theme,
    width,
    height,
    lang,
    grid: { left: pad, right: pad, top, bottom: pad + footerHeight + Math.round(theme.axisSize * 0.6) + 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    base,
    footerLines,
    title,
    subtitle,
  };
}

/** "单位：亿元"; "" when there is nothing to say (counts of 个 still say it). */
export function unitText(label: string, language: Language): string {
  return label ? `${chartWords(language).unit}${label}` : '';
}
