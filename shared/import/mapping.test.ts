import { describe, expect, it } from 'vitest';
import type { Indicator, Region } from '../api/schemas';
import { detectTables } from './detect';
import { extractObservations, type CatalogView } from './extract';
import { ImportMapping } from './mapping';
import { confirmProposals, proposeMapping } from './propose';
import { applyTemplate } from './template';
import type { CellValue, MergeRange, SheetCells, WorkbookCells } from './types';

const regions: Region[] = [
  { code: 'CN', nameZh: '中国', nameEn: 'China', level: 'nation', parentCode: null },
  { code: '330000', nameZh: '浙江省', nameEn: 'Zhejiang', level: 'province', parentCode: 'CN' },
  { code: '330100', nameZh: '杭州市', nameEn: 'Hangzhou', level: 'city', parentCode: '330000' },
  { code: '330800', nameZh: '衢州市', nameEn: 'Quzhou', level: 'city', parentCode: '330000' },
  { code: '331000', nameZh: '台州市', nameEn: 'Taizhou', level: 'city', parentCode: '330000' },
  { code: '331100', nameZh: '丽水市', nameEn: 'Lishui', level: 'city', parentCode: '330000' },
];
const industry: Indicator = {
  code: 'industrial_value_added',
  nameZh: '规上工业增加值',
  nameEn: 'Added value of industries above designated size',
  unit: 'billion yuan',
  kind: 'flow',
  accumulation: 'ytd',
  category: 'industry',
  parentCode: null,
  sourceNote: null,
};
const catalog: CatalogView = { indicators: [industry], regions };

const merge = (startRow: number, startColumn: number, endRow: number, endColumn: number): MergeRange => ({ startRow, startColumn, endRow, endColumn });
const book = (fileName: string, ...sheets: { name: string; rows: CellValue[][]; merges?: MergeRange[] }[]): WorkbookCells => ({
  fileName,
  format: 'xlsx',
  encoding: null,
  sheets: sheets.map((sheet): SheetCells => ({ name: sheet.name, rows: sheet.rows, merges: sheet.merges ?? [] })),
  notes: [],
});

/** A monthly release: merged title, unit row, a two-row header of groups over "1-11月累计 | 同比增长", a total, a 其中 row, a footnote. */
const monthly = book('月报.xlsx', {
  name: '月报',
  rows: [
    ['2024年1-11月各市规上工业主要指标'],
    ['单位：亿元'],
    ['地区', '规上工业增加值', null, '营业收入', null, '位次'],
    [null, '1-11月累计', '同比增长(%)', '1-11月累计', '同比增长(%)', null],
    ['全省', 20000.5, 7.1, 90000, 5, null],
    ['杭  州', 5000.12, 8.1, 20000, 6, 1],
    ['丽水市', 471.78, 9.3, 2000, 7.5, 5],
    ['其中：丽水经开区', 100, 10.2, 500, 8, null],
    ['衢州市', '—', 6.2, 1500, '12..5', 6],
    ['注：本表绝对额按当年价格计算。'],
  ],
  merges: [merge(0, 0, 0, 5), merge(2, 0, 3, 0), merge(2, 1, 2, 2), merge(2, 3, 2, 4), merge(2, 5, 3, 5)],
});

/** A yearbook table: the blank merged group beside 生产总值 (亿元) is its breakdown; units per column; a regional subtotal. */
const yearbook = book('17-2 各市国民经济主要指标.xls', {
  name: '17-2',
  rows: [
    ['17-2 各市国民经济主要指标（2022年）'],
    ['城  市', null, '年末常住人口\n(万人)', '生产总值\n(亿元)', '', null, '人均生产总值(元)', '规上工业增加值\n(万元)'],
    [null, null, null, null, '第一产业', '#工业', null, null],
    ['浙西南', null, 800, 3000, 300, 1000, '', ''],
    ['丽  水  市', null, 250.8, 1540, 105, 434, 61811, 4717800],
    ['衢  州  市', null, 549.2, 1460, 195, 566, 71000, 5000000],
    ['注: 人均生产总值按常住人口计算。'],
  ],
  merges: [merge(0, 0, 0, 7), merge(1, 0, 2, 1), merge(1, 2, 2, 2), merge(1, 3, 2, 3), merge(1, 4, 1, 5), merge(1, 6, 2, 6), merge(1, 7, 2, 7), merge(3, 0, 3, 1), merge(4, 0, 4, 1), merge(5, 0, 5, 1)],
});

/** Two stacked tables in one sheet ("续表"), periods across, bilingual headers, a "by Region" section. */
const stacked = book('2-12分市地区生产总值(2023).xlsx', {
  name: 'Sheet1',
  rows: [
    ['2-12 分市地区生产总值'],
    ['本表按当年价格计算,单位:亿元'],
    ['地区', 'Region', '地区生产总值\nGross Domestic Product', null],
    [null, null, '2021', '2022'],
    ['按地区分', 'by City', null, null],
    ['丽水市', 'Lishui', '1710.03', '1830.9'],
    ['衢州市', 'Quzhou', '1875.61', '2003.4'],
    ['按区域分', 'by Region', null, null],
    ['浙西南', 'Southwest', '3585.64', '3834.3'],
    [],
    [],
    ['2-12 续表 1 continued'],
    ['本表按当年价格计算,单位:亿元'],
    ['地区', 'Region', '第一产业增加值\nValue-Added by the Primary Industry', null],
    [null, null, '2021', '2022'],
    ['丽水市', 'Lishui', '110.5', '116.2'],
    ['衢州市', 'Quzhou', '99.1', '103.8'],
  ],
  merges: [merge(2, 2, 2, 3), merge(13, 2, 13, 3)],
});

describe('detecting tables', () => {
  it('finds the title, unit row, two-row header, data rows and footnote of a monthly release', () => {
    const [table, ...rest] = detectTables(monthly.sheets[0]!, monthly.fileName);
    expect(rest).toEqual([]);
    expect(table).toMatchObject({
      title: '2024年1-11月各市规上工业主要指标',
      tableUnit: '亿元',
      headerRows: { first: 2, last: 3 },
      dataRows: { first: 4, last: 8 },
      labelColumn: 0,
      columnsCarry: 'period',
      notes: ['注：本表绝对额按当年价格计算。'],
    });
    expect(table!.columns.map((column) => [column.header, column.kind, column.unit, column.period?.code])).toEqual([
      ['规上工业增加值 / 1-11月累计', 'value', '亿元', '2024M11'],
      ['规上工业增加值 / 同比增长(%)', 'growth', '%', undefined],
      ['营业收入 / 1-11月累计', 'value', '亿元', '2024M11'],
      ['营业收入 / 同比增长(%)', 'growth', '%', undefined],
      ['位次', 'rank', null, undefined],
    ]);
  });

  it('flattens a merged header whose group cell is blank into "生产总值 / 工业", with the group\'s unit', () => {
    const [table] = detectTables(yearbook.sheets[0]!, yearbook.fileName);
    expect(table!.columns.map((column) => [column.nameZh, column.unit])).toEqual([
      ['年末常住人口', '万人'],
      ['生产总值', '亿元'],
      ['生产总值 / 第一产业', '亿元'],
      ['生产总值 / 工业', '亿元'],
      ['人均生产总值', '元'],
      ['规上工业增加值', '万元'],
    ]);
    expect(table!.period).toMatchObject({ code: '2022', source: 'title' });
  });

  it('finds every table of a stacked sheet, each with its own header', () => {
    const tables = detectTables(stacked.sheets[0]!, stacked.fileName);
    expect(tables.map((table) => [table.title, table.isContinuation, table.headerRows, table.dataRows, table.alternateLabelColumn])).toEqual([
      ['2-12 分市地区生产总值', false, { first: 2, last: 3 }, { first: 5, last: 8 }, 1],
      ['2-12 续表 1 continued', true, { first: 13, last: 14 }, { first: 15, last: 16 }, 1],
    ]);
    expect(tables[1]!.columns.map((column) => [column.groupZh, column.groupEn, column.period?.code])).toEqual([
      ['第一产业增加值', 'Value-Added by the Primary Industry', '2021'],
      ['第一产业增加值', 'Value-Added by the Primary Industry', '2022'],
    ]);
  });
});

describe('mapping figures to observations', () => {
  it('maps a monthly release: converted units, growth beside its value, totals to the province, 其中 rows skipped, bad cells with addresses', () => {
    const proposed = proposeMapping(monthly, catalog);
    expect(proposed.proposals.indicators.map((indicator) => [indicator.nameZh, indicator.unit, indicator.accumulation])).toEqual([['营业收入', '亿元', 'ytd']]);
    const extraction = extractObservations(monthly, confirmProposals(proposed.mapping!, proposed.proposals), catalog);
    const lishui = extraction.observations.filter((o) => o.regionCode === '331100');
    // 规上工业增加值 is kept in billion yuan: 471.78 亿元 → 47.178.
    expect(lishui).toEqual([
      expect.objectContaining({ indicatorCode: 'industrial_value_added', period: '2024M11', value: 47.178, growthReportedPct: 9.3, convertedFrom: '亿元', address: '月报!B7' }),
      expect.objectContaining({ indicatorCode: '营业收入', period: '2024M11', value: 2000, growthReportedPct: 7.5, rankReported: 5 }),
    ]);
    expect(extraction.observations.find((o) => o.regionCode === '330000' && o.indicatorCode === '营业收入')).toMatchObject({ value: 90000, growthReportedPct: 5 });
    expect(extraction.skipped).toEqual([expect.objectContaining({ kind: 'memberOf', address: '月报!A8', label: '其中:丽水经开区' })]);
    expect(extraction.rejected).toEqual([expect.objectContaining({ code: 'NOT_A_NUMBER', address: '月报!E9', value: '12..5' })]);
    // "—" is no figure, not an error: 衢州's 规上工业增加值 simply has none.
    const quzhou = extraction.observations.find((o) => o.regionCode === '330800' && o.indicatorCode === 'industrial_value_added');
    expect(quzhou).toMatchObject({ growthReportedPct: 6.2 });
    expect(quzhou?.value).toBeUndefined();
  });

  it('converts what can be converted, refuses what cannot, and names a column without a unit', () => {
    const proposed = proposeMapping(yearbook, catalog);
    const mapping = confirmProposals(proposed.mapping!, proposed.proposals);
    const table = mapping.tables[0]!;
    // 规上工业增加值 in 万元 becomes the existing indicator, kept in billion yuan.
    expect(table.columns.find((column) => column.column === 'H')).toMatchObject({ indicator: 'industrial_value_added', unit: '万元' });
    const extraction = extractObservations(yearbook, mapping, catalog);
    expect(extraction.observations.find((o) => o.regionCode === '331100' && o.indicatorCode === 'industrial_value_added')).toMatchObject({ value: 47.178, period: '2022' });
    expect(extraction.skipped).toEqual([expect.objectContaining({ kind: 'subtotal', label: '浙西南' })]);
    expect(extraction.rejected).toEqual([]);

    const wrongUnit = ImportMapping.parse({ ...mapping, tables: [{ ...table, columns: table.columns.map((c) => (c.column === 'C' ? { ...c, indicator: 'industrial_value_added' } : c)) }] });
    expect(extractObservations(yearbook, wrongUnit, catalog).rejected).toEqual([expect.objectContaining({ code: 'UNIT_MISMATCH', address: "'17-2'!C4:C6", cells: 3 })]);

    const noUnit = ImportMapping.parse({ ...mapping, tables: [{ ...table, columns: table.columns.map((c) => (c.column === 'H' ? { ...c, unit: null } : c)) }] });
    expect(extractObservations(yearbook, noUnit, catalog).rejected).toEqual([expect.objectContaining({ code: 'NO_UNIT', address: "'17-2'!H4:H6" })]);
  });

  it('rejects every source of a duplicated figure, and rows naming unknown places', () => {
    const twice = book('dup.csv', {
      name: 'dup',
      rows: [
        ['地区', '营业收入(亿元)'],
        ['丽水', 10],
        ['丽水市', 11],
        ['火星', 12],
        ['杭州', 13],
      ],
    });
    const proposed = proposeMapping(twice, catalog);
    const mapping = { ...proposed.mapping!, tables: proposed.mapping!.tables.map((table) => ({ ...table, period: '2024' })) };
    const extraction = extractObservations(twice, confirmProposals(mapping, { indicators: proposed.proposals.indicators, regions: [] }), catalog);
    expect(extraction.rejected.map((r) => [r.code, r.address])).toEqual([
      ['UNKNOWN_REGION', 'dup!A4'],
      ['DUPLICATE', 'dup!B2'],
      ['DUPLICATE', 'dup!B3'],
    ]);
    expect(extraction.rejected[1]!.reason).toMatch(/also comes from dup!B3/);
    expect(extraction.observations.map((o) => [o.regionCode, o.value])).toEqual([['330100', 13]]);
    // The unknown place is proposed as a new region, never created without confirmation.
    expect(proposed.proposals.regions).toEqual([expect.objectContaining({ nameZh: '火星', parentCode: '330000' })]);
  });

  it('imports each stacked table with periods from the headers and skips the regional subtotal', () => {
    const proposed = proposeMapping(stacked, catalog);
    expect(proposed.mapping!.tables).toHaveLength(2);
    const extraction = extractObservations(stacked, confirmProposals(proposed.mapping!, proposed.proposals), catalog);
    expect(extraction.observations.filter((o) => o.regionCode === '331100').map((o) => [o.indicatorCode, o.period, o.value])).toEqual([
      ['gross_domestic_product', '2021', 1710.03],
      ['gross_domestic_product', '2022', 1830.9],
      ['value_added_by_the_primary_industry', '2021', 110.5],
      ['value_added_by_the_primary_industry', '2022', 116.2],
    ]);
    expect(extraction.skipped.map((s) => [s.kind, s.address])).toEqual([
      ['section', 'Sheet1!A8'],
      ['subtotal', 'Sheet1!A9'],
    ]);
  });

  it('reports a mapping without a period instead of guessing one', () => {
    const undated = book('指标.xlsx', { name: 'S', rows: [['地区', '营业收入(亿元)'], ['丽水', 10]] });
    const proposed = proposeMapping(undated, catalog);
    expect(proposed.notes.map((note) => note.message)).toContain('Neither the title nor the file name names a period: set the period of the table.');
    const extraction = extractObservations(undated, confirmProposals(proposed.mapping!, proposed.proposals), catalog);
    expect(extraction.rejected).toEqual([expect.objectContaining({ code: 'NO_PERIOD', address: 'S!B2' })]);
  });
});

describe('templates', () => {
  const next = (extra: boolean, missing: boolean) =>
    book('月报-12月.xlsx', {
      name: '月报',
      rows: [
        ['2024年1-12月各市规上工业主要指标'],
        ['单位：亿元'],
        ['地区', '规上工业增加值', null, ...(missing ? [] : ['营业收入', null]), '位次', ...(extra ? ['利润总额'] : [])],
        [null, '1-12月累计', '同比增长(%)', ...(missing ? [] : ['1-12月累计', '同比增长(%)']), null, ...(extra ? ['1-12月累计'] : [])],
        ['丽水市', 520.1, 9.1, ...(missing ? [] : [2200, 7.2]), 4, ...(extra ? [80] : [])],
        ['衢州市', 500, 6.4, ...(missing ? [] : [1700, 6.6]), 7, ...(extra ? [60] : [])],
      ],
      merges: [merge(2, 1, 2, 2), ...(missing ? [] : [merge(2, 3, 2, 4)])],
    });

  it('imports a later file of the same shape in one step, with the new period read from its headers', () => {
    const first = proposeMapping(monthly, catalog);
    const template = confirmProposals(first.mapping!, first.proposals);
    const catalogAfter: CatalogView = { indicators: [...catalog.indicators, ...first.proposals.indicators], regions };
    const file = next(false, false);
    const applied = applyTemplate(template, proposeMapping(file, catalogAfter), catalogAfter);
    expect(applied.mismatches).toEqual([]);
    const extraction = extractObservations(file, applied.mapping!, catalogAfter);
    expect(extraction.rejected).toEqual([]);
    expect(extraction.observations.filter((o) => o.regionCode === '331100').map((o) => [o.indicatorCode, o.period, o.value, o.growthReportedPct, o.rankReported])).toEqual([
      ['industrial_value_added', '2024M12', 52.01, 9.1, undefined],
      ['营业收入', '2024M12', 2200, 7.2, 4],
    ]);
  });

  it('reports an extra or a missing column instead of guessing it', () => {
    const first = proposeMapping(monthly, catalog);
    const template = confirmProposals(first.mapping!, first.proposals);
    const catalogAfter: CatalogView = { indicators: [...catalog.indicators, ...first.proposals.indicators], regions };
    const extra = applyTemplate(template, proposeMapping(next(true, false), catalogAfter), catalogAfter);
    expect(extra.mismatches.map((m) => [m.kind, m.column, m.header])).toEqual([['extraColumn', 'G', '利润总额 / 1-12月累计']]);
    expect(extra.mapping!.tables[0]!.columns.find((c) => c.column === 'G')).toMatchObject({ role: 'ignore', indicator: null });
    const missing = applyTemplate(template, proposeMapping(next(false, true), catalogAfter), catalogAfter);
    expect(missing.mismatches.map((m) => [m.kind, m.header])).toEqual([
      ['missingColumn', '营业收入 / 1-11月累计'],
      ['missingColumn', '营业收入 / 同比增长(%)'],
    ]);
  });
});

describe('other layouts', () => {
  it('reads a long table: one observation per row, with region, period and value columns', () => {
    const long = book('gdp.csv', {
      name: 'gdp',
      rows: [
        ['Country Name', 'Country Code', 'Year', 'Value'],
        ['Lishui', 'LS', '2022', '1830.9'],
        ['Lishui', 'LS', '2023', '1964.6'],
        ['Atlantis', 'AT', '2023', '1'],
      ],
    });
    const proposed = proposeMapping(long, catalog);
    expect(proposed.mapping!.tables[0]).toMatchObject({ layout: 'long', labelColumn: 'A' });
    expect(proposed.mapping!.tables[0]!.columns.map((c) => [c.column, c.role])).toEqual([
      ['A', 'region'],
      ['C', 'period'],
      ['D', 'value'],
    ]);
    const extraction = extractObservations(long, confirmProposals(proposed.mapping!, { indicators: proposed.proposals.indicators, regions: [] }), catalog);
    expect(extraction.observations.map((o) => [o.regionCode, o.period, o.value])).toEqual([
      ['331100', '2022', 1830.9],
      ['331100', '2023', 1964.6],
    ]);
    expect(extraction.rejected).toEqual([expect.objectContaining({ code: 'UNKNOWN_REGION', address: 'gdp!A4' })]);
  });

  it('reads rows that are periods ("1978年") for a national table named by its file', () => {
    const national = book('国内生产总值.csv', {
      name: '国内生产总值',
      rows: [
        [null, '国内生产总值(亿元)', '第一产业增加值(亿元)'],
        ['1978年', '3650.16851182', '1018.4'],
        ['1979年', '4067.67013302', '1258.9'],
      ],
    });
    const proposed = proposeMapping(national, catalog);
    expect(proposed.mapping!.tables[0]).toMatchObject({ labelKind: 'period', region: 'CN' });
    const extraction = extractObservations(national, confirmProposals(proposed.mapping!, proposed.proposals), catalog);
    expect(extraction.observations.map((o) => [o.indicatorCode, o.regionCode, o.period, o.value])).toEqual([
      ['国内生产总值', 'CN', '1978', 3650.16851182],
      ['第一产业增加值', 'CN', '1978', 1018.4],
      ['国内生产总值', 'CN', '1979', 4067.67013302],
      ['第一产业增加值', 'CN', '1979', 1258.9],
    ]);
  });
});
