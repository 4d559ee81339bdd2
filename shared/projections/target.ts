import { checkGrowth, checkLevel, checkYear, growthFactor, refused, type Refused } from './outcome';
import { normaliseRates, rateAt, type NormalisedRates, type RateSchedule } from './rates';

/** Growth needed to go from a level to a target in a number of years (spreadsheets' RRI). */
export type RequiredGrowth =
  | { readonly kind: 'required'; readonly growthPct: number; readonly years: number }
  /** The target is already met; `growthPct` (≤ 0) is the rate that would land exactly on it. */
  | { readonly kind: 'already_met'; readonly growthPct: number; readonly years: number }
  | Refused;

/** When a path reaches a target (spreadsheets' NPER for a constant rate). */
export type TargetReach =
  | {
      readonly kind: 'reached';
      /** Years from the start, with the fraction of the year (compound interpolation). */
      readonly years: number;
      /** Whole years until the first calendar year whose level is at or above the target. */
      readonly wholeYears: number;
      /** That calendar year. */
      readonly year: number;
      /** The level in that year. */
      readonly valueThatYear: number;
    }
  | { readonly kind: 'already_met'; readonly year: number }
  /** The path stops growing (a rate at or below zero) before it gets there. */
  | { readonly kind: 'never'; readonly reason: 'NO_GROWTH' }
  | Refused;

/** Levels within this relative distance of a target count as reaching it (float noise: 100 × 1.1² = 121.00000000000001). */
const REACH_TOLERANCE = 1e-12;

/** The rate that takes `base` to `target` in `years` years: (target/base)^(1/years) − 1, in percent. */
export function requiredGrowth(base: number, target: number, years: number): RequiredGrowth {
  const problem = checkLevel(base, 'base') ?? checkLevel(target, 'target');
  if (problem) return problem;
  if (!Number.isInteger(years) || years < 1) return refused('NO_YEARS', 'years');
  const growthPct = (Math.pow(target / base, 1 / years) - 1) * 100;
  return { kind: target <= base ? 'already_met' : 'required', growthPct, years };
}

/** Required growth from a start year to a target year. */
export function requiredGrowthByYear(base: number, target: number, startYear: number, targetYear: number): RequiredGrowth {
  const problem = checkYear(startYear, 'startYear') ?? checkYear(targetYear, 'targetYear');
  if (problem) return problem;
  if (targetYear <= startYear) return refused('NO_YEARS', 'targetYear');
  return requiredGrowth(base, target, targetYear - startYear);
}

/**
 * The first calendar year a path from `base` reaches `target`, walking the spelled-out years and
 * then solving the holding rate in closed form, so a far target needs no loop.
 */
export function reachOnRates(base: number, target: number, rates: NormalisedRates, startYear: number): TargetReach {
  if (base >= target * (1 - REACH_TOLERANCE)) return { kind: 'already_met', year: startYear };
  let value = base;
  for (let year = 1; year <= rates.explicitPcts.length; year += 1) {
    const factor = growthFactor(rateAt(rates, year));
    const next = value * factor;
    if (next >= target * (1 - REACH_TOLERANCE)) {
      const fraction = Math.min(1, Math.log(target / value) / Math.log(factor));
      return { kind: 'reached', years: year - 1 + fraction, wholeYears: year, year: startYear + year, valueThatYear: next };
    }
    value = next;
  }
  const done = rates.explicitPcts.length;
  const factor = growthFactor(rates.tailPct);
  if (factor <= 1) return { kind: 'never', reason: 'NO_GROWTH' };
  const remaining = Math.log(target / value) / Math.log(factor);
  // ceil() of a value a hair above an integer would add a year; check the neighbours on the path itself.
  let whole = Math.max(1, Math.ceil(remaining));
  if (whole > 1 && value * Math.pow(factor, whole - 1) >= target * (1 - REACH_TOLERANCE)) whole -= 1;
  if (value * Math.pow(factor, whole) < target * (1 - REACH_TOLERANCE)) whole += 1;
  return {
    kind: 'reached',
    years: done + remaining,
    wholeYears: done + whole,
    year: startYear + done + whole,
    valueThatYear: value * Math.pow(factor, whole),
  };
}

/** When a level growing on `schedule` from `startYear` reaches `target`. */
export function whenReached(base: number, target: number, schedule: RateSchedule, startYear: number): TargetReach {
  const problem = checkLevel(base, 'base') ?? checkLevel(target, 'target') ?? checkYear(startYear, 'startYear');
  if (problem) return problem;
  const rates = normaliseRates(schedule);
  if ('kind' in rates) return rates;
  return reachOnRates(base, target, rates, startYear);
}

/** Years to a target at a constant rate: ln(target/base) / ln(1 + g), or the edge it falls on. */
export function yearsToTarget(base: number, target: number, growthPct: number, startYear: number): TargetReach {
  const problem = checkGrowth(growthPct, 'growthPct');
  if (problem) return problem;
  return whenReached(base, target, { kind: 'constant', growthPct }, startYear);
}
