import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { countRevisions, filterRevisions } from '../../../shared/revisions';
import { useAppStore } from '../store';
import type { SnapshotChoice } from '../store';
import { DiffGrid } from './DiffGrid';
import { displayRevisionRows } from './revisionDisplay';

const WORKING = 'working';

function parseChoice(value: string): SnapshotChoice {
  return value === WORKING ? WORKING : Number(value);
}

/** One side of the comparison: the working copy or a snapshot. */
function ChoiceSelect({ label, value, onChange, testId }: { readonly label: string; readonly value: SnapshotChoice; readonly onChange: (choice: SnapshotChoice) => void; readonly testId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const snapshots = useAppStore((state) => state.snapshots);
  return (
    <span className="inline-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={testId} value={String(value)} onChange={(event) => onChange(parseChoice(event.target.value))}>
        <option value={WORKING}>{t('toolbar.workingCopy')}</option>
        {[...snapshots].reverse().map((s) => (
          <option key={s.seq} value={String(s.seq)}>
            {t('toolbar.snapshotOption', { label: s.label, seq: String(s.seq) })}
          </option>
        ))}
      </select>
    </span>
  );
}

/** A filter of the diff by one indicator or one region, offering those the diff contains. */
function FilterSelect({ label, value, options, onChange, testId }: { readonly label: string; readonly value: string | null; readonly options: readonly { code: string; name: string }[]; readonly onChange: (code: string | null) => void; readonly testId: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <span className="inline-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={testId} value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">{t('snapshots.compare.all')}</option>
        {options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.name}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Compare two versions: sides, filters, counts, export, and the diff grid. */
export function ComparePanel() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const catalog = useAppStore((state) => state.catalog);
  const hasSnapshots = useAppStore((state) => state.snapshots.length > 0);
  const diff = useAppStore((state) => state.revisionDiff);
  const filter = useAppStore(useShallow((state) => ({ indicatorCode: state.revisionFilter.indicatorCode ?? null, regionCode: state.revisionFilter.regionCode ?? null })));
  const { compareSnapshots, setRevisionFilter, openSnapshotsDialog } = useAppStore(
    useShallow((state) => ({ compareSnapshots: state.compareSnapshots, setRevisionFilter: state.setRevisionFilter, openSnapshotsDialog: state.openSnapshotsDialog })),
  );
  const display = useMemo(() => (catalog ? displayRevisionRows(diff.rows, catalog, language) : []), [diff.rows, catalog, language]);
  const shown = useMemo(() => {
    const kept = new Set(filterRevisions(diff.rows, filter).map((row) => row.id));
    return display.filter((row) => kept.has(row.id));
  }, [display, diff.rows, filter]);
  const counts = useMemo(() => countRevisions(filterRevisions(diff.rows, filter)), [diff.rows, filter]);
  const options = useMemo(() => {
    // Those the diff contains, in catalogue order, and the chosen one even when the diff no longer has it.
    const offered = <T extends { code: string; nameZh: string; nameEn: string }>(items: readonly T[], present: Set<string>, selected: string | null) =>
      items.filter((item) => present.has(item.code) || item.code === selected).map((item) => ({ code: item.code, name: language === 'zh' ? item.nameZh : item.nameEn }));
    return {
      indicators: offered(catalog?.indicators ?? [], new Set(diff.rows.map((row) => row.indicatorCode)), filter.indicatorCode),
      regions: offered(catalog?.regions ?? [], new Set(diff.rows.map((row) => row.regionCode)), filter.regionCode),
    };
  }, [catalog, diff.rows, language, filter.indicatorCode, filter.regionCode]);

  if (!hasSnapshots) return <p className="panel-empty compare-empty">{t('snapshots.compare.needSnapshot')}</p>;
  const compare = diff.compare;
  const body = (() => {
    if (!compare) return <p className="panel-empty">{t('snapshots.compare.pick')}</p>;
    if (compare.from === compare.to) return <p className="panel-empty">{t('snapshots.compare.same')}</p>;
    if (diff.status === 'loading' && diff.rows.length === 0) return <p className="panel-empty">{t('snapshots.compare.loading')}</p>;
    if (diff.status === 'ready' && diff.rows.length === 0) return <p className="panel-empty" data-testid="diff-empty">{t('snapshots.compare.noChanges')}</p>;
    if (shown.length === 0 && diff.rows.length > 0) return <p className="panel-empty">{t('snapshots.compare.noMatch')}</p>;
    return diff.status === 'failed' ? null : <DiffGrid rows={shown} />;
  })();
  const canExport = diff.status === 'ready' && shown.length > 0;
  return (
    <section className="compare" aria-labelledby="compare-title" data-testid="compare-panel">
      <div className="compare-bar">
        <h2 id="compare-title" className="panel-title">
          {t('snapshots.compare.title')}
        </h2>
        {compare && (
          <>
            <ChoiceSelect label={t('snapshots.compare.from')} value={compare.from} onChange={(from) => void compareSnapshots(from, compare.to)} testId="compare-from" />
            <button type="button" className="button button-small" onClick={() => void compareSnapshots(compare.to, compare.from)} aria-label={t('snapshots.compare.swap')} title={t('snapshots.compare.swap')} data-testid="compare-swap">
              ⇄
            </button>
            <ChoiceSelect label={t('snapshots.compare.to')} value={compare.to} onChange={(to) => void compareSnapshots(compare.from, to)} testId="compare-to" />
            <FilterSelect label={t('snapshots.compare.indicator')} value={filter.indicatorCode} options={options.indicators} onChange={(indicatorCode) => setRevisionFilter({ indicatorCode })} testId="diff-filter-indicator" />
            <FilterSelect label={t('snapshots.compare.region')} value={filter.regionCode} options={options.regions} onChange={(regionCode) => setRevisionFilter({ regionCode })} testId="diff-filter-region" />
            <span className="compare-counts" data-testid="diff-counts" aria-live="polite">
              {t('snapshots.compare.counts', { added: counts.added, removed: counts.removed, changed: counts.changed })}
            </span>
            <span className="toolbar-spacer" />
            <button type="button" className="button button-small" disabled={!canExport} onClick={() => openSnapshotsDialog({ kind: 'exportDiff' })} data-testid="diff-export">
              {t('snapshots.compare.export')}
            </button>
          </>
        )}
      </div>
      {body}
    </section>
  );
}
