import { describe, expect, it } from 'vitest';
import type { Observation, Region } from '../../../shared/api/schemas';
import { rankScopeOf, signed, sparklineSegments } from './cardText';

const regions: Region[] = [
  { code: 'CN', nameZh: '中国', nameEn: 'China', level: 'nation', parentCode: null },
  { code: '330000', nameZh: '浙江省', nameEn: 'Zhejiang', level: 'province', parentCode: 'CN' },
  { code: '320000', nameZh: '江苏省', nameEn: 'Jiangsu', level: 'province', parentCode: 'CN' },
  { code: '330100', nameZh: '杭州市', nameEn: 'Hangzhou', level: 'city', parentCode: '330000' },
  { code: '331100', nameZh: '丽水市', nameEn: 'Lishui', level: 'city', parentCode: '330000' },
];

const observation = (indicatorCode: string, regionCode: string, period = '2024'): Observation => ({
  versionId: 1, indicatorCode, regionCode, period, value: 1, unit: 'billion yuan',
  growthReportedPct: null, rankReported: null, flags: [], note: null, source: null, fromSeq: 1,
});

describe('signed', () => {
  it('prints growth and gaps with their sign to one decimal, zero without one', () => {
    expect(signed(9.3, 'zh')).toBe('+9.3');
    expect(signed(25, 'en')).toBe('+25.0');
    expect(signed(-2.14, 'en')).toBe('-2.1');
    expect(signed(0.04, 'zh')).toBe('0.0');
    expect(signed(1234.5, 'en')).toBe('+1,234.5');
  });
});

describe('rankScopeOf', () => {
  it('is the province for a city when the province or a peer city has the figure', () => {
    expect(rankScopeOf('iva', '331100', '2024', regions, [observation('iva', '331100'), observation('iva', '330000')])).toBe('province');
    expect(rankScopeOf('iva', '331100', '2024', regions, [observation('iva', '331100'), observation('iva', '330100')])).toBe('province');
  });

  it('is not known when nobody else has the figure for that period', () => {
    expect(rankScopeOf('semi', '331100', '2024', regions, [observation('semi', '331100'), observation('semi', '330000', '2023')])).toBeNull();
    expect(rankScopeOf('semi', '999999', '2024', regions, [])).toBeNull();
  });

  it('is the nation for a province', () => {
    expect(rankScopeOf('iva', '330000', '2024', regions, [observation('iva', '330000'), observation('iva', '320000')])).toBe('nation');
    // Its cities are not its peers.
    expect(rankScopeOf('iva', '330000', '2024', regions, [observation('iva', '330000'), observation('iva', '330100')])).toBeNull();
  });
});

describe('sparklineSegments', () => {
  it('spreads the periods across the width, highest value at the top, and breaks at a gap', () => {
    expect(sparklineSegments([1, 3, null, 2], 36, 20, 3)).toEqual([
      [{ x: 3, y: 17 }, { x: 13, y: 3 }],
      [{ x: 33, y: 10 }],
    ]);
    expect(sparklineSegments([5, 5], 20, 10, 0)).toEqual([[{ x: 0, y: 5 }, { x: 20, y: 5 }]]);
    expect(sparklineSegments([null], 20, 10)).toEqual([]);
  });
});
