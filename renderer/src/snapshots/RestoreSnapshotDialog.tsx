import { useTranslation } from 'react-i18next';
import { Modal } from '../dialogs/Modal';
import { errorText } from '../i18n';
import { useAppStore } from '../store';
import { useDialogRequest } from './useDialogRequest';

/** Confirms a restore: what it does, and that it can be undone and deletes nothing. */
export function RestoreSnapshotDialog({ seq, label }: { readonly seq: number; readonly label: string }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const restoreSnapshot = useAppStore((state) => state.restoreSnapshot);
  const { isBusy, error, run, close } = useDialogRequest();
  return (
    <Modal
      title={t('snapshots.restore.title', { label })}
      intro={t('snapshots.restore.intro', { label })}
      submitLabel={t('snapshots.restore.submit')}
      isBusy={isBusy}
      error={error && errorText(error, language)}
      onSubmit={() => void run(() => restoreSnapshot(seq, label))}
      onClose={close}
      testId="restore-snapshot-dialog"
    >
      {null}
    </Modal>
  );
}
