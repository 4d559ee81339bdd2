import { describe, expect, it } from 'vitest';
import { projectRanks, rankByValue, rankPath } from './rank';

const constant = (growthPct: number) => ({ kind: 'constant', growthPct }) as const;

describe('rank among peers', () => {
  it('ranks largest first and shares ranks on ties', () => {
    expect(rankByValue([{ key: 'a', value: 1 }, { key: 'b', value: 3 }, { key: 'c', value: 3 }])).toEqual([
      { key: 'b', value: 3, rank: 1 },
      { key: 'c', value: 3, rank: 1 },
      { key: 'a', value: 1, rank: 3 },
    ]);
  });

  it('projects a faster city climbing past slower peers', () => {
    const projection = projectRanks(
      [
        { key: 'self', value: 471.78, growth: constant(9.3) },
        { key: 'quzhou', value: 500, growth: constant(7) },
        { key: 'taizhou', value: 800, growth: constant(6) },
      ],
      2024,
      5,
    );
    expect(rankPath(projection, 'self')).toEqual([
      { year: 2024, rank: 3 },
      { year: 2025, rank: 3 },
      { year: 2026, rank: 3 },
      { year: 2027, rank: 2 },
      { year: 2028, rank: 2 },
      { year: 2029, rank: 2 },
    ]);
    expect(rankPath(projection, 'nobody')).toBeUndefined();
  });

  it('refuses a peer at or below −100%', () => {
    expect(projectRanks([{ key: 'a', value: 1, growth: constant(-100) }], 2024, 2)).toMatchObject({ kind: 'refused', field: 'contenders[0].growthPct' });
  });
});
