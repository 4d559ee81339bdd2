import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewCard } from '../../../shared/api/methods/analysis';
import { useAppStore } from '../store';
import { CardMetrics } from './CardMetrics';
import { CardPinActions } from './CardPinActions';
import type { RankScope } from './cardText';
import { FailureMarker } from './FailureMarker';
import { Sparkline } from './Sparkline';
import type { Pins } from './usePins';

interface OverviewCardViewProps {
  readonly card: OverviewCard;
  readonly regionName: string;
  readonly rankScope: RankScope | null;
  readonly isGrowthRank: boolean;
  readonly index: number;
  readonly count: number;
  readonly pins: Pins;
}

/** One pinned indicator: latest value, growth, rank, gaps, recent periods. The title opens the indicator's table. */
export function OverviewCardView({ card, regionName, rankScope, isGrowthRank, index, count, pins }: OverviewCardViewProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const openIndicatorTable = useAppStore((state) => state.openIndicatorTable);
  const titleId = useId();
  const name = language === 'zh' ? card.nameZh : card.nameEn;
  return (
    <article className="overview-card" data-testid={`overview-card-${card.indicatorCode}`} aria-labelledby={titleId}>
      <header className="card-header">
        <h3 id={titleId}>
          {/* Its ::after covers the card, so the whole card opens the table; the marker stays above it. */}
          <button type="button" className="card-open" title={t('overview.card.open', { name })} onClick={() => openIndicatorTable(card.indicatorCode)}>
            {name}
          </button>
        </h3>
        {card.hasFailure && <FailureMarker failures={card.failures} />}
      </header>
      {card.period === null ? (
        <p className="card-empty">{t('overview.card.noData', { region: regionName })}</p>
      ) : (
        <>
          <p className="card-period">{card.periodLabel?.[language]}</p>
          <p className="card-value" data-testid="card-value">
            {card.valueText?.[language] ?? t('overview.card.unknown')}
          </p>
          <CardMetrics card={card} rankScope={rankScope} isGrowthRank={isGrowthRank} />
          <Sparkline points={card.recent} unit={card.unit} />
        </>
      )}
      <CardPinActions code={card.indicatorCode} name={name} index={index} count={count} pins={pins} />
    </article>
  );
}
