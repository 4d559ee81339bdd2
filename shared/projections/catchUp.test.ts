import { describe, expect, it } from 'vitest';
import { catchUpYear } from './catchUp';

const constant = (growthPct: number) => ({ kind: 'constant', growthPct }) as const;

describe('catching up with a peer', () => {
  it('overtakes a larger, slower peer: 471.78 at 9.3% vs 500 at 7%', () => {
    const result = catchUpYear({ value: 471.78, growth: constant(9.3) }, { value: 500, growth: constant(7) }, 2024);
    expect(result).toMatchObject({ kind: 'catches_up', wholeYears: 3, year: 2027 });
    if (result.kind !== 'catches_up') return;
    expect(result.years).toBeCloseTo(Math.log(500 / 471.78) / Math.log(1.093 / 1.07), 10);
    // Check on the levels themselves: behind in 2026, ahead in 2027.
    expect(471.78 * 1.093 ** 2).toBeLessThan(500 * 1.07 ** 2);
    expect(471.78 * 1.093 ** 3).toBeGreaterThan(500 * 1.07 ** 3);
  });

  it('is already ahead, or never catches up growing no faster', () => {
    expect(catchUpYear({ value: 600, growth: constant(1) }, { value: 500, growth: constant(9) }, 2024)).toEqual({ kind: 'already_ahead', year: 2024 });
    expect(catchUpYear({ value: 400, growth: constant(7) }, { value: 500, growth: constant(7) }, 2024)).toEqual({ kind: 'never', reason: 'NOT_FASTER' });
    expect(catchUpYear({ value: 400, growth: constant(-2) }, { value: 500, growth: constant(-1) }, 2024)).toEqual({ kind: 'never', reason: 'NOT_FASTER' });
  });

  it('closes the gap when both decline but the peer declines faster', () => {
    expect(catchUpYear({ value: 90, growth: constant(-1) }, { value: 100, growth: constant(-10) }, 2024)).toMatchObject({ kind: 'catches_up', year: 2026 });
  });

  it('refuses growth at or below −100% on either side', () => {
    expect(catchUpYear({ value: 400, growth: constant(5) }, { value: 500, growth: constant(-100) }, 2024)).toEqual({
      kind: 'refused',
      reason: 'GROWTH_AT_OR_BELOW_MINUS_100',
      field: 'theirs.growthPct',
    });
  });
});
