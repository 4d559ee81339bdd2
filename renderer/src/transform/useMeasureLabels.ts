import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTransform } from '../../../shared/transform';
import type { MeasureLabels } from './buildTransformedRows';

/** Names of aggregations, transformations and growth bases in the reader's language. */
export function useMeasureLabels(): MeasureLabels {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      aggregate: (aggregate) => t(`transform.aggregates.${aggregate}`),
      transform: (text) => {
        const transform = parseTransform(text);
        if (!transform) return text;
        const kind = t(`transform.kinds.${transform.kind}`);
        if ((transform.kind === 'change' || transform.kind === 'pp') && transform.against === 'year_ago') {
          return t('transform.kindDetail', { kind, detail: t('transform.againstYearAgo') });
        }
        if (transform.kind === 'cagr') return t('transform.kindDetail', { kind, detail: t('transform.cagrYears', { count: transform.years }) });
        return kind;
      },
      reported: t('transform.measures.reported'),
      reportedHint: t('transform.measures.reportedHint'),
      basis: (basis) => t(basis === 'reported' ? 'transform.measures.reportedBasis' : 'transform.measures.computedBasis'),
    }),
    [t],
  );
}
