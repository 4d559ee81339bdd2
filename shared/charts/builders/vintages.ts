import type { EChartsOption } from 'echarts';
import { comparePeriods } from '../../periods';
import type { Language } from '../../format';
import { buildFrame, unitText, type ChartChrome } from '../chrome';
import type { VintagesData } from '../data';
import { chartScale } from '../numbers';
import { markLabel } from '../text';
import { categoryAxis, labelStyle, pick, valueAxis, withFrame } from './common';

export function vintagesTitle(data: VintagesData, lang: Language): string {
  const growth = data.measure === 'growth';
  return lang === 'zh'
    ? `${data.region.zh}${data.indicator.zh}${growth ? '增速' : ''}：各版本数据对比`
    : `${data.region.en}: ${data.indicator.en}${growth ? ' growth' : ''}, vintages compared`;
}

/** One line per snapshot ("as known then"); the newest is solid and labelled, older ones dashed. */
export function buildVintagesOption(data: VintagesData, chrome: ChartChrome): EChartsOption {
  const { lang } = chrome;
  const periods = new Map<string, string>();
  for (const vintage of data.vintages) for (const point of vintage.points) periods.set(point.period, point.label[lang]);
  const ordered = [...periods.keys()].sort(comparePeriods);
  const unit = data.measure === 'growth' ? '%' : data.unit;
  const valueOf = (point: VintagesData['vintages'][number]['points'][number]) => (data.measure === 'growth' ? point.growthPct : point.value);
  const scale = chartScale(unit, data.vintages.flatMap((v) => v.points.map(valueOf)), lang);
  const frame = buildFrame(chrome, {
    title: vintagesTitle(data, lang),
    unitText: unitText(scale.unit.label, lang),
    flags: data.vintages.flatMap((v) => v.points.flatMap((p) => p.flags)),
    hasLegend: true,
  });
  const { theme } = frame;
  const last = data.vintages.length - 1;
  // A long series (120 months) labels only its last point and draws no symbols: readable, and fast to draw.
  const isLong = ordered.length > 24;
  return withFrame(frame, {
    xAxis: categoryAxis(frame, ordered.map((code) => periods.get(code) ?? code), { boundaryGap: false }),
    yAxis: valueAxis(frame, scale.isRate ? '%' : '', { scale: true }),
    series: data.vintages.map((vintage, index) => {
      const byPeriod = new Map(vintage.points.map((p) => [p.period, p]));
      const isNewest = index === last;
      const colour = isNewest ? theme.own : theme.palette[index % theme.palette.length]!;
      return {
        type: 'line' as const,
        name: pick(vintage.label, lang),
        connectNulls: false,
        symbol: isLong ? 'none' : 'emptyCircle',
        symbolSize: isNewest ? 9 : 6,
        lineStyle: { width: isNewest ? 3 : 2, type: isNewest ? ('solid' as const) : ('dashed' as const), color: colour },
        itemStyle: { color: colour },
        data: ordered.map((code) => {
          const point = byPeriod.get(code);
          const value = point ? valueOf(point) : null;
          return value === null ? null : scale.convert(value);
        }),
        label: labelStyle(frame, {
          show: isNewest && !isLong,
          position: 'top',
          color: colour,
          formatter: (params: { dataIndex: number; value: unknown }) => {
            const point = byPeriod.get(ordered[params.dataIndex]!);
            return typeof params.value === 'number' ? markLabel(scale.format(params.value), point?.flags ?? []) : '';
          },
        }),
        endLabel: labelStyle(frame, { show: isNewest && isLong, color: colour, formatter: (params: { value: unknown }) => (typeof params.value === 'number' ? scale.format(params.value) : '') }),
      };
    }),
  });
}
