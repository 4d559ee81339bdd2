import type { EChartsOption } from 'echarts';
import { chooseDisplayUnit, formatNumber, formatPercent, toDisplayValue, type Language } from '../../format';
import { constantRate } from '../../projections/rates';
import type { ProjectionResult } from '../../projections/schema';
import { describeSchedule } from '../../projections/wording';
import { buildFrame, unitText, type ChartChrome } from '../chrome';
import { chartScale } from '../numbers';
import { chartWords } from '../text';
import { categoryAxis, labelStyle, valueAxis, withFrame } from './common';

type ScenarioKey = 'base' | 'high' | 'low';

export function projectionFanTitle(result: ProjectionResult, lang: Language): string {
  const years = yearsOf(result);
  const span = `${years[0]}—${years[years.length - 1]}`;
  const region = lang === 'zh' ? (result.base.regionZh ?? '') : result.base.regionEn;
  const name = lang === 'zh' ? result.base.nameZh || result.name || '' : result.base.nameEn || result.name || '';
  return lang === 'zh' ? `${region}${name}预测（${span}年）` : `${region ? `${region}: ` : ''}${name} projected, ${span}`;
}

function yearsOf(result: ProjectionResult): number[] {
  const start = result.base.startYear;
  return Array.from({ length: result.spec.years + 1 }, (_, index) => start + index);
}

/** "9.3%" for a constant rate, "9.3%→8.0%" for a path. */
function ratesText(rates: readonly number[], lang: Language): string {
  if (rates.length === 0) return '';
  const first = rates[0]!;
  const last = rates[rates.length - 1]!;
  return first === last ? formatPercent(first, lang) : `${formatPercent(first, lang)}→${formatPercent(last, lang)}`;
}

/** A year marked on the fan with a dotted vertical line: the base case passes the target, or overtakes a peer. */
export interface FanYearMark {
  readonly year: number;
  readonly label: string;
}

/**
 * The years the base case passes the target and overtakes each peer, when they fall inside the
 * chart's years, worded in `lang` ("2027年达到目标", "overtakes Quzhou 2028").
 */
export function fanYearMarks(result: ProjectionResult, lang: Language): FanYearMark[] {
  const first = result.base.startYear;
  const last = first + result.spec.years;
  const inside = (year: number) => year > first && year <= last;
  const marks: FanYearMark[] = [];
  const reach = result.target?.reach.find((entry) => entry.key === 'base')?.reach;
  if (reach?.kind === 'reached' && inside(reach.year)) marks.push({ year: reach.year, label: lang === 'zh' ? `${reach.year}年达到目标` : `target reached ${reach.year}` });
  for (const { peerKey, byScenario } of result.peers?.catchUp ?? []) {
    const catchUp = byScenario.find((entry) => entry.key === 'base')?.catchUp;
    const peer = result.peers?.peers.find((candidate) => candidate.key === peerKey);
    if (catchUp?.kind === 'catches_up' && peer && inside(catchUp.year)) {
      marks.push({ year: catchUp.year, label: lang === 'zh' ? `${catchUp.year}年超过${peer.nameZh}` : `overtakes ${peer.nameEn} ${catchUp.year}` });
    }
  }
  return marks;
}

/**
 * What the fan assumes, as one line printed under it: the base, each case's rates, the province's
 * and the peers' growth ("假设：2024年基数4717.8亿元；基准情景年均增长9.3%；…").
 */
export function fanAssumptions(result: ProjectionResult, lang: Language): string {
  const words = chartWords(lang);
  const unit = chooseDisplayUnit(result.base.unit, [result.base.value], lang);
  const baseValue = result.base.unit === '' ? formatNumber(result.base.value, lang, 2) : `${formatNumber(toDisplayValue(result.base.value, result.base.unit, unit), lang, 2)}${unit.separator}${unit.label}`;
  const parts = [
    lang === 'zh' ? `${result.base.startYear}年基数${baseValue}` : `base ${baseValue} in ${result.base.startYear}`,
    ...(['base', 'high', 'low'] as const).flatMap((key) => {
      const schedule = result.spec.rates[key];
      if (!schedule) return [];
      return [lang === 'zh' ? `${words[key]}${describeSchedule(schedule, lang)}` : `${words[key].toLowerCase()} case ${describeSchedule(schedule, lang)}`];
    }),
    ...(result.share ? [lang === 'zh' ? `全省${describeSchedule(constantRate(result.share.provinceGrowthPct), lang)}` : `the province ${describeSchedule(constantRate(result.share.provinceGrowthPct), lang)}`] : []),
    ...(result.peers?.peers.map((peer) => `${lang === 'zh' ? peer.nameZh : `${peer.nameEn} `}${describeSchedule(constantRate(peer.growthPct), lang)}`) ?? []),
  ];
  return lang === 'zh' ? `假设：${parts.join('；')}。` : `Assumptions: ${parts.join('; ')}.`;
}

/** Parts of the fan a caller can leave out: the view prints the assumptions as text of its own. */
export interface FanOptions {
  readonly assumptions?: boolean;
}

/**
 * A projection fan from `projection.run`'s result: the base path as a solid line, high and low
 * as dashed lines with the range between them shaded, the base year's actual value, the target as
 * a level line, the years the target is passed and a peer overtaken as dotted vertical lines, and
 * the assumptions under it. The briefing sentence goes to speaker notes (resolve puts it in sources).
 */
export function buildProjectionFanOption(result: ProjectionResult, chrome: ChartChrome, options: FanOptions = {}): EChartsOption {
  const { lang } = chrome;
  const words = chartWords(lang);
  const years = yearsOf(result);
  const paths = new Map<ScenarioKey, Map<number, number>>();
  const refusedKeys: ScenarioKey[] = [];
  for (const scenario of result.scenarios) {
    if (scenario.path.kind === 'path') paths.set(scenario.key, new Map(scenario.path.points.map((p) => [p.year, p.value])));
    else refusedKeys.push(scenario.key);
  }
  const allValues = [...paths.values()].flatMap((path) => [...path.values()]);
  const target = result.target?.value ?? null;
  const scale = chartScale(result.base.unit, [...allValues, ...(target === null ? [] : [target])], lang);
  const name = (key: ScenarioKey) => words[key];
  const rateOf = (key: ScenarioKey) => ratesText(result.scenarios.find((s) => s.key === key)?.ratesPct ?? [], lang);
  const subtitle = (['base', 'high', 'low'] as const)
    .filter((key) => paths.has(key))
    .map((key) => `${name(key)}${lang === 'zh' ? '' : ' '}${rateOf(key)}`)
    .join(lang === 'zh' ? '，' : '; ');
  const frame = buildFrame(chrome, {
    title: projectionFanTitle(result, lang),
    subtitle: subtitle ? (lang === 'zh' ? `年增速：${subtitle}` : `Growth a year: ${subtitle}`) : null,
    unitText: unitText(scale.unit.label, lang),
    hasLegend: true,
    notes: [...(options.assumptions === false ? [] : [fanAssumptions(result, lang)]), ...refusedKeys.map((key) => (lang === 'zh' ? `${name(key)}无法计算（增速或基数无效）。` : `${name(key)} could not be computed (growth or base invalid).`))],
  });
  const { theme } = frame;
  const seriesOf = (key: ScenarioKey) => years.map((year) => {
    const value = paths.get(key)?.get(year);
    return value === undefined ? null : scale.convert(value);
  });
  const series: NonNullable<EChartsOption['series']> = [];
  const low = seriesOf('low');
  const high = seriesOf('high');
  if (paths.has('low') && paths.has('high')) {
    // The band: an invisible area up to the low path, and the high–low difference stacked on it.
    series.push({ type: 'line', stack: 'band', data: low, symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { opacity: 0 }, silent: true, tooltip: { show: false } });
    series.push({
      type: 'line',
      name: words.range,
      stack: 'band',
      data: high.map((value, index) => (value === null || low[index] === null ? null : value - low[index]!)),
      symbol: 'none',
      lineStyle: { opacity: 0 },
      areaStyle: { color: theme.band },
      itemStyle: { color: theme.band },
      silent: true,
    });
  }
  // The end of each path carries its value (endLabel: the dashed paths draw no symbols to hang a label on).
  const lastLabel = (colour: string) =>
    labelStyle(frame, { color: colour, formatter: (params: { value: unknown }) => (typeof params.value === 'number' ? scale.format(params.value) : '') });
  for (const key of ['high', 'low'] as const) {
    if (!paths.has(key)) continue;
    const colour = key === 'high' ? theme.palette[2]! : theme.palette[1]!;
    series.push({ type: 'line', name: name(key), data: seriesOf(key), symbol: 'none', lineStyle: { type: 'dashed', width: 2, color: colour }, itemStyle: { color: colour }, endLabel: lastLabel(colour) });
  }
  if (paths.has('base')) {
    series.push({
      type: 'line',
      name: name('base'),
      data: seriesOf('base'),
      symbolSize: 7,
      lineStyle: { width: 3, color: theme.palette[0] },
      itemStyle: { color: theme.palette[0] },
      endLabel: lastLabel(theme.palette[0]!),
      markLine:
        target === null
          ? undefined
          : {
              symbol: 'none',
              silent: true,
              lineStyle: { color: theme.own, type: 'dashed', width: 2 },
              label: { formatter: `${words.target} ${scale.format(scale.convert(target))}`, position: 'insideEndTop', color: theme.own, fontSize: theme.footSize },
              data: [{ yAxis: scale.convert(target) }],
            },
    });
  }
  const marks = fanYearMarks(result, lang);
  if (marks.length > 0) {
    // Marks in the same or neighbouring years: each label sits one line higher than the one before.
    series.push({
      type: 'line',
      id: 'year-marks',
      data: [],
      silent: true,
      tooltip: { show: false },
      markLine: {
        symbol: 'none',
        silent: true,
        lineStyle: { color: theme.reference, type: 'dotted', width: 2 },
        label: { position: 'end', color: theme.reference, fontSize: theme.footSize, fontFamily: theme.fontFamily },
        data: marks.map((mark, index) => ({ xAxis: String(mark.year), label: { formatter: mark.label, distance: 6 + index * (theme.footSize + 6) } })),
      },
    });
  }
  series.push({
    type: 'scatter',
    name: words.actual,
    data: [[0, scale.convert(result.base.value)]],
    symbolSize: 14,
    itemStyle: { color: theme.reference },
    // To the right of the point, under the rising paths: centred above it, the label ran into the value
    // axis's labels, and below it into the category axis (the axis starts just under the base value).
    label: labelStyle(frame, { position: 'right', formatter: () => scale.format(scale.convert(result.base.value)) }),
  });
  return withFrame(frame, {
    grid: { ...frame.grid, left: frame.grid.left + 20, right: frame.grid.right + 70 },
    xAxis: categoryAxis(frame, years.map(String), { boundaryGap: false }),
    yAxis: valueAxis(frame, '', { scale: true, axisLabel: { fontSize: theme.axisSize, color: theme.muted, formatter: (v: number) => formatNumber(v, lang, 2) } }),
    legend: { ...(frame.base.legend as object), data: [name('base'), name('high'), name('low'), words.range, words.actual].filter((n) => n === words.actual || n === words.range ? true : [...paths.keys()].some((k) => name(k) === n)) },
    series,
  });
}
