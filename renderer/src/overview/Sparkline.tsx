import { useTranslation } from 'react-i18next';
import type { OverviewCard } from '../../../shared/api/methods/analysis';
import { formatWithUnit } from '../../../shared/format';
import { useAppStore } from '../store';
import { sparklineSegments } from './cardText';

const WIDTH = 132;
const HEIGHT = 32;

interface SparklineProps {
  readonly points: OverviewCard['recent'];
  readonly unit: string;
}

/** Recent periods as a small line (inline SVG, no chart library); fewer than two figures are said in words. */
export function Sparkline({ points, unit }: SparklineProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const label = (point: SparklineProps['points'][number]) => (language === 'zh' ? point.labelZh : point.labelEn);
  const known = points.filter((point) => point.value !== null);
  if (known.length === 0) return <p className="sparkline-note">{t('overview.card.trendNone')}</p>;
  if (known.length === 1) return <p className="sparkline-note">{t('overview.card.trendSingle', { period: label(known[0]!) })}</p>;
  const segments = sparklineSegments(points.map((point) => point.value), WIDTH, HEIGHT);
  const last = segments.at(-1)?.at(-1);
  const description = t('overview.card.trend', {
    count: points.length,
    points: points.map((point) => `${label(point)} ${point.value === null ? '—' : formatWithUnit(point.value, unit, language)}`).join(language === 'zh' ? '，' : ', '),
  });
  return (
    <div className="sparkline" data-testid="sparkline">
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description}>
        <title>{description}</title>
        {segments.map((segment, index) => (
          <polyline key={index} points={segment.map((p) => `${p.x},${p.y}`).join(' ')} />
        ))}
        {last && <circle cx={last.x} cy={last.y} r={2.5} />}
      </svg>
      <span className="sparkline-range">
        {label(points[0]!)}–{label(points.at(-1)!)}
      </span>
    </div>
  );
}
