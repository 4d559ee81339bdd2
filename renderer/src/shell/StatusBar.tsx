import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { selectIsTableLoading, selectViewedSnapshot, selectViewObservations } from '../store/selectors';

/** The bottom line: which file, which version of it is shown, its last snapshot, how many observations. */
export function StatusBar() {
  const { t } = useTranslation();
  const info = useAppStore((state) => state.info);
  const status = useAppStore((state) => state.status);
  const snapshot = useAppStore(selectViewedSnapshot);
  // While the table draws its first rows, the count is the working copy's.
  const count = useAppStore((state) => (selectIsTableLoading(state) ? (state.info?.observationCount ?? 0) : selectViewObservations(state).length));
  return (
    <footer className="status-bar" data-testid="status-bar" aria-label={t('status.label')}>
      <span data-testid="status-workspace">{info ? t('status.workspace', { name: info.fileName }) : t(`status.${status === 'failed' ? 'failed' : 'loading'}`)}</span>
      {info && <span data-testid="status-snapshot">{t('status.view', { label: snapshot ? snapshot.label : t('toolbar.workingCopy') })}</span>}
      {info && (
        <span data-testid="status-last-snapshot">
          {info.lastSnapshot ? t('status.lastSnapshot', { label: info.lastSnapshot.label }) : t('status.noSnapshot')}
        </span>
      )}
      {info && <span data-testid="status-count">{t('status.observations', { count })}</span>}
    </footer>
  );
}
