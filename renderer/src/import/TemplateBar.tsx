import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';

/** Apply a saved mapping to this file, or save the current one; mismatches are listed, not guessed. */
export function TemplateBar() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const templates = useAppStore((state) => state.importTemplates);
  const mismatches = useAppStore((state) => state.importMismatches);
  const hasMapping = useAppStore((state) => state.importMapping !== null);
  const hasPath = useAppStore((state) => state.importPath.trim() !== '');
  const isBusy = useAppStore((state) => state.importBusy !== null);
  const fileName = useAppStore((state) => state.importInspect?.file.fileName ?? '');
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const { applyImportTemplate, saveImportTemplate } = useAppStore.getState();
  const template = chosen || templates[0]?.name || '';
  return (
    <div className="import-templates">
      <span className="import-label">{t('importWizard.template.legend')}</span>
      <select value={template} onChange={(event) => setChosen(event.target.value)} aria-label={t('importWizard.template.choose')} data-testid="import-template-select" disabled={templates.length === 0}>
        {templates.length === 0 && <option value="">{t('importWizard.template.none')}</option>}
        {templates.map((entry) => (
          <option key={entry.name} value={entry.name}>
            {entry.name}
          </option>
        ))}
      </select>
      <button type="button" className="button" disabled={!template || !hasPath || isBusy} onClick={() => void applyImportTemplate(template)} data-testid="import-template-apply">
        {t('importWizard.template.apply')}
      </button>
      <input
        type="text"
        value={name}
        placeholder={fileName.replace(/\.[^.]+$/, '')}
        onChange={(event) => setName(event.target.value)}
        aria-label={t('importWizard.template.name')}
        data-testid="import-template-name"
      />
      <button
        type="button"
        className="button"
        disabled={!hasMapping || isBusy}
        onClick={() => void saveImportTemplate(name.trim() || fileName.replace(/\.[^.]+$/, ''))}
        data-testid="import-template-save"
      >
        {t('importWizard.template.save')}
      </button>
      {mismatches.length > 0 && (
        <div className="import-warning" data-testid="import-mismatches">
          {t('importWizard.template.mismatches')}
          <ul>
            {mismatches.map((mismatch, index) => (
              <li key={index}>{language === 'zh' ? mismatch.messageZh : mismatch.message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
