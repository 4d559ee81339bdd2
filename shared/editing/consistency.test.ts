import { describe, expect, it } from 'vitest';
import type { Catalog, Indicator, Observation } from '../api/schemas';
import sample from '../../resources/sample/lishui-2024.json';
import { checkConsistency, findingsByCell } from './consistency';

function sampleData(): { catalog: Catalog; observations: Observation[] } {
  const catalog: Catalog = {
    categories: sample.categories,
    indicators: sample.indicators as Indicator[],
    regions: sample.regions as Catalog['regions'],
  };
  const units = new Map(catalog.indicators.map((i) => [i.code, i.unit]));
  const observations = sample.observations.map((o, index): Observation => ({
    versionId: index + 1,
    indicatorCode: o.indicator,
    regionCode: o.region,
    period: o.period,
    value: o.value,
    unit: units.get(o.indicator)!,
    growthReportedPct: o.growthReportedPct,
    rankReported: o.rankReported,
    flags: o.flags as Observation['flags'],
    note: o.note,
    source: null,
    fromSeq: 1,
  }));
  return { catalog, observations };
}

const indicator = (code: string, unit: string, kind: Indicator['kind'], parentCode: string | null = null): Indicator => ({
  code, nameZh: code, nameEn: code, unit, kind, accumulation: 'point', category: 'x', parentCode, sourceNote: null,
});
const regions: Catalog['regions'] = [
  { code: 'P', nameZh: '省', nameEn: 'Province', level: 'province', parentCode: null },
  { code: 'A', nameZh: '甲市', nameEn: 'A', level: 'city', parentCode: 'P' },
  { code: 'B', nameZh: '乙市', nameEn: 'B', level: 'city', parentCode: 'P' },
  { code: 'C', nameZh: '丙市', nameEn: 'C', level: 'city', parentCode: 'P' },
];
let id = 0;
const obs = (indicatorCode: string, unit: string, regionCode: string, period: string, value: number | null, extra: Partial<Observation> = {}): Observation => ({
  versionId: ++id, indicatorCode, regionCode, period, value, unit, growthReportedPct: null, rankReported: null, flags: [], note: null, source: null, fromSeq: 1, ...extra,
});

describe('checkConsistency on the Lishui sample', () => {
  it('catches "69 honours, including 687 titles" and says it is kept as printed', () => {
    const { catalog, observations } = sampleData();
    const findings = checkConsistency(observations, catalog);
    const honours = findings.filter((f) => f.rule === 'PART_EXCEEDS_WHOLE');
    expect(honours).toHaveLength(1);
    expect(honours[0]).toMatchObject({
      severity: 'error',
      isAsPrinted: true,
      cell: { indicatorCode: 'honour_titles', regionCode: '331100', period: '2024', field: 'value' },
    });
    expect(honours[0]!.zh).toContain('其中荣誉称号');
    expect(honours[0]!.zh).toContain('687项');
    expect(honours[0]!.zh).toContain('69项');
    expect(honours[0]!.en).toContain('exceeds its whole');
    // Nothing else in the report contradicts itself by these rules.
    expect(findings.map((f) => f.rule)).toEqual(['PART_EXCEEDS_WHOLE']);
    expect(findingsByCell(findings).get('honour_titles|331100|2024|value')).toHaveLength(1);
  });
});

describe('checkConsistency rules', () => {
  const catalog: Catalog = {
    categories: [],
    regions,
    indicators: [
      indicator('total', 'billion yuan', 'flow'),
      indicator('part1', '亿元', 'flow', 'total'),
      indicator('part2', 'billion yuan', 'flow', 'total'),
      indicator('share', '%', 'share'),
    ],
  };

  it('parts of amounts get rounding slack; their sum must not exceed the whole', () => {
    const findings = checkConsistency(
      [obs('total', 'billion yuan', 'A', '2024', 10), obs('part1', '亿元', 'A', '2024', 70), obs('part2', 'billion yuan', 'A', '2024', 4)],
      catalog,
    );
    expect(findings.map((f) => f.rule)).toEqual(['PARTS_EXCEED_WHOLE']);
    expect(findings[0]!.en).toContain('11 billion yuan');
    const withinRounding = checkConsistency([obs('total', 'billion yuan', 'A', '2024', 10), obs('part2', 'billion yuan', 'A', '2024', 10.04)], catalog);
    expect(withinRounding).toEqual([]);
  });

  it('cities must add up to the province when all are there, and never exceed it', () => {
    const cities = [obs('total', 'billion yuan', 'A', '2024', 40), obs('total', 'billion yuan', 'B', '2024', 30), obs('total', 'billion yuan', 'C', '2024', 20)];
    expect(checkConsistency([...cities, obs('total', 'billion yuan', 'P', '2024', 90.2)], catalog)).toEqual([]);
    const short = checkConsistency([...cities, obs('total', 'billion yuan', 'P', '2024', 100)], catalog);
    expect(short.map((f) => [f.rule, f.cell.regionCode])).toEqual([['REGIONS_DISAGREE', 'P']]);
    const partial = checkConsistency([cities[0]!, cities[1]!, obs('total', 'billion yuan', 'P', '2024', 60)], catalog);
    expect(partial.map((f) => f.rule)).toEqual(['REGIONS_DISAGREE']);
  });

  it('a share above 100% and growth below -100% are errors', () => {
    const findings = checkConsistency([obs('share', '%', 'A', '2024', 104), obs('total', 'billion yuan', 'A', '2024', 1, { growthReportedPct: -120 })], catalog);
    expect(findings.map((f) => [f.rule, f.cell.field])).toEqual([
      ['SHARE_OUT_OF_RANGE', 'value'],
      ['GROWTH_OUT_OF_RANGE', 'growthReportedPct'],
    ]);
  });

  it('growth implied by the levels must agree with the growth reported beyond rounding', () => {
    const base = obs('total', 'billion yuan', 'A', '2023', 431.6);
    const agrees = checkConsistency([base, obs('total', 'billion yuan', 'A', '2024', 471.78, { growthReportedPct: 9.3 })], catalog);
    expect(agrees).toEqual([]);
    const disagrees = checkConsistency([base, obs('total', 'billion yuan', 'A', '2024', 471.78, { growthReportedPct: 12 })], catalog);
    expect(disagrees.map((f) => [f.rule, f.cell.field])).toEqual([['GROWTH_DISAGREES', 'growthReportedPct']]);
    expect(disagrees[0]!.en).toContain('9.3%');
  });

  it('a stated rank must agree with the values or growth of all peers', () => {
    const values = [obs('total', 'billion yuan', 'A', '2024', 40, { rankReported: 1 }), obs('total', 'billion yuan', 'B', '2024', 30), obs('total', 'billion yuan', 'C', '2024', 50)];
    expect(checkConsistency(values, catalog).map((f) => f.rule)).toEqual(['RANK_DISAGREES']);
    const byGrowth = values.map((o, i) => ({ ...o, growthReportedPct: [9, 5, 3][i]! }));
    expect(checkConsistency(byGrowth, catalog)).toEqual([]);
    const beyond = checkConsistency([obs('total', 'billion yuan', 'A', '2024', 40, { rankReported: 5 })], catalog);
    expect(beyond[0]!.en).toContain('only 3 peer regions');
  });
});
