import { describe, expect, it } from 'vitest';
import { growthGrid, sensitivityTable } from './sensitivity';
import { projectScenarios, spreadScenarios } from './scenarios';

describe('sensitivity table', () => {
  it('builds a tidy grid of rates around the centre', () => {
    expect(growthGrid(9.3, 1, 2)).toEqual([7.3, 8.3, 9.3, 10.3, 11.3]);
  });

  it('tabulates levels by growth and year and marks the cells past the target', () => {
    const table = sensitivityTable(471.78, 2024, [8.3, 9.3], [1, 2, 3], 600);
    if (table.kind !== 'table') throw new Error(table.kind);
    expect(table.years).toEqual([2025, 2026, 2027]);
    expect(table.values[1]![2]).toBeCloseTo(471.78 * 1.093 ** 3, 9);
    expect(table.meetsTarget).toEqual([
      [false, false, false],
      [false, false, true],
    ]);
  });

  it('refuses a row at or below −100%', () => {
    expect(sensitivityTable(100, 2024, [5, -100], [1])).toEqual({ kind: 'refused', reason: 'GROWTH_AT_OR_BELOW_MINUS_100', field: 'growthPcts[1]' });
  });
});

describe('base, high and low scenarios', () => {
  it('spreads high and low around the base and projects each', () => {
    const rates = spreadScenarios({ kind: 'constant', growthPct: 9.3 }, 1);
    const paths = projectScenarios(471.78, 2024, 2, rates);
    expect(paths.map((p) => [p.key, p.schedule])).toEqual([
      ['base', { kind: 'constant', growthPct: 9.3 }],
      ['high', { kind: 'constant', growthPct: 10.3 }],
      ['low', { kind: 'constant', growthPct: 8.3 }],
    ]);
    const ends = paths.map((p) => (p.path.kind === 'path' ? p.path.points[2]!.value : NaN));
    expect(ends[1]).toBeGreaterThan(ends[0]!);
    expect(ends[0]).toBeGreaterThan(ends[2]!);
  });

  it('projects only the scenarios that have rates', () => {
    expect(projectScenarios(100, 2024, 1, { base: { kind: 'constant', growthPct: 5 } }).map((p) => p.key)).toEqual(['base']);
  });
});
