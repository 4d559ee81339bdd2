import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { EmptyState } from './EmptyState';
import { ErrorBanner, ErrorState } from './ErrorState';
import { VIEW_PANEL_ID, viewTabId } from './ViewTabs';
import { viewById } from './views';

/** The main area: the current view, or why there is none (loading, failure, no workspace). */
export function MainView() {
  const { t } = useTranslation();
  const status = useAppStore((state) => state.status);
  const hasWorkspace = useAppStore((state) => state.info !== null);
  const hasAppInfo = useAppStore((state) => state.appInfo !== null);
  const view = useAppStore((state) => state.view);
  const View = viewById(view).component;
  // A large working copy's first rows are drawn by the table while the rest loads.
  const isTableDrawable = useAppStore((state) => state.tableHead !== null && state.view === 'table');
  const isFailedOutright = !hasWorkspace && (status === 'failed' || (status === 'ready' && !hasAppInfo));
  const body = (() => {
    if (isFailedOutright) return <ErrorState />;
    if ((status === 'loading' && !isTableDrawable) || status === 'idle') return <p className="notice" data-testid="loading">{t('status.loading')}</p>;
    if (!hasWorkspace) return <EmptyState kind="noWorkspace" />;
    return (
      <Suspense fallback={<p className="notice" data-testid="view-loading">{t('status.loading')}</p>}>
        <View />
      </Suspense>
    );
  })();
  return (
    <main className="main-view" data-testid="main-view">
      {!isFailedOutright && <ErrorBanner />}
      <div className="view-panel" id={VIEW_PANEL_ID} role="tabpanel" aria-labelledby={viewTabId(view)}>
        {body}
      </div>
    </main>
  );
}
