import { useCallback, useEffect, useMemo } from 'react';
import type { Catalog, Observation } from '../../../shared/api/schemas';
import { useAppStore } from '../store';
import { observationKey } from '../store/workspaceSlice';
import { draftToSpec, type DraftCheck, type ScenarioDraft } from './draft';
import { projectionSpecKey } from './projectionsSlice';
import { findCell } from './workspaceChoices';

const NO_OBSERVATIONS: Observation[] = [];
const NO_CATALOG: Catalog = { categories: [], indicators: [], regions: [] };

/** Projections read the working copy, whichever snapshot the table shows. */
export function useWorkingObservations(): Observation[] {
  return useAppStore((state) => state.observations[observationKey('working')] ?? NO_OBSERVATIONS);
}

export function useCatalog(): Catalog {
  return useAppStore((state) => state.catalog ?? NO_CATALOG);
}

export function useDraft(): ScenarioDraft {
  return useAppStore((state) => state.projectionDraft);
}

/** Merges a change into the draft. */
export function useDraftPatch(): (patch: Partial<ScenarioDraft>) => void {
  const setDraft = useAppStore((state) => state.setProjectionDraft);
  return useCallback((patch) => setDraft((draft) => ({ ...draft, ...patch })), [setDraft]);
}

/** The working-copy cell a workspace base reads, if there is one. */
export function baseCellOf(draft: ScenarioDraft, observations: readonly Observation[]): Observation | undefined {
  return draft.baseKind === 'workspace' ? findCell(observations, draft.indicator, draft.region, draft.period) : undefined;
}

export interface DraftState {
  readonly check: DraftCheck;
  /** Identity of the spec and the base figure it reads, when the draft is usable, to match against the last result. */
  readonly specKey: string | null;
  readonly baseCell: Observation | undefined;
  /** Calendar year the projection starts from, when the draft names one. */
  readonly startYear: number | undefined;
}

export function useDraftState(): DraftState {
  const draft = useDraft();
  const observations = useWorkingObservations();
  return useMemo(() => {
    const baseCell = baseCellOf(draft, observations);
    const check = draftToSpec(draft, baseCell?.unit ?? '');
    const startText = draft.baseKind === 'workspace' ? draft.period.slice(0, 4) : draft.baseYear.trim();
    const startYear = /^\d{4}$/.test(startText) ? Number(startText) : undefined;
    // An edit of the base figure in the table changes the answer of the same spec.
    const specKey = check.ok ? `${projectionSpecKey(check.spec)}@${baseCell?.versionId ?? ''}` : null;
    return { check, specKey, baseCell, startYear };
  }, [draft, observations]);
}

/** Time the form must be still before a projection runs, so typing "10.5" does not run "1", "10", "10.". */
export const RUN_DELAY_MS = 300;

/** Runs projection.run for the current spec once typing pauses. */
export function useLiveProjection(state: DraftState): void {
  const runProjection = useAppStore((store) => store.runProjection);
  const lastKey = useAppStore((store) => store.projectionRun.specKey);
  const { check, specKey } = state;
  useEffect(() => {
    if (!check.ok || specKey === lastKey) return;
    const timer = setTimeout(() => void runProjection(check.spec, specKey ?? undefined), RUN_DELAY_MS);
    return () => clearTimeout(timer);
  }, [check, specKey, lastKey, runProjection]);
}
