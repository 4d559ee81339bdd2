import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../dialogs/TextField';
import { useAppStore } from '../store';
import type { ImportEncodingChoice } from './importSlice';
import { TemplateBar } from './TemplateBar';

const ENCODINGS = ['auto', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const satisfies readonly ImportEncodingChoice[];

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The file by its path, in both editions: the desktop bridge's chooser knows only workspace files
 * (DialogRequest has no spreadsheet kind), and the browser edition's backend runs on this machine.
 */
export function FileStep() {
  const { t } = useTranslation();
  const path = useAppStore((state) => state.importPath);
  const encoding = useAppStore((state) => state.importEncoding);
  const file = useAppStore((state) => state.importInspect?.file ?? null);
  const isBusy = useAppStore((state) => state.importBusy !== null);
  const { setImportPath, setImportEncoding, inspectImport } = useAppStore.getState();
  const [isMissing, setMissing] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const isEmpty = path.trim() === '';
    setMissing(isEmpty);
    if (!isEmpty) void inspectImport();
  };
  return (
    <section className="import-step" aria-labelledby="import-file-legend">
      <h3 id="import-file-legend">{t('importWizard.file.legend')}</h3>
      <form className="import-file-row" onSubmit={onSubmit}>
        <div className="import-path">
          <TextField
            label={t('importWizard.file.path')}
            help={isMissing ? t('importWizard.file.required') : t('importWizard.file.pathHelp')}
            value={path}
            onChange={setImportPath}
            isInvalid={isMissing}
            testId="import-path"
          />
        </div>
        <label className="import-inline-field">
          <span>{t('importWizard.file.encoding')}</span>
          <select value={encoding} onChange={(event) => setImportEncoding(event.target.value as ImportEncodingChoice)} data-testid="import-encoding">
            {ENCODINGS.map((code) => (
              <option key={code} value={code}>
                {code === 'auto' ? t('importWizard.file.encodingAuto') : code.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-primary" disabled={isBusy} data-testid="import-inspect">
          {t('importWizard.file.inspect')}
        </button>
      </form>
      {file && (
        <p className="import-muted" data-testid="import-file-info">
          {t('importWizard.file.info', { name: file.fileName, format: file.format, size: formatSize(file.size) })}
          {file.encoding && ` · ${t('importWizard.file.encodingUsed', { encoding: file.encoding })}`}
          {file.notes.map((note) => ` · ${note}`)}
        </p>
      )}
      <TemplateBar />
    </section>
  );
}
