import { describe, expect, it } from 'vitest';
import { requiredGrowthForShare, sharePath, whenShareReached } from './share';

const constant = (growthPct: number) => ({ kind: 'constant', growthPct }) as const;

describe('share of the province', () => {
  it('needs 11.57% a year for a 2.5% share by 2030 from 2% in 2024, the province at 7.5%', () => {
    const required = requiredGrowthForShare(2, 2.5, 7.5, 2024, 2030);
    expect(required).toMatchObject({ kind: 'required', years: 6 });
    if (required.kind !== 'required') return;
    expect(required.growthPct).toBeCloseTo((1.075 * Math.pow(1.25, 1 / 6) - 1) * 100, 12);
    expect(required.growthPct).toBeCloseTo(11.5733, 4);
    expect(required.gapPp).toBeCloseTo(4.0733, 4);
    // Growing at that rate lands on 2.5% in 2030.
    const path = sharePath(2, constant(required.growthPct), constant(7.5), 2024, 6);
    if (path.kind !== 'path') throw new Error(path.kind);
    expect(path.points[6]).toEqual({ year: 2030, sharePct: expect.closeTo(2.5, 12) });
  });

  it('moves the share from 2% to 2.21% by 2030 at 9.3% against 7.5%', () => {
    const path = sharePath(2, constant(9.3), constant(7.5), 2024, 6);
    if (path.kind !== 'path') throw new Error(path.kind);
    expect(path.points[6]!.sharePct).toBeCloseTo(2 * Math.pow(1.093 / 1.075, 6), 12);
    expect(path.points[6]!.sharePct).toBeCloseTo(2.2095, 4);
  });

  it('reaches 2.5% in 2038 at 9.3% against 7.5%', () => {
    expect(whenShareReached(2, 2.5, constant(9.3), constant(7.5), 2024)).toMatchObject({ kind: 'reached', wholeYears: 14, year: 2038 });
  });

  it('never reaches a higher share growing no faster than the province', () => {
    expect(whenShareReached(2, 2.5, constant(7.5), constant(7.5), 2024)).toEqual({ kind: 'never', reason: 'NO_GROWTH' });
    expect(whenShareReached(2, 2.5, constant(5), constant(7.5), 2024)).toEqual({ kind: 'never', reason: 'NO_GROWTH' });
  });

  it('says a share target already met is met', () => {
    expect(whenShareReached(2.5, 2, constant(1), constant(7.5), 2024)).toEqual({ kind: 'already_met', year: 2024 });
    expect(requiredGrowthForShare(2.5, 2, 7.5, 2024, 2030)).toMatchObject({ kind: 'already_met' });
  });

  it('refuses what cannot compound', () => {
    expect(requiredGrowthForShare(2, 2.5, -100, 2024, 2030)).toMatchObject({ kind: 'refused', reason: 'GROWTH_AT_OR_BELOW_MINUS_100', field: 'provinceGrowthPct' });
    expect(requiredGrowthForShare(0, 2.5, 7.5, 2024, 2030)).toMatchObject({ kind: 'refused', reason: 'NON_POSITIVE_LEVEL', field: 'sharePct' });
    expect(requiredGrowthForShare(2, 2.5, 7.5, 2024, 2020)).toMatchObject({ kind: 'refused', reason: 'NO_YEARS' });
    expect(sharePath(2, constant(9.3), constant(-100), 2024, 6)).toMatchObject({ kind: 'refused', field: 'provinceGrowthPct' });
  });
});
