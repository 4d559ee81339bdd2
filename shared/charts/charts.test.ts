import { describe, expect, it } from 'vitest';
import type { EChartsOption } from 'echarts';
import {
  buildChartOption,
  buildGrowthComparisonOption,
  buildProjectionFanOption,
  buildRankingOption,
  buildScatterOption,
  buildValueGrowthOption,
  buildVintagesOption,
  buildWaterfallOption,
  chartScale,
  ChartData,
  ChartSpec,
  describeRanking,
  fanAssumptions,
  fanYearMarks,
  rankedEntries,
  waterfallSteps,
  type ChartChrome,
} from './index';
import * as fixtures from './testing/fixtures';

const zh: ChartChrome = { lang: 'zh', sourceNote: '丽水市经信局、市招商投资促进中心2024年工作总结', snapshotLabel: '2024年1-11月月报' };
const en: ChartChrome = { lang: 'en', sourceNote: 'Lishui Bureau of Economy and IT, 2024 work report', snapshotLabel: 'Jan–Nov 2024 release' };

type Loose = Record<string, unknown>;
const list = (value: unknown): Loose[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Loose[];

/** Every text printed by the frame (unit, footnotes, source, snapshot) and the title. */
function texts(option: EChartsOption): string[] {
  const graphic = list(option.graphic).map((g) => String((g.style as Loose | undefined)?.text ?? ''));
  const title = list(option.title)[0] as Loose;
  return [String(title.text), String(title.subtext ?? ''), ...graphic];
}

function series(option: EChartsOption, index = 0): Loose {
  return list(option.series)[index]!;
}

/** The label a reader sees on data point `index` of a series. */
function label(option: EChartsOption, index: number, seriesIndex = 0): string {
  const s = series(option, seriesIndex);
  const formatter = (s.label as Loose).formatter as (params: { dataIndex: number; value: unknown }) => string;
  const datum = list(s.data)[index];
  const value = datum && typeof datum === 'object' && 'value' in datum ? datum.value : datum;
  return formatter({ dataIndex: index, value });
}

function values(option: EChartsOption, seriesIndex = 0): unknown[] {
  return list(series(option, seriesIndex).data).map((d) => (d && typeof d === 'object' && 'value' in d ? d.value : d));
}

describe('chrome', () => {
  it('prints the title, unit, source note, snapshot label and a footnote for each mark used', () => {
    const option = buildValueGrowthOption(fixtures.valueGrowth, zh);
    const printed = texts(option);
    expect(printed[0]).toBe('丽水市规上工业增加值及增速');
    expect(printed).toContain('左轴：亿元\u3000右轴：%');
    expect(printed).toContain('* 初步数');
    expect(printed).toContain('资料来源：丽水市经信局、市招商投资促进中心2024年工作总结');
    expect(printed).toContain('数据版本：2024年1-11月月报');
  });

  it('takes a title and subtitle from the user over the built ones', () => {
    const option = buildValueGrowthOption(fixtures.valueGrowth, { ...zh, title: '工业经济稳中向好', subtitle: '2020—2024年' });
    expect(texts(option).slice(0, 2)).toEqual(['工业经济稳中向好', '2020—2024年']);
  });

  it('sizes the slide theme 16:9 and the print theme for a report page', () => {
    expect(buildChartOption(fixtures.valueGrowth, zh).backgroundColor).toBe('#ffffff');
    const print = buildChartOption(fixtures.valueGrowth, { ...zh, theme: 'print' });
    expect((list(print.title)[0]!.textStyle as Loose).fontSize).toBe(24);
    expect((list(buildChartOption(fixtures.valueGrowth, zh).title)[0]!.textStyle as Loose).fontSize).toBe(30);
  });
});

describe('value bars with growth', () => {
  it('shows 471.78 billion yuan as 4717.8 亿元 in Chinese, marked preliminary, and growth on a second axis', () => {
    const option = buildValueGrowthOption(fixtures.valueGrowth, zh);
    expect(values(option)).toEqual([3001.2, 3524, 3890.7, 4305, 4717.8]);
    expect(label(option, 4)).toBe('4717.8*');
    expect(label(option, 1)).toBe('3524');
    expect(series(option, 1)).toMatchObject({ type: 'line', yAxisIndex: 1, name: '同比增速（%）' });
    expect(values(option, 1)).toEqual([4.1, 14.5, 5.2, 7.9, 9.3]);
    expect(label(option, 4, 1)).toBe('9.3%');
  });

  it('keeps billion yuan in English', () => {
    const option = buildValueGrowthOption(fixtures.valueGrowth, en);
    expect(values(option)[4]).toBe(471.78);
    expect(label(option, 4)).toBe('471.78*');
    expect(texts(option)).toContain('Left axis: billion yuan; Right axis: %');
    expect(texts(option)).toContain('Source: Lishui Bureau of Economy and IT, 2024 work report');
  });
});

describe('growth of city, province and nation', () => {
  it('labels the gaps in percentage points on the city’s bar', () => {
    const option = buildGrowthComparisonOption(fixtures.comparison, zh);
    expect(values(option)).toEqual([9.3, 7.5, 5.8]);
    expect(label(option, 0)).toBe('9.3%\n高于全省1.8个百分点\n高于全国3.5个百分点');
    expect(label(option, 2)).toBe('5.8%*');
    expect(texts(option)[1]).toBe('丽水市高于全省1.8个百分点，高于全国3.5个百分点');
    expect(label(buildGrowthComparisonOption(fixtures.comparison, en), 0)).toBe('9.3%\n1.8 pp above Zhejiang\n3.5 pp above China');
  });
});

describe('ranking of peer cities', () => {
  it('ranks best first, highlights the own city and draws the provincial average', () => {
    const option = buildRankingOption(fixtures.ranking11, zh);
    const yAxis = option.yAxis as Loose;
    expect((yAxis.data as string[]).slice(0, 3)).toEqual(['1. 金华市', '2. 衢州市', '3. 丽水市']);
    const own = list(series(option).data)[2]!;
    expect((own.itemStyle as Loose).color).toBe('#c0392b');
    expect(label(option, 2)).toBe('{own|9.3%}');
    expect(label(option, 1)).toBe('{peer|9.8%*}');
    const lines = ((series(option).markLine as Loose).data as Loose[]).map((line) => [line.xAxis, (line.label as Loose).formatter]);
    expect(lines).toEqual([[7.5, '浙江省平均 7.5%']]);
  });

  it('explains a ranking of one city: who has figures, and the rank the source printed', () => {
    expect(rankedEntries(fixtures.rankingSample)).toHaveLength(1);
    expect(describeRanking(fixtures.rankingSample, 'zh')).toEqual([
      '仅丽水市有2024年数据，其余10个市暂无，无法比较排名。导入各市数据后即可排名。',
      '资料所载丽水市排名：全省第5位。',
    ]);
    expect(describeRanking(fixtures.rankingSample, 'en')[1]).toBe('The source ranks Lishui 5th in the province.');
    expect(texts(buildRankingOption(fixtures.rankingSample, zh))).toContain('资料所载丽水市排名：全省第5位。');
  });

  it('says in the middle of an empty ranking why there is nothing to rank', () => {
    const option = buildRankingOption(fixtures.rankingEmpty, zh);
    expect(list(option.series)).toHaveLength(0);
    expect(texts(option)).toContain('2024年各市均无“规上工业增加值”数据，无法排名。请先录入或导入各市数据。');
  });
});

describe('vintages, waterfall, scatter', () => {
  it('overlays one line per snapshot, the newest solid', () => {
    const option = buildVintagesOption(fixtures.vintages, zh);
    expect(list(option.series).map((s) => s.name)).toEqual(['2024年1-10月月报', '2024年1-11月月报', '工作副本（未冻结）']);
    expect(values(option, 0)[4]).toBeNull();
    expect(values(option, 2)[4]).toBe(4717.8);
    expect(((list(option.series)[0]!.lineStyle as Loose).type)).toBe('dashed');
  });

  it('adds an "other" step so the contributions add up to the total growth', () => {
    const steps = waterfallSteps(fixtures.waterfall);
    expect(steps.map((s) => s.name.zh)).toEqual(['半导体', '中医药大健康', '数字经济核心制造业', '其他', '规上工业增加值增速']);
    expect(steps[3]!.value).toBeCloseTo(5.9, 10);
    const option = buildWaterfallOption(fixtures.waterfall, zh);
    expect(label(option, 0, 1)).toBe('+0.9');
    expect(label(option, 1, 1)).toBe('+0.4†');
    expect(label(option, 4, 1)).toBe('9.3');
    expect(texts(option)).toContain('单位：个百分点');
  });

  it('plots size against growth with the province’s growth as a line', () => {
    const option = buildScatterOption(fixtures.scatter, zh);
    const own = list(series(option).data).find((d) => (d.itemStyle as Loose).color === '#c0392b')!;
    expect(own.value).toEqual([471.78, 9.3]);
    expect(((series(option).markLine as Loose).data as Loose[])[0]).toEqual({ yAxis: 7.5 });
  });
});

describe('projection fan', () => {
  it('draws base, high and low paths with the range shaded and the target as a line', () => {
    const option = buildProjectionFanOption(fixtures.projection(), zh);
    expect(texts(option)[0]).toBe('丽水市规上工业增加值预测（2024—2030年）');
    expect(texts(option)[1]).toBe('年增速：基准情景9.3%，高情景10.3%，低情景8.3%');
    const named = list(option.series).filter((s) => s.name);
    expect(named.map((s) => s.name)).toEqual(['高低情景区间', '高情景', '低情景', '基准情景', '基期实际值']);
    const base = named.find((s) => s.name === '基准情景')!;
    expect((base.data as number[])[0]).toBe(4717.8);
    expect((base.data as number[])[6]).toBeCloseTo(4717.8 * 1.093 ** 6, 6);
    expect(((base.markLine as Loose).data as Loose[])[0]).toEqual({ yAxis: 6000 });
    const band = named.find((s) => s.name === '高低情景区间')!;
    const high = named.find((s) => s.name === '高情景')!.data as number[];
    const low = named.find((s) => s.name === '低情景')!.data as number[];
    expect((band.data as number[])[6]).toBeCloseTo(high[6]! - low[6]!, 9);
  });

  it('marks the year the base case passes the target with a dotted line, and prints the assumptions under the fan', () => {
    const result = fixtures.projection();
    const option = buildProjectionFanOption(result, zh);
    const marks = list(option.series).find((s) => s.id === 'year-marks')!;
    expect(((marks.markLine as Loose).data as Loose[]).map((d) => [d.xAxis, (d.label as Loose).formatter])).toEqual([['2027', '2027年达到目标']]);
    expect(texts(option)).toContain('假设：2024年基数4717.8亿元；基准情景年均增长9.3%；高情景年均增长10.3%；低情景年均增长8.3%。');
    expect(fanAssumptions(result, 'en')).toBe('Assumptions: base 471.78 billion yuan in 2024; base case 9.3% a year; high case 10.3% a year; low case 8.3% a year.');
    // The view prints the assumptions as text of its own.
    expect(texts(buildProjectionFanOption(result, zh, { assumptions: false })).some((t) => t.startsWith('假设'))).toBe(false);
  });

  it('marks peers overtaken inside the chart’s years only, labels one above another', () => {
    const base = fixtures.projection();
    const result = {
      ...base,
      peers: {
        peers: [
          { key: 'peer1', nameZh: '衢州市', nameEn: 'Quzhou', value: 500, growthPct: 7 },
          { key: 'peer2', nameZh: '杭州市', nameEn: 'Hangzhou', value: 9000, growthPct: 7 },
        ],
        catchUp: [
          { peerKey: 'peer1', byScenario: [{ key: 'base', catchUp: { kind: 'catches_up', years: 3.4, wholeYears: 4, year: 2028 } }] },
          { peerKey: 'peer2', byScenario: [{ key: 'base', catchUp: { kind: 'catches_up', years: 30, wholeYears: 30, year: 2054 } }] },
        ],
        ranks: { kind: 'ranks', years: [] },
      },
    } as typeof base;
    expect(fanYearMarks(result, 'zh')).toEqual([
      { year: 2027, label: '2027年达到目标' },
      { year: 2028, label: '2028年超过衢州市' },
    ]);
    expect(fanYearMarks(result, 'en').map((m) => m.label)).toEqual(['target reached 2027', 'overtakes Quzhou 2028']);
    const marks = list(buildProjectionFanOption(result, en).series).find((s) => s.id === 'year-marks')!;
    expect(((marks.markLine as Loose).data as Loose[]).map((d) => (d.label as Loose).distance)).toEqual([6, 25]);
    expect(fanYearMarks({ ...result, target: null, peers: null }, 'en')).toEqual([]);
  });
});

describe('numbers and specs', () => {
  it('rounds as the data needs: at most two decimals, one from 1000 up, rates to one', () => {
    expect(chartScale('billion yuan', [471.78, 4.113], 'zh').format(4717.8)).toBe('4717.8');
    expect(chartScale('billion yuan', [4.113], 'zh').format(41.13)).toBe('41.13');
    expect(chartScale('%', [9.3, 25], 'zh').format(25)).toBe('25.0');
    expect(chartScale('million yuan', [223], 'zh').formatWithUnit(2.23)).toBe('2.23亿元');
    expect(chartScale('billion yuan', [1234.5], 'en').format(1234.5)).toBe('1,234.5');
  });

  it('validates resolved data and specs with the contract’s schemas', () => {
    expect(ChartData.safeParse(fixtures.ranking11).success).toBe(true);
    expect(ChartSpec.safeParse({ kind: 'ranking' }).success).toBe(false);
    expect(ChartSpec.parse({ kind: 'ranking', indicator: '规上工业增加值' })).toMatchObject({ lang: 'zh', theme: 'slide' });
    expect(ChartSpec.safeParse({ kind: 'projectionFan' }).success).toBe(false);
  });
});
