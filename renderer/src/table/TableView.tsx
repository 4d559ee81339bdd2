import { useTranslation } from 'react-i18next';
import { EmptyState } from '../shell/EmptyState';
import { useAppStore } from '../store';
import { selectIsTableLoading, selectIsViewLoaded } from '../store/selectors';
import { WithTransforms } from '../transform/WithTransforms';
import { EditableTable } from './EditableTable';

/** The table view: the editable wide or long table, or why it is empty. */
export function TableView() {
  const { t } = useTranslation();
  const isEmpty = useAppStore((state) => state.info?.observationCount === 0);
  // The wide table draws a large working copy's first rows while the rest loads.
  const isLoaded = useAppStore((state) => selectIsViewLoaded(state) || (state.tableMode === 'wide' && selectIsTableLoading(state)));
  if (isEmpty) return <EmptyState kind="noObservations" />;
  return isLoaded ? (
    <WithTransforms>
      <EditableTable />
    </WithTransforms>
  ) : (
    <p className="notice">{t('status.loading')}</p>
  );
}
