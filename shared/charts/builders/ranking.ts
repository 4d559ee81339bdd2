import type { EChartsOption } from 'echarts';
import type { Language } from '../../format';
import { buildFrame, unitText, type ChartChrome } from '../chrome';
import type { RankingData, RegionEntry } from '../data';
import { chartScale } from '../numbers';
import { markLabel } from '../text';
import { categoryAxis, emptyMessage, flaggedStyle, labelStyle, pick, valueAxis, withFrame } from './common';

export function rankingTitle(data: RankingData, lang: Language): string {
  if (lang === 'zh') return `${data.period.zh}各市${data.indicator.zh}${data.measure === 'growth' ? '增速' : ''}排名`;
  return `${data.indicator.en}${data.measure === 'growth' ? ' growth' : ''}: cities ranked, ${data.period.en}`;
}

function measured(entry: RegionEntry, data: RankingData): number | null {
  return data.measure === 'growth' ? entry.growthPct : entry.value;
}

/** The cities with a figure, best first. */
export function rankedEntries(data: RankingData): (RegionEntry & { measure: number; rank: number })[] {
  return data.entries
    .flatMap((entry) => {
      const value = measured(entry, data);
      return value === null ? [] : [{ ...entry, measure: value, rank: 0 }];
    })
    .sort((a, b) => b.measure - a.measure)
    .map((entry, index, all) => ({ ...entry, rank: all.findIndex((other) => other.measure === entry.measure) + 1 }));
}

/**
 * Why a ranking is incomplete, in words a reader can act on: how many of the peers have a
 * figure, and the rank the source printed when the chart itself cannot rank.
 */
export function describeRanking(data: RankingData, lang: Language): string[] {
  const ranked = rankedEntries(data);
  const own = data.entries.find((e) => e.code === data.ownCode);
  const period = data.period[lang];
  const indicator = pick(data.indicator, lang);
  const lines: string[] = [];
  if (ranked.length === 0) {
    lines.push(lang === 'zh' ? `${period}各市均无“${indicator}”数据，无法排名。请先录入或导入各市数据。` : `No city has a figure for ${indicator} in ${period}, so there is nothing to rank. Enter or import the cities' figures first.`);
  } else if (ranked.length === 1) {
    const only = pick(ranked[0]!.name, lang);
    const others = Math.max(data.peerCount - 1, 0);
    lines.push(
      lang === 'zh'
        ? `仅${only}有${period}数据${others > 0 ? `，其余${others}个市暂无` : ''}，无法比较排名。导入各市数据后即可排名。`
        : `Only ${only} has a figure for ${period}${others > 0 ? `; the other ${others} cities have none yet` : ''}, so there is no ranking to compare. Import the cities' figures to rank them.`,
    );
  } else if (ranked.length < data.peerCount) {
    lines.push(
      lang === 'zh'
        ? `仅${ranked.length}个市有${period}数据（共${data.peerCount}个市），排名仅在所列城市之间。`
        : `${ranked.length} of ${data.peerCount} cities have a figure for ${period}; the ranking is among those shown only.`,
    );
  }
  if (own && own.rankReported !== null && ranked.length < data.peerCount) {
    lines.push(lang === 'zh' ? `资料所载${pick(own.name, lang)}排名：全省第${own.rankReported}位。` : `The source ranks ${pick(own.name, lang)} ${ordinal(own.rankReported)} in the province.`);
  }
  return lines;
}

function ordinal(rank: number): string {
  const tens = rank % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th');
  return `${rank}${suffix}`;
}

/** Peers ranked as horizontal bars, best at the top, the own city highlighted, average lines drawn. */
export function buildRankingOption(data: RankingData, chrome: ChartChrome): EChartsOption {
  const { lang } = chrome;
  const ranked = rankedEntries(data);
  const unit = data.measure === 'growth' ? '%' : data.unit;
  const scale = chartScale(unit, [...ranked.map((e) => e.measure), ...data.averages.map((a) => a.value)], lang);
  const explanation = describeRanking(data, lang);
  const frame = buildFrame(chrome, {
    title: rankingTitle(data, lang),
    unitText: unitText(scale.unit.label, lang),
    flags: ranked.flatMap((e) => e.flags),
    // With nothing to rank, the explanation stands in the middle of the chart instead.
    notes: ranked.length === 0 ? explanation.slice(1) : explanation,
  });
  const { theme } = frame;
  if (ranked.length === 0) {
    return withFrame(frame, { xAxis: { show: false }, yAxis: { show: false }, series: [], graphic: emptyMessage(frame, explanation[0]!) });
  }
  const averageLines = data.averages.map((average) => ({
    xAxis: scale.convert(average.value),
    name: pick(average.label, lang),
    label: {
      formatter: `${pick(average.label, lang)} ${scale.format(scale.convert(average.value))}${scale.isRate ? '%' : ''}`,
      // The best city is at the top: the line's label goes there, clear of the axis labels.
      position: 'start' as const,
      fontSize: theme.footSize,
      color: theme.reference,
    },
    lineStyle: { color: theme.reference, type: 'dashed' as const, width: 1.5 },
  }));
  return withFrame(frame, {
    grid: { ...frame.grid, right: frame.grid.right + 90 },
    yAxis: categoryAxis(frame, ranked.map((e) => `${e.rank}. ${pick(e.name, lang)}`), { inverse: true }, true),
    xAxis: valueAxis(frame, scale.isRate ? '%' : ''),
    series: [
      {
        type: 'bar',
        barMaxWidth: 44,
        data: ranked.map((e) => ({ value: scale.convert(e.measure), itemStyle: flaggedStyle(e.flags, e.code === data.ownCode ? theme.own : theme.peer) })),
        label: labelStyle(frame, {
          position: 'right',
          formatter: (params: { dataIndex: number }) => {
            const entry = ranked[params.dataIndex]!;
            const text = markLabel(`${scale.format(scale.convert(entry.measure))}${scale.isRate ? '%' : ''}`, entry.flags);
            return entry.code === data.ownCode ? `{own|${text}}` : `{peer|${text}}`;
          },
          rich: { own: { fontWeight: 'bold', color: theme.own, fontSize: theme.labelSize }, peer: { color: theme.text, fontSize: theme.labelSize } },
        }),
        markLine: averageLines.length > 0 ? { symbol: 'none', silent: true, data: averageLines } : undefined,
      },
    ],
  });
}
