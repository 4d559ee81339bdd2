import type { EChartsOption } from 'echarts';
import type { ChartTheme } from '../../../shared/charts/theme';
import type { ProjectionResult } from '../../../shared/projections/schema';

/** A year to mark on the fan chart with a vertical line and a label. */
export interface YearMark {
  readonly year: number;
  readonly label: string;
}

/**
 * The years the base case passes the target and overtakes each peer, when they fall inside the
 * chart's years. `label` words each mark in the reader's language.
 */
export function fanYearMarks(result: ProjectionResult, label: { reach: (year: number) => string; catchUp: (year: number, name: string) => string }, language: 'zh' | 'en'): YearMark[] {
  const first = result.base.startYear;
  const last = first + result.spec.years;
  const inside = (year: number) => year > first && year <= last;
  const marks: YearMark[] = [];
  const reach = result.target?.reach.find((entry) => entry.key === 'base')?.reach;
  if (reach?.kind === 'reached' && inside(reach.year)) marks.push({ year: reach.year, label: label.reach(reach.year) });
  for (const { peerKey, byScenario } of result.peers?.catchUp ?? []) {
    const catchUp = byScenario.find((entry) => entry.key === 'base')?.catchUp;
    const peer = result.peers?.peers.find((candidate) => candidate.key === peerKey);
    if (catchUp?.kind === 'catches_up' && peer && inside(catchUp.year)) {
      marks.push({ year: catchUp.year, label: label.catchUp(catchUp.year, language === 'zh' ? peer.nameZh : peer.nameEn) });
    }
  }
  return marks;
}

/**
 * The fan option with the marked years as dotted vertical lines. The shared builder draws the
 * target level; the years it is passed and a peer is overtaken are added here until it draws them too.
 */
export function withYearMarks(option: EChartsOption, marks: readonly YearMark[], theme: ChartTheme): EChartsOption {
  if (marks.length === 0) return option;
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  // Marks in the same or neighbouring years: each label sits one line higher than the one before.
  const data = marks.map((mark, index) => ({ xAxis: String(mark.year), label: { formatter: mark.label, distance: 6 + index * (theme.footSize + 6) } }));
  return {
    ...option,
    series: [
      ...series,
      {
        type: 'line',
        name: 'year-marks',
        data: [],
        silent: true,
        tooltip: { show: false },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: theme.reference, type: 'dotted', width: 2 },
          label: { position: 'end', color: theme.reference, fontSize: theme.footSize, fontFamily: theme.fontFamily },
          data,
        },
      },
    ],
  };
}
