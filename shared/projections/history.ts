import { checkGrowth, checkLevel, growthFactor, refused, type Refused } from './outcome';
import { studentTTwoTailedInverse } from './studentT';

export interface YearValue {
  readonly year: number;
  readonly value: number;
}

/** Average growth over the last k years of a history of levels (geometric: RRI over k years). */
export type AverageGrowth =
  | { readonly kind: 'average'; readonly growthPct: number; readonly fromYear: number; readonly toYear: number; readonly years: number }
  | Refused;

export interface TrendPoint {
  readonly year: number;
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * A log-linear trend ln(level) = a + b × year fitted by least squares; `growthPct` = e^b − 1.
 * The band is the prediction interval of one future year at `level` (Student's t, n − 2 df).
 */
export type LogLinearTrend =
  | {
      readonly kind: 'trend';
      readonly growthPct: number;
      /** Fitted level in the mean year of the history (the centre of the fit). */
      readonly centreYear: number;
      readonly centreValue: number;
      /** Standard error of the residuals of ln(level). */
      readonly residualSe: number;
      readonly level: number;
      readonly fitted: TrendPoint[];
      readonly projected: TrendPoint[];
    }
  | Refused;

function checkHistory(history: readonly YearValue[]): Refused | undefined {
  const seen = new Set<number>();
  for (const [index, point] of history.entries()) {
    if (!Number.isInteger(point.year)) return refused('NOT_FINITE', `history[${index}].year`);
    const problem = checkLevel(point.value, `history[${index}].value`);
    if (problem) return problem;
    seen.add(point.year);
  }
  return seen.size === history.length ? undefined : refused('TOO_FEW_POINTS', 'history');
}

/** (v_last / v_{last−k})^(1/k) − 1 over the latest year of the history and the year k before it. */
export function averageGrowth(history: readonly YearValue[], k: number): AverageGrowth {
  const problem = checkHistory(history);
  if (problem) return problem;
  if (!Number.isInteger(k) || k < 1) return refused('NO_YEARS', 'k');
  if (history.length === 0) return refused('TOO_FEW_POINTS', 'history');
  const last = history.reduce((latest, point) => (point.year > latest.year ? point : latest));
  const first = history.find((point) => point.year === last.year - k);
  if (!first) return refused('TOO_FEW_POINTS', 'history');
  return { kind: 'average', growthPct: (Math.pow(last.value / first.value, 1 / k) - 1) * 100, fromYear: first.year, toYear: last.year, years: k };
}

/** The constant rate equivalent to a run of yearly growth rates (when only rates are stored). */
export type AverageOfRates = { readonly kind: 'average'; readonly growthPct: number; readonly years: number } | Refused;

/** Geometric mean of (1 + g) − 1 over yearly growth rates. */
export function averageOfRates(growthPcts: readonly number[]): AverageOfRates {
  if (growthPcts.length === 0) return refused('TOO_FEW_POINTS', 'growthPcts');
  let logSum = 0;
  for (const [index, pct] of growthPcts.entries()) {
    const problem = checkGrowth(pct, `growthPcts[${index}]`);
    if (problem) return problem;
    logSum += Math.log(growthFactor(pct));
  }
  return { kind: 'average', growthPct: (Math.exp(logSum / growthPcts.length) - 1) * 100, years: growthPcts.length };
}

/** Fits the trend to the history and projects it `projectYears` years past the last year. */
export function logLinearTrend(history: readonly YearValue[], projectYears: number, level = 0.95): LogLinearTrend {
  const problem = checkHistory(history);
  if (problem) return problem;
  if (history.length < 3) return refused('TOO_FEW_POINTS', 'history');
  if (!Number.isInteger(projectYears) || projectYears < 0) return refused('NO_YEARS', 'projectYears');
  if (!(level > 0 && level < 1)) return refused('NOT_FINITE', 'level');
  const n = history.length;
  const meanYear = history.reduce((sum, p) => sum + p.year, 0) / n;
  const logs = history.map((p) => Math.log(p.value));
  const meanLog = logs.reduce((sum, v) => sum + v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  history.forEach((p, i) => {
    sxx += (p.year - meanYear) ** 2;
    sxy += (p.year - meanYear) * (logs[i]! - meanLog);
  });
  const slope = sxy / sxx;
  const sse = history.reduce((sum, p, i) => sum + (logs[i]! - (meanLog + slope * (p.year - meanYear))) ** 2, 0);
  const residualSe = Math.sqrt(sse / (n - 2));
  const t = studentTTwoTailedInverse(1 - level, n - 2);
  const point = (year: number): TrendPoint => {
    const fit = meanLog + slope * (year - meanYear);
    const half = t * residualSe * Math.sqrt(1 + 1 / n + (year - meanYear) ** 2 / sxx);
    return { year, value: Math.exp(fit), lower: Math.exp(fit - half), upper: Math.exp(fit + half) };
  };
  const lastYear = Math.max(...history.map((p) => p.year));
  return {
    kind: 'trend',
    growthPct: (Math.exp(slope) - 1) * 100,
    centreYear: meanYear,
    centreValue: Math.exp(meanLog),
    residualSe,
    level,
    fitted: [...history].sort((a, b) => a.year - b.year).map((p) => point(p.year)),
    projected: Array.from({ length: projectYears }, (_, i) => point(lastYear + 1 + i)),
  };
}
