import { useTranslation } from 'react-i18next';

interface EmptyStateProps {
  kind: 'noObservations' | 'noWorkspace';
}

/** Says plainly that there is nothing to show yet, and what would fill the view. */
export function EmptyState({ kind }: EmptyStateProps) {
  const { t } = useTranslation();
  const title = kind === 'noObservations' ? t('empty.title') : t('empty.noWorkspaceTitle');
  const hint = kind === 'noObservations' ? t('empty.hint') : t('empty.noWorkspaceHint');
  return (
    <section className="empty-state" data-testid="empty-state" aria-live="polite">
      <h2>{title}</h2>
      <p>{hint}</p>
    </section>
  );
}
