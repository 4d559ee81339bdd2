import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n';
import { useAppStore } from '../store';
import { localDate } from '../shell/suggestions';
import { Modal } from './Modal';
import { TextField } from './TextField';
import { useSubmission } from './useSubmission';

/** Freezes the working copy under a name (required, a dated suggestion to start from) and an optional note. */
export function SnapshotDialog() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const closeDialog = useAppStore((state) => state.closeDialog);
  const createSnapshot = useAppStore((state) => state.createSnapshot);
  const [label, setLabel] = useState<string>(() => t('snapshotDialog.defaultLabel', { date: localDate(new Date()) }));
  const [note, setNote] = useState('');
  const [isMissing, setMissing] = useState(false);
  const { isBusy, error, submit } = useSubmission();
  const onSubmit = () => {
    const trimmed = label.trim();
    setMissing(trimmed === '');
    if (trimmed) void submit(() => createSnapshot(trimmed, note));
  };
  return (
    <Modal
      title={t('snapshotDialog.title')}
      intro={t('snapshotDialog.intro')}
      submitLabel={t('snapshotDialog.submit')}
      isBusy={isBusy}
      error={isMissing ? t('dialog.required') : error && errorText(error, language)}
      onSubmit={onSubmit}
      onClose={closeDialog}
      testId="snapshot-dialog"
    >
      <TextField label={t('snapshotDialog.label')} help={t('snapshotDialog.labelHelp')} value={label} onChange={setLabel} isInvalid={isMissing} initialFocus="select" testId="snapshot-label" />
      <TextField label={t('snapshotDialog.note')} value={note} onChange={setNote} testId="snapshot-note" />
    </Modal>
  );
}
