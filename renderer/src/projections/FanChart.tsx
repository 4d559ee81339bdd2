import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { buildProjectionFanOption, projectionFanTitle } from '../../../shared/charts/builders/projectionFan';
import { chartTheme } from '../../../shared/charts/theme';
import type { ProjectionResult } from '../../../shared/projections/schema';
import { EChart } from '../charts/EChart';
import { useAppStore } from '../store';
import { assumptionsText } from './present';

/**
 * The slide theme's type is sized for a wide chart: a narrower results column shows the chart
 * drawn this wide, scaled down, so titles, legend and marks keep their room.
 */
const DRAWN_MIN_WIDTH = 820;
/** Heights between which the chart keeps the slide's proportions, so the plot is never squeezed under its titles. */
const MIN_HEIGHT = 520;
const MAX_HEIGHT = 600;

/** Width of an element, following resizes. */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** The base path with the high–low band, the target and the years it is passed and a peer overtaken; the assumptions under it. */
export function FanChart({ result }: { readonly result: ProjectionResult }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const [ref, width] = useWidth();
  const theme = chartTheme('slide');
  const drawnWidth = Math.max(width, DRAWN_MIN_WIDTH);
  const scale = width / drawnWidth;
  const height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, (drawnWidth * theme.height) / theme.width)));
  const option = useMemo(() => {
    if (width < 200) return null;
    // The shared builder marks the target and catch-up years (as the CLI and slides do); the assumptions are printed under it here.
    return buildProjectionFanOption(result, { lang: language, theme: 'slide', width: drawnWidth, height }, { assumptions: false });
  }, [result, language, width, drawnWidth, height]);
  return (
    <section className="proj-card" aria-labelledby="projection-fan-title" data-testid="projection-fan">
      <h3 id="projection-fan-title">{t('projections.chart.title')}</h3>
      <div ref={ref} className="proj-fan" style={{ height: Math.round(height * scale) }}>
        {option && (
          <div className="proj-fan-drawing" style={{ width: drawnWidth, transform: `scale(${scale})` }}>
            <EChart option={option} height={height} testId="projection-fan-chart" label={t('projections.chart.label', { title: projectionFanTitle(result, language) })} />
          </div>
        )}
      </div>
      <p className="proj-assumptions" data-testid="projection-assumptions">
        {assumptionsText(result, language, t)}
      </p>
    </section>
  );
}
