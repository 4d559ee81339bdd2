import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../shared/api/bridge';
import { isDesktop } from '../api';
import { folderOf } from '../shell/suggestions';
import { chooseExportPath } from './savePath';
import { TextField } from './TextField';
import './dialogs.css';

interface SavePathFieldProps {
  readonly format: ExportFormat;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly help?: string;
  readonly isInvalid?: boolean;
  readonly testId: string;
}

/** The file name at the end of a typed path, for the native dialog's suggestion. */
export function baseName(filePath: string): string {
  return filePath.slice(folderOf(filePath).length);
}

/**
 * Where an export goes: a path field (the browser edition's server writes to this computer), and in
 * the desktop app also "Choose…", the native Save dialog filtered to the format, which fills the field.
 */
export function SavePathField({ format, value, onChange, help, isInvalid, testId }: SavePathFieldProps) {
  const { t } = useTranslation();
  return (
    <div className="save-path-field">
      <TextField label={t('dialog.path')} help={help ?? t('dialog.pathHelp')} value={value} onChange={onChange} isInvalid={isInvalid} initialFocus="end" testId={testId} />
      {isDesktop() && (
        <button
          type="button"
          className="button"
          data-testid={`${testId}-choose`}
          onClick={() =>
            void chooseExportPath(format, baseName(value)).then((choice) => {
              if (choice.kind === 'chosen') onChange(choice.path);
            })
          }
        >
          {t('dialog.choose')}
        </button>
      )}
    </div>
  );
}
