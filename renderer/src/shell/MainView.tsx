import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { selectIsViewLoaded } from '../store/selectors';
import { WideTable } from '../table/WideTable';
import { EmptyState } from './EmptyState';
import { ErrorBanner, ErrorState } from './ErrorState';

/** The main area: the table, or why there is none (loading, failure, empty workspace). */
export function MainView() {
  const { t } = useTranslation();
  const status = useAppStore((state) => state.status);
  const info = useAppStore((state) => state.info);
  const appInfo = useAppStore((state) => state.appInfo);
  const isLoaded = useAppStore(selectIsViewLoaded);
  const body = (() => {
    if (status === 'failed' && !info) return <ErrorState />;
    if (status === 'loading' || status === 'idle') return <p className="notice" data-testid="loading">{t('status.loading')}</p>;
    if (!info) return appInfo ? <EmptyState kind="noWorkspace" /> : <ErrorState />;
    if (info.observationCount === 0) return <EmptyState kind="noObservations" />;
    return isLoaded ? <WideTable /> : <p className="notice">{t('status.loading')}</p>;
  })();
  return (
    <main className="main-view" data-testid="main-view">
      {info && <ErrorBanner />}
      {body}
    </main>
  );
}
