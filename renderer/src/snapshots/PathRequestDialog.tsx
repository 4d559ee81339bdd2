import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../shared/api/bridge';
import type { AppError } from '../../../shared/api/contract';
import { Modal } from '../dialogs/Modal';
import { SavePathField } from '../dialogs/SavePathField';
import { TextField } from '../dialogs/TextField';
import { errorText } from '../i18n';
import { useAppStore } from '../store';
import { useDialogRequest } from './useDialogRequest';

interface PathRequestDialogProps {
  readonly title: string;
  readonly intro: string;
  readonly submitLabel: string;
  readonly suggestion: string;
  /** Help under the path field; the default speaks of workspace files. */
  readonly help?: string;
  /** The file written, when it is an export: the desktop app then offers its native Save dialog. */
  readonly format?: ExportFormat;
  readonly request: (path: string) => Promise<AppError | null>;
  readonly testId: string;
}

/** Asks for a file path on this computer (the browser edition has no native save dialog), then runs the request. */
export function PathRequestDialog({ title, intro, submitLabel, suggestion, help, format, request, testId }: PathRequestDialogProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const [path, setPath] = useState(suggestion);
  const [isMissing, setMissing] = useState(false);
  const { isBusy, error, run, close } = useDialogRequest();
  const onSubmit = () => {
    const trimmed = path.trim();
    setMissing(trimmed === '');
    if (trimmed) void run(() => request(trimmed));
  };
  return (
    <Modal
      title={title}
      intro={intro}
      submitLabel={submitLabel}
      isBusy={isBusy}
      error={isMissing ? t('dialog.required') : error && errorText(error, language)}
      onSubmit={onSubmit}
      onClose={close}
      testId={testId}
    >
      {format ? (
        <SavePathField format={format} help={help ?? t('dialog.pathHelp')} value={path} onChange={setPath} isInvalid={isMissing} testId="path-input" />
      ) : (
        <TextField label={t('dialog.path')} help={help ?? t('dialog.pathHelp')} value={path} onChange={setPath} isInvalid={isMissing} initialFocus="end" testId="path-input" />
      )}
    </Modal>
  );
}
