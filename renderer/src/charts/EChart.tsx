import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Tree-shaken: only the chart types and components the shared option builders use.
echarts.use([BarChart, LineChart, ScatterChart, GridComponent, TitleComponent, LegendComponent, MarkLineComponent, GraphicComponent, TooltipComponent, SVGRenderer]);

interface EChartProps {
  readonly option: EChartsOption;
  readonly testId: string;
  /** Height in px; the width follows the container. */
  readonly height: number;
  readonly label?: string;
}

/** One ECharts instance (SVG renderer, so its text is in the page) kept in step with `option`. */
export function EChart({ option, testId, height, label }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = echarts.init(element, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} className="echart" role="img" aria-label={label} data-testid={testId} style={{ height }} />;
}
