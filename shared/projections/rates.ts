import { checkGrowth, refused, type Refused } from './outcome';

/**
 * Growth assumptions for the projected years, in percent a year. Every schedule holds its last
 * rate after the years it spells out, so a target beyond the horizon still has an answer.
 */
export type RateSchedule =
  | { readonly kind: 'constant'; readonly growthPct: number }
  /** Year 1, year 2, …; the last rate holds for later years. */
  | { readonly kind: 'perYear'; readonly growthPcts: number[] }
  /** Equal steps from `fromPct` in year 1 to `toPct` in year `rampYears`, then `toPct`. */
  | { readonly kind: 'ramp'; readonly fromPct: number; readonly toPct: number; readonly rampYears: number };

/** A schedule as the years it spells out plus the rate that holds afterwards. */
export interface NormalisedRates {
  readonly explicitPcts: readonly number[];
  readonly tailPct: number;
}

export function constantRate(growthPct: number): RateSchedule {
  return { kind: 'constant', growthPct };
}

/** Splits a schedule into spelled-out years and the holding rate, refusing rates at or below −100%. */
export function normaliseRates(schedule: RateSchedule, field = 'growthPct'): NormalisedRates | Refused {
  let explicitPcts: number[];
  let tailPct: number;
  switch (schedule.kind) {
    case 'constant':
      explicitPcts = [];
      tailPct = schedule.growthPct;
      break;
    case 'perYear': {
      if (schedule.growthPcts.length === 0) return refused('NO_YEARS', field);
      explicitPcts = schedule.growthPcts.slice(0, -1);
      tailPct = schedule.growthPcts[schedule.growthPcts.length - 1]!;
      break;
    }
    case 'ramp': {
      const steps = schedule.rampYears;
      if (!Number.isInteger(steps) || steps < 1) return refused('NO_YEARS', `${field}.rampYears`);
      explicitPcts = [];
      for (let year = 1; year < steps; year += 1) {
        explicitPcts.push(schedule.fromPct + ((schedule.toPct - schedule.fromPct) * (year - 1)) / (steps - 1));
      }
      tailPct = schedule.toPct;
      break;
    }
  }
  for (const [index, pct] of explicitPcts.entries()) {
    const problem = checkGrowth(pct, `${field}[${index}]`);
    if (problem) return problem;
  }
  const problem = checkGrowth(tailPct, explicitPcts.length > 0 ? `${field}[${explicitPcts.length}]` : field);
  if (problem) return problem;
  return { explicitPcts, tailPct };
}

/** The rate of projected year `year` (1-based). */
export function rateAt(rates: NormalisedRates, year: number): number {
  return year <= rates.explicitPcts.length ? rates.explicitPcts[year - 1]! : rates.tailPct;
}

/** Rates of projected years 1…years. */
export function ratesForYears(rates: NormalisedRates, years: number): number[] {
  return Array.from({ length: years }, (_, index) => rateAt(rates, index + 1));
}

/**
 * Growth of one quantity relative to another, year by year: (1+a)/(1+b) − 1. A city's share of
 * its province, or its ratio to a peer, compounds at this rate.
 */
export function relativeRates(ours: NormalisedRates, theirs: NormalisedRates): NormalisedRates {
  const relative = (a: number, b: number) => ((1 + a / 100) / (1 + b / 100) - 1) * 100;
  const length = Math.max(ours.explicitPcts.length, theirs.explicitPcts.length);
  return {
    explicitPcts: Array.from({ length }, (_, index) => relative(rateAt(ours, index + 1), rateAt(theirs, index + 1))),
    tailPct: relative(ours.tailPct, theirs.tailPct),
  };
}

/** Every rate of a schedule moved by `shiftPp` percentage points: the high and low scenarios. */
export function shiftSchedule(schedule: RateSchedule, shiftPp: number): RateSchedule {
  switch (schedule.kind) {
    case 'constant':
      return { kind: 'constant', growthPct: schedule.growthPct + shiftPp };
    case 'perYear':
      return { kind: 'perYear', growthPcts: schedule.growthPcts.map((pct) => pct + shiftPp) };
    case 'ramp':
      return { ...schedule, fromPct: schedule.fromPct + shiftPp, toPct: schedule.toPct + shiftPp };
  }
}
