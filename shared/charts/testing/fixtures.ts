import type { ProjectionResult } from '../../projections/schema';
import { runProjection } from '../../projections/run';
import type { GrowthComparisonData, RankingData, RegionEntry, ScatterData, ValueGrowthData, VintagesData, WaterfallData } from '../data';

/** Figures shaped like Zhejiang's 11 cities, for tests and benchmarks of the builders (not real data except Lishui's). */
const CITIES: readonly [string, string, string, number, number][] = [
  ['330100', '杭州市', 'Hangzhou', 4935.2, 6.9],
  ['330200', '宁波市', 'Ningbo', 5021.3, 7.1],
  ['330300', '温州市', 'Wenzhou', 1968.4, 8.4],
  ['330400', '嘉兴市', 'Jiaxing', 2480.6, 8.1],
  ['330500', '湖州市', 'Huzhou', 1502.2, 8.0],
  ['330600', '绍兴市', 'Shaoxing', 2603.7, 7.4],
  ['330700', '金华市', 'Jinhua', 1486.9, 10.2],
  ['330800', '衢州市', 'Quzhou', 738.5, 9.8],
  ['330900', '舟山市', 'Zhoushan', 742.0, 6.0],
  ['331000', '台州市', 'Taizhou', 1827.1, 8.8],
  ['331100', '丽水市', 'Lishui', 471.78, 9.3],
];

export function cityEntries(unitFactor = 0.1): RegionEntry[] {
  return CITIES.map(([code, zh, en, value, growth]) => ({
    code,
    name: { zh, en },
    level: 'city',
    // The list is in 亿元; stored in billion yuan like the sample.
    value: Math.round(value * unitFactor * 1000) / 1000,
    growthPct: growth,
    rankReported: null,
    flags: code === '330800' ? ['preliminary'] : [],
  }));
}

const IVA = { zh: '规上工业增加值', en: 'Added value of industries above designated size' };
const Y2024 = { zh: '2024年', en: '2024' };

export const ranking11: RankingData = {
  kind: 'ranking',
  indicator: IVA,
  period: Y2024,
  measure: 'growth',
  unit: '%',
  ownCode: '331100',
  entries: cityEntries(),
  peerCount: 11,
  averages: [{ label: { zh: '浙江省平均', en: 'Zhejiang average' }, value: 7.5 }],
};

export const rankingSample: RankingData = {
  ...ranking11,
  entries: [
    { code: '331100', name: { zh: '丽水市', en: 'Lishui' }, level: 'city', value: 471.78, growthPct: 9.3, rankReported: 5, flags: [] },
    ...cityEntries().filter((e) => e.code !== '331100').map((e) => ({ ...e, value: null, growthPct: null, flags: [] })),
  ],
};

export const rankingEmpty: RankingData = { ...ranking11, entries: cityEntries().map((e) => ({ ...e, value: null, growthPct: null, flags: [] })), averages: [] };

export const comparison: GrowthComparisonData = {
  kind: 'growthComparison',
  indicator: IVA,
  period: Y2024,
  ownCode: '331100',
  entries: [
    { code: '331100', name: { zh: '丽水市', en: 'Lishui' }, level: 'city', value: 471.78, growthPct: 9.3, rankReported: 5, flags: [] },
    { code: '330000', name: { zh: '浙江省', en: 'Zhejiang' }, level: 'province', value: null, growthPct: 7.5, rankReported: null, flags: [] },
    { code: 'CN', name: { zh: '中国', en: 'China' }, level: 'nation', value: null, growthPct: 5.8, rankReported: null, flags: ['preliminary'] },
  ],
};

export const valueGrowth: ValueGrowthData = {
  kind: 'valueGrowth',
  indicator: IVA,
  region: { zh: '丽水市', en: 'Lishui' },
  unit: 'billion yuan',
  points: [
    { period: '2020', label: { zh: '2020年', en: '2020' }, value: 300.12, growthPct: 4.1, flags: [] },
    { period: '2021', label: { zh: '2021年', en: '2021' }, value: 352.4, growthPct: 14.5, flags: [] },
    { period: '2022', label: { zh: '2022年', en: '2022' }, value: 389.07, growthPct: 5.2, flags: [] },
    { period: '2023', label: { zh: '2023年', en: '2023' }, value: 430.5, growthPct: 7.9, flags: [] },
    { period: '2024', label: { zh: '2024年', en: '2024' }, value: 471.78, growthPct: 9.3, flags: ['preliminary'] },
  ],
};

export const vintages: VintagesData = {
  kind: 'vintages',
  indicator: IVA,
  region: { zh: '丽水市', en: 'Lishui' },
  measure: 'value',
  unit: 'billion yuan',
  vintages: [
    { label: { zh: '2024年1-10月月报', en: 'Jan–Oct 2024 release' }, isWorking: false, points: valueGrowth.points.slice(0, 4).map((p) => ({ ...p, value: p.value! * 0.99 })) },
    { label: { zh: '2024年1-11月月报', en: 'Jan–Nov 2024 release' }, isWorking: false, points: valueGrowth.points.slice(0, 5).map((p) => ({ ...p, value: p.value! * 0.995 })) },
    { label: { zh: '工作副本（未冻结）', en: 'working copy (not frozen)' }, isWorking: true, points: valueGrowth.points },
  ],
};

export const waterfall: WaterfallData = {
  kind: 'waterfall',
  mode: 'contribution',
  indicator: IVA,
  region: { zh: '丽水市', en: 'Lishui' },
  period: Y2024,
  unit: 'pp',
  parts: [
    { name: { zh: '半导体', en: 'Semiconductors' }, value: 0.9, flags: [] },
    { name: { zh: '中医药大健康', en: 'TCM healthcare' }, value: 0.4, flags: ['as_printed'] },
    { name: { zh: '数字经济核心制造业', en: 'Digital economy core manufacturing' }, value: 2.1, flags: [] },
  ],
  total: { name: { zh: '规上工业增加值增速', en: 'Industrial added value growth' }, value: 9.3, flags: [] },
};

export const scatter: ScatterData = {
  kind: 'scatter',
  indicator: IVA,
  period: Y2024,
  unit: 'billion yuan',
  ownCode: '331100',
  entries: cityEntries(),
  reference: { label: { zh: '浙江省', en: 'Zhejiang' }, growthPct: 7.5 },
};

/** The projections issue's example: 471.78 bn at 9.3% (high 10.3, low 8.3) towards 600 bn. */
export function projection(): ProjectionResult {
  const spec = {
    base: { kind: 'value' as const, value: 471.78, unit: 'billion yuan', year: 2024, nameZh: '规上工业增加值', nameEn: 'Industrial added value' },
    years: 6,
    rates: { base: { kind: 'constant' as const, growthPct: 9.3 }, high: { kind: 'constant' as const, growthPct: 10.3 }, low: { kind: 'constant' as const, growthPct: 8.3 } },
    target: { value: 600, year: 2030 },
  };
  return runProjection(
    spec,
    { value: 471.78, unit: 'billion yuan', startYear: 2024, nameZh: '规上工业增加值', nameEn: 'Industrial added value', regionZh: '丽水市', regionEn: 'Lishui', source: { kind: 'input' } },
    [],
  );
}
