import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { CommitStep } from './CommitStep';
import { FileStep } from './FileStep';
import { ImportMessages } from './ImportMessages';
import { ImportProgress } from './ImportProgress';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { ProposalsStep } from './ProposalsStep';
import { SheetStep } from './SheetStep';
import './import.css';

/** The import wizard: file → sheet and first rows → mapping → preview → commit, on one scrolling page. */
export function ImportView() {
  const { t } = useTranslation();
  const hasFile = useAppStore((state) => state.importInspect !== null);
  useEffect(() => {
    void useAppStore.getState().loadImportTemplates();
  }, []);
  return (
    <div className="import-view" data-testid="import-view">
      <header className="import-header">
        <h2>{t('importWizard.title')}</h2>
        <p className="import-muted">{t('importWizard.intro')}</p>
      </header>
      <FileStep />
      <ImportProgress />
      <ImportMessages />
      {hasFile && (
        <>
          <SheetStep />
          <MappingStep />
          <ProposalsStep />
          <PreviewStep />
          <CommitStep />
        </>
      )}
    </div>
  );
}
