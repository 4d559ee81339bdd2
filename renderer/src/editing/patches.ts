import type { Observation } from '../../../shared/api/schemas';

/** One cell an edit wrote: the observation it now holds, or null when the edit removed it. */
export interface CellChange {
  readonly indicatorCode: string;
  readonly regionCode: string;
  readonly period: string;
  readonly next: Observation | null;
}

/** How a list of observations came from another by an edit: the table patches its rows instead of regrouping. */
export interface ObservationPatch {
  readonly base: readonly Observation[];
  readonly changes: readonly CellChange[];
}

const PATCHES = new WeakMap<readonly Observation[], ObservationPatch>();

export function recordPatch(next: readonly Observation[], patch: ObservationPatch): void {
  PATCHES.set(next, patch);
}

/** The edit that made `observations` from an earlier list, if they came from one. */
export function patchOf(observations: readonly Observation[]): ObservationPatch | undefined {
  return PATCHES.get(observations);
}
