import { describe, expect, it } from 'vitest';
import { compoundValue, projectPath } from './compound';

describe('compound growth paths', () => {
  it('projects 471.78 at 9.3% a year from 2024', () => {
    const result = projectPath(471.78, 2024, { kind: 'constant', growthPct: 9.3 }, 3);
    expect(result.kind).toBe('path');
    if (result.kind !== 'path') return;
    expect(result.points.map((p) => p.year)).toEqual([2024, 2025, 2026, 2027]);
    expect(result.points[0]).toEqual({ year: 2024, value: 471.78, growthPct: null });
    expect(result.points[3]!.value).toBeCloseTo(616.0273752054599, 9);
    expect(result.points[3]!.value).toBeCloseTo(compoundValue(471.78, 9.3, 3), 9);
  });

  it('follows per-year rates (FVSCHEDULE)', () => {
    const result = projectPath(100, 2024, { kind: 'perYear', growthPcts: [10, -10] }, 3);
    if (result.kind !== 'path') throw new Error(result.kind);
    expect(result.points.map((p) => p.value)).toEqual([100, 110.00000000000001, 99.00000000000001, 89.10000000000001]);
    expect(result.points.map((p) => p.growthPct)).toEqual([null, 10, -10, -10]);
  });

  it('refuses impossible inputs as values, never NaN', () => {
    expect(projectPath(100, 2024, { kind: 'constant', growthPct: -100 }, 3)).toEqual({ kind: 'refused', reason: 'GROWTH_AT_OR_BELOW_MINUS_100', field: 'growthPct' });
    expect(projectPath(0, 2024, { kind: 'constant', growthPct: 5 }, 3)).toEqual({ kind: 'refused', reason: 'NON_POSITIVE_LEVEL', field: 'base' });
    expect(projectPath(100, 2024, { kind: 'constant', growthPct: 5 }, 0)).toEqual({ kind: 'refused', reason: 'NO_YEARS', field: 'years' });
    expect(projectPath(Number.POSITIVE_INFINITY, 2024, { kind: 'constant', growthPct: 5 }, 1)).toMatchObject({ reason: 'NOT_FINITE' });
  });

  it('keeps a declining path positive', () => {
    const result = projectPath(100, 2024, { kind: 'constant', growthPct: -99.9 }, 5);
    if (result.kind !== 'path') throw new Error(result.kind);
    for (const point of result.points) expect(point.value).toBeGreaterThan(0);
  });
});
