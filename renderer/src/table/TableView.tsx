import { useTranslation } from 'react-i18next';
import { EmptyState } from '../shell/EmptyState';
import { useAppStore } from '../store';
import { selectIsViewLoaded } from '../store/selectors';
import { WideTable } from './WideTable';

/** The table view: the wide table, or why it is empty. */
export function TableView() {
  const { t } = useTranslation();
  const isEmpty = useAppStore((state) => state.info?.observationCount === 0);
  const isLoaded = useAppStore(selectIsViewLoaded);
  if (isEmpty) return <EmptyState kind="noObservations" />;
  return isLoaded ? <WideTable /> : <p className="notice">{t('status.loading')}</p>;
}
