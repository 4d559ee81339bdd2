import { describe, expect, it } from 'vitest';
import { requiredGrowth, requiredGrowthByYear, whenReached, yearsToTarget } from './target';

describe('when a target is reached (NPER)', () => {
  it('puts 471.78 at 9.3% a year past 600 in 2027', () => {
    const reach = yearsToTarget(471.78, 600, 9.3, 2024);
    expect(reach).toMatchObject({ kind: 'reached', wholeYears: 3, year: 2027 });
    if (reach.kind !== 'reached') return;
    expect(reach.years).toBeCloseTo(Math.log(600 / 471.78) / Math.log(1.093), 12);
    expect(reach.years).toBeCloseTo(2.7035548, 6);
    expect(reach.valueThatYear).toBeCloseTo(616.03, 2);
  });

  it('counts a target hit exactly in a whole year as reached that year', () => {
    expect(yearsToTarget(100, 121, 10, 2024)).toMatchObject({ kind: 'reached', wholeYears: 2, year: 2026 });
    expect(yearsToTarget(100, 110, 10, 2024)).toMatchObject({ kind: 'reached', wholeYears: 1, year: 2025 });
  });

  it('says a target already met is met, in the start year', () => {
    expect(yearsToTarget(600, 600, 9.3, 2024)).toEqual({ kind: 'already_met', year: 2024 });
    expect(yearsToTarget(700, 600, -5, 2024)).toEqual({ kind: 'already_met', year: 2024 });
  });

  it('says zero or negative growth toward a higher target is never', () => {
    expect(yearsToTarget(471.78, 600, 0, 2024)).toEqual({ kind: 'never', reason: 'NO_GROWTH' });
    expect(yearsToTarget(471.78, 600, -3, 2024)).toEqual({ kind: 'never', reason: 'NO_GROWTH' });
  });

  it('refuses growth at or below −100%', () => {
    expect(yearsToTarget(471.78, 600, -100, 2024)).toEqual({ kind: 'refused', reason: 'GROWTH_AT_OR_BELOW_MINUS_100', field: 'growthPct' });
    expect(yearsToTarget(471.78, 600, -250, 2024)).toMatchObject({ kind: 'refused' });
  });

  it('walks per-year rates, then solves the holding rate in closed form', () => {
    // 100 → 120 (+20%) → 120 (0%) → then +10%: 132 in year 3 passes 130.
    expect(whenReached(100, 130, { kind: 'perYear', growthPcts: [20, 0, 10] }, 2024)).toMatchObject({ kind: 'reached', wholeYears: 3, year: 2027 });
    // Passing within the spelled-out years.
    expect(whenReached(100, 115, { kind: 'perYear', growthPcts: [20, 0, 10] }, 2024)).toMatchObject({ kind: 'reached', wholeYears: 1, year: 2025 });
    // Growth stops before the target: never.
    expect(whenReached(100, 130, { kind: 'perYear', growthPcts: [20, 0] }, 2024)).toEqual({ kind: 'never', reason: 'NO_GROWTH' });
    // A far target needs no loop: 1e12 times the base at 1% takes 2777 years.
    expect(whenReached(1, 1e12, { kind: 'constant', growthPct: 1 }, 2024)).toMatchObject({ kind: 'reached', wholeYears: 2777 });
  });
});

describe('growth needed for a target (RRI)', () => {
  it('needs 4.09% a year to reach 600 by 2030 from 471.78 in 2024', () => {
    const required = requiredGrowthByYear(471.78, 600, 2024, 2030);
    expect(required).toMatchObject({ kind: 'required', years: 6 });
    if (required.kind !== 'required') return;
    expect(required.growthPct).toBeCloseTo((Math.pow(600 / 471.78, 1 / 6) - 1) * 100, 12);
    expect(required.growthPct).toBeCloseTo(4.0883, 4);
  });

  it('reports a target already met with the rate that would land on it', () => {
    expect(requiredGrowth(120, 100, 2)).toMatchObject({ kind: 'already_met', years: 2 });
    const met = requiredGrowth(121, 100, 2);
    if (met.kind !== 'already_met') throw new Error(met.kind);
    expect(met.growthPct).toBeCloseTo((1 / 1.1 - 1) * 100, 12);
  });

  it('refuses a target year not after the start, and non-positive levels', () => {
    expect(requiredGrowthByYear(471.78, 600, 2024, 2024)).toEqual({ kind: 'refused', reason: 'NO_YEARS', field: 'targetYear' });
    expect(requiredGrowth(0, 600, 3)).toEqual({ kind: 'refused', reason: 'NON_POSITIVE_LEVEL', field: 'base' });
    expect(requiredGrowth(10, -1, 3)).toEqual({ kind: 'refused', reason: 'NON_POSITIVE_LEVEL', field: 'target' });
  });
});
