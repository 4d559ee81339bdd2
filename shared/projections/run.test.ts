import { describe, expect, it } from 'vitest';
import { contributionSentences } from './briefing';
import { runProjection } from './run';
import { ProjectionResultSchema, ScenarioSpec, type ResolvedBase, type ScenarioSpecInput } from './schema';

const lishui: ResolvedBase = {
  value: 471.78,
  unit: 'billion yuan',
  startYear: 2024,
  nameZh: '规上工业增加值',
  nameEn: 'Added value of industries above designated size',
  regionZh: '丽水市',
  regionEn: 'Lishui',
  source: { kind: 'input' },
};

function run(spec: ScenarioSpecInput, base: ResolvedBase = lishui) {
  const result = runProjection(ScenarioSpec.parse(spec), base, []);
  // Whatever the inputs, the result is what the contract promises: finite numbers only.
  ProjectionResultSchema.parse(result);
  return result;
}

const constant = (growthPct: number) => ({ kind: 'constant', growthPct }) as const;

describe('runProjection', () => {
  it('answers the issue from the inputs', () => {
    const result = run({
      base: { kind: 'value', value: 471.78, year: 2024 },
      years: 6,
      rates: { base: constant(9.3), high: constant(10.3), low: constant(8.3) },
      target: { value: 600, year: 2030 },
      share: { sharePct: 2, provinceGrowthPct: 7.5, targetSharePct: 2.5, targetYear: 2030 },
    });
    expect(result.briefing.zh).toEqual([
      '按年均增长9.3%测算，丽水市规上工业增加值将于2027年突破6000亿元（高方案2027年，低方案2028年）。',
      '要在2030年达到6000亿元，丽水市规上工业增加值2024—2030年需年均增长4.1%。',
      '按年均增长9.3%、全省年均增长7.5%测算，丽水市占全省比重将由2024年的2%变为2030年的2.2%。',
      '按此增速，占全省比重将于2038年达到2.5%。',
      '要在2030年使占全省比重达到2.5%，丽水市需年均增长11.6%，高于全省4.1个百分点。',
      '到2030年，丽水市规上工业增加值基准方案为8043.8亿元（高方案8495.6亿元，低方案7612.2亿元）。',
    ]);
    expect(result.briefing.en[0]).toBe('At 9.3% a year, added value of industries above designated size in Lishui passes 600 billion yuan in 2027 (high case 2027, low case 2028).');
    expect(result.sensitivity).toMatchObject({ kind: 'table', growthPcts: [7.3, 8.3, 9.3, 10.3, 11.3], years: [2025, 2026, 2027, 2028, 2029, 2030] });
  });

  it('builds the sentence from whatever the inputs are', () => {
    const result = run({ base: { kind: 'value', value: 1, year: 2024 }, years: 3, rates: { base: constant(8.5) }, target: { value: 900 } }, { ...lishui, value: 600, unit: '亿元' });
    expect(result.briefing.zh[0]).toBe('按年均增长8.5%测算，丽水市规上工业增加值将于2029年突破900亿元。');
    expect(result.briefing.en[0]).toBe('At 8.5% a year, added value of industries above designated size in Lishui passes 90 billion yuan in 2029.');
  });

  it('words per-year and ramped rates', () => {
    const perYear = run({ base: { kind: 'value', value: 1, year: 2024 }, years: 5, rates: { base: { kind: 'perYear', growthPcts: [9.3, 8, 7] } }, target: { value: 650 } });
    expect(perYear.briefing.zh[0]).toBe('按逐年增长9.3%、8%、7%（此后保持7%）测算，丽水市规上工业增加值将于2029年突破6500亿元。');
    const ramp = run({ base: { kind: 'value', value: 1, year: 2024 }, years: 5, rates: { base: { kind: 'ramp', fromPct: 10, toPct: 6, rampYears: 5 } }, target: { value: 650 } });
    expect(ramp.briefing.en[0]).toMatch(/^At growth moving from 10% to 6% over 5 years, .* passes 650 billion yuan in 2028\.$/);
  });

  it('says never and already met in words', () => {
    const never = run({ base: { kind: 'value', value: 1, year: 2024 }, years: 3, rates: { base: constant(-2) }, target: { value: 600, year: 2030 } });
    expect(never.briefing.zh[0]).toBe('按年均增长-2%测算，丽水市规上工业增加值无法达到6000亿元。');
    expect(never.briefing.en[0]).toBe('At -2% a year, added value of industries above designated size in Lishui never reaches 600 billion yuan.');
    const met = run({ base: { kind: 'value', value: 1, year: 2024 }, years: 3, rates: { base: constant(5) }, target: { value: 400, year: 2030 } });
    expect(met.briefing.zh.slice(0, 2)).toEqual([
      '丽水市规上工业增加值2024年为4717.8亿元，已达到4000亿元。',
      '丽水市规上工业增加值已达到4000亿元，到2030年即使年均下降2.7%仍可保持。',
    ]);
  });

  it('uses neutral words for a bare number', () => {
    const result = run({ base: { kind: 'value', value: 100, year: 2024 }, years: 2, rates: { base: constant(10) }, target: { value: 121 } }, { ...lishui, value: 100, unit: '', nameZh: '', nameEn: '', regionZh: null, regionEn: null });
    expect(result.briefing.zh[0]).toBe('按年均增长10%测算，该指标将于2026年突破121。');
    expect(result.briefing.en[0]).toBe('At 10% a year, the indicator passes 121 in 2026.');
  });
});

describe('contribution sentences', () => {
  const report = {
    regionCode: '331100',
    regionZh: '丽水市',
    regionEn: 'Lishui',
    period: '2024',
    priorPeriod: '2023',
    unit: 'billion yuan',
    part: { indicatorCode: 'semiconductor_output', nameZh: '半导体产业产值', nameEn: 'Semiconductor output', value: 15.21, growthPct: 27.1, priorValue: null },
    total: { indicatorCode: 'leading_industries_output', nameZh: '五大主导产业产值', nameEn: 'Output of the five leading industries', value: 187.22, growthPct: 16.1, priorValue: null },
  };

  it('says how many points the part adds and its share of the growth', () => {
    const result = { kind: 'contribution', partPrior: 15.21 / 1.271, totalPrior: 187.22 / 1.161, partPriorSource: 'from_growth', totalPriorSource: 'from_growth', totalGrowthPct: 16.1, contributionPp: 2.0111, shareOfGrowthPct: 12.4913 } as const;
    expect(contributionSentences({ ...report, result })).toEqual({
      zh: ['2024年，丽水市半导体产业产值增长27.1%，拉动五大主导产业产值增长2.0个百分点，贡献率12.5%。'],
      en: ['In 2024, semiconductor output in Lishui grew 27.1%, adding 2.0 percentage points to the 16.1% growth of output of the five leading industries (12.5% of that growth).'],
    });
  });

  it('says a shrinking part pulls growth down', () => {
    const result = { kind: 'contribution', partPrior: 10, totalPrior: 100, partPriorSource: 'stored', totalPriorSource: 'stored', totalGrowthPct: 5, contributionPp: -2, shareOfGrowthPct: -40 } as const;
    const shrinking = { ...report, part: { ...report.part, value: 8, growthPct: null } };
    expect(contributionSentences({ ...shrinking, result }).zh[0]).toBe('2024年，丽水市半导体产业产值下降20.0%，下拉五大主导产业产值增长2.0个百分点，贡献率-40.0%。');
  });
});
