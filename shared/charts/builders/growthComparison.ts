import type { EChartsOption } from 'echarts';
import { formatPercent, type Language } from '../../format';
import { buildFrame, unitText, type ChartChrome } from '../chrome';
import type { GrowthComparisonData, Names, RegionEntry } from '../data';
import { gapPhrase } from '../numbers';
import { markLabel } from '../text';
import { categoryAxis, flaggedStyle, labelStyle, pick, valueAxis, withFrame } from './common';

export function growthComparisonTitle(data: GrowthComparisonData, lang: Language): string {
  return lang === 'zh' ? `${data.period.zh}${data.indicator.zh}增速对比` : `${data.indicator.en}: growth compared, ${data.period.en}`;
}

/** How a comparator is named in a gap: "全省" / "全国" in Chinese, the region's name in English. */
function comparatorName(entry: RegionEntry): Names {
  if (entry.level === 'province') return { zh: '全省', en: entry.name.en };
  if (entry.level === 'nation') return { zh: '全国', en: entry.name.en };
  return entry.name;
}

/** Gaps of the own region to each comparator with a growth figure, in percentage points. */
export function growthGaps(data: GrowthComparisonData): { comparator: RegionEntry; gapPp: number }[] {
  const own = data.entries.find((e) => e.code === data.ownCode);
  if (!own || own.growthPct === null) return [];
  return data.entries
    .filter((e) => e.code !== own.code && e.growthPct !== null)
    .map((comparator) => ({ comparator, gapPp: Math.round((own.growthPct! - comparator.growthPct!) * 1e6) / 1e6 }));
}

/** City, province and nation growth side by side; the gaps in percentage points labelled on the city's bar. */
export function buildGrowthComparisonOption(data: GrowthComparisonData, chrome: ChartChrome): EChartsOption {
  const { lang } = chrome;
  const gaps = growthGaps(data).map(({ comparator, gapPp }) => gapPhrase(gapPp, comparatorName(comparator), lang));
  const missing = data.entries.filter((e) => e.growthPct === null).map((e) => pick(e.name, lang));
  const frame = buildFrame(chrome, {
    title: growthComparisonTitle(data, lang),
    subtitle: gaps.length > 0 ? `${pick(data.entries.find((e) => e.code === data.ownCode)!.name, lang)}${lang === 'zh' ? '' : ': '}${gaps.join(lang === 'zh' ? '，' : '; ')}` : null,
    unitText: unitText('%', lang),
    flags: data.entries.flatMap((e) => e.flags),
    notes: missing.length > 0 ? [lang === 'zh' ? `${missing.join('、')}暂无增速数据。` : `No growth figure yet for ${missing.join(', ')}.`] : [],
  });
  const { theme } = frame;
  const shown = data.entries.filter((e) => e.growthPct !== null);
  return withFrame(frame, {
    xAxis: categoryAxis(frame, shown.map((e) => pick(e.name, lang))),
    yAxis: valueAxis(frame, '%'),
    series: [
      {
        type: 'bar',
        barMaxWidth: 120,
        data: shown.map((e) => ({ value: e.growthPct, itemStyle: flaggedStyle(e.flags, e.code === data.ownCode ? theme.own : theme.peer) })),
        label: labelStyle(frame, {
          position: 'top',
          lineHeight: Math.round(theme.labelSize * 1.4),
          formatter: (params: { dataIndex: number }) => {
            const entry = shown[params.dataIndex]!;
            const text = markLabel(formatPercent(entry.growthPct!, lang), entry.flags);
            return entry.code === data.ownCode && gaps.length > 0 ? `${text}\n${gaps.join('\n')}` : text;
          },
        }),
      },
    ],
  });
}
