import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObservationKey } from '../../../shared/api/schemas';
import { comparePeriods, periodLabel } from '../../../shared/periods';
import { useAppStore } from '../store';
import { observationKey } from '../store/workspaceSlice';
import { displayHistory, localTime } from './revisionDisplay';

const NO_OBSERVATIONS: never[] = [];

/** Which cell to show: indicator, region and one of the periods the working copy has for them. */
function CellPicker({ initial }: { readonly initial: ObservationKey | null }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const catalog = useAppStore((state) => state.catalog);
  const working = useAppStore((state) => state.observations[observationKey('working')] ?? NO_OBSERVATIONS);
  const navigatorIndicator = useAppStore((state) => state.selectedIndicator);
  const navigatorRegion = useAppStore((state) => state.selectedRegion);
  const openCellHistory = useAppStore((state) => state.openCellHistory);
  const [indicator, setIndicator] = useState(initial?.indicator ?? navigatorIndicator ?? catalog?.indicators[0]?.code ?? '');
  const [region, setRegion] = useState(initial?.region ?? navigatorRegion ?? '');
  const [period, setPeriod] = useState(initial?.period ?? '');
  const ids = { indicator: useId(), region: useId(), period: useId() };
  const cellsOfIndicator = useMemo(() => working.filter((o) => o.indicatorCode === indicator), [working, indicator]);
  const regions = useMemo(() => {
    const codes = new Set(cellsOfIndicator.map((o) => o.regionCode));
    if (region) codes.add(region);
    return (catalog?.regions ?? []).filter((r) => codes.has(r.code));
  }, [catalog, cellsOfIndicator, region]);
  const chosenRegion = region || regions[0]?.code || '';
  const periods = useMemo(() => {
    const codes = new Set(cellsOfIndicator.filter((o) => o.regionCode === chosenRegion).map((o) => o.period));
    if (period) codes.add(period);
    return [...codes].sort(comparePeriods).reverse();
  }, [cellsOfIndicator, chosenRegion, period]);
  const chosenPeriod = period || periods[0] || '';
  const name = (item: { nameZh: string; nameEn: string }) => (language === 'zh' ? item.nameZh : item.nameEn);
  const isComplete = indicator !== '' && chosenRegion !== '' && chosenPeriod !== '';
  return (
    <form
      className="history-picker"
      onSubmit={(event) => {
        event.preventDefault();
        if (isComplete) void openCellHistory({ indicator, region: chosenRegion, period: chosenPeriod });
      }}
    >
      <span className="inline-field">
        <label htmlFor={ids.indicator}>{t('snapshots.history.indicator')}</label>
        <select
          id={ids.indicator}
          data-testid="history-indicator"
          className="history-indicator"
          value={indicator}
          onChange={(event) => {
            setIndicator(event.target.value);
            setRegion('');
            setPeriod('');
          }}
        >
          {(catalog?.indicators ?? []).map((i) => (
            <option key={i.code} value={i.code}>
              {name(i)}
            </option>
          ))}
        </select>
      </span>
      <span className="inline-field">
        <label htmlFor={ids.region}>{t('snapshots.history.region')}</label>
        <select id={ids.region} data-testid="history-region" value={chosenRegion} onChange={(event) => { setRegion(event.target.value); setPeriod(''); }}>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {name(r)}
            </option>
          ))}
        </select>
      </span>
      <span className="inline-field">
        <label htmlFor={ids.period}>{t('snapshots.history.period')}</label>
        <select id={ids.period} data-testid="history-period" value={chosenPeriod} onChange={(event) => setPeriod(event.target.value)}>
          {periods.map((code) => (
            <option key={code} value={code}>
              {periodLabel(code, language)}
            </option>
          ))}
        </select>
      </span>
      <button type="submit" className="button button-small" disabled={!isComplete} data-testid="history-show">
        {t('snapshots.history.show')}
      </button>
    </form>
  );
}

/** Every version of one cell, newest first: value, growth, rank, the snapshot that first froze it, when and from where. */
export function CellHistoryPanel() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const catalog = useAppStore((state) => state.catalog);
  const { status, key, history } = useAppStore((state) => state.cellHistory);
  const closeCellHistory = useAppStore((state) => state.closeCellHistory);
  const rows = useMemo(() => (history ? displayHistory(history.versions, history.unit, language, localTime) : []), [history, language]);
  const indicator = catalog?.indicators.find((i) => i.code === history?.indicatorCode);
  const region = catalog?.regions.find((r) => r.code === history?.regionCode);
  const name = (item: { nameZh: string; nameEn: string } | undefined, code: string) => (item ? (language === 'zh' ? item.nameZh : item.nameEn) : code);
  return (
    <section className="history" aria-labelledby="history-title" data-testid="cell-history">
      <div className="compare-bar">
        <h2 id="history-title" className="panel-title">
          {t('snapshots.history.title')}
        </h2>
        <CellPicker key={key ? `${key.indicator}|${key.region}|${key.period}` : 'none'} initial={key} />
        <span className="toolbar-spacer" />
        {key && (
          <button type="button" className="button button-small" onClick={closeCellHistory} aria-label={t('snapshots.history.close')} title={t('snapshots.history.close')} data-testid="history-close">
            ×
          </button>
        )}
      </div>
      {!key && <p className="panel-empty">{t('snapshots.history.pick')}</p>}
      {history && (
        <div className="history-body" aria-busy={status === 'loading'}>
          <h3 className="history-heading" data-testid="history-heading">
            {t('snapshots.history.heading', {
              indicator: name(indicator, history.indicatorCode),
              region: name(region, history.regionCode),
              period: periodLabel(history.period, language, indicator?.accumulation ?? 'point'),
            })}
          </h3>
          {rows.length === 0 ? (
            <p className="panel-empty">{t('snapshots.history.empty')}</p>
          ) : (
            <table className="history-table" aria-label={t('snapshots.history.tableLabel')} data-testid="history-table">
              <thead>
                <tr>
                  <th scope="col">{t('snapshots.history.value')}</th>
                  <th scope="col">{t('snapshots.history.growth')}</th>
                  <th scope="col">{t('snapshots.history.rank')}</th>
                  <th scope="col">{t('snapshots.history.snapshot')}</th>
                  <th scope="col">{t('snapshots.history.recordedAt')}</th>
                  <th scope="col">{t('snapshots.history.state')}</th>
                  <th scope="col">{t('snapshots.history.source')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.versionId} data-testid="history-version" className={row.state === 'current' ? 'history-current' : undefined}>
                    <td className="figure">{row.value}</td>
                    <td className="figure">{row.growth}</td>
                    <td className="figure">{row.rank}</td>
                    <td>{row.snapshotLabel ?? <span className="muted">{t('snapshots.history.workingOnly')}</span>}</td>
                    <td>{row.recordedAt}</td>
                    <td>{t(`snapshots.history.${row.state}`)}</td>
                    <td className="history-source" title={row.source}>
                      {row.source}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
