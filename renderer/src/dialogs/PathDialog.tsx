import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n';
import { useAppStore } from '../store';
import { localDate, suggestPath } from '../shell/suggestions';
import { Modal } from './Modal';
import { TextField } from './TextField';
import { useSubmission } from './useSubmission';

interface PathDialogProps {
  readonly kind: 'new' | 'open';
}

/** New or Open in the browser edition: the server runs on this machine, so the user types a local path. */
export function PathDialog({ kind }: PathDialogProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const closeDialog = useAppStore((state) => state.closeDialog);
  const request = useAppStore((state) => (kind === 'new' ? state.createWorkspace : state.openWorkspace));
  const [path, setPath] = useState<string>(() => {
    const currentPath = useAppStore.getState().info?.path;
    return suggestPath(currentPath, kind === 'new' ? t('dialog.defaultFileName', { date: localDate(new Date()) }) : '');
  });
  const [isMissing, setMissing] = useState(false);
  const { isBusy, error, submit } = useSubmission();
  const onSubmit = () => {
    const trimmed = path.trim();
    setMissing(trimmed === '');
    if (trimmed) void submit(() => request(trimmed));
  };
  return (
    <Modal
      title={kind === 'new' ? t('dialog.newTitle') : t('dialog.openTitle')}
      intro={kind === 'new' ? t('dialog.newIntro') : t('dialog.openIntro')}
      submitLabel={kind === 'new' ? t('dialog.newSubmit') : t('dialog.openSubmit')}
      isBusy={isBusy}
      error={isMissing ? t('dialog.required') : error && errorText(error, language)}
      onSubmit={onSubmit}
      onClose={closeDialog}
      testId={`${kind}-workspace-dialog`}
    >
      <TextField label={t('dialog.path')} help={t('dialog.pathHelp')} value={path} onChange={setPath} isInvalid={isMissing} initialFocus="end" testId="path-input" />
    </Modal>
  );
}
