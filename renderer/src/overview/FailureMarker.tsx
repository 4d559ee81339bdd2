import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsistencyFailure } from '../../../shared/api/methods/analysis';
import { useAppStore } from '../store';

/** A warning sign on a card whose figures fail a consistency rule; the reasons show on hover and on keyboard focus. */
export function FailureMarker({ failures }: { readonly failures: readonly ConsistencyFailure[] }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const tipId = useId();
  return (
    <span className="failure-marker" data-testid="failure-marker" tabIndex={0} role="img" aria-label={t('overview.card.failure')} aria-describedby={tipId}>
      <span aria-hidden="true">!</span>
      <span className="failure-tip" role="tooltip" id={tipId} data-testid="failure-reasons">
        <strong>{t('overview.card.failure')}</strong>
        {failures.map((failure, index) => (
          <span key={index} className="failure-reason">
            {language === 'zh' ? failure.zh : failure.en}
          </span>
        ))}
      </span>
    </span>
  );
}
