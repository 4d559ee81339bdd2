import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';

/** Writes the previewed figures as one undoable change set, optionally followed by a snapshot. */
export function CommitStep() {
  const { t } = useTranslation();
  const preview = useAppStore((state) => state.importPreview);
  const committed = useAppStore((state) => state.importCommitted);
  const isBusy = useAppStore((state) => state.importBusy !== null);
  const [isTakingSnapshot, setTakingSnapshot] = useState(false);
  const { commitImport, undoImport, resetImport } = useAppStore.getState();
  const writable = preview ? preview.counts.new + preview.counts.changed : 0;
  return (
    <section className="import-step" aria-labelledby="import-commit-legend" data-testid="import-commit">
      <h3 id="import-commit-legend">{t('importWizard.commit.legend')}</h3>
      {!committed && (
        <div className="import-file-row">
          <label className="import-check">
            <input type="checkbox" checked={isTakingSnapshot} onChange={(event) => setTakingSnapshot(event.target.checked)} data-testid="import-snapshot" />
            {t('importWizard.commit.snapshot')}
          </label>
          <button
            type="button"
            className="button button-primary"
            disabled={!preview || preview.problems.length > 0 || writable === 0 || isBusy}
            onClick={() => void commitImport(isTakingSnapshot)}
            data-testid="import-commit-run"
          >
            {t('importWizard.commit.run', { count: writable })}
          </button>
        </div>
      )}
      {committed && (
        <div className="import-success" role="status" data-testid="import-committed">
          <p>
            {committed.changeSetId === null
              ? t('importWizard.commit.nothing', { name: committed.file.fileName })
              : t('importWizard.commit.done', { name: committed.file.fileName, new: committed.counts.new, changed: committed.counts.changed, rejected: committed.counts.rejected })}
            {committed.snapshot && ` ${t('importWizard.commit.snapshotTaken', { label: committed.snapshot.label })}`}
          </p>
          <div className="import-file-row">
            {committed.changeSetId !== null && (
              <button type="button" className="button" disabled={isBusy} onClick={() => void undoImport()} data-testid="import-undo">
                {t('importWizard.commit.undo')}
              </button>
            )}
            <button type="button" className="button" onClick={resetImport} data-testid="import-again">
              {t('importWizard.commit.again')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
