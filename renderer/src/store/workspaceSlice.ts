import type { ApiClient, AppError, MethodInput, MethodName, MethodOutput, Result } from '../../../shared/api/contract';
import type { ObservationColumns, TableHead } from '../../../shared/api/methods/editing';
import type { AppInfo, Catalog, Observation, Snapshot, WorkspaceInfo } from '../../../shared/api/schemas';
import { decodeColumns, LAUNCH_HEAD } from '../../../shared/editing/columns';
import type { SliceCreator } from './types';

/** The working copy, or a frozen snapshot by its sequence number. */
export type SnapshotChoice = 'working' | number;

/** Cache key of the observations visible at one snapshot. */
export function observationKey(snapshot: SnapshotChoice): string {
  return `snapshot=${snapshot}`;
}

/** A large working copy's first rows (series.head), drawn by the wide table while the rest loads. */
export interface TableHeadView {
  readonly observations: Observation[];
  /** Every period of the working copy, and whether it is labelled year-to-date. */
  readonly periods: Extract<TableHead, { complete: false }>['periods'];
  /** Rows of the whole table. */
  readonly rowCount: number;
}

/** The task after the next painted frame, or half a second in a page that paints none (hidden). */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 500);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

export interface WorkspaceSlice {
  client: ApiClient | null;
  appInfo: AppInfo | null;
  info: WorkspaceInfo | null;
  catalog: Catalog | null;
  snapshots: Snapshot[];
  snapshot: SnapshotChoice;
  observations: Record<string, Observation[]>;
  /** Set while a launch's working copy loads after its first rows were drawn; null otherwise. */
  tableHead: TableHeadView | null;
  connect: (client: ApiClient) => void;
  loadWorkspace: () => Promise<void>;
  selectSnapshot: (snapshot: SnapshotChoice) => Promise<void>;
  loadObservations: (snapshot: SnapshotChoice) => Promise<void>;
  /**
   * Create, open or open-the-sample: on success everything is reloaded; on failure the backend keeps
   * the current workspace open, so the view stays as it is and the error is returned to the dialog.
   */
  createWorkspace: (path: string) => Promise<AppError | null>;
  openWorkspace: (path: string) => Promise<AppError | null>;
  openSampleWorkspace: () => Promise<AppError | null>;
  /** Freezes the working copy; the snapshot list and the workspace's last snapshot follow. */
  createSnapshot: (label: string, note: string) => Promise<AppError | null>;
}

export const createWorkspaceSlice: SliceCreator<WorkspaceSlice> = (set, get) => {
  /** Counts loadWorkspace calls: an answer to an earlier one is not applied. */
  let loads = 0;

  function send<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
    const client = get().client;
    if (!client) throw new Error(`No API client connected before calling ${method}`);
    return client(method, input);
  }

  /** Calls the backend; a failure is recorded for the UI and returned as undefined. */
  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M> | undefined> {
    const result = await send(method, input);
    if (result.ok) return result.value;
    set({ error: result.error });
    return undefined;
  }

  async function switchWorkspace(result: Result<WorkspaceInfo>): Promise<AppError | null> {
    if (!result.ok) return result.error;
    get().clearSelection();
    await get().loadWorkspace();
    return null;
  }

  return {
    client: null,
    appInfo: null,
    info: null,
    catalog: null,
    snapshots: [],
    snapshot: 'working',
    observations: {},
    tableHead: null,
    connect: (client) => set({ client }),
    loadWorkspace: async () => {
      const load = (loads += 1);
      set({ status: 'loading', error: null, tableHead: null });
      // The workspace, its catalogue and snapshots, and the table's launch at once: a small working
      // copy whole, a large one's first rows. Without a workspace the backend refuses all but
      // app.info, and their answers are not used.
      const others = Promise.all([call('app.info', {}), send('catalog.get', {}), send('snapshot.list', {})]);
      const head = send('series.head', LAUNCH_HEAD);
      // A large working copy: the table draws its first rows, and the whole working copy is asked
      // for once they are on screen (on two cores, the host reading it while the page drew them
      // slowed the drawing).
      const headShown = head.then(async (headResult): Promise<boolean> => {
        if (!headResult.ok || headResult.value.complete) return false;
        const [appInfo, catalogResult, snapshotsResult] = await others;
        if (load !== loads || !appInfo?.workspace || !catalogResult.ok || !snapshotsResult.ok) return false;
        const { columns: headColumns, periods, rowCount } = headResult.value;
        set({
          appInfo,
          info: appInfo.workspace,
          catalog: catalogResult.value,
          snapshots: snapshotsResult.value,
          snapshot: 'working',
          observations: {},
          tableHead: { observations: decodeColumns(headColumns), periods, rowCount },
        });
        await nextPaint();
        return true;
      });
      const columns = Promise.all([head, headShown]).then(
        async ([headResult]): Promise<Result<ObservationColumns>> => (headResult.ok && headResult.value.complete ? { ok: true, value: headResult.value.columns } : send('series.columns', {})),
      );
      const [[appInfo, catalogResult, snapshotsResult], columnsResult, isHeadShown] = await Promise.all([others, columns, headShown]);
      if (load !== loads) return;
      // Once the first rows were shown, a snapshot may have been chosen and loaded meanwhile: it
      // stays. So does a working copy read again meanwhile (after a write), the later read.
      const { snapshot, observations } = isHeadShown ? get() : { snapshot: 'working' as const, observations: {} };
      const working = observationKey('working');
      if (!appInfo) return set({ status: 'failed', tableHead: null });
      if (!appInfo.workspace) return set({ status: 'ready', appInfo, info: null, tableHead: null });
      if (!catalogResult.ok) return set({ status: 'failed', error: catalogResult.error, tableHead: null });
      if (!snapshotsResult.ok) return set({ status: 'failed', error: snapshotsResult.error, tableHead: null });
      // Observations that fail to load leave the workspace open (its menus, backups, snapshots) with the error shown.
      set({
        appInfo,
        info: appInfo.workspace,
        catalog: catalogResult.value,
        snapshots: snapshotsResult.value,
        snapshot,
        observations: columnsResult.ok && !(working in observations) ? { ...observations, [working]: decodeColumns(columnsResult.value) } : observations,
        tableHead: null,
        status: columnsResult.ok ? 'ready' : 'failed',
        ...(columnsResult.ok ? {} : { error: columnsResult.error }),
      });
    },
    selectSnapshot: async (snapshot) => {
      set({ snapshot });
      await get().loadObservations(snapshot);
    },
    loadObservations: async (snapshot) => {
      const key = observationKey(snapshot);
      if (get().observations[key]) return;
      // Column by column: a fifth of the bytes of series.query, and no 200,000 objects to validate.
      const columns = await call('series.columns', snapshot === 'working' ? {} : { snapshot });
      if (columns) set((state) => ({ observations: { ...state.observations, [key]: decodeColumns(columns) } }));
    },
    createWorkspace: async (path) => switchWorkspace(await send('workspace.create', { path, sample: false })),
    openWorkspace: async (path) => switchWorkspace(await send('workspace.open', { path })),
    openSampleWorkspace: async () => switchWorkspace(await send('workspace.openSample', {})),
    createSnapshot: async (label, note) => {
      const trimmedNote = note.trim();
      const created = await send('snapshot.create', trimmedNote ? { label, note: trimmedNote } : { label });
      if (!created.ok) return created.error;
      // The working copy's observations are unchanged: only the list and the "last snapshot" move.
      const [snapshots, info] = await Promise.all([call('snapshot.list', {}), call('workspace.info', {})]);
      set((state) => ({ snapshots: snapshots ?? state.snapshots, info: info ?? state.info }));
      return null;
    },
  };
};
