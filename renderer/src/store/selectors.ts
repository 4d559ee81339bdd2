import type { Observation, Snapshot } from '../../../shared/api/schemas';
import type { StoreState } from './types';
import { observationKey, type TableHeadView } from './workspaceSlice';

const NO_OBSERVATIONS: Observation[] = [];

/** Observations visible at the selected snapshot (a stable empty array while loading). */
export function selectViewObservations(state: StoreState): Observation[] {
  return state.observations[observationKey(state.snapshot)] ?? NO_OBSERVATIONS;
}

export function selectIsViewLoaded(state: StoreState): boolean {
  return observationKey(state.snapshot) in state.observations;
}

/** The snapshot being viewed, or null for the working copy. */
export function selectViewedSnapshot(state: StoreState): Snapshot | null {
  return state.snapshot === 'working' ? null : (state.snapshots.find((s) => s.seq === state.snapshot) ?? null);
}

/** A frozen snapshot is read-only; only the working copy may ever be edited. */
export function selectIsReadOnly(state: StoreState): boolean {
  return state.snapshot !== 'working';
}

/** A launch's first rows while the working copy loads (series.head), when the working copy is viewed; null otherwise. */
export function selectTableHead(state: StoreState): TableHeadView | null {
  return state.snapshot === 'working' && !(observationKey('working') in state.observations) ? state.tableHead : null;
}

/** The working copy is viewed and still loading: the table shows its first rows only. */
export function selectIsTableLoading(state: StoreState): boolean {
  return selectTableHead(state) !== null;
}

/** What the wide table draws: the viewed observations, or the first rows while the working copy loads. */
export function selectTableObservations(state: StoreState): Observation[] {
  return selectTableHead(state)?.observations ?? selectViewObservations(state);
}

/** The sheet takes no edits: a snapshot is viewed, or the working copy is still loading. */
export function selectIsSheetLocked(state: StoreState): boolean {
  return selectIsReadOnly(state) || selectIsTableLoading(state);
}
