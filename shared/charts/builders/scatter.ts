import type { EChartsOption } from 'echarts';
import { formatPercent, type Language } from '../../format';
import { buildFrame, type ChartChrome } from '../chrome';
import type { ScatterData } from '../data';
import { chartScale } from '../numbers';
import { chartWords, markLabel } from '../text';
import { labelStyle, pick, valueAxis, withFrame } from './common';

export function scatterTitle(data: ScatterData, lang: Language): string {
  return lang === 'zh' ? `${data.period.zh}各市${data.indicator.zh}规模与增速` : `${data.indicator.en}: size and growth of cities, ${data.period.en}`;
}

/** Regions by size (x) and growth (y); the own one highlighted; the province's growth as a line. */
export function buildScatterOption(data: ScatterData, chrome: ChartChrome): EChartsOption {
  const { lang } = chrome;
  const words = chartWords(lang);
  const plotted = data.entries.filter((e) => e.value !== null && e.growthPct !== null);
  const missing = data.entries.filter((e) => e.value === null || e.growthPct === null).map((e) => pick(e.name, lang));
  const scale = chartScale(data.unit, plotted.map((e) => e.value), lang);
  const frame = buildFrame(chrome, {
    title: scatterTitle(data, lang),
    unitText: lang === 'zh' ? `横轴：${scale.unit.label}\u3000纵轴：${words.growthPct}` : `x: ${scale.unit.label}; y: ${words.growthPct}`,
    flags: plotted.flatMap((e) => e.flags),
    notes:
      missing.length > 0
        ? [lang === 'zh' ? `未列出（缺少数值或增速）：${missing.join('、')}。` : `Not shown (no value or no growth): ${missing.join(', ')}.`]
        : [],
  });
  const { theme } = frame;
  return withFrame(frame, {
    xAxis: valueAxis(frame, '', { scale: true, name: '' }),
    yAxis: valueAxis(frame, '%', { scale: true }),
    series: [
      {
        type: 'scatter',
        data: plotted.map((e) => ({
          value: [scale.convert(e.value!), e.growthPct!],
          symbolSize: e.code === data.ownCode ? 22 : 14,
          itemStyle: { color: e.code === data.ownCode ? theme.own : theme.peer },
        })),
        label: labelStyle(frame, {
          position: 'right',
          formatter: (params: { dataIndex: number }) => {
            const entry = plotted[params.dataIndex]!;
            return markLabel(`${pick(entry.name, lang)} ${scale.format(scale.convert(entry.value!))}, ${formatPercent(entry.growthPct!, lang)}`, entry.flags);
          },
        }),
        markLine: data.reference
          ? {
              symbol: 'none',
              silent: true,
              lineStyle: { color: theme.reference, type: 'dashed' },
              label: { formatter: `${pick(data.reference.label, lang)} ${formatPercent(data.reference.growthPct, lang)}`, position: 'insideEndTop', fontSize: theme.footSize, color: theme.reference },
              data: [{ yAxis: data.reference.growthPct }],
            }
          : undefined,
      },
    ],
  });
}
