/**
 * Transformations of a series, as FRED offers them ("units" in FRED's terms), in a fixed order:
 *
 *   1. period aggregation (shared/ytd `aggregate`: as stored, single months, year to date,
 *      quarters, years), then
 *   2. one transformation (this module).
 *
 * Never the other way round: growth of a quarter is growth of the quarter's sum, not a sum of
 * monthly growth rates. Every result names its unit: the level unit, "%", "pp" (percentage
 * points) or "index". Growth computed here from levels is shown next to the reported
 * (comparable-basis) growth, never in its place. A value that cannot be computed carries a reason.
 */
import { parsePeriod, shiftPeriod, yearsEarlier, endMonth, type Period } from '../periods';
import { convert, findUnit, roundToSignificant } from '../units';
import { reason, type PeriodPoint, type Reason } from '../ytd';

export type Comparison = 'previous' | 'year_ago';

export type Transform =
  | { kind: 'level' }
  /** Change in the level's unit (in pp for a rate). */
  | { kind: 'change'; against: Comparison }
  /** % change from the previous period. */
  | { kind: 'pct' }
  /** % change from a year ago, computed from levels. */
  | { kind: 'yoy' }
  /** Percentage-point change of a rate or share. */
  | { kind: 'pp'; against: Comparison }
  /** Index, base period = 100. */
  | { kind: 'index'; base: string }
  /** Share of the parent (city of province, sector of total), in %. */
  | { kind: 'share' }
  /** Compound annual growth over N years, in %. */
  | { kind: 'cagr'; years: number }
  /** Growth gap to a comparator region, in percentage points. */
  | { kind: 'gap' };

export type TransformKind = Transform['kind'];

/** The syntax the CLI and the API accept, for help texts. */
export const TRANSFORM_SYNTAX = 'level | change[:yoy] | pct | yoy | pp[:yoy] | index:<period> | share | cagr:<years> | gap';

/** Reads "yoy", "pp", "pp:yoy", "index:2020", "cagr:5", "change", "pct", "share", "gap"; undefined when not one of them. */
export function parseTransform(text: string): Transform | undefined {
  const [name = '', argument, ...rest] = text.trim().toLowerCase().split(':');
  if (rest.length > 0) return undefined;
  switch (name) {
    case 'level':
    case 'lin':
      return argument === undefined ? { kind: 'level' } : undefined;
    case 'change':
    case 'chg':
    case 'pp':
      if (argument !== undefined && argument !== 'yoy') return undefined;
      return { kind: name === 'pp' ? 'pp' : 'change', against: argument === 'yoy' ? 'year_ago' : 'previous' };
    case 'pct':
    case 'pch':
      return argument === undefined ? { kind: 'pct' } : undefined;
    case 'yoy':
    case 'pc1':
      return argument === undefined ? { kind: 'yoy' } : undefined;
    case 'share':
      return argument === undefined ? { kind: 'share' } : undefined;
    case 'gap':
      return argument === undefined ? { kind: 'gap' } : undefined;
    case 'index': {
      const base = argument === undefined ? undefined : parsePeriod(argument);
      return base ? { kind: 'index', base: base.code } : undefined;
    }
    case 'cagr': {
      const years = Number(argument);
      return Number.isInteger(years) && years >= 1 && years <= 50 ? { kind: 'cagr', years } : undefined;
    }
    default:
      return undefined;
  }
}

/** The canonical text of a transformation: parseTransform(transformText(t)) equals t. */
export function transformText(transform: Transform): string {
  switch (transform.kind) {
    case 'change':
    case 'pp':
      return transform.against === 'year_ago' ? `${transform.kind}:yoy` : transform.kind;
    case 'index':
      return `index:${transform.base}`;
    case 'cagr':
      return `cagr:${transform.years}`;
    default:
      return transform.kind;
  }
}

/** Where a growth figure comes from: printed in the release, or computed here from levels. */
export type GrowthBasis = 'reported' | 'computed';

export interface TransformedPoint extends PeriodPoint {
  /** For yoy: the growth printed in the release for the same period and span, shown next to the computed one. */
  readonly reportedGrowthPct?: number | null;
  /** For gap: whether both growth rates were reported or both computed from levels. */
  readonly basis?: GrowthBasis;
}

/** A series with growth as reported, keyed by period and the month its value starts on. */
export interface SeriesWithGrowth {
  readonly unit: string;
  readonly points: readonly PeriodPoint[];
  /** Reported growth by `growthKey(period, startMonth)`; only stored spans have one. */
  readonly reportedGrowth?: ReadonlyMap<string, number | null>;
}

export function growthKey(period: string, startMonth: number): string {
  return `${period}|${startMonth}`;
}

export interface TransformInput extends SeriesWithGrowth {
  /** For share: the whole (parent region or parent indicator), aggregated the same way. */
  readonly parent?: SeriesWithGrowth;
  /** For gap: the comparator region's series of the same indicator, aggregated the same way. */
  readonly comparator?: SeriesWithGrowth;
}

export interface TransformedSeries {
  readonly transform: string;
  /** Unit code of the values: the level unit, "%", "pp" or "index". */
  readonly unit: string;
  /** For index: the base period (= 100). */
  readonly base?: string;
  readonly points: readonly TransformedPoint[];
}

const clean = (value: number) => roundToSignificant(value, 12);
const monthsCovered = (period: Period, startMonth: number) => endMonth(period) - startMonth + 1;

export function isRateUnit(unit: string): boolean {
  const dimension = findUnit(unit)?.dimension;
  return dimension === 'rate' || dimension === 'rate_difference';
}

/** Looks points up by period code. */
function lookup(points: readonly PeriodPoint[]): Map<string, PeriodPoint> {
  return new Map(points.map((p) => [p.period, p]));
}

/** The point `against` `point` is compared with, or why there is none comparable. */
function comparand(point: PeriodPoint, byPeriod: Map<string, PeriodPoint>, against: Comparison, years = 1): PeriodPoint | Reason {
  const period = parsePeriod(point.period)!;
  const code = against === 'previous' ? shiftPeriod(point.period, -1)! : yearsEarlier(point.period, years)!;
  const other = byPeriod.get(code);
  if (!other) {
    const startMonth = against === 'previous' ? Math.max(1, endMonth(parsePeriod(code)!) - monthsCovered(period, point.startMonth) + 1) : point.startMonth;
    return reason('MISSING_INPUT', [{ period: code, startMonth }]);
  }
  const comparable =
    against === 'previous'
      ? monthsCovered(period, point.startMonth) === monthsCovered(parsePeriod(other.period)!, other.startMonth)
      : other.startMonth === point.startMonth;
  if (!comparable) return reason('SPAN_MISMATCH', [other, point]);
  if (other.value === null) return other.reason ?? reason('NO_VALUE', [other]);
  return other;
}

function withValue(point: PeriodPoint, value: number | null, why?: Reason): TransformedPoint {
  return value === null || !Number.isFinite(value)
    ? { period: point.period, startMonth: point.startMonth, value: null, reason: why ?? reason('DIVISION_BY_ZERO', [point]) }
    : { period: point.period, startMonth: point.startMonth, value: clean(value) };
}

function failed(point: PeriodPoint, why: Reason): TransformedPoint {
  return { period: point.period, startMonth: point.startMonth, value: null, reason: why };
}

/** Growth of each point from a year ago in %, or why not; a helper of yoy and gap. */
export function yearOnYear(points: readonly PeriodPoint[]): TransformedPoint[] {
  const byPeriod = lookup(points);
  return points.map((point) => {
    if (point.value === null) return failed(point, point.reason!);
    const before = comparand(point, byPeriod, 'year_ago');
    if ('code' in before) return failed(point, before);
    if (before.value === 0) return failed(point, reason('DIVISION_BY_ZERO', [before]));
    return withValue(point, (point.value / before.value! - 1) * 100);
  });
}

/** The growth of one point: reported when `preferReported` and printed, else computed from levels. */
function growthOf(series: SeriesWithGrowth, computed: Map<string, TransformedPoint>, point: PeriodPoint, basis: GrowthBasis): number | null {
  if (basis === 'reported') return series.reportedGrowth?.get(growthKey(point.period, point.startMonth)) ?? null;
  return computed.get(point.period)?.value ?? null;
}

/** Applies one transformation to aggregated points. See the module comment for the order of steps. */
export function applyTransform(transform: Transform, input: TransformInput): TransformedSeries {
  const text = transformText(transform);
  const { points, unit } = input;
  const byPeriod = lookup(points);
  const map = (unitCode: string, step: (point: PeriodPoint & { value: number }) => TransformedPoint): TransformedSeries => ({
    transform: text,
    unit: unitCode,
    points: points.map((point) => (point.value === null ? failed(point, point.reason!) : step(point as PeriodPoint & { value: number }))),
  });
  const difference = (against: Comparison) => (point: PeriodPoint & { value: number }) => {
    const before = comparand(point, byPeriod, against);
    return 'code' in before ? failed(point, before) : withValue(point, point.value - before.value!);
  };

  switch (transform.kind) {
    case 'level':
      return map(unit, (point) => ({ ...point }));
    case 'change':
      return map(isRateUnit(unit) ? 'pp' : unit, difference(transform.against));
    case 'pp':
      if (!isRateUnit(unit)) return map('pp', (point) => failed(point, reason('NOT_A_RATE', [], { unit })));
      return map('pp', difference(transform.against));
    case 'pct':
      return map('%', (point) => {
        const before = comparand(point, byPeriod, 'previous');
        if ('code' in before) return failed(point, before);
        return before.value === 0 ? failed(point, reason('DIVISION_BY_ZERO', [before])) : withValue(point, (point.value / before.value! - 1) * 100);
      });
    case 'yoy': {
      const computed = lookup(yearOnYear(points));
      return map('%', (point) => ({
        ...computed.get(point.period)!,
        reportedGrowthPct: input.reportedGrowth?.get(growthKey(point.period, point.startMonth)) ?? null,
      }));
    }
    case 'cagr':
      return map('%', (point) => {
        const before = comparand(point, byPeriod, 'year_ago', transform.years);
        if ('code' in before) return failed(point, before);
        if (before.value! <= 0 || point.value <= 0) return failed(point, reason('NON_POSITIVE_VALUE', [before.value! <= 0 ? before : point]));
        return withValue(point, ((point.value / before.value!) ** (1 / transform.years) - 1) * 100);
      });
    case 'index': {
      const base = indexBase(points, transform.base);
      return {
        ...map('index', (point) => ('code' in base ? failed(point, base) : withValue(point, (point.value / base.value) * 100))),
        base: transform.base,
      };
    }
    case 'share': {
      const parent = input.parent;
      return map('%', (point) => {
        const whole = parent ? lookup(parent.points).get(point.period) : undefined;
        if (!parent || !whole || whole.value === null || whole.startMonth !== point.startMonth) {
          return failed(point, whole && whole.startMonth !== point.startMonth ? reason('SPAN_MISMATCH', [whole, point]) : reason('NO_PARENT_VALUE', [point]));
        }
        const converted = convert(whole.value, parent.unit, unit);
        if (!converted.ok) return failed(point, reason('UNIT_MISMATCH', [point]));
        return converted.value === 0 ? failed(point, reason('DIVISION_BY_ZERO', [whole])) : withValue(point, (point.value / converted.value) * 100);
      });
    }
    case 'gap': {
      const comparator = input.comparator;
      const own = lookup(yearOnYear(points));
      const theirs = comparator ? lookup(yearOnYear(comparator.points)) : new Map<string, TransformedPoint>();
      const theirPoints = comparator ? lookup(comparator.points) : new Map<string, PeriodPoint>();
      // Both sides on one basis: reported growth when both are printed, else both computed from levels.
      return {
        transform: text,
        unit: 'pp',
        points: points.map((point) => {
          if (!comparator) return failed(point, reason('NO_COMPARATOR', [point]));
          const other = theirPoints.get(point.period) ?? { ...point, value: null };
          for (const basis of ['reported', 'computed'] as const) {
            const mine = growthOf(input, own, point, basis);
            const their = other.startMonth === point.startMonth ? growthOf(comparator, theirs, other, basis) : null;
            if (mine !== null && their !== null) return { ...withValue(point, mine - their), basis };
          }
          return failed(point, reason('NO_GROWTH', [point]));
        }),
      };
    }
  }
}

/** The value of the base period: the point itself, or for a sub-annual series and a base year, the year's mean of single periods. */
function indexBase(points: readonly PeriodPoint[], baseCode: string): { value: number } | Reason {
  const base = parsePeriod(baseCode)!;
  const span = { period: base.code, startMonth: 1 };
  const exact = points.find((p) => p.period === base.code);
  if (exact) return exact.value === null || exact.value === 0 ? reason('BASE_MISSING', [exact]) : { value: exact.value };
  if (base.frequency !== 'year') return reason('BASE_MISSING', [span]);
  const inYear = points.filter((p) => parsePeriod(p.period)!.year === base.year);
  const frequency = inYear[0] ? parsePeriod(inYear[0].period)!.frequency : undefined;
  const expected = frequency === 'quarter' ? 4 : 12;
  const singles = inYear.filter((p) => {
    const period = parsePeriod(p.period)!;
    return period.frequency === frequency && p.value !== null && monthsCovered(period, p.startMonth) === (frequency === 'quarter' ? 3 : 1);
  });
  if (!frequency || singles.length !== expected) return reason('BASE_MISSING', [span]);
  const mean = singles.reduce((sum, p) => sum + p.value!, 0) / expected;
  return mean === 0 ? reason('BASE_MISSING', [span]) : { value: mean };
}

/** Label of a result unit: "%", "个百分点" / "percentage points", "指数（2020=100）" / "index (2020 = 100)", else the level unit's label. */
export function resultUnitLabel(unit: string, language: 'zh' | 'en', base?: string): string {
  if (unit === 'index') return language === 'zh' ? `指数（${base ?? '基期'}=100）` : `index (${base ?? 'base'} = 100)`;
  if (unit === 'pp') return language === 'zh' ? '个百分点' : 'percentage points';
  if (unit === '%') return '%';
  const found = findUnit(unit);
  return found ? (language === 'zh' ? found.labelZh : found.labelEn) : unit;
}
