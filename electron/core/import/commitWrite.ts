import type { Indicator, Region, Snapshot } from '../../../shared/api/schemas';
import { IMPORTED_CATEGORY } from '../../../shared/import/mapping';
import type { Workspace, CellWrite } from '../workspace';
import type { ProgressListener } from './readFile';

/** Everything one import commit writes, in one transaction. */
export interface CommitPayload {
  readonly cells: readonly CellWrite[];
  readonly indicators: readonly Indicator[];
  readonly regions: readonly Region[];
  readonly label: string;
  readonly snapshot: { readonly label: string; readonly sourceFile: string; readonly note: string } | null;
}

export interface CommitOutcome {
  readonly changeSetId: number | null;
  readonly snapshot: Snapshot | null;
  /** Where the write's time went (Workspace.writeCells: the store's share), for the benchmarks. */
  readonly timings: { writeCellsMs: number; totalMs: number };
}

/**
 * Writes a planned import into an open workspace: new categories, regions (parents first) and
 * indicators, the cells as one undoable change set, and the snapshot, all in one transaction.
 */
export function writeIntoWorkspace(workspace: Workspace, payload: CommitPayload, onProgress?: ProgressListener): CommitOutcome {
  const total = payload.cells.length;
  let changeSetId: number | null = null;
  let snapshot: Snapshot | null = null;
  const timings = { writeCellsMs: 0, totalMs: 0 };
  const started = performance.now();
  workspace.db.transaction(() => {
    const categories = workspace.catalog.categories();
    if (payload.indicators.some((indicator) => indicator.category === IMPORTED_CATEGORY.code) && !categories.some((category) => category.code === IMPORTED_CATEGORY.code)) {
      workspace.catalog.addCategory(IMPORTED_CATEGORY, categories.length);
    }
    let regionOrder = workspace.catalog.regions().length;
    const pending = [...payload.regions];
    // Parents before children.
    while (pending.length > 0) {
      const index = pending.findIndex((region) => !region.parentCode || !pending.some((other) => other.code === region.parentCode));
      const [region] = pending.splice(Math.max(0, index), 1);
      workspace.catalog.addRegion(region!, regionOrder++);
    }
    let indicatorOrder = workspace.catalog.indicators().length;
    for (const indicator of payload.indicators) workspace.catalog.addIndicator(indicator, indicatorOrder++);
    onProgress?.({ phase: 'writing', done: 0, total });
    const writing = performance.now();
    if (total > 0) changeSetId = workspace.writeCells(payload.cells, { kind: 'import', label: payload.label }, (done) => onProgress?.({ phase: 'writing', done, total }));
    timings.writeCellsMs = performance.now() - writing;
    onProgress?.({ phase: 'writing', done: total, total });
    if (payload.snapshot) snapshot = workspace.createSnapshot({ ...payload.snapshot, kind: 'import' });
  })();
  timings.totalMs = performance.now() - started;
  return { changeSetId, snapshot, timings };
}
