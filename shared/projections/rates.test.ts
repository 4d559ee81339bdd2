import { describe, expect, it } from 'vitest';
import { normaliseRates, ratesForYears, relativeRates, shiftSchedule } from './rates';

describe('rate schedules', () => {
  it('holds the last rate of a per-year schedule', () => {
    const rates = normaliseRates({ kind: 'perYear', growthPcts: [9.3, 8, 7] });
    expect(rates).toEqual({ explicitPcts: [9.3, 8], tailPct: 7 });
    if ('kind' in rates) throw new Error('refused');
    expect(ratesForYears(rates, 5)).toEqual([9.3, 8, 7, 7, 7]);
  });

  it('ramps in equal steps to the final rate, then holds it', () => {
    const rates = normaliseRates({ kind: 'ramp', fromPct: 10, toPct: 6, rampYears: 5 });
    if ('kind' in rates) throw new Error('refused');
    expect(ratesForYears(rates, 7)).toEqual([10, 9, 8, 7, 6, 6, 6]);
    const oneStep = normaliseRates({ kind: 'ramp', fromPct: 10, toPct: 6, rampYears: 1 });
    if ('kind' in oneStep) throw new Error('refused');
    expect(ratesForYears(oneStep, 2)).toEqual([6, 6]);
  });

  it('refuses a rate at or below −100% and names it', () => {
    expect(normaliseRates({ kind: 'constant', growthPct: -100 })).toEqual({ kind: 'refused', reason: 'GROWTH_AT_OR_BELOW_MINUS_100', field: 'growthPct' });
    expect(normaliseRates({ kind: 'perYear', growthPcts: [5, -120, 3] })).toEqual({ kind: 'refused', reason: 'GROWTH_AT_OR_BELOW_MINUS_100', field: 'growthPct[1]' });
    expect(normaliseRates({ kind: 'constant', growthPct: Number.NaN })).toEqual({ kind: 'refused', reason: 'NOT_FINITE', field: 'growthPct' });
    expect(normaliseRates({ kind: 'perYear', growthPcts: [] })).toMatchObject({ kind: 'refused', reason: 'NO_YEARS' });
  });

  it('compounds one rate against another: (1.093 / 1.075) − 1', () => {
    const ours = normaliseRates({ kind: 'constant', growthPct: 9.3 });
    const theirs = normaliseRates({ kind: 'constant', growthPct: 7.5 });
    if ('kind' in ours || 'kind' in theirs) throw new Error('refused');
    expect(relativeRates(ours, theirs).tailPct).toBeCloseTo((1.093 / 1.075 - 1) * 100, 12);
  });

  it('moves every rate for high and low scenarios', () => {
    expect(shiftSchedule({ kind: 'perYear', growthPcts: [9, 8] }, 1)).toEqual({ kind: 'perYear', growthPcts: [10, 9] });
    expect(shiftSchedule({ kind: 'ramp', fromPct: 10, toPct: 6, rampYears: 3 }, -1)).toEqual({ kind: 'ramp', fromPct: 9, toPct: 5, rampYears: 3 });
  });
});
