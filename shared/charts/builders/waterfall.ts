import type { EChartsOption } from 'echarts';
import { formatNumber, type Language } from '../../format';
import { buildFrame, unitText, type ChartChrome } from '../chrome';
import type { Names, WaterfallData } from '../data';
import { chartScale } from '../numbers';
import { chartWords, markLabel } from '../text';
import type { ObservationFlag } from '../../api/schemas';
import { categoryAxis, labelStyle, pick, valueAxis, withFrame } from './common';

export function waterfallTitle(data: WaterfallData, lang: Language): string {
  const words = chartWords(lang);
  if (lang === 'zh') return `${data.period.zh}${data.region.zh}${data.indicator.zh}${data.mode === 'contribution' ? '增长贡献' : '构成'}`;
  return `${data.region.en}: ${data.indicator.en}, ${data.mode === 'contribution' ? words.contribution : words.composition}, ${data.period.en}`;
}

export interface WaterfallStep {
  name: Names;
  value: number;
  flags: ObservationFlag[];
  /** Where the bar starts and ends. */
  from: number;
  to: number;
  isTotal: boolean;
}

/**
 * The bars of a waterfall: each part from the running sum, an "other" part for what the listed
 * parts leave unexplained, and the total from zero.
 */
export function waterfallSteps(data: WaterfallData): WaterfallStep[] {
  const steps: WaterfallStep[] = [];
  let running = 0;
  for (const part of data.parts) {
    steps.push({ name: part.name, value: part.value, flags: part.flags, from: running, to: running + part.value, isTotal: false });
    running += part.value;
  }
  const rest = data.total.value - running;
  // What the parts leave out is shown, so the bars always add up to the total a reader sees.
  if (Math.abs(rest) > Math.max(Math.abs(data.total.value), 1) * 1e-6) {
    steps.push({ name: { zh: chartWords('zh').other, en: chartWords('en').other }, value: rest, flags: [], from: running, to: data.total.value, isTotal: false });
  }
  steps.push({ name: data.total.name, value: data.total.value, flags: data.total.flags, from: 0, to: data.total.value, isTotal: true });
  return steps;
}

/** Parts stepping up (or down) to the total: composition in levels, or contribution in percentage points. */
export function buildWaterfallOption(data: WaterfallData, chrome: ChartChrome): EChartsOption {
  const { lang } = chrome;
  const steps = waterfallSteps(data);
  const scale = chartScale(data.unit, steps.map((s) => s.value), lang);
  const frame = buildFrame(chrome, {
    title: waterfallTitle(data, lang),
    unitText: unitText(scale.unit.label, lang),
    flags: steps.flatMap((s) => s.flags),
  });
  const { theme } = frame;
  const signed = (value: number, isTotal: boolean) => {
    const text = scale.format(scale.convert(value));
    return !isTotal && data.mode === 'contribution' && value > 0 ? `+${text}` : text;
  };
  return withFrame(frame, {
    xAxis: categoryAxis(frame, steps.map((s) => pick(s.name, lang))),
    yAxis: valueAxis(frame, '', { axisLabel: { fontSize: theme.axisSize, color: theme.muted, formatter: (v: number) => formatNumber(v, lang, 2) } }),
    series: [
      {
        type: 'bar',
        stack: 'waterfall',
        silent: true,
        itemStyle: { color: 'transparent', borderColor: 'transparent' },
        data: steps.map((s) => scale.convert(Math.min(s.from, s.to))),
      },
      {
        type: 'bar',
        stack: 'waterfall',
        barMaxWidth: 90,
        data: steps.map((s) => ({
          value: scale.convert(Math.abs(s.to - s.from)),
          itemStyle: { color: s.isTotal ? theme.palette[0] : s.value >= 0 ? theme.palette[2] : theme.own },
        })),
        label: labelStyle(frame, {
          position: 'top',
          formatter: (params: { dataIndex: number }) => {
            const step = steps[params.dataIndex]!;
            return markLabel(signed(step.value, step.isTotal), step.flags);
          },
        }),
      },
    ],
  });
}
