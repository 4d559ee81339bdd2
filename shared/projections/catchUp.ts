import { checkLevel, checkYear, refused, type Refused } from './outcome';
import { normaliseRates, relativeRates, type RateSchedule } from './rates';
import { reachOnRates } from './target';

export interface GrowingLevel {
  readonly value: number;
  readonly growth: RateSchedule;
}

/** When one growing level closes the gap to another (a peer city overtaken, a gap closed). */
export type CatchUp =
  | {
      readonly kind: 'catches_up';
      /** Years from the start with the fraction of the year. */
      readonly years: number;
      readonly wholeYears: number;
      /** First calendar year in which ours is at or above theirs. */
      readonly year: number;
    }
  | { readonly kind: 'already_ahead'; readonly year: number }
  /** Ours does not grow faster than theirs (from some year on) while still behind. */
  | { readonly kind: 'never'; readonly reason: 'NOT_FASTER' }
  | Refused;

/** Solves ours × Π(1+a)/(1+b) ≥ theirs: NPER at the relative rate, after the spelled-out years. */
export function catchUpYear(ours: GrowingLevel, theirs: GrowingLevel, startYear: number): CatchUp {
  const problem = checkLevel(ours.value, 'ours.value') ?? checkLevel(theirs.value, 'theirs.value') ?? checkYear(startYear, 'startYear');
  if (problem) return problem;
  const ourRates = normaliseRates(ours.growth, 'ours.growthPct');
  if ('kind' in ourRates) return ourRates;
  const theirRates = normaliseRates(theirs.growth, 'theirs.growthPct');
  if ('kind' in theirRates) return theirRates;
  const reach = reachOnRates(ours.value, theirs.value, relativeRates(ourRates, theirRates), startYear);
  switch (reach.kind) {
    case 'already_met':
      return { kind: 'already_ahead', year: startYear };
    case 'never':
      return { kind: 'never', reason: 'NOT_FASTER' };
    case 'reached':
      return { kind: 'catches_up', years: reach.years, wholeYears: reach.wholeYears, year: reach.year };
    default:
      return refused(reach.reason, reach.field);
  }
}
