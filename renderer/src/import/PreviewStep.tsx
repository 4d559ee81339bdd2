import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { PreviewRows } from './PreviewRows';

/** What the import would do, before anything is written. */
export function PreviewStep() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const preview = useAppStore((state) => state.importPreview);
  const hasMapping = useAppStore((state) => state.importMapping !== null);
  const isBusy = useAppStore((state) => state.importBusy !== null);
  const isCommitted = useAppStore((state) => state.importCommitted !== null);
  const pick = (english: string, chinese: string) => (language === 'zh' ? chinese || english : english || chinese);
  return (
    <section className="import-step" aria-labelledby="import-preview-legend" data-testid="import-preview">
      <h3 id="import-preview-legend">{t('importWizard.preview.legend')}</h3>
      <div className="import-file-row">
        <button type="button" className="button button-primary" disabled={!hasMapping || isBusy} onClick={() => void useAppStore.getState().previewImport()} data-testid="import-preview-run">
          {t('importWizard.preview.run')}
        </button>
        {!preview && !isCommitted && hasMapping && <span className="import-muted">{t('importWizard.preview.stale')}</span>}
        {preview && (
          <strong data-testid="import-counts">
            {t('importWizard.preview.counts', {
              new: preview.counts.new,
              changed: preview.counts.changed,
              unchanged: preview.counts.unchanged,
              rejected: preview.counts.rejected,
              skipped: preview.counts.skipped,
            })}
          </strong>
        )}
      </div>
      {preview && preview.problems.length > 0 && (
        <div className="import-error" role="alert" data-testid="import-problems">
          {t('importWizard.preview.problems')}
          <ul>
            {preview.problems.map((problem, index) => (
              <li key={index}>{pick(problem.message, problem.messageZh)}</li>
            ))}
          </ul>
        </div>
      )}
      {preview && <PreviewRows rows={preview.rows} isTruncated={preview.rowsTruncated} />}
      {preview && preview.rejected.length > 0 && (
        <details open className="import-details" data-testid="import-rejected">
          <summary>{t('importWizard.preview.rejected', { count: preview.rejected.length })}</summary>
          <ul>
            {preview.rejected.map((rejection, index) => (
              <li key={index} data-testid="import-rejection">
                <code>{rejection.address}</code> {rejection.label && <span>{rejection.label}：</span>}
                {pick(rejection.reason, rejection.reasonZh)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {preview && preview.skipped.length > 0 && (
        <details className="import-details" data-testid="import-skipped">
          <summary>{t('importWizard.preview.skipped', { count: preview.skipped.length })}</summary>
          <ul>
            {preview.skipped.map((row, index) => (
              <li key={index}>
                <code>{row.address}</code> {row.label}：{pick(row.reason, row.reasonZh)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
