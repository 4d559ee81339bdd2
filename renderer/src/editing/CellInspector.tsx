import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ObservationFlag } from '../../../shared/api/schemas';
import type { Observation } from '../../../shared/api/schemas';
import { periodLabel } from '../../../shared/periods';
import { useAppStore } from '../store';
import { selectIsSheetLocked, selectViewObservations } from '../store/selectors';
import { bilingual } from './editingSlice';
import { flagName } from './targets';

interface CellKeyParts {
  readonly indicatorCode: string;
  readonly regionCode: string;
  readonly period: string;
}

/** The form for one cell; keyed by the cell so that moving to another cell starts from its own values. */
function InspectorForm({ cell, observation, title }: { readonly cell: CellKeyParts; readonly observation: Observation | undefined; readonly title: string }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const commitCells = useAppStore((state) => state.commitCells);
  const setEditNotice = useAppStore((state) => state.setEditNotice);
  const [flags, setFlags] = useState<readonly ObservationFlag[]>(observation?.flags ?? []);
  const [note, setNote] = useState(observation?.note ?? '');
  const [source, setSource] = useState(observation?.source ?? '');
  const [isSaving, setIsSaving] = useState(false);
  const toggle = (flag: ObservationFlag) => setFlags((current) => (current.includes(flag) ? current.filter((f) => f !== flag) : [...current, flag]));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    const edit = { indicator: cell.indicatorCode, region: cell.regionCode, period: cell.period, flags: [...flags], note: note.trim() || null, source: source.trim() || null };
    const error = await commitCells([edit], 'edit', bilingual('editing.changeSet.edit', { cell: title }));
    setIsSaving(false);
    if (error) setEditNotice({ kind: 'error', zh: error.messageZh || error.message, en: error.message });
    else setEditNotice({ kind: 'info', ...bilingual('editing.inspector.saved') });
  };
  return (
    <form className="inspector-form" onSubmit={(event) => void submit(event)}>
      <span className="inspector-title" title={title}>
        {title}
      </span>
      <fieldset className="inspector-flags">
        <legend>{t('editing.inspector.flags')}</legend>
        {ObservationFlag.options.map((flag) => (
          <label key={flag} title={t(`flags.${flag}`)}>
            <input type="checkbox" checked={flags.includes(flag)} onChange={() => toggle(flag)} data-testid={`inspector-flag-${flag}`} />
            {flagName(flag, language)}
          </label>
        ))}
      </fieldset>
      <label className="inspector-field">
        {t('editing.inspector.note')}
        <input value={note} onChange={(event) => setNote(event.target.value)} data-testid="inspector-note" maxLength={2000} />
      </label>
      <label className="inspector-field">
        {t('editing.inspector.source')}
        <input value={source} onChange={(event) => setSource(event.target.value)} data-testid="inspector-source" maxLength={4000} />
      </label>
      <button type="submit" className="button button-primary" disabled={isSaving} data-testid="inspector-save">
        {t('editing.inspector.save')}
      </button>
    </form>
  );
}

/** Flags, note and source of the focused cell (the wide table shows only values). */
export function CellInspector() {
  const { t } = useTranslation();
  const cell = useAppStore((state) => state.focusedCell);
  const observations = useAppStore(selectViewObservations);
  const catalog = useAppStore((state) => state.catalog);
  const language = useAppStore((state) => state.language);
  const isReadOnly = useAppStore(selectIsSheetLocked);
  const observation = useMemo(
    () => (cell ? observations.find((o) => o.indicatorCode === cell.indicatorCode && o.regionCode === cell.regionCode && o.period === cell.period) : undefined),
    [observations, cell],
  );
  if (isReadOnly) return null;
  if (!cell) {
    return (
      <div className="cell-inspector" data-testid="cell-inspector" aria-label={t('editing.inspector.label')}>
        <span className="inspector-empty">{t('editing.inspector.empty')}</span>
      </div>
    );
  }
  const indicator = catalog?.indicators.find((i) => i.code === cell.indicatorCode);
  const region = catalog?.regions.find((r) => r.code === cell.regionCode);
  const name = (item: { nameZh: string; nameEn: string } | undefined, fallback: string) => (item ? (language === 'zh' ? item.nameZh : item.nameEn) : fallback);
  const title = `${name(indicator, cell.indicatorCode)} · ${name(region, cell.regionCode)} · ${periodLabel(cell.period, language, indicator?.accumulation ?? 'point')}`;
  const version = observation ? `${observation.versionId}:${observation.fromSeq}:${observation.note ?? ''}:${observation.flags.join()}:${observation.source ?? ''}` : 'none';
  return (
    <div className="cell-inspector" data-testid="cell-inspector" role="group" aria-label={t('editing.inspector.label')}>
      <InspectorForm key={`${title}|${version}`} cell={cell} observation={observation} title={title} />
    </div>
  );
}
