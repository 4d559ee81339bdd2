import { compoundValue } from './compound';
import { checkGrowth, checkLevel, checkYear, refused, type Refused } from './outcome';

/** Levels for each growth rate (rows) after each number of years (columns). */
export type SensitivityTable =
  | {
      readonly kind: 'table';
      readonly growthPcts: number[];
      /** Calendar years of the columns. */
      readonly years: number[];
      /** values[row][column]: the level at growthPcts[row] in years[column]. */
      readonly values: number[][];
      /** Whether each cell is at or above the target, when one is given. */
      readonly meetsTarget: boolean[][] | null;
    }
  | Refused;

/** Rates around a centre in steps: growthGrid(9.3, 1, 2) = [7.3, 8.3, 9.3, 10.3, 11.3]. */
export function growthGrid(centrePct: number, stepPp: number, stepsEachSide: number): number[] {
  const grid: number[] = [];
  for (let step = -stepsEachSide; step <= stepsEachSide; step += 1) {
    // Rounded to 10 decimals so 9.3 − 2 × 1 prints as 7.3, not 7.300000000000001.
    grid.push(Math.round((centrePct + step * stepPp) * 1e10) / 1e10);
  }
  return grid;
}

/** A growth × years table of levels from `base` in `startYear`. */
export function sensitivityTable(base: number, startYear: number, growthPcts: readonly number[], horizons: readonly number[], target?: number): SensitivityTable {
  const problem = checkLevel(base, 'base') ?? checkYear(startYear, 'startYear') ?? (target === undefined ? undefined : checkLevel(target, 'target'));
  if (problem) return problem;
  for (const [index, pct] of growthPcts.entries()) {
    const growthProblem = checkGrowth(pct, `growthPcts[${index}]`);
    if (growthProblem) return growthProblem;
  }
  for (const [index, years] of horizons.entries()) {
    if (!Number.isInteger(years) || years < 1) return refused('NO_YEARS', `years[${index}]`);
  }
  const values = growthPcts.map((pct) => horizons.map((years) => compoundValue(base, pct, years)));
  return {
    kind: 'table',
    growthPcts: [...growthPcts],
    years: horizons.map((years) => startYear + years),
    values,
    meetsTarget: target === undefined ? null : values.map((row) => row.map((value) => value >= target * (1 - 1e-12))),
  };
}
