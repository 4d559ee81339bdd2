import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { comparePeriods, parsePeriod, periodLabel } from '../../../shared/periods';
import { runEditCommand } from '../shell/commands';
import { useAppStore } from '../store';
import { selectIsReadOnly, selectIsSheetLocked, selectIsTableLoading, selectViewObservations } from '../store/selectors';

/** Wide or long. */
function ModeSwitch() {
  const { t } = useTranslation();
  const mode = useAppStore((state) => state.tableMode);
  const setMode = useAppStore((state) => state.setTableMode);
  return (
    <div className="segmented" role="group" aria-label={t('editing.toolbar.mode')}>
      {(['wide', 'long'] as const).map((candidate) => (
        <button
          key={candidate}
          type="button"
          className="segment"
          aria-pressed={mode === candidate}
          title={t(`editing.toolbar.${candidate}Hint`)}
          data-testid={`table-mode-${candidate}`}
          onClick={() => setMode(candidate)}
        >
          {t(`editing.toolbar.${candidate}`)}
        </button>
      ))}
    </div>
  );
}

function PeriodFilter() {
  const { t } = useTranslation();
  const id = useId();
  const observations = useAppStore(selectViewObservations);
  const { periodFilter, extraPeriods, language, setPeriodFilter } = useAppStore(
    useShallow((state) => ({ periodFilter: state.periodFilter, extraPeriods: state.extraPeriods, language: state.language, setPeriodFilter: state.setPeriodFilter })),
  );
  const periods = useMemo(() => {
    const codes = new Set(extraPeriods);
    for (const observation of observations) codes.add(observation.period);
    return [...codes].sort(comparePeriods);
  }, [observations, extraPeriods]);
  return (
    <span className="table-tool">
      <label htmlFor={id}>{t('editing.toolbar.period')}</label>
      <select id={id} data-testid="period-filter" value={periodFilter ?? ''} onChange={(event) => setPeriodFilter(event.target.value || null)}>
        <option value="">{t('editing.toolbar.allPeriods')}</option>
        {periods.map((period) => (
          <option key={period} value={period}>
            {periodLabel(period, language)}
          </option>
        ))}
      </select>
    </span>
  );
}

function AddPeriod() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [isInvalid, setIsInvalid] = useState(false);
  const addExtraPeriod = useAppStore((state) => state.addExtraPeriod);
  const setEditNotice = useAppStore((state) => state.setEditNotice);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const period = parsePeriod(text);
    if (!period) {
      setIsInvalid(true);
      const zh = t('editing.toolbar.addPeriodInvalid', { text, lng: 'zh' });
      const en = t('editing.toolbar.addPeriodInvalid', { text, lng: 'en' });
      return setEditNotice({ kind: 'error', zh, en });
    }
    addExtraPeriod(period.code);
    setText('');
    setIsInvalid(false);
  };
  return (
    <form className="table-tool" onSubmit={submit} title={t('editing.toolbar.addPeriodHint')}>
      <input
        className="add-period-input"
        data-testid="add-period-input"
        aria-label={t('editing.toolbar.addPeriod')}
        aria-invalid={isInvalid}
        placeholder={t('editing.toolbar.addPeriodPlaceholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button" data-testid="add-period">
        {t('editing.toolbar.addPeriod')}
      </button>
    </form>
  );
}

/** Adds an indicator or a region to the catalogue, with an empty row to type into: one "＋" button and its menu. */
function AddRowButtons() {
  const { t } = useTranslation();
  const openAddRow = useAppStore((state) => state.openAddRow);
  const [isOpen, setIsOpen] = useState(false);
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!isOpen) return;
    const onPointer = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node | null)) setIsOpen(false);
    };
    window.addEventListener('mousedown', onPointer, true);
    return () => window.removeEventListener('mousedown', onPointer, true);
  }, [isOpen]);
  const choose = (kind: 'indicator' | 'region') => () => {
    setIsOpen(false);
    openAddRow(kind);
  };
  return (
    <span ref={ref} className="table-tool add-row-tool">
      <button
        type="button"
        className="button icon-button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-label={t('editing.addRow.menu')}
        title={t('editing.addRow.menu')}
        data-testid="add-row-menu"
        onClick={() => setIsOpen((open) => !open)}
        onKeyDown={(event) => event.key === 'Escape' && setIsOpen(false)}
      >
        ＋
      </button>
      {isOpen && (
        <span className="cell-menu add-row-menu" role="menu" aria-label={t('editing.addRow.menu')}>
          <button type="button" role="menuitem" className="cell-menu-item" title={t('editing.addRow.addIndicatorHint')} data-testid="add-indicator" onClick={choose('indicator')}>
            {t('editing.menu.addIndicator')}
          </button>
          <button type="button" role="menuitem" className="cell-menu-item" title={t('editing.addRow.addRegionHint')} data-testid="add-region" onClick={choose('region')}>
            {t('editing.menu.addRegion')}
          </button>
        </span>
      )}
    </span>
  );
}

function ComparatorSelect() {
  const { t } = useTranslation();
  const id = useId();
  const { comparator, setComparator, regions, language } = useAppStore(
    useShallow((state) => ({ comparator: state.comparator, setComparator: state.setComparator, regions: state.catalog?.regions ?? [], language: state.language })),
  );
  const value = comparator.kind === 'parent' ? '' : comparator.regionCode;
  return (
    <span className="table-tool">
      <label htmlFor={id}>{t('editing.toolbar.comparator')}</label>
      <select
        id={id}
        data-testid="comparator-select"
        value={value}
        onChange={(event) => setComparator(event.target.value ? { kind: 'region', regionCode: event.target.value } : { kind: 'parent' })}
      >
        <option value="">{t('editing.toolbar.comparatorParent')}</option>
        {regions.map((region) => (
          <option key={region.code} value={region.code}>
            {language === 'zh' ? region.nameZh : region.nameEn}
          </option>
        ))}
      </select>
    </span>
  );
}

function ToggleButtons({ problemCount }: { readonly problemCount: number | null }) {
  const { t } = useTranslation();
  const { isChangesShown, changedCount, isProblemsOpen, toggleChanges, toggleProblems, lastSnapshot } = useAppStore(
    useShallow((state) => ({
      isChangesShown: state.isChangesShown,
      changedCount: state.changedCellCount,
      isProblemsOpen: state.isProblemsOpen,
      toggleChanges: state.toggleChanges,
      toggleProblems: state.toggleProblems,
      lastSnapshot: state.info?.lastSnapshot ?? null,
    })),
  );
  const isReadOnly = useAppStore(selectIsReadOnly);
  return (
    <>
      <button
        type="button"
        className="button toggle"
        aria-pressed={isChangesShown}
        disabled={!lastSnapshot || isReadOnly}
        title={lastSnapshot ? t('editing.toolbar.changesHint', { label: lastSnapshot.label }) : t('editing.toolbar.changesNoSnapshot')}
        data-testid="changes-toggle"
        onClick={toggleChanges}
      >
        <span className="swatch swatch-changed" aria-hidden="true" />
        {t('editing.toolbar.changes')}
        {isChangesShown && changedCount > 0 && <span className="count">{t('editing.toolbar.changesCount', { count: changedCount })}</span>}
      </button>
      <button
        type="button"
        className="button toggle"
        aria-pressed={isProblemsOpen}
        title={t('editing.toolbar.problemsHint')}
        data-testid="problems-toggle"
        onClick={toggleProblems}
      >
        <span className={`swatch ${problemCount === null ? '' : problemCount > 0 ? 'swatch-problem' : 'swatch-ok'}`} aria-hidden="true" />
        {problemCount === null ? t('editing.toolbar.problemsPending') : t('editing.toolbar.problems', { count: problemCount })}
      </button>
    </>
  );
}

function UndoRedo() {
  const { t } = useTranslation();
  // Arrows keep the bar on one line; the names are the buttons' accessible names and tooltips.
  return (
    <span className="table-tool">
      <button type="button" className="button icon-button" aria-label={t('editing.toolbar.undo')} title={t('editing.toolbar.undoHint')} data-testid="undo-button" onClick={() => runEditCommand('edit.undo')}>
        ↶
      </button>
      <button type="button" className="button icon-button" aria-label={t('editing.toolbar.redo')} title={t('editing.toolbar.redoHint')} data-testid="redo-button" onClick={() => runEditCommand('edit.redo')}>
        ↷
      </button>
    </span>
  );
}

/**
 * Above the table: layout, search, period, added periods or the gap comparator, markers, problems
 * (null while the working copy loads: not checked yet), undo and redo.
 */
export function TableToolbar({ problemCount }: { readonly problemCount: number | null }) {
  const { t } = useTranslation();
  const mode = useAppStore((state) => state.tableMode);
  const search = useAppStore((state) => state.tableSearch);
  const setSearch = useAppStore((state) => state.setTableSearch);
  const isReadOnly = useAppStore(selectIsSheetLocked);
  const isLoading = useAppStore(selectIsTableLoading);
  const observationCount = useAppStore((state) => state.info?.observationCount ?? 0);
  return (
    <div className="table-toolbar" role="toolbar" aria-label={t('editing.toolbar.label')} data-testid="table-toolbar">
      <ModeSwitch />
      <input
        type="search"
        className="table-search"
        data-testid="table-search"
        aria-label={t('editing.toolbar.search')}
        placeholder={t('editing.toolbar.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <PeriodFilter />
      {mode === 'wide' ? !isReadOnly && <AddPeriod /> : <ComparatorSelect />}
      {mode === 'wide' && !isReadOnly && <AddRowButtons />}
      <span className="toolbar-spacer" />
      <ToggleButtons problemCount={problemCount} />
      {isLoading ? (
        <span className="badge" role="status" data-testid="table-loading">
          {t('editing.toolbar.loadingRest', { count: observationCount })}
        </span>
      ) : isReadOnly ? (
        <span className="badge">{t('editing.toolbar.readOnly')}</span>
      ) : (
        <UndoRedo />
      )}
    </div>
  );
}
