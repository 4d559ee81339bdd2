import { describe, expect, it } from 'vitest';
import type { Catalog, Observation } from '../../../shared/api/schemas';
import { buildLongRows } from './buildLongRows';
import { buildWideRows } from './buildWideRows';

const catalog: Catalog = {
  categories: [{ code: 'industry', nameZh: '工业经济', nameEn: 'Industry' }],
  indicators: [
    { code: 'iva', nameZh: '规上工业增加值', nameEn: 'Industrial added value', unit: 'billion yuan', kind: 'flow', accumulation: 'point', category: 'industry', parentCode: null, sourceNote: null },
  ],
  regions: [
    { code: '330000', nameZh: '浙江省', nameEn: 'Zhejiang', level: 'province', parentCode: 'CN' },
    { code: '330800', nameZh: '衢州市', nameEn: 'Quzhou', level: 'city', parentCode: '330000' },
    { code: '331100', nameZh: '丽水市', nameEn: 'Lishui', level: 'city', parentCode: '330000' },
  ],
};
const obs = (regionCode: string, period: string, value: number | null, growthReportedPct: number | null = null, extra: Partial<Observation> = {}): Observation => ({
  versionId: 1, indicatorCode: 'iva', regionCode, period, value, unit: 'billion yuan', growthReportedPct, rankReported: null, flags: [], note: null, source: null, fromSeq: 1, ...extra,
});
const data = [obs('331100', '2024', 471.78, 9.3, { rankReported: 5, note: '快报' }), obs('331100', '2023', 431.6), obs('330000', '2024', 2300, 7.5), obs('330800', '2024', 200, 6.1)];
const all = { categoryCode: null, indicatorCode: null, regionCode: null };

describe('buildLongRows', () => {
  it('one row per observation in catalog and period order, in the row unit the wide table uses', () => {
    const { rows } = buildLongRows(data, catalog, all, 'zh', { kind: 'parent' });
    expect(rows.map((row) => row.id)).toEqual(['iva|330000|2024', 'iva|330800|2024', 'iva|331100|2023', 'iva|331100|2024']);
    const lishui = rows[3]!;
    expect(lishui).toMatchObject({ unitLabel: '亿元', value: 4717.8, valueText: '4717.8', rankReported: 5, note: '快报', displayUnit: '亿元', storedUnit: 'billion yuan' });
    const wide = buildWideRows(data, catalog, all, 'zh').rows.find((row) => row.id === 'iva|331100')!;
    expect(wide.displayUnit).toBe(lishui.displayUnit);
  });

  it('derives growth from levels, the gap to a comparator, the share of the parent and the rank among peers', () => {
    const lishui = buildLongRows(data, catalog, all, 'en', { kind: 'parent' }).rows[3]!;
    expect(lishui.growthComputed).toBeCloseTo(9.3096, 3);
    expect(lishui.gap).toBeCloseTo(1.8, 10);
    expect(lishui.share).toBeCloseTo(20.512, 2);
    expect(lishui.peerRank).toEqual({ rank: 1, of: 2 });
    const toQuzhou = buildLongRows(data, catalog, all, 'en', { kind: 'region', regionCode: '330800' }).rows[3]!;
    expect(toQuzhou.gap).toBeCloseTo(3.2, 10);
  });

  it('filters by period and search but derives from every observation', () => {
    const { rows } = buildLongRows(data, catalog, { ...all, period: '2024', search: 'lishui' }, 'en', { kind: 'parent' });
    expect(rows.map((row) => row.id)).toEqual(['iva|331100|2024']);
    expect(rows[0]!.growthComputed).not.toBeNull();
  });
});

describe('buildWideRows with the table tools', () => {
  it('adds empty period columns and keeps the stored and shown units on each row', () => {
    const table = buildWideRows(data, catalog, { ...all, extraPeriods: ['2022'] }, 'zh');
    expect(table.periods.map((p) => p.period)).toEqual(['2022', '2023', '2024']);
    expect(table.rows.find((row) => row.id === 'iva|331100')).toMatchObject({ storedUnit: 'billion yuan', displayUnit: '亿元' });
    expect(buildWideRows(data, catalog, { ...all, search: '衢州' }, 'zh').rows.map((row) => row.id)).toEqual(['iva|330800']);
  });
});
