/**
 * Period arithmetic on one indicator's values: single months from year-to-date releases, the
 * combined January–February release, quarters and years from months, year to date from single
 * months. Pure; a value that cannot be derived carries a reason instead of NaN.
 *
 * Every value covers a span of calendar months: `startMonth` … the month its period code ends on.
 * A year-to-date "2024M11" covers 1–11, a single "2024M11" covers 11–11, and the single value of
 * the combined release "2024年1-2月" is stored at 2024M02 covering 1–2 (there is no separate January
 * or February). Comparisons between values (growth, change) require equal spans.
 */
import {
  comparePeriods,
  endMonth,
  naturalStartMonth,
  parsePeriod,
  periodCode,
  quarterOfMonth,
  spanLabel,
  type Accumulation,
  type Frequency,
} from './periods';
import { roundToSignificant } from './units';

export type ReasonCode =
  | 'NO_VALUE'
  | 'MISSING_INPUT'
  | 'NO_SEPARATE_MONTH'
  | 'NOT_ADDITIVE'
  | 'CANNOT_DISAGGREGATE'
  | 'SPAN_MISMATCH'
  | 'DIVISION_BY_ZERO'
  | 'NON_POSITIVE_VALUE'
  | 'NOT_A_RATE'
  | 'UNIT_MISMATCH'
  | 'NO_COMPARATOR'
  | 'NO_PARENT_VALUE'
  | 'NO_GROWTH'
  | 'BASE_MISSING';

export const REASON_CODES: readonly ReasonCode[] = [
  'NO_VALUE',
  'MISSING_INPUT',
  'NO_SEPARATE_MONTH',
  'NOT_ADDITIVE',
  'CANNOT_DISAGGREGATE',
  'SPAN_MISMATCH',
  'DIVISION_BY_ZERO',
  'NON_POSITIVE_VALUE',
  'NOT_A_RATE',
  'UNIT_MISMATCH',
  'NO_COMPARATOR',
  'NO_PARENT_VALUE',
  'NO_GROWTH',
  'BASE_MISSING',
];

/** Why a value could not be derived, in both languages, naming the periods involved. */
export interface Reason {
  readonly code: ReasonCode;
  readonly en: string;
  readonly zh: string;
  /** Period codes the reason is about (the missing input, the mismatched pair). */
  readonly periods: readonly string[];
}

/** One period's value, or the reason it has none. It covers calendar months startMonth … the end of `period`. */
export interface PeriodPoint {
  readonly period: string;
  readonly startMonth: number;
  readonly value: number | null;
  readonly reason?: Reason;
}

/** A period with the span of months it covers, for labels in reasons. */
export interface Span {
  readonly period: string;
  readonly startMonth: number;
}

const list = (spans: readonly Span[], language: 'zh' | 'en') =>
  spans.map((s) => spanLabel(s.period, s.startMonth, language)).join(language === 'zh' ? '、' : ', ');

/** Builds a reason; `spans` are the periods it is about, `extra` fills unit names and the like. */
export function reason(code: ReasonCode, spans: readonly Span[] = [], extra: { unit?: string } = {}): Reason {
  const en = list(spans, 'en');
  const zh = list(spans, 'zh');
  const year = spans[0] ? parsePeriod(spans[0].period)?.year : undefined;
  const messages: Record<ReasonCode, [string, string]> = {
    NO_VALUE: [`No value is recorded for ${en}.`, `${zh}没有数值。`],
    MISSING_INPUT: [`Needs ${en}, which the workspace does not hold.`, `需要${zh}的数据，工作区中没有。`],
    NO_SEPARATE_MONTH: [
      `January and February are released together as Jan–Feb ${year ?? ''}; there is no separate ${en}.`.replace('  ', ' '),
      `1月和2月合并发布为${year ?? ''}年1-2月，没有单独的${zh}数据。`,
    ],
    NOT_ADDITIVE: [
      `Rates and shares cannot be added or subtracted, so ${en} cannot be derived from values of other spans.`,
      `比率和比重不能相加减，无法由其他期别推算${zh}。`,
    ],
    CANNOT_DISAGGREGATE: [`${en} cannot be split into shorter periods.`, `${zh}的数据无法拆分为更短的期别。`],
    SPAN_MISMATCH: [`${en} cover different spans of months and are not comparable.`, `${zh}覆盖的月份不同，不可比。`],
    DIVISION_BY_ZERO: [`The base value for ${en} is zero.`, `${zh}的基数为零。`],
    NON_POSITIVE_VALUE: [`Growth over several years needs positive values; ${en} is not positive.`, `${zh}的数值不为正，无法计算年均增速。`],
    NOT_A_RATE: [
      `Percentage-point change applies to rates and shares; this indicator is measured in ${extra.unit ?? 'another unit'}.`,
      `百分点变化只适用于比率和比重，该指标的单位是${extra.unit ?? '其他单位'}。`,
    ],
    UNIT_MISMATCH: [`The units of ${en} cannot be converted into each other.`, `${zh}的单位无法换算。`],
    NO_COMPARATOR: [`There is no comparator region for ${en}.`, `${zh}没有可比较的地区。`],
    NO_PARENT_VALUE: [`The whole this is a share of has no value for ${en}.`, `${zh}的总量（上级）没有数值。`],
    NO_GROWTH: [`Growth for ${en} is neither reported nor computable from levels.`, `${zh}的增速既无公布值，也无法由数值计算。`],
    BASE_MISSING: [`The base period ${en} has no usable value.`, `基期${zh}没有可用的数值。`],
  };
  const [messageEn, messageZh] = messages[code];
  return { code, en: messageEn, zh: messageZh, periods: spans.map((s) => s.period) };
}

/** A point with no value. */
export function missingPoint(period: string, startMonth: number, why: Reason): PeriodPoint {
  return { period, startMonth, value: null, reason: why };
}

/**
 * How values of an indicator combine over time: flows add up (sum), stocks are read at the end
 * of the period (end), rates and shares do neither (none). A count accumulated year to date is
 * a flow by definition; other counts are stocks (number of enterprises at the end of the month).
 */
export type Additivity = 'sum' | 'end' | 'none';

export function additivityOf(kind: 'level' | 'flow' | 'rate' | 'count' | 'share', accumulation: Accumulation): Additivity {
  if (kind === 'flow') return 'sum';
  if (kind === 'count') return accumulation === 'ytd' ? 'sum' : 'end';
  if (kind === 'level') return 'end';
  return 'none';
}

/** Stored observations as points: a year-to-date month or quarter covers the year from January. */
export function storedPoints(observations: readonly { period: string; value: number | null }[], accumulation: Accumulation): PeriodPoint[] {
  const points: PeriodPoint[] = [];
  for (const observation of observations) {
    const period = parsePeriod(observation.period);
    if (!period) continue;
    const startMonth = accumulation === 'ytd' ? 1 : naturalStartMonth(period);
    points.push(
      observation.value === null
        ? missingPoint(period.code, startMonth, reason('NO_VALUE', [{ period: period.code, startMonth }]))
        : { period: period.code, startMonth, value: observation.value },
    );
  }
  return points.sort((a, b) => comparePeriods(a.period, b.period));
}

/** What a series is turned into before any transformation. */
export type AggregateTarget = 'none' | 'single' | 'ytd' | 'quarter' | 'year';

export const AGGREGATE_TARGETS: readonly AggregateTarget[] = ['none', 'single', 'ytd', 'quarter', 'year'];

const clean = (value: number) => roundToSignificant(value, 12);

/** The stored values of one indicator and region, looked up by the span of months they cover. */
class MonthIndex {
  /** year → end month → points ending there, by start month. */
  private readonly byEnd = new Map<number, Map<number, Map<number, PeriodPoint>>>();

  constructor(points: readonly PeriodPoint[]) {
    for (const point of points) {
      const period = parsePeriod(point.period)!;
      const months = this.byEnd.get(period.year) ?? new Map<number, Map<number, PeriodPoint>>();
      const end = endMonth(period);
      const starts = months.get(end) ?? new Map<number, PeriodPoint>();
      // A monthly value wins over a quarterly or annual one of the same span: it is the finer release.
      const existing = starts.get(point.startMonth);
      if (!existing || parsePeriod(existing.period)!.frequency !== 'month') starts.set(point.startMonth, point);
      months.set(end, starts);
      this.byEnd.set(period.year, months);
    }
  }

  exact(year: number, from: number, to: number): PeriodPoint | undefined {
    return this.byEnd.get(year)?.get(to)?.get(from);
  }

  /** Any point ending on `to`, the one with the latest start first. */
  endingAt(year: number, to: number): PeriodPoint[] {
    const starts = this.byEnd.get(year)?.get(to);
    return starts ? [...starts.values()].sort((a, b) => b.startMonth - a.startMonth) : [];
  }
}

const monthSpan = (year: number, month: number, startMonth: number): Span => ({ period: periodCode('month', year, month), startMonth });

/**
 * The value of months `from`…`to` of `year` from what is stored. Flows: an exact stored span, else
 * the difference of two year-to-date values, else the sum of shorter stored spans. Stocks: the value
 * at the end month. Rates and shares: only an exact stored span.
 */
function spanValue(index: MonthIndex, additivity: Additivity, year: number, from: number, to: number): { value: number | null; reason?: Reason } {
  const exact = index.exact(year, from, to);
  if (exact) return exact.value === null ? { value: null, reason: exact.reason! } : { value: exact.value };
  const target = monthSpan(year, to, from);
  if (additivity === 'end') {
    const atEnd = index.endingAt(year, to)[0];
    if (!atEnd) return { value: null, reason: reason('MISSING_INPUT', [monthSpan(year, to, to)]) };
    return atEnd.value === null ? { value: null, reason: atEnd.reason! } : { value: atEnd.value };
  }
  if (additivity === 'none') return { value: null, reason: reason('NOT_ADDITIVE', [target]) };

  // Without a separate January, nothing that starts or ends between January and February can be had.
  const hasCombined = !index.exact(year, 1, 1) && index.exact(year, 1, 2) !== undefined;
  if (hasCombined && (from === 2 || to === 1)) return { value: null, reason: reason('NO_SEPARATE_MONTH', [target]) };

  // Year to date minus year to date: Jan–Nov − Jan–Oct.
  const cumulativeTo = index.exact(year, 1, to);
  const before = from > 1 ? index.exact(year, 1, from - 1) : undefined;
  if (cumulativeTo && before) {
    if (cumulativeTo.value === null) return { value: null, reason: cumulativeTo.reason! };
    if (before.value === null) return { value: null, reason: before.reason! };
    return { value: clean(cumulativeTo.value - before.value) };
  }

  // Sum of stored pieces, walking back from the end month.
  let total = 0;
  let month = to;
  while (month >= from) {
    const candidates = index.endingAt(year, month);
    const piece = candidates.find((p) => p.startMonth >= from);
    if (!piece) {
      const widest = candidates[candidates.length - 1];
      if (widest && widest.startMonth > 1) return { value: null, reason: reason('CANNOT_DISAGGREGATE', [widest]) };
      // A year-to-date value ends here but starts too early: the year to date before `from` is what is missing.
      const missing = widest || cumulativeTo ? monthSpan(year, from - 1, 1) : monthSpan(year, month, month);
      return { value: null, reason: reason('MISSING_INPUT', [missing]) };
    }
    if (piece.value === null) return { value: null, reason: piece.reason! };
    total += piece.value;
    month = piece.startMonth - 1;
  }
  return { value: clean(total) };
}

function point(period: string, startMonth: number, result: { value: number | null; reason?: Reason }): PeriodPoint {
  return result.value === null ? missingPoint(period, startMonth, result.reason!) : { period, startMonth, value: result.value };
}

/**
 * Turns stored points into the target basis. Processing order is fixed: period aggregation (this
 * function) always runs before any transformation (shared/transform).
 * - `none`: as stored.
 * - `single`: single months and quarters; year-to-date values are differenced (Nov = Jan–Nov − Jan–Oct);
 *   without a separate January, the single value at M02 is the combined Jan–Feb total (1-2月).
 * - `ytd`: year to date from single months or quarters (sums), stocks as they are.
 * - `quarter`, `year`: flows summed, stocks at the end of the period.
 */
export function aggregate(points: readonly PeriodPoint[], additivity: Additivity, target: AggregateTarget): PeriodPoint[] {
  const sorted = [...points].sort((a, b) => comparePeriods(a.period, b.period));
  if (target === 'none') return sorted;
  const index = new MonthIndex(sorted);
  const parsed = sorted.map((p) => ({ point: p, period: parsePeriod(p.period)! }));
  const out = new Map<string, PeriodPoint>();
  const add = (p: PeriodPoint) => {
    if (!out.has(p.period)) out.set(p.period, p);
  };

  if (target === 'single' || target === 'ytd') {
    for (const { point: stored, period } of parsed) {
      if (period.frequency === 'year') {
        add(stored);
        continue;
      }
      const end = endMonth(period);
      const natural = naturalStartMonth(period);
      if (target === 'single') {
        if (stored.startMonth === natural) {
          add(stored);
        } else if (period.frequency === 'month' && end === 2 && !index.exact(period.year, 1, 1)) {
          // The combined release: Jan–Feb is the first value of the year and its own "single month".
          add(stored);
        } else {
          add(point(period.code, natural, spanValue(index, additivity, period.year, natural, end)));
        }
      } else {
        // A stock has no year to date: its value at the end of the month is what it is.
        add(stored.startMonth === 1 || additivity === 'end' ? stored : point(period.code, 1, spanValue(index, additivity, period.year, 1, end)));
      }
    }
    return [...out.values()];
  }

  const frequency: Frequency = target;
  const keys = new Map<string, { year: number; index: number }>();
  for (const { period } of parsed) {
    if (frequency === 'quarter' && period.frequency === 'year') {
      continue;
    }
    const at = frequency === 'year' ? 0 : quarterOfMonth(endMonth(period));
    keys.set(periodCode(frequency, period.year, at), { year: period.year, index: at });
  }
  for (const [code, key] of [...keys.entries()].sort((a, b) => comparePeriods(a[0], b[0]))) {
    const from = frequency === 'year' ? 1 : key.index * 3 - 2;
    const to = frequency === 'year' ? 12 : key.index * 3;
    add(point(code, from, spanValue(index, additivity, key.year, from, to)));
  }
  return [...out.values()];
}

/** The single-month value for one month of a year-to-date series, or why there is none. */
export function singleMonthFromYtd(ytd: readonly PeriodPoint[], month: string, additivity: Additivity = 'sum'): PeriodPoint {
  const period = parsePeriod(month);
  if (!period || period.frequency !== 'month') {
    return missingPoint(month, 1, reason('MISSING_INPUT', [{ period: month, startMonth: 1 }]));
  }
  const index = new MonthIndex(ytd);
  if (period.index === 2 && !index.exact(period.year, 1, 1) && index.exact(period.year, 1, 2)) {
    return point(period.code, 1, spanValue(index, additivity, period.year, 1, 2));
  }
  return point(period.code, period.index, spanValue(index, additivity, period.year, period.index, period.index));
}
