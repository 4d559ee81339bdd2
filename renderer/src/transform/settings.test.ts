import { describe, expect, it } from 'vitest';
import type { Catalog, Indicator, Observation } from '../../../shared/api/schemas';
import { DEFAULT_TRANSFORM_SETTINGS, earliestYear, isTransformActive, planRequests, seriesOnScreen, transformOf } from './settings';

const indicator = (code: string, accumulation: 'point' | 'ytd' = 'point', category = 'industry'): Indicator => ({
  code, nameZh: code, nameEn: code, unit: '亿元', kind: 'flow', accumulation, category, parentCode: null, sourceNote: null,
});
const output = indicator('output_ytd', 'ytd');
const iva = indicator('iva');

describe('transformOf', () => {
  it('writes the transformation as the API reads it', () => {
    const with_ = (patch: Partial<typeof DEFAULT_TRANSFORM_SETTINGS>) => transformOf({ ...DEFAULT_TRANSFORM_SETTINGS, ...patch }, '2023');
    expect(with_({})).toBe('level');
    expect(with_({ kind: 'yoy' })).toBe('yoy');
    expect(with_({ kind: 'change', against: 'year_ago' })).toBe('change:yoy');
    expect(with_({ kind: 'pp' })).toBe('pp');
    expect(with_({ kind: 'index' })).toBe('index:2023');
    expect(with_({ kind: 'index', base: '2024M02' })).toBe('index:2024M02');
    expect(with_({ kind: 'cagr', years: 3 })).toBe('cagr:3');
    expect(isTransformActive(DEFAULT_TRANSFORM_SETTINGS)).toBe(false);
    expect(isTransformActive({ ...DEFAULT_TRANSFORM_SETTINGS, aggregate: 'single' })).toBe(true);
  });
});

describe('planRequests', () => {
  it('asks for single months of a year-to-date indicator together with its year-to-date values as released', () => {
    const settings = { ...DEFAULT_TRANSFORM_SETTINGS, aggregate: 'single' as const, kind: 'yoy' as const };
    const planned = planRequests([{ indicator: output, regionCode: '331100' }, { indicator: iva, regionCode: '331100' }], settings, 2, '2023');
    expect(planned.map((p) => [p.role, p.request])).toEqual([
      ['companion', { indicator: 'output_ytd', region: '331100', aggregate: 'none', transform: 'yoy', snapshot: 2 }],
      ['primary', { indicator: 'output_ytd', region: '331100', aggregate: 'single', transform: 'yoy', snapshot: 2 }],
      ['primary', { indicator: 'iva', region: '331100', aggregate: 'single', transform: 'yoy', snapshot: 2 }],
    ]);
    expect(new Set(planned.map((p) => p.key)).size).toBe(3);
  });

  it('passes the comparator of a gap and the parent of a share only when chosen', () => {
    const gap = planRequests([{ indicator: iva, regionCode: '331100' }], { ...DEFAULT_TRANSFORM_SETTINGS, kind: 'gap', comparator: 'CN' }, 'working', '2023');
    expect(gap[0]!.request).toEqual({ indicator: 'iva', region: '331100', aggregate: 'none', transform: 'gap', comparator: 'CN' });
    const share = planRequests([{ indicator: iva, regionCode: '331100' }], { ...DEFAULT_TRANSFORM_SETTINGS, kind: 'share', comparator: 'CN' }, 'working', '2023');
    expect(share[0]!.request).toEqual({ indicator: 'iva', region: '331100', aggregate: 'none', transform: 'share' });
  });
});

describe('seriesOnScreen', () => {
  const catalog: Catalog = {
    categories: [],
    indicators: [iva, output, indicator('land_supply', 'point', 'land')],
    regions: [
      { code: '330000', nameZh: '浙江省', nameEn: 'Zhejiang', level: 'province', parentCode: null },
      { code: '331100', nameZh: '丽水市', nameEn: 'Lishui', level: 'city', parentCode: '330000' },
    ],
  };
  const at = (indicatorCode: string, regionCode: string, period: string): Observation => ({
    versionId: 1, indicatorCode, regionCode, period, value: 1, unit: '亿元', growthReportedPct: null, rankReported: null, flags: [], note: null, source: null, fromSeq: 1,
  });
  const observations = [at('output_ytd', '331100', '2024M11'), at('iva', '331100', '2024'), at('iva', '330000', '2023'), at('land_supply', '331100', '2022')];

  it('lists the series of the selection in catalog order, with their periods', () => {
    const all = seriesOnScreen(observations, catalog, { categoryCode: null, indicatorCode: null, regionCode: null });
    expect(all.series.map((s) => `${s.indicator.code}|${s.regionCode}`)).toEqual(['iva|330000', 'iva|331100', 'output_ytd|331100', 'land_supply|331100']);
    const industry = seriesOnScreen(observations, catalog, { categoryCode: 'industry', indicatorCode: null, regionCode: '331100' });
    expect(industry.series.map((s) => s.indicator.code)).toEqual(['iva', 'output_ytd']);
    expect([...industry.periods].sort()).toEqual(['2024', '2024M11']);
    expect(earliestYear(all.periods, '2020')).toBe('2022');
    expect(earliestYear([], '2020')).toBe('2020');
  });
});
