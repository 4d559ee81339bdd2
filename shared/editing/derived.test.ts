import { describe, expect, it } from 'vitest';
import type { Catalog, Observation } from '../api/schemas';
import { gapToComparator, growthComputed, indexObservations, rankAmongPeers, shareOfParent } from './derived';

const regions: Catalog['regions'] = [
  { code: '330000', nameZh: '浙江省', nameEn: 'Zhejiang', level: 'province', parentCode: 'CN' },
  { code: '331100', nameZh: '丽水市', nameEn: 'Lishui', level: 'city', parentCode: '330000' },
  { code: '330800', nameZh: '衢州市', nameEn: 'Quzhou', level: 'city', parentCode: '330000' },
];
const obs = (regionCode: string, period: string, value: number | null, growthReportedPct: number | null = null, unit = 'billion yuan'): Observation => ({
  versionId: 1, indicatorCode: 'iva', regionCode, period, value, unit, growthReportedPct, rankReported: null, flags: [], note: null, source: null, fromSeq: 1,
});

describe('derived figures', () => {
  const data = [
    obs('331100', '2024', 471.78, 9.3),
    obs('331100', '2023', 431.6),
    obs('330000', '2024', 23000, 7.5, '亿元'),
    obs('330800', '2024', 450, 6.1),
  ];
  const index = indexObservations(data, { regions });

  it('growth computed from levels, in percent', () => {
    expect(growthComputed(data[0]!, index)).toBeCloseTo(9.3096, 3);
    expect(growthComputed(data[1]!, index)).toBeNull();
  });

  it('gap to the parent region or a chosen region, in percentage points', () => {
    expect(gapToComparator(data[0]!, { kind: 'parent' }, index)).toBeCloseTo(1.8, 10);
    expect(gapToComparator(data[0]!, { kind: 'region', regionCode: '330800' }, index)).toBeCloseTo(3.2, 10);
    expect(gapToComparator(data[2]!, { kind: 'parent' }, index)).toBeNull();
  });

  it('share of the parent region converts units', () => {
    expect(shareOfParent(data[0]!, index)).toBeCloseTo(20.5122, 3);
  });

  it('rank among the peers that have a value', () => {
    expect(rankAmongPeers(data[0]!, index)).toEqual({ rank: 1, of: 2 });
    expect(rankAmongPeers(data[3]!, index)).toEqual({ rank: 2, of: 2 });
  });
});
