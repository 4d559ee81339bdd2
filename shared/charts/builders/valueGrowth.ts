import type { EChartsOption } from 'echarts';
import { formatPercent } from '../../format';
import { buildFrame, unitText, type ChartChrome } from '../chrome';
import type { ValueGrowthData } from '../data';
import { chartScale } from '../numbers';
import { chartWords, joinWords, markLabel } from '../text';
import { categoryAxis, flaggedStyle, labelStyle, pick, valueAxis, withFrame } from './common';

/** Default title: "丽水市规上工业增加值及增速" / "Lishui: added value … and growth". */
export function valueGrowthTitle(data: ValueGrowthData, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? `${data.region.zh}${data.indicator.zh}及增速` : `${data.region.en}: ${data.indicator.en} and growth`;
}

/** Bars of the level per period, growth as a line on a second axis. */
export function buildValueGrowthOption(data: ValueGrowthData, chrome: ChartChrome): EChartsOption {
  const { lang } = chrome;
  const words = chartWords(lang);
  const scale = chartScale(data.unit, data.points.map((p) => p.value), lang);
  const hasGrowth = data.points.some((p) => p.growthPct !== null);
  const units = hasGrowth ? `${words.leftAxis}${scale.unit.label}${lang === 'zh' ? '\u3000' : '; '}${words.rightAxis}%` : unitText(scale.unit.label, lang);
  const frame = buildFrame(chrome, {
    title: valueGrowthTitle(data, lang),
    unitText: units,
    flags: data.points.flatMap((p) => p.flags),
    hasLegend: hasGrowth,
  });
  const { theme } = frame;
  const colour = theme.palette[0]!;
  const series: NonNullable<EChartsOption['series']> = [
    {
      type: 'bar',
      name: joinWords(lang, pick(data.indicator, lang), lang === 'zh' ? `（${scale.unit.label}）` : `(${scale.unit.label})`),
      barMaxWidth: 90,
      data: data.points.map((p) => ({ value: p.value === null ? null : scale.convert(p.value), itemStyle: flaggedStyle(p.flags, colour) })),
      label: labelStyle(frame, {
        position: 'top',
        formatter: (params: { dataIndex: number }) => {
          const point = data.points[params.dataIndex];
          return point && point.value !== null ? markLabel(scale.format(scale.convert(point.value)), point.flags) : '';
        },
      }),
    },
  ];
  if (hasGrowth) {
    series.push({
      type: 'line',
      name: words.growthPct,
      yAxisIndex: 1,
      symbolSize: 10,
      lineStyle: { width: 3, color: theme.palette[1] },
      itemStyle: { color: theme.palette[1] },
      data: data.points.map((p) => p.growthPct),
      // Beside the point, so it does not sit on the bar's own label.
      label: labelStyle(frame, {
        position: 'right',
        color: theme.palette[1],
        formatter: (params: { value: unknown }) => (typeof params.value === 'number' ? formatPercent(params.value, lang) : ''),
      }),
    });
  }
  return withFrame(frame, {
    xAxis: categoryAxis(frame, data.points.map((p) => p.label[lang])),
    yAxis: hasGrowth ? [valueAxis(frame), valueAxis(frame, '%', { splitLine: { show: false } })] : valueAxis(frame),
    series,
  });
}
