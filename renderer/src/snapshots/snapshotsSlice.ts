import type { AppError, MethodInput, MethodName, MethodOutput, Result } from '../../../shared/api/contract';
import type { BackupInfo } from '../../../shared/api/methods/editing';
import type { CellHistory, ObservationKey } from '../../../shared/api/schemas';
import { revisionRows, type RevisionFilter, type RevisionRow } from '../../../shared/revisions';
import type { SliceCreator } from '../store/types';
import { observationKey, type SnapshotChoice } from '../store/workspaceSlice';

export type RequestStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** The two sides of a comparison; "working" is the working copy. */
export interface RevisionCompare {
  readonly from: SnapshotChoice;
  readonly to: SnapshotChoice;
}

export interface RevisionDiff {
  readonly status: RequestStatus;
  readonly compare: RevisionCompare | null;
  /** The sides as the backend named them (label "working" for the working copy). */
  readonly from: { seq: number; label: string } | null;
  readonly to: { seq: number; label: string } | null;
  /** Kept while a newer comparison runs, so the grid does not flicker. */
  readonly rows: readonly RevisionRow[];
}

export interface CellHistoryState {
  readonly status: RequestStatus;
  readonly key: ObservationKey | null;
  readonly history: CellHistory | null;
}

/** The snapshots area's dialogs, mounted once by SnapshotsDialogs (outside any view). */
export type SnapshotsDialog =
  | { readonly kind: 'restoreSnapshot'; readonly seq: number; readonly label: string }
  | { readonly kind: 'backups'; readonly createdAt?: string; readonly failure?: AppError }
  | { readonly kind: 'saveAs' }
  | { readonly kind: 'exportDiff' };

/** What just happened, shown above the snapshots view until dismissed. */
export type SnapshotsNotice =
  | { readonly kind: 'restored'; readonly label: string; readonly count: number; readonly changeSetId: number }
  | { readonly kind: 'nothingToRestore'; readonly label: string }
  | { readonly kind: 'undone' }
  | { readonly kind: 'notLast' }
  | { readonly kind: 'exported'; readonly path: string; readonly count: number }
  | { readonly kind: 'savedAs'; readonly name: string }
  | { readonly kind: 'backupRestored'; readonly takenAt: string; readonly safety: string };

export interface SnapshotsSlice {
  revisionDiff: RevisionDiff;
  revisionFilter: RevisionFilter;
  cellHistory: CellHistoryState;
  /** Backups of the open workspace, newest first; null until listed. */
  backups: BackupInfo[] | null;
  snapshotsDialog: SnapshotsDialog | null;
  snapshotsNotice: SnapshotsNotice | null;
  /** Path of the workspace the state above belongs to; another workspace starts afresh. */
  snapshotsWorkspace: string | null;
  /** Compares two versions; an answer to an older request than the latest is dropped. */
  compareSnapshots: (from: SnapshotChoice, to: SnapshotChoice) => Promise<void>;
  setRevisionFilter: (filter: RevisionFilter) => void;
  /** Shows every version of one cell in the snapshots view (from any view). */
  openCellHistory: (key: ObservationKey) => Promise<void>;
  closeCellHistory: () => void;
  /** Makes the working copy equal to a snapshot again, as one undoable change set. */
  restoreSnapshot: (seq: number, label: string) => Promise<AppError | null>;
  /** Undoes the restore just made, if it is still the last change. */
  undoRestore: () => Promise<void>;
  /** Opens the backups dialog and lists them, or backs up first ("Back up now" in the menu). */
  openBackups: (isBackingUpFirst: boolean) => Promise<void>;
  loadBackups: () => Promise<AppError | null>;
  createBackup: () => Promise<AppError | null>;
  restoreBackup: (name: string) => Promise<AppError | null>;
  saveWorkspaceAs: (path: string) => Promise<AppError | null>;
  exportRevisionReport: (path: string) => Promise<AppError | null>;
  openSnapshotsDialog: (dialog: SnapshotsDialog) => void;
  closeSnapshotsDialog: () => void;
  dismissSnapshotsNotice: () => void;
  /** Forgets comparisons, history and backups when another workspace is open. */
  resetSnapshots: (workspacePath: string | null) => void;
}

const IDLE_DIFF: RevisionDiff = { status: 'idle', compare: null, from: null, to: null, rows: [] };
const IDLE_HISTORY: CellHistoryState = { status: 'idle', key: null, history: null };

export const createSnapshotsSlice: SliceCreator<SnapshotsSlice> = (set, get) => {
  let latestDiff = 0;
  let latestHistory = 0;

  function send<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
    const client = get().client;
    if (!client) throw new Error(`No API client connected before calling ${method}`);
    return client(method, input);
  }

  /** The working copy changed (restore, undo): reload it in place, then what depends on it. */
  async function refreshWorkingCopy(): Promise<void> {
    const [info, rows] = await Promise.all([send('workspace.info', {}), send('series.query', {})]);
    set((state) => ({
      info: info.ok ? info.value : state.info,
      observations: rows.ok ? { ...state.observations, [observationKey('working')]: rows.value } : state.observations,
      error: info.ok ? (rows.ok ? state.error : rows.error) : info.error,
    }));
    const { compare } = get().revisionDiff;
    if (compare && (compare.from === 'working' || compare.to === 'working')) await get().compareSnapshots(compare.from, compare.to);
    const { key } = get().cellHistory;
    if (key) await get().openCellHistory(key);
  }

  /** Another file or another content under the same name: reload everything and start this area afresh. */
  async function reloadWorkspace(): Promise<void> {
    await get().loadWorkspace();
    get().resetSnapshots(get().info?.path ?? null);
  }

  return {
    revisionDiff: IDLE_DIFF,
    revisionFilter: {},
    cellHistory: IDLE_HISTORY,
    backups: null,
    snapshotsDialog: null,
    snapshotsNotice: null,
    snapshotsWorkspace: null,
    compareSnapshots: async (from, to) => {
      const request = ++latestDiff;
      set((state) => ({ revisionDiff: { ...state.revisionDiff, status: 'loading', compare: { from, to } } }));
      const result = await send('snapshot.diff', { from, to });
      if (request !== latestDiff) return;
      if (!result.ok) {
        set({ revisionDiff: { ...IDLE_DIFF, status: 'failed', compare: { from, to } }, error: result.error });
        return;
      }
      set({ revisionDiff: { status: 'ready', compare: { from, to }, from: result.value.from, to: result.value.to, rows: revisionRows(result.value) } });
    },
    setRevisionFilter: (filter) => set((state) => ({ revisionFilter: { ...state.revisionFilter, ...filter } })),
    openCellHistory: async (key) => {
      // Asked from another view (the table) before the snapshots view has shown this workspace:
      // start the area afresh now, so that the view's first visit keeps this history.
      const path = get().info?.path ?? null;
      if (get().snapshotsWorkspace !== path) get().resetSnapshots(path);
      const request = ++latestHistory;
      set((state) => ({ view: 'snapshots', cellHistory: { status: 'loading', key, history: state.cellHistory.history } }));
      const result = await send('observation.history', key);
      if (request !== latestHistory) return;
      if (!result.ok) {
        set({ cellHistory: { status: 'failed', key, history: null }, error: result.error });
        return;
      }
      set({ cellHistory: { status: 'ready', key, history: result.value } });
    },
    closeCellHistory: () => {
      latestHistory += 1;
      set({ cellHistory: IDLE_HISTORY });
    },
    restoreSnapshot: async (seq, label) => {
      const result = await send('snapshot.restore', { snapshot: seq });
      if (!result.ok) return result.error;
      const { changeSetId, cellCount } = result.value;
      set({
        snapshotsNotice: changeSetId === null ? { kind: 'nothingToRestore', label } : { kind: 'restored', label, count: cellCount, changeSetId },
      });
      if (changeSetId !== null) await refreshWorkingCopy();
      return null;
    },
    undoRestore: async () => {
      const notice = get().snapshotsNotice;
      if (notice?.kind !== 'restored') return;
      // Undo takes back the last change set: only the restore's own, never an edit made after it.
      const log = await send('edit.log', { limit: 1 });
      if (!log.ok) return set({ error: log.error });
      const last = log.value[0];
      if (!last || last.id !== notice.changeSetId || last.state !== 'done') return set({ snapshotsNotice: { kind: 'notLast' } });
      const undone = await send('edit.undo', {});
      if (!undone.ok) return set({ error: undone.error });
      set({ snapshotsNotice: { kind: 'undone' } });
      await refreshWorkingCopy();
    },
    openBackups: async (isBackingUpFirst) => {
      set({ snapshotsDialog: { kind: 'backups' }, backups: null });
      const failure = isBackingUpFirst ? await get().createBackup() : await get().loadBackups();
      if (get().snapshotsDialog?.kind !== 'backups') return;
      const createdAt = isBackingUpFirst && !failure ? get().backups?.[0]?.takenAt : undefined;
      set({ snapshotsDialog: { kind: 'backups', ...(createdAt ? { createdAt } : {}), ...(failure ? { failure } : {}) } });
    },
    loadBackups: async () => {
      const result = await send('backup.list', {});
      if (!result.ok) return result.error;
      set({ backups: result.value });
      return null;
    },
    createBackup: async () => {
      const result = await send('backup.create', {});
      if (!result.ok) return result.error;
      return get().loadBackups();
    },
    restoreBackup: async (name) => {
      const result = await send('backup.restore', { name });
      if (!result.ok) return result.error;
      await reloadWorkspace();
      set({ snapshotsNotice: { kind: 'backupRestored', takenAt: result.value.restored.takenAt, safety: result.value.safetyBackup.name } });
      return get().loadBackups();
    },
    saveWorkspaceAs: async (path) => {
      const result = await send('workspace.saveAs', { path });
      if (!result.ok) return result.error;
      await reloadWorkspace();
      set({ snapshotsNotice: { kind: 'savedAs', name: result.value.fileName } });
      return null;
    },
    exportRevisionReport: async (path) => {
      const { compare } = get().revisionDiff;
      if (!compare) return null;
      const { indicatorCode, regionCode } = get().revisionFilter;
      const result = await send('snapshot.exportDiff', {
        from: compare.from,
        to: compare.to,
        path,
        language: get().language,
        ...(indicatorCode ? { indicator: indicatorCode } : {}),
        ...(regionCode ? { region: regionCode } : {}),
      });
      if (!result.ok) return result.error;
      set({ snapshotsNotice: { kind: 'exported', path: result.value.path, count: result.value.rowCount } });
      return null;
    },
    openSnapshotsDialog: (snapshotsDialog) => set({ snapshotsDialog }),
    closeSnapshotsDialog: () => set({ snapshotsDialog: null }),
    dismissSnapshotsNotice: () => set({ snapshotsNotice: null }),
    resetSnapshots: (snapshotsWorkspace) => {
      latestDiff += 1;
      latestHistory += 1;
      set({ revisionDiff: IDLE_DIFF, revisionFilter: {}, cellHistory: IDLE_HISTORY, backups: null, snapshotsNotice: null, snapshotsWorkspace });
    },
  };
};
