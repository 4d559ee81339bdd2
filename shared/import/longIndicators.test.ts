import { describe, expect, it } from 'vitest';
import type { Indicator, Region } from '../api/schemas';
import { extractObservations, type CatalogView } from './extract';
import { confirmProposals, proposeMapping } from './propose';
import type { CellValue, WorkbookCells } from './types';

const regions: Region[] = [
  { code: '330000', nameZh: '浙江省', nameEn: 'Zhejiang', level: 'province', parentCode: null },
  { code: '330100', nameZh: '杭州市', nameEn: 'Hangzhou', level: 'city', parentCode: '330000' },
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

/** A long table generated as a bureau's database exports it: region, indicator, period, value, unit; two indicators are new. */
function longBook(valueHeader = '数值', withUnitColumn = true): WorkbookCells {
  const rows: CellValue[][] = [['地区', '指标', '时间', valueHeader, ...(withUnitColumn ? ['单位'] : [])]];
  const add = (region: string, indicator: string, period: string, value: number, unit: string) => rows.push([region, indicator, period, value, ...(withUnitColumn ? [unit] : [])]);
  for (const [region, base] of [['杭州市', 5000], ['丽水市', 470], ['温州市', 2100]] as const) {
    add(region, '规上工业增加值', '2024年1-11月', base, '亿元');
    add(region, '数字经济核心产业增加值', '2024年1-11月', base / 10, '亿元');
    add(region, '研发人员', '2024年1-11月', base / 100, '万人');
  }
  return { fileName: '指标长表.csv', format: 'csv', encoding: 'utf-8', sheets: [{ name: '指标长表', rows, merges: [] }], notes: [] };
}

describe('a long table with an indicator column', () => {
  it('proposes its unknown indicators with the unit of their rows, as it proposes unknown regions', () => {
    const proposed = proposeMapping(longBook(), catalog);
    expect(proposed.mapping!.tables[0]!.layout).toBe('long');
    expect(proposed.proposals.indicators.map((indicator) => [indicator.nameZh, indicator.unit, indicator.accumulation])).toEqual([
      ['数字经济核心产业增加值', '亿元', 'ytd'],
      ['研发人员', '万人', 'ytd'],
    ]);
    expect(proposed.proposals.indicators.map((indicator) => indicator.kind)).toEqual(['flow', 'level']);
    // 温州市 is new too, under the province that the known cities of the table share.
    expect(proposed.proposals.regions.map((region) => [region.nameZh, region.parentCode])).toEqual([['温州市', '330000']]);
  });

  it('imports every row once the proposals are confirmed, and rejects the unknown names (with their cell) until then', () => {
    const workbook = longBook();
    const proposed = proposeMapping(workbook, catalog);
    const unconfirmed = extractObservations(workbook, proposed.mapping!, catalog);
    expect(unconfirmed.observations).toHaveLength(2);
    const unknownIndicators = unconfirmed.rejected.filter((rejection) => rejection.code === 'UNKNOWN_INDICATOR');
    expect(unknownIndicators.map((rejection) => rejection.address).slice(0, 2)).toEqual(['指标长表!B3', '指标长表!B4']);

    const mapping = confirmProposals(proposed.mapping!, proposed.proposals);
    const confirmed = extractObservations(workbook, mapping, { indicators: [...catalog.indicators], regions: [...catalog.regions] });
    expect(confirmed.rejected).toEqual([]);
    expect(confirmed.observations).toHaveLength(9);
    const research = proposed.proposals.indicators.find((indicator) => indicator.nameZh === '研发人员')!;
    expect(confirmed.observations.find((observation) => observation.indicatorCode === research.code && observation.regionCode === '331100')).toMatchObject({ period: '2024M11', value: 4.7 });
    // 规上工业增加值 is kept in billion yuan: 470 亿元 is 47.
    expect(confirmed.observations.find((observation) => observation.indicatorCode === 'industrial_value_added' && observation.regionCode === '331100')).toMatchObject({ value: 47, convertedFrom: '亿元' });
  });

  it('takes the unit from the value header when there is no unit column', () => {
    const proposed = proposeMapping(longBook('数值(亿元)', false), catalog);
    expect(proposed.proposals.indicators.map((indicator) => [indicator.nameZh, indicator.unit])).toEqual([
      ['数字经济核心产业增加值', '亿元'],
      ['研发人员', '亿元'],
    ]);
  });
});
