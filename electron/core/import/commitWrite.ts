import type { Indicator, Region, Snapshot } from '../../../shared/api/schemas';
import { IMPORTED_CATEGORY } from '../../../shared/import/mapping';
import type { ObservationFlag } from '../../../shared/api/schemas';
import { setNativeBinding } from '../store/open';
import { Workspace, type CellWrite } from '../workspace';
import type { ProgressListener } from './readFile';

/**
 * The cells an import writes, column by column: a million small objects cost far more to copy to
 * a worker thread than a few long arrays.
 */
export interface PackedWrites {
  readonly indicatorCode: string[];
  readonly regionCode: string[];
  readonly period: string[];
  readonly value: (number | null)[];
  readonly growthReportedPct: (number | null)[];
  readonly rankReported: (number | null)[];
  /** Flags and note the cell already had ("" / null for a new cell). */
  readonly flags: string[];
  readonly note: (string | null)[];
  readonly source: string[];
}

/** Everything one import commit writes, in one transaction. */
export interface CommitPayload {
  readonly workspacePath: string;
  /** The better-sqlite3 build the app loads (the packaged Electron app's); undefined: the default. */
  readonly nativeBinding?: string;
  readonly writes: PackedWrites;
  readonly indicators: readonly Indicator[];
  readonly regions: readonly Region[];
  readonly label: string;
  readonly snapshot: { readonly label: string; readonly sourceFile: string; readonly note: string } | null;
}

export interface CommitOutcome {
  readonly changeSetId: number | null;
  readonly snapshot: Snapshot | null;
  /** Where the write's time went (opening the file, Workspace.writeCells: the store's share), for the benchmarks. */
  readonly timings: { openMs: number; unpackMs: number; writeCellsMs: number };
}

export function emptyWrites(): PackedWrites {
  return { indicatorCode: [], regionCode: [], period: [], value: [], growthReportedPct: [], rankReported: [], flags: [], note: [], source: [] };
}

export function unpackWrites(writes: PackedWrites): CellWrite[] {
  const cells: CellWrite[] = new Array<CellWrite>(writes.indicatorCode.length);
  for (let index = 0; index < cells.length; index += 1) {
    const flags = writes.flags[index]!;
    cells[index] = {
      indicatorCode: writes.indicatorCode[index]!,
      regionCode: writes.regionCode[index]!,
      period: writes.period[index]!,
      fields: {
        value: writes.value[index]!,
        growthReportedPct: writes.growthReportedPct[index]!,
        rankReported: writes.rankReported[index]!,
        flags: flags === '' ? [] : (flags.split(',') as ObservationFlag[]),
        note: writes.note[index]!,
        source: writes.source[index]!,
      },
    };
  }
  return cells;
}

/**
 * Writes a planned import into an open workspace: new categories, regions (parents first) and
 * indicators, the cells as one undoable change set, and the snapshot, all in one transaction.
 */
export function writeIntoWorkspace(workspace: Workspace, payload: Omit<CommitPayload, 'workspacePath' | 'nativeBinding'>, onProgress?: ProgressListener): CommitOutcome {
  const total = payload.writes.indicatorCode.length;
  let changeSetId: number | null = null;
  let snapshot: Snapshot | null = null;
  const timings = { openMs: 0, unpackMs: 0, writeCellsMs: 0 };
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
    const started = performance.now();
    const cells = unpackWrites(payload.writes);
    const unpacked = performance.now();
    if (total > 0) changeSetId = workspace.writeCells(cells, { kind: 'import', label: payload.label });
    timings.unpackMs = unpacked - started;
    timings.writeCellsMs = performance.now() - unpacked;
    onProgress?.({ phase: 'writing', done: total, total });
    if (payload.snapshot) snapshot = workspace.createSnapshot({ ...payload.snapshot, kind: 'import' });
  })();
  return { changeSetId, snapshot, timings };
}

/** The worker's side of a commit: its own connection to the file (WAL lets the app keep reading meanwhile). */
export function writePlannedImport(payload: CommitPayload, onProgress?: ProgressListener): CommitOutcome {
  setNativeBinding(payload.nativeBinding);
  const started = performance.now();
  const workspace = Workspace.open(payload.workspacePath);
  const openMs = performance.now() - started;
  try {
    const outcome = writeIntoWorkspace(workspace, payload, onProgress);
    return { ...outcome, timings: { ...outcome.timings, openMs } };
  } finally {
    workspace.close();
  }
}
