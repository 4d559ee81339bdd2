import type { ApiClient, MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { AppInfo, Catalog, Observation, Snapshot, WorkspaceInfo } from '../../../shared/api/schemas';
import type { SliceCreator } from './types';

/** The working copy, or a frozen snapshot by its sequence number. */
export type SnapshotChoice = 'working' | number;

/** Cache key of the observations visible at one snapshot. */
export function observationKey(snapshot: SnapshotChoice): string {
  return `snapshot=${snapshot}`;
}

export interface WorkspaceSlice {
  client: ApiClient | null;
  appInfo: AppInfo | null;
  info: WorkspaceInfo | null;
  catalog: Catalog | null;
  snapshots: Snapshot[];
  snapshot: SnapshotChoice;
  observations: Record<string, Observation[]>;
  connect: (client: ApiClient) => void;
  loadWorkspace: () => Promise<void>;
  selectSnapshot: (snapshot: SnapshotChoice) => Promise<void>;
  loadObservations: (snapshot: SnapshotChoice) => Promise<void>;
}

export const createWorkspaceSlice: SliceCreator<WorkspaceSlice> = (set, get) => {
  /** Calls the backend; a failure is recorded for the UI and returned as undefined. */
  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M> | undefined> {
    const client = get().client;
    if (!client) throw new Error(`No API client connected before calling ${method}`);
    const result = await client(method, input);
    if (result.ok) return result.value;
    set({ error: result.error });
    return undefined;
  }

  return {
    client: null,
    appInfo: null,
    info: null,
    catalog: null,
    snapshots: [],
    snapshot: 'working',
    observations: {},
    connect: (client) => set({ client }),
    loadWorkspace: async () => {
      set({ status: 'loading', error: null });
      const appInfo = await call('app.info', {});
      if (!appInfo) return set({ status: 'failed' });
      if (!appInfo.workspace) return set({ status: 'ready', appInfo, info: null });
      const [catalog, snapshots] = await Promise.all([call('catalog.get', {}), call('snapshot.list', {})]);
      if (!catalog || !snapshots) return set({ status: 'failed' });
      set({ appInfo, info: appInfo.workspace, catalog, snapshots, snapshot: 'working', observations: {} });
      await get().loadObservations('working');
      set({ status: get().error ? 'failed' : 'ready' });
    },
    selectSnapshot: async (snapshot) => {
      set({ snapshot });
      await get().loadObservations(snapshot);
    },
    loadObservations: async (snapshot) => {
      const key = observationKey(snapshot);
      if (get().observations[key]) return;
      const rows = await call('series.query', snapshot === 'working' ? {} : { snapshot });
      if (rows) set((state) => ({ observations: { ...state.observations, [key]: rows } }));
    },
  };
};
