import { describe, expect, it } from 'vitest';
import { contributionToGrowth } from './contribution';

describe("a sector's contribution to total growth", () => {
  it('gives semiconductors (15.21, +27.1%) 2.01 points of the leading industries’ 16.1% (187.22), 12.5% of their growth', () => {
    const result = contributionToGrowth({ value: 15.21, growthPct: 27.1 }, { value: 187.22, growthPct: 16.1 });
    expect(result.kind).toBe('contribution');
    if (result.kind !== 'contribution') return;
    const partPrior = 15.21 / 1.271;
    const totalPrior = 187.22 / 1.161;
    expect(result.partPrior).toBeCloseTo(partPrior, 12);
    expect(result.totalPrior).toBeCloseTo(totalPrior, 12);
    expect(result.contributionPp).toBeCloseTo(((15.21 - partPrior) / totalPrior) * 100, 12);
    expect(result.contributionPp).toBeCloseTo(2.0111, 4);
    expect(result.shareOfGrowthPct).toBeCloseTo(12.4913, 4);
    expect(result.totalGrowthPct).toBeCloseTo(16.1, 10);
    expect(result).toMatchObject({ partPriorSource: 'from_growth', totalPriorSource: 'from_growth' });
  });

  it('uses stored prior levels when there are any', () => {
    const result = contributionToGrowth({ value: 12, priorValue: 10 }, { value: 110, priorValue: 100, growthPct: 99 });
    expect(result).toEqual({
      kind: 'contribution',
      partPrior: 10,
      totalPrior: 100,
      partPriorSource: 'stored',
      totalPriorSource: 'stored',
      totalGrowthPct: 10,
      contributionPp: 2,
      shareOfGrowthPct: 20,
    });
  });

  it('gives a negative contribution for a shrinking part', () => {
    const result = contributionToGrowth({ value: 8, priorValue: 10 }, { value: 105, priorValue: 100 });
    expect(result).toMatchObject({ kind: 'contribution', contributionPp: -2, shareOfGrowthPct: -40 });
  });

  it('has no share of growth when the total did not change', () => {
    expect(contributionToGrowth({ value: 12, priorValue: 10 }, { value: 100, priorValue: 100 })).toMatchObject({ kind: 'no_total_change', contributionPp: 2 });
  });

  it('refuses what it cannot derive', () => {
    expect(contributionToGrowth({ value: 12 }, { value: 100, growthPct: 5 })).toEqual({ kind: 'refused', reason: 'MISSING_PRIOR', field: 'part' });
    expect(contributionToGrowth({ value: 12, growthPct: -100 }, { value: 100, growthPct: 5 })).toMatchObject({ reason: 'GROWTH_AT_OR_BELOW_MINUS_100', field: 'part.growthPct' });
    expect(contributionToGrowth({ value: 12, growthPct: 5 }, { value: 100, priorValue: 0 })).toMatchObject({ reason: 'NON_POSITIVE_LEVEL' });
  });
});
