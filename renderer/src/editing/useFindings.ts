import { useEffect, useState } from 'react';
import { checkConsistency, findingsByCell } from '../../../shared/editing/consistency';
import type { Finding } from '../../../shared/editing/consistency';
import type { Catalog, Observation } from '../../../shared/api/schemas';
import { useAppStore } from '../store';
import { selectViewObservations } from '../store/selectors';
import { afterPaint } from './afterPaint';

export interface Findings {
  readonly list: readonly Finding[];
  /** By `indicator|region|period|field`: where the markers go. */
  readonly byCell: ReadonlyMap<string, readonly Finding[]>;
}

const NO_FINDINGS: Findings = { list: [], byCell: new Map() };

function findingsOf(observations: readonly Observation[], catalog: Catalog): Findings {
  const list = checkConsistency(observations, catalog);
  const sorted = [...list].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return { list: sorted, byCell: findingsByCell(sorted) };
}

/**
 * The consistency findings of the version on screen, errors first; recomputed when its data changes.
 * Checked after the table has drawn (after the next frame): the first rows of a large table and
 * the echo of an edit never wait for the checks (110 ms at 200,000); markers follow a moment later.
 */
export function useFindings(): Findings {
  const observations = useAppStore(selectViewObservations);
  const catalog = useAppStore((state) => state.catalog);
  const [findings, setFindings] = useState<Findings>(NO_FINDINGS);
  useEffect(() => {
    if (!catalog) return;
    return afterPaint(() => setFindings(findingsOf(observations, catalog)));
  }, [observations, catalog]);
  return findings;
}
