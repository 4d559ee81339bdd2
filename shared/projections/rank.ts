import { walkPath } from './compound';
import { checkLevel, checkYear, refused, type Refused } from './outcome';
import { normaliseRates, type RateSchedule } from './rates';

export interface Contender {
  readonly key: string;
  readonly value: number;
  readonly growth: RateSchedule;
}

export interface RankedEntry {
  readonly key: string;
  readonly value: number;
  /** 1 = largest; equal values share a rank (1, 2, 2, 4). */
  readonly rank: number;
}

export interface RankYear {
  readonly year: number;
  readonly entries: RankedEntry[];
}

export type RankProjection = { readonly kind: 'ranks'; readonly years: RankYear[] } | Refused;

/** Ranks by level, largest first, with standard competition ranking for ties. */
export function rankByValue(items: readonly { key: string; value: number }[]): RankedEntry[] {
  const sorted = [...items].sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
  return sorted.map((item) => ({ key: item.key, value: item.value, rank: 1 + sorted.filter((other) => other.value > item.value).length }));
}

/** Each contender's level and rank in the start year and each of `years` years on. */
export function projectRanks(contenders: readonly Contender[], startYear: number, years: number): RankProjection {
  const yearProblem = checkYear(startYear, 'startYear');
  if (yearProblem) return yearProblem;
  if (!Number.isInteger(years) || years < 0) return refused('NO_YEARS', 'years');
  const paths: { key: string; values: number[] }[] = [];
  for (const [index, contender] of contenders.entries()) {
    const problem = checkLevel(contender.value, `contenders[${index}].value`);
    if (problem) return problem;
    const rates = normaliseRates(contender.growth, `contenders[${index}].growthPct`);
    if ('kind' in rates) return rates;
    paths.push({ key: contender.key, values: walkPath(contender.value, startYear, rates, years).map((point) => point.value) });
  }
  const result: RankYear[] = [];
  for (let offset = 0; offset <= years; offset += 1) {
    result.push({ year: startYear + offset, entries: rankByValue(paths.map((path) => ({ key: path.key, value: path.values[offset]! }))) });
  }
  return { kind: 'ranks', years: result };
}

/** The rank of one contender in each projected year, or undefined when the key is not among them. */
export function rankPath(projection: RankProjection, key: string): { year: number; rank: number }[] | undefined {
  if (projection.kind !== 'ranks') return undefined;
  const path: { year: number; rank: number }[] = [];
  for (const year of projection.years) {
    const entry = year.entries.find((e) => e.key === key);
    if (!entry) return undefined;
    path.push({ year: year.year, rank: entry.rank });
  }
  return path;
}
