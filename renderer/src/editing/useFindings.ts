import { useDeferredValue, useMemo } from 'react';
import { checkConsistency, findingsByCell } from '../../../shared/editing/consistency';
import type { Finding } from '../../../shared/editing/consistency';
import type { Observation } from '../../../shared/api/schemas';
import { useAppStore } from '../store';
import { selectViewObservations } from '../store/selectors';

const NONE: readonly Observation[] = [];

export interface Findings {
  readonly list: readonly Finding[];
  /** By `indicator|region|period|field`: where the markers go. */
  readonly byCell: ReadonlyMap<string, readonly Finding[]>;
}

/** The consistency findings of the version on screen, errors first; recomputed when its data changes. */
export function useFindings(): Findings {
  // Checked after the table has drawn an edit: markers may follow a moment later, typing never waits.
  const observations = useDeferredValue(useAppStore(selectViewObservations), NONE);
  const catalog = useAppStore((state) => state.catalog);
  return useMemo(() => {
    const list = catalog ? checkConsistency(observations, catalog) : [];
    const sorted = [...list].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    return { list: sorted, byCell: findingsByCell(sorted) };
  }, [observations, catalog]);
}
