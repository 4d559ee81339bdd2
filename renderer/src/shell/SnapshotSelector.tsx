import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { selectIsReadOnly } from '../store/selectors';

const WORKING = 'working';

/** Chooses what the table shows: the working copy or a frozen snapshot (read-only). */
export function SnapshotSelector() {
  const { t } = useTranslation();
  const id = useId();
  const { snapshot, snapshots, selectSnapshot } = useAppStore(
    useShallow((state) => ({ snapshot: state.snapshot, snapshots: state.snapshots, selectSnapshot: state.selectSnapshot })),
  );
  const isReadOnly = useAppStore(selectIsReadOnly);
  const hasWorkspace = useAppStore((state) => state.info !== null);
  const onChange = (value: string) => void selectSnapshot(value === WORKING ? WORKING : Number(value));
  return (
    <div className="snapshot-selector">
      <label htmlFor={id}>{t('toolbar.snapshot')}</label>
      <select id={id} data-testid="snapshot-select" disabled={!hasWorkspace} value={String(snapshot)} onChange={(event) => onChange(event.target.value)}>
        <option value={WORKING}>{t('toolbar.workingCopy')}</option>
        {[...snapshots].reverse().map((s) => (
          <option key={s.seq} value={String(s.seq)}>
            {t('toolbar.snapshotOption', { label: s.label, seq: String(s.seq) })}
          </option>
        ))}
      </select>
      {isReadOnly && (
        <span className="badge" data-testid="read-only-badge" title={t('toolbar.readOnlyHint')}>
          {t('toolbar.readOnly')}
        </span>
      )}
    </div>
  );
}
