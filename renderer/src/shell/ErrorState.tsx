import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n';
import { useAppStore } from '../store';

/** Nothing could be loaded: the backend's message in the reader's language, and a retry. */
export function ErrorState() {
  const { t } = useTranslation();
  const error = useAppStore((state) => state.error);
  const language = useAppStore((state) => state.language);
  const loadWorkspace = useAppStore((state) => state.loadWorkspace);
  return (
    <section className="error-state" role="alert" data-testid="error-state">
      <h2>{t('errors.title')}</h2>
      {error && <p data-testid="error-message">{errorText(error, language)}</p>}
      {error && <p className="error-code">{t('errors.code', { code: error.code })}</p>}
      <button type="button" className="button" onClick={() => void loadWorkspace()}>
        {t('errors.retry')}
      </button>
    </section>
  );
}

/** A failure while a workspace is open (e.g. a snapshot that no longer exists): shown until dismissed. */
export function ErrorBanner() {
  const { t } = useTranslation();
  const error = useAppStore((state) => state.error);
  const language = useAppStore((state) => state.language);
  const setError = useAppStore((state) => state.setError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <span>{errorText(error, language)}</span>
      <button type="button" className="button" onClick={() => setError(null)}>
        {t('errors.dismiss')}
      </button>
    </div>
  );
}
