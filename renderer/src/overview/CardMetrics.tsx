import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewCard } from '../../../shared/api/methods/analysis';
import { useAppStore } from '../store';
import { signed } from './cardText';
import type { RankScope } from './cardText';

const SCOPE_KEYS = { province: 'overview.card.scopeProvince', nation: 'overview.card.scopeNation', city: 'overview.card.scopeCity' } as const;

interface MetricProps {
  readonly label: string;
  readonly testId: string;
  /** Null: not known; said quietly, never estimated. */
  readonly children: ReactNode | null;
  readonly hint?: string;
}

function Metric({ label, testId, children, hint }: MetricProps) {
  const { t } = useTranslation();
  return (
    <div className="card-metric">
      <dt>{label}</dt>
      <dd data-testid={testId} className={children === null ? 'is-unknown' : undefined} title={hint}>
        {children ?? t('overview.card.unknown')}
      </dd>
    </div>
  );
}

interface CardMetricsProps {
  readonly card: OverviewCard;
  readonly rankScope: RankScope | null;
  readonly isGrowthRank: boolean;
}

/** Growth, rank and the gaps to the provincial and national averages, each "not known" when the workspace lacks it. */
export function CardMetrics({ card, rankScope, isGrowthRank }: CardMetricsProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const points = (value: number) => t('overview.card.gapValue', { value: signed(value, language) });
  const isComputed = card.growthBasis === 'computed_from_levels';
  const showComputedBeside = !isComputed && card.growthComputedPct !== null;
  const growth =
    card.growthPct === null ? null : (
      <>
        {signed(card.growthPct, language)}%{isComputed && <span className="card-basis">{t('overview.card.growthComputedMark')}</span>}
        {showComputedBeside && (
          <span className="card-computed" data-testid="card-growth-computed" title={t('overview.card.growthComputedNote')}>
            {t('overview.card.growthComputed')} {signed(card.growthComputedPct!, language)}%
          </span>
        )}
      </>
    );
  const rankText = card.rank === null ? null : t('table.rankValue', { count: card.rank, ordinal: true });
  const rank = rankText === null ? null : rankScope ? t('overview.card.rankScoped', { rank: rankText, scope: t(SCOPE_KEYS[rankScope]) }) : rankText;
  const unknownGap = t('overview.card.gapUnknownHint');
  return (
    <dl className="card-metrics">
      <Metric label={t('overview.card.growth')} testId="card-growth" hint={isComputed ? t('overview.card.growthComputedNote') : undefined}>
        {growth}
      </Metric>
      <Metric label={t(isGrowthRank ? 'overview.card.growthRank' : 'overview.card.rank')} testId="card-rank" hint={rank !== null && !rankScope ? t('overview.card.rankUnscopedHint') : undefined}>
        {rank}
      </Metric>
      <Metric label={t('overview.card.gapProvince')} testId="card-gap-province" hint={card.gapProvincePp === null ? unknownGap : undefined}>
        {card.gapProvincePp === null ? null : points(card.gapProvincePp)}
      </Metric>
      <Metric label={t('overview.card.gapNation')} testId="card-gap-nation" hint={card.gapNationPp === null ? unknownGap : undefined}>
        {card.gapNationPp === null ? null : points(card.gapNationPp)}
      </Metric>
    </dl>
  );
}
