import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';

/** An indeterminate bar while the backend works (it reports no progress), with Cancel. */
export function ImportProgress() {
  const { t } = useTranslation();
  const busy = useAppStore((state) => state.importBusy);
  const cancel = useAppStore((state) => state.cancelImport);
  if (!busy) return null;
  return (
    <div className="import-progress" data-testid="import-progress" role="status">
      <span>{t(`importWizard.progress.${busy}`)}</span>
      <div className="import-progress-track" role="progressbar" aria-label={t(`importWizard.progress.${busy}`)}>
        <div className="import-progress-bar" />
      </div>
      <button type="button" className="button" onClick={cancel} data-testid="import-cancel">
        {t('importWizard.progress.cancel')}
      </button>
    </div>
  );
}
