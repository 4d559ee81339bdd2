import { describe, expect, it } from 'vitest';
import type { Catalog, Observation } from '../../../shared/api/schemas';
import { applyEdits } from '../editing/editingSlice';
import { buildWideRows, MISSING } from './buildWideRows';

const catalog: Catalog = {
  categories: [
    { code: 'industry', nameZh: '工业经济', nameEn: 'Industry' },
    { code: 'land', nameZh: '土地', nameEn: 'Land' },
  ],
  indicators: [
    { code: 'industrial_value_added', nameZh: '规上工业增加值', nameEn: 'Added value of industries above designated size', unit: 'billion yuan', kind: 'flow', accumulation: 'point', category: 'industry', parentCode: null, sourceNote: null },
    { code: 'land_supplied', nameZh: '供地面积', nameEn: 'Land supplied', unit: 'mu', kind: 'flow', accumulation: 'point', category: 'land', parentCode: null, sourceNote: null },
    { code: 'output_ytd', nameZh: '产值', nameEn: 'Output', unit: 'million yuan', kind: 'flow', accumulation: 'ytd', category: 'industry', parentCode: null, sourceNote: null },
  ],
  regions: [
    { code: '330000', nameZh: '浙江省', nameEn: 'Zhejiang', level: 'province', parentCode: 'CN' },
    { code: '331100', nameZh: '丽水市', nameEn: 'Lishui', level: 'city', parentCode: '330000' },
  ],
};

let nextId = 1;
function obs(indicatorCode: string, regionCode: string, period: string, value: number | null, extra: Partial<Observation> = {}): Observation {
  const unit = catalog.indicators.find((i) => i.code === indicatorCode)!.unit;
  return { versionId: nextId++, indicatorCode, regionCode, period, value, unit, growthReportedPct: null, rankReported: null, flags: [], note: null, source: null, fromSeq: 1, ...extra };
}

const observations: Observation[] = [
  obs('industrial_value_added', '331100', '2024', 471.78, { growthReportedPct: 9.3, rankReported: 5 }),
  obs('industrial_value_added', '331100', '2023', 431.2, { growthReportedPct: 7.1 }),
  obs('industrial_value_added', '330000', '2024', null, { growthReportedPct: 7.5 }),
  obs('land_supplied', '331100', '2024', 7379),
];
const all = { categoryCode: null, indicatorCode: null, regionCode: null };

describe('buildWideRows', () => {
  it('gives the table built before for the same figures, catalogue, filter and language (the table shown again)', () => {
    const first = buildWideRows(observations, catalog, { ...all }, 'zh');
    expect(buildWideRows(observations, catalog, { ...all }, 'zh')).toBe(first);
    expect(buildWideRows(observations, catalog, { ...all, search: '丽水' }, 'zh')).not.toBe(first);
    expect(buildWideRows(observations, catalog, { ...all }, 'en')).not.toBe(first);
    expect(buildWideRows([...observations], catalog, { ...all }, 'zh')).not.toBe(first);
  });

  it('shows 471.78 billion yuan as 4717.8 亿元 in Chinese with the reported growth', () => {
    const table = buildWideRows(observations, catalog, all, 'zh');
    const lishui = table.rows.find((row) => row.id === 'industrial_value_added|331100')!;
    expect(lishui.indicatorName).toBe('规上工业增加值');
    expect(lishui.regionName).toBe('丽水市');
    expect(lishui.unitLabel).toBe('亿元');
    expect(lishui.cells['2024']!.text).toBe('4717.8');
    expect(lishui.cells['2024']!.value).toBe(4717.8);
    expect(lishui.latestGrowthText).toBe('9.3%');
    expect(lishui.latestRank).toBe(5);
    expect(table.rows.find((row) => row.id === 'land_supplied|331100')!.latestRank).toBeNull();
  });

  it('keeps billion yuan and English names in English', () => {
    const table = buildWideRows(observations, catalog, all, 'en');
    const lishui = table.rows.find((row) => row.id === 'industrial_value_added|331100')!;
    expect(lishui.regionName).toBe('Lishui');
    expect(lishui.unitLabel).toBe('billion yuan');
    expect(lishui.cells['2024']!.text).toBe('471.78');
    expect(lishui.latestGrowthText).toBe('9.3%');
    expect(table.rows.find((row) => row.id === 'land_supplied|331100')!.cells['2024']!.text).toBe('7,379');
  });

  it('sorts periods chronologically and rows in catalog order', () => {
    const table = buildWideRows(observations, catalog, all, 'zh');
    expect(table.periods.map((p) => p.period)).toEqual(['2023', '2024']);
    expect(table.periods.map((p) => p.label)).toEqual(['2023年', '2024年']);
    expect(table.commonLatestPeriod?.period).toBe('2024');
    expect(table.rows.map((row) => row.id)).toEqual(['industrial_value_added|330000', 'industrial_value_added|331100', 'land_supplied|331100']);
  });

  it('shows a missing value as a dash but keeps the reported growth', () => {
    const zhejiang = buildWideRows(observations, catalog, all, 'zh').rows[0]!;
    expect(zhejiang.cells['2024']).toMatchObject({ value: null, text: MISSING, flags: [], note: null });
    expect(zhejiang.latestGrowthText).toBe('7.5%');
    expect(zhejiang.unitLabel).toBe('亿元');
  });

  it('filters by category, indicator and region', () => {
    expect(buildWideRows(observations, catalog, { ...all, categoryCode: 'land' }, 'zh').rows.map((r) => r.id)).toEqual(['land_supplied|331100']);
    expect(buildWideRows(observations, catalog, { ...all, regionCode: '330000' }, 'zh').rows).toHaveLength(1);
    const none = buildWideRows(observations, catalog, { ...all, categoryCode: 'funds' }, 'zh');
    expect(none.rows).toEqual([]);
    expect(none.periods).toEqual([]);
    expect(none.commonLatestPeriod).toBeNull();
  });

  it('takes growth from each row\'s own latest period', () => {
    const later = [...observations, obs('land_supplied', '331100', '2025', 8000, { growthReportedPct: 8.4, flags: ['preliminary'] })];
    const table = buildWideRows(later, catalog, all, 'en');
    expect(table.commonLatestPeriod).toBeNull();
    const land = table.rows.find((row) => row.id === 'land_supplied|331100')!;
    expect(land.latestPeriod?.period).toBe('2025');
    expect(land.latestGrowthText).toBe('8.4%');
    expect(land.cells['2025']!.flags).toEqual(['preliminary']);
    expect(table.rows.find((row) => row.id === 'industrial_value_added|331100')!.latestGrowthText).toBe('9.3%');
  });

  it('labels year-to-date months as releases do and chooses the unit per row', () => {
    const ytd = [obs('output_ytd', '331100', '2024M11', 223), obs('output_ytd', '331100', '2024M02', 40)];
    const zh = buildWideRows(ytd, catalog, all, 'zh');
    expect(zh.periods.map((p) => p.label)).toEqual(['2024年1-2月', '2024年1-11月']);
    expect(zh.rows[0]!.unitLabel).toBe('亿元');
    expect(zh.rows[0]!.cells['2024M11']!.text).toBe('2.23');
    const en = buildWideRows(ytd, catalog, all, 'en');
    expect(en.rows[0]!.unitLabel).toBe('million yuan');
    expect(en.rows[0]!.cells['2024M11']!.text).toBe('223');
  });

  it('drawn from its first rows, has every period of the whole table as a column, labelled as the whole table labels it', () => {
    // The first rows hold a point-in-time indicator; the year-to-date one, further down, is not in yet.
    const first = [obs('industrial_value_added', '331100', '2024M02', 80)];
    const whole = [...first, obs('output_ytd', '331100', '2024M02', 40), obs('output_ytd', '331100', '2024M03', 60)];
    const fromFirst = buildWideRows(first, catalog, { ...all, extraPeriods: ['2024M02', '2024M03'], ytdPeriods: ['2024M02', '2024M03'] }, 'zh');
    const fromWhole = buildWideRows(whole, catalog, all, 'zh');
    expect(fromFirst.periods).toEqual(fromWhole.periods);
    expect(fromFirst.periods.map((p) => p.label)).toEqual(['2024年1-2月', '2024年1-3月']);
    expect(fromFirst.rows.map((row) => row.id)).toEqual(['industrial_value_added|331100']);
  });
});

describe('buildWideRows with added rows', () => {
  it('shows an empty row for an indicator or region just added, in catalog order, until it holds figures', () => {
    const extraRows = [{ indicatorCode: 'land_supplied', regionCode: '330000' }];
    const table = buildWideRows(observations, catalog, { ...all, extraRows }, 'zh');
    expect(table.rows.map((row) => row.id)).toEqual(['industrial_value_added|330000', 'industrial_value_added|331100', 'land_supplied|330000', 'land_supplied|331100']);
    const empty = table.rows.find((row) => row.id === 'land_supplied|330000')!;
    expect(empty).toMatchObject({ indicatorName: '供地面积', regionName: '浙江省', storedUnit: 'mu', cells: {}, latestPeriod: null });
    // The growth header still names the common latest period of the rows with figures.
    expect(table.commonLatestPeriod?.period).toBe('2024');
    // A search that leaves it out hides it; a row with figures is not doubled.
    expect(buildWideRows(observations, catalog, { ...all, extraRows, search: '丽水' }, 'zh').rows.map((row) => row.id)).not.toContain('land_supplied|330000');
    const doubled = buildWideRows(observations, catalog, { ...all, extraRows: [{ indicatorCode: 'land_supplied', regionCode: '331100' }] }, 'zh');
    expect(doubled.rows.filter((row) => row.id === 'land_supplied|331100')).toHaveLength(1);
  });
});

describe('buildWideRows after an edit', () => {
  const units = new Map(catalog.indicators.map((indicator) => [indicator.code, indicator.unit]));
  /** What a row shows: its own fields and its cells' text. */
  const shown = (table: ReturnType<typeof buildWideRows>) =>
    table.rows.map((row) => ({ id: row.id, unit: row.unitLabel, growth: row.latestGrowthText, cells: Object.fromEntries(Object.entries(row.cells).map(([period, cell]) => [period, cell.text])) }));

  it('rebuilds only the edited row, and shows what a full build shows', () => {
    const before = buildWideRows(observations, catalog, all, 'zh');
    const edited = applyEdits(observations, [{ indicator: 'industrial_value_added', region: '331100', period: '2023', value: 500 }], units, 3);
    const after = buildWideRows(edited, catalog, all, 'zh');
    const lishui = after.rows.find((row) => row.id === 'industrial_value_added|331100')!;
    expect(lishui.cells['2023']!.text).toBe('5000');
    // Untouched rows are the same objects (the grid redraws only the edited one, and Zhejiang's,
    // which has no values of its own and takes its unit from the edited row's).
    const rebuilt = after.rows.filter((row) => row !== before.rows.find((old) => old.id === row.id)).map((row) => row.id);
    expect(rebuilt).toEqual(['industrial_value_added|330000', 'industrial_value_added|331100']);
    expect(shown(after)).toEqual(shown(buildWideRows([...edited], catalog, all, 'zh')));
  });

  it('fills a blank cell of a row, and builds afresh when an edit adds a row or a period', () => {
    buildWideRows(observations, catalog, all, 'en');
    const filled = applyEdits(observations, [{ indicator: 'land_supplied', region: '331100', period: '2023', value: 10 }], units, 3);
    const table = buildWideRows(filled, catalog, all, 'en');
    expect(table.rows.find((row) => row.id === 'land_supplied|331100')!.cells['2023']!.text).toBe('10');
    const newRow = applyEdits(filled, [{ indicator: 'land_supplied', region: '330000', period: '2025', value: 1 }], units, 4);
    const grown = buildWideRows(newRow, catalog, all, 'en');
    expect(grown.rows.map((row) => row.id)).toContain('land_supplied|330000');
    expect(grown.periods.map((period) => period.period)).toEqual(['2023', '2024', '2025']);
    expect(shown(grown)).toEqual(shown(buildWideRows([...newRow], catalog, all, 'en')));
  });
});
