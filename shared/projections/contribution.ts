import { checkGrowth, checkLevel, growthFactor, refused, type Refused } from './outcome';

/** A level this year with what is known of last year: the level itself, or the growth rate. */
export interface LevelWithPrior {
  readonly value: number;
  readonly priorValue?: number | null;
  readonly growthPct?: number | null;
}

/** How the prior levels were obtained. */
export type PriorSource = 'stored' | 'from_growth';

/**
 * A part's contribution to its total's growth: percentage points = (part_t − part_{t−1}) /
 * total_{t−1} × 100, and share of growth = part's change / total's change × 100.
 */
export type Contribution =
  | {
      readonly kind: 'contribution';
      readonly partPrior: number;
      readonly totalPrior: number;
      readonly partPriorSource: PriorSource;
      readonly totalPriorSource: PriorSource;
      /** Growth of the total implied by its levels, in percent. */
      readonly totalGrowthPct: number;
      readonly contributionPp: number;
      readonly shareOfGrowthPct: number;
    }
  /** The total did not change: the part's change is still in percentage points, a share of no growth is not. */
  | {
      readonly kind: 'no_total_change';
      readonly partPrior: number;
      readonly totalPrior: number;
      readonly partPriorSource: PriorSource;
      readonly totalPriorSource: PriorSource;
      readonly contributionPp: number;
    }
  | Refused;

function priorOf(level: LevelWithPrior, field: string): { value: number; source: PriorSource } | Refused {
  if (!Number.isFinite(level.value)) return refused('NOT_FINITE', `${field}.value`);
  if (level.priorValue !== undefined && level.priorValue !== null) {
    if (!Number.isFinite(level.priorValue)) return refused('NOT_FINITE', `${field}.priorValue`);
    return { value: level.priorValue, source: 'stored' };
  }
  if (level.growthPct === undefined || level.growthPct === null) return refused('MISSING_PRIOR', field);
  const problem = checkGrowth(level.growthPct, `${field}.growthPct`);
  if (problem) return problem;
  // When only this year's level and its growth are stored, last year's level is value / (1 + g).
  return { value: level.value / growthFactor(level.growthPct), source: 'from_growth' };
}

/** Contribution of `part` to the growth of `total` over one period. */
export function contributionToGrowth(part: LevelWithPrior, total: LevelWithPrior): Contribution {
  const partPrior = priorOf(part, 'part');
  if ('kind' in partPrior) return partPrior;
  const totalPrior = priorOf(total, 'total');
  if ('kind' in totalPrior) return totalPrior;
  const problem = checkLevel(totalPrior.value, 'total.priorValue');
  if (problem) return problem;
  const partChange = part.value - partPrior.value;
  const totalChange = total.value - totalPrior.value;
  const common = {
    partPrior: partPrior.value,
    totalPrior: totalPrior.value,
    partPriorSource: partPrior.source,
    totalPriorSource: totalPrior.source,
    contributionPp: (partChange / totalPrior.value) * 100,
  };
  if (totalChange === 0) return { kind: 'no_total_change', ...common };
  return {
    kind: 'contribution',
    ...common,
    totalGrowthPct: (totalChange / totalPrior.value) * 100,
    shareOfGrowthPct: (partChange / totalChange) * 100,
  };
}
