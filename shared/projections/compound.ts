import { checkLevel, checkYear, growthFactor, refused, type Refused } from './outcome';
import { normaliseRates, rateAt, type NormalisedRates, type RateSchedule } from './rates';

export interface PathPoint {
  readonly year: number;
  readonly value: number;
  /** Growth into this year in percent; null for the start year. */
  readonly growthPct: number | null;
}

/** Levels by calendar year, the start year first. */
export type PathResult = { readonly kind: 'path'; readonly points: PathPoint[] } | Refused;

/** Walks normalised rates from `base`: the path of levels for years 0…years. */
export function walkPath(base: number, startYear: number, rates: NormalisedRates, years: number): PathPoint[] {
  const points: PathPoint[] = [{ year: startYear, value: base, growthPct: null }];
  let value = base;
  for (let year = 1; year <= years; year += 1) {
    const growthPct = rateAt(rates, year);
    value *= growthFactor(growthPct);
    points.push({ year: startYear + year, value, growthPct });
  }
  return points;
}

/**
 * Compound growth from `base` in `startYear` over `years` years (spreadsheets' FV for a constant
 * rate, FVSCHEDULE for per-year or ramped rates).
 */
export function projectPath(base: number, startYear: number, schedule: RateSchedule, years: number): PathResult {
  const problem = checkLevel(base, 'base') ?? checkYear(startYear, 'startYear');
  if (problem) return problem;
  if (!Number.isInteger(years) || years < 1) return refused('NO_YEARS', 'years');
  const rates = normaliseRates(schedule);
  if ('kind' in rates) return rates;
  return { kind: 'path', points: walkPath(base, startYear, rates, years) };
}

/** The level after `years` years at a constant rate: base × (1 + g)^years. */
export function compoundValue(base: number, growthPct: number, years: number): number {
  return base * Math.pow(growthFactor(growthPct), years);
}
