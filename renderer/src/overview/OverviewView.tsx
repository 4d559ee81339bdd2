import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../shared/api/methods/analysis';
import { errorText } from '../i18n';
import { useAppStore } from '../store';
import { selectViewObservations, selectViewedSnapshot } from '../store/selectors';
import { BriefPanel } from './BriefPanel';
import { rankScopeOf } from './cardText';
import { OverviewCardView } from './OverviewCardView';
import { PinControls } from './PinControls';
import { usePins, type Pins } from './usePins';
import { overviewKey } from './overviewSlice';
import './overview.css';

/** The first screen: cards for the pinned indicators of the home region, and the brief under them. */
export function OverviewView() {
  const { t } = useTranslation();
  const snapshot = useAppStore((state) => state.snapshot);
  const source = useAppStore(selectViewObservations);
  const hasNoObservations = useAppStore((state) => state.info?.observationCount === 0);
  const entry = useAppStore((state) => state.overviews[overviewKey(state.snapshot)]);
  const loadOverview = useAppStore((state) => state.loadOverview);
  const language = useAppStore((state) => state.language);
  useEffect(() => {
    void loadOverview(snapshot, source);
  }, [loadOverview, snapshot, source]);

  if (hasNoObservations || (entry?.status === 'failed' && entry.error.code === 'REGION_NOT_FOUND')) {
    return <OverviewEmpty title={t('overview.noDataTitle')} hint={t('overview.noDataHint')} canOpenTable={false} />;
  }
  if (!entry || entry.status === 'loading') return <p className="notice">{t('overview.loading')}</p>;
  if (entry.status === 'failed') {
    return (
      <p className="notice" role="alert" data-testid="overview-error">
        {t('overview.failed', { message: errorText(entry.error, language) })}
      </p>
    );
  }
  return <OverviewContent overview={entry.overview} />;
}

function OverviewContent({ overview }: { readonly overview: Overview }) {
  const { t } = useTranslation();
  const pins = usePins(overview);
  const language = useAppStore((state) => state.language);
  const viewed = useAppStore(selectViewedSnapshot);
  const regionName = language === 'zh' ? overview.region.nameZh : overview.region.nameEn;
  return (
    <div className="overview" data-testid="overview">
      <header className="overview-header">
        <h2>{t('overview.heading', { region: regionName })}</h2>
        <span className="overview-version">{t('overview.version', { label: viewed ? viewed.label : t('toolbar.workingCopy') })}</span>
        <PinControls overview={overview} pins={pins} />
      </header>
      {overview.cards.length === 0 ? (
        <OverviewEmpty title={t('overview.noPinnedTitle')} hint={t('overview.noPinnedHint')} canOpenTable />
      ) : (
        <>
          <OverviewCards overview={overview} pins={pins} />
          <BriefPanel overview={overview} />
        </>
      )}
    </div>
  );
}

function OverviewCards({ overview, pins }: { readonly overview: Overview; readonly pins: Pins }) {
  const language = useAppStore((state) => state.language);
  const catalog = useAppStore((state) => state.catalog);
  const observations = useAppStore(selectViewObservations);
  const regionName = language === 'zh' ? overview.region.nameZh : overview.region.nameEn;
  const regions = catalog?.regions ?? [];
  return (
    <div className="overview-cards">
      {overview.cards.map((card, index) => {
        const kind = catalog?.indicators.find((indicator) => indicator.code === card.indicatorCode)?.kind;
        return (
          <OverviewCardView
            key={card.indicatorCode}
            card={card}
            regionName={regionName}
            rankScope={card.period ? rankScopeOf(card.indicatorCode, overview.region.code, card.period, regions, observations) : null}
            isGrowthRank={kind === 'flow' || kind === 'level'}
            index={index}
            count={overview.cards.length}
            pins={pins}
          />
        );
      })}
    </div>
  );
}

/** Nothing to show; with data but no pinned indicator, the way to the data is the table. */
function OverviewEmpty({ title, hint, canOpenTable }: { readonly title: string; readonly hint: string; readonly canOpenTable: boolean }) {
  const { t } = useTranslation();
  const setView = useAppStore((state) => state.setView);
  return (
    <section className="empty-state" data-testid="overview-empty" aria-live="polite">
      <h2>{title}</h2>
      <p>{hint}</p>
      {canOpenTable && (
        <button type="button" className="button" onClick={() => setView('table')}>
          {t('overview.openTable')}
        </button>
      )}
    </section>
  );
}
