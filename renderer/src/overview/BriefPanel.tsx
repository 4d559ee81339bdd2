import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefFact, Overview } from '../../../shared/api/methods/analysis';
import { formatWithUnit } from '../../../shared/format';
import { AddToDeckDialog } from '../charts/AddToDeckDialog';
import { errorText } from '../i18n';
import { useAppStore } from '../store';
import { selectViewObservations } from '../store/selectors';
import { briefKey } from './overviewSlice';
import type { BriefEntry, BriefRequest } from './overviewSlice';
import { useCopy } from './useCopy';

/** The written brief under the cards: one paragraph per pinned indicator with data (brief.get), and a Copy button. */
export function BriefPanel({ overview }: { readonly overview: Overview }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const snapshot = useAppStore((state) => state.snapshot);
  const source = useAppStore(selectViewObservations);
  const briefs = useAppStore((state) => state.briefs);
  const loadBriefs = useAppStore((state) => state.loadBriefs);
  const [copyState, copy] = useCopy();
  const requests = useMemo<BriefRequest[]>(
    () => overview.cards.flatMap((card) => (card.period ? [{ indicator: card.indicatorCode, region: overview.region.code, period: card.period, snapshot }] : [])),
    [overview, snapshot],
  );
  useEffect(() => {
    void loadBriefs(requests, source);
  }, [loadBriefs, requests, source]);
  const entries = requests.map((request) => ({ key: briefKey(request), entry: briefs[briefKey(request)] }));
  const paragraphs = entries.flatMap(({ entry }) => (entry?.status === 'ready' ? [entry.brief[language]] : []));
  const isLoading = entries.some(({ entry }) => !entry || entry.status === 'loading');
  return (
    <section className="brief-panel" aria-labelledby="brief-heading" data-testid="brief-panel">
      <header className="brief-header">
        <h2 id="brief-heading">{t('overview.brief.heading')}</h2>
        <button type="button" className="button" data-testid="brief-copy" disabled={paragraphs.length === 0} onClick={() => copy(paragraphs.join('\n'))}>
          {t('overview.brief.copy')}
        </button>
        <span role="status" className={copyState === 'failed' ? 'brief-status is-failed' : 'brief-status'} data-testid="brief-copy-status">
          {copyState === 'copied' ? t('overview.brief.copied') : copyState === 'failed' ? t('overview.brief.copyFailed') : ''}
        </span>
      </header>
      <p className="brief-intro">{t('overview.brief.intro')}</p>
      {requests.length === 0 && <p className="brief-intro">{t('overview.brief.none')}</p>}
      {isLoading && <p className="brief-intro">{t('overview.brief.loading')}</p>}
      {entries.map(({ key, entry }) => (entry ? <BriefParagraph key={key} entry={entry} /> : null))}
    </section>
  );
}

function BriefParagraph({ entry }: { readonly entry: BriefEntry }) {
  const language = useAppStore((state) => state.language);
  if (entry.status === 'loading') return null;
  if (entry.status === 'failed') return <p className="brief-error">{errorText(entry.error, language)}</p>;
  return <BriefReady brief={entry.brief} />;
}

/** A brief with its facts, and "Add to deck": the slide is written from the workspace's numbers at export. */
function BriefReady({ brief }: { readonly brief: Extract<BriefEntry, { status: 'ready' }>['brief'] }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const [isAdding, setAdding] = useState(false);
  const [added, setAdded] = useState('');
  const stated = brief.facts.filter((fact) => fact.isStated);
  const factValue = (fact: BriefFact) => {
    if (fact.value === null) return t('overview.card.unknown');
    return fact.unit === 'rank' ? t('table.rankValue', { count: fact.value, ordinal: true }) : formatWithUnit(fact.value, fact.unit, language);
  };
  return (
    <div className="brief-item" data-testid={`brief-${brief.indicatorCode}`}>
      <p className="brief-text" lang={language === 'zh' ? 'zh-CN' : 'en'}>
        {brief[language]}
      </p>
      <div className="brief-deck">
        <button type="button" className="button" data-testid="brief-add-to-deck" onClick={() => setAdding(true)}>
          {t('charts.deck.addButton')}
        </button>
        <span role="status" className="brief-status" data-testid="brief-deck-status">
          {added}
        </span>
      </div>
      {isAdding && (
        <AddToDeckDialog
          item={{ kind: 'brief', brief: { indicator: brief.indicatorCode, region: brief.regionCode, period: brief.period, lang: language }, note: null }}
          what={brief.title[language]}
          onClose={() => setAdding(false)}
          onDone={setAdded}
        />
      )}
      {brief.warnings.map((warning) => (
        <p key={warning.code} className="brief-warning">
          {warning[language]}
        </p>
      ))}
      {stated.length > 0 && (
        <details className="brief-facts">
          <summary>{t('overview.brief.facts', { count: stated.length })}</summary>
          <ul>
            {stated.map((fact, index) => (
              <li key={index}>
                <span className="brief-fact-value">{factValue(fact)}</span> {fact[language]}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
