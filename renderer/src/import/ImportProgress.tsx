import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportProgress as Progress } from '../../../shared/import/results';
import { useAppStore } from '../store';

/**
 * The share of the phase done, or undefined while the phase cannot tell (the bar then runs): the
 * write is one transaction that reports only its size and its end.
 */
function fractionOf(progress: Progress | null): number | undefined {
  if (!progress || progress.total <= 0) return undefined;
  if (progress.phase === 'writing' && progress.done < progress.total) return undefined;
  return Math.min(1, Math.max(0, progress.done / progress.total));
}

function amountOf(progress: Progress, language: string, t: TFunction): string {
  const format = (value: number) => Math.round(value).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-US');
  const bytes = (value: number) => (value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(value / 1024)} KB`);
  switch (progress.phase) {
    case 'reading':
      return t('importWizard.progress.amount.reading', { done: bytes(progress.done), total: bytes(progress.total) });
    case 'parsing':
      return t('importWizard.progress.amount.parsing', { percent: Math.round((progress.done / progress.total) * 100) });
    case 'checking':
      return t('importWizard.progress.amount.checking', { done: format(progress.done), total: format(progress.total) });
    case 'writing':
      return t('importWizard.progress.amount.writing', { total: format(progress.total) });
    default:
      return '';
  }
}

/** The running job: its phase, a determinate bar where the backend counts, and Cancel (nothing is written). */
export function ImportProgress() {
  const { t } = useTranslation();
  const busy = useAppStore((state) => state.importBusy);
  const progress = useAppStore((state) => state.importProgress);
  const isCancelling = useAppStore((state) => state.importCancelling);
  const language = useAppStore((state) => state.language);
  const cancel = useAppStore((state) => state.cancelImport);
  useEffect(() => {
    if (!busy) return undefined;
    // Esc cancels, as in a desktop progress dialog.
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') void cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, cancel]);
  if (!busy) return null;
  const fraction = fractionOf(progress);
  const label = progress && progress.phase !== 'queued' ? t(`importWizard.progress.phase.${progress.phase}`) : t(`importWizard.progress.${busy}`);
  const amount = progress && progress.total > 0 ? amountOf(progress, language, t) : '';
  return (
    <div className="import-progress" data-testid="import-progress" data-phase={progress?.phase ?? 'queued'} role="status">
      <span className="import-progress-label">
        {label}
        {amount && <span className="import-muted"> · {amount}</span>}
      </span>
      <div
        className="import-progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(fraction === undefined ? {} : { 'aria-valuenow': Math.round(fraction * 100) })}
        data-testid="import-progressbar"
      >
        {fraction === undefined ? <div className="import-progress-bar" /> : <div className="import-progress-fill" style={{ width: `${fraction * 100}%` }} />}
      </div>
      <button type="button" className="button" onClick={() => void cancel()} disabled={isCancelling} data-testid="import-cancel" title="Esc">
        {isCancelling ? t('importWizard.progress.cancelling') : t('importWizard.progress.cancel')}
      </button>
    </div>
  );
}
