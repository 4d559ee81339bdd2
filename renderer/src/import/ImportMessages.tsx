import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n';
import { useAppStore } from '../store';

/** The last failure (in the UI language) and what just happened. */
export function ImportMessages() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const error = useAppStore((state) => state.importError);
  const notice = useAppStore((state) => state.importNotice);
  return (
    <>
      {error && (
        <p className="import-error" role="alert" data-testid="import-error">
          {errorText(error, language)}
        </p>
      )}
      {notice && (
        <p className="import-notice" role="status" data-testid="import-notice">
          {notice.kind === 'cancelled' && t('importWizard.progress.cancelled')}
          {notice.kind === 'tooLate' && t('importWizard.progress.tooLate')}
          {notice.kind === 'templateSaved' && t('importWizard.template.saved', { name: notice.name })}
          {notice.kind === 'undone' && t('importWizard.commit.undone')}
        </p>
      )}
    </>
  );
}
