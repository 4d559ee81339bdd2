import type { AppError } from '../../../shared/api/contract';
import type { TransformedSeries } from '../../../shared/api/methods/analysis';
import type { SliceCreator, StoreState } from '../store/types';
import { DEFAULT_TRANSFORM_SETTINGS, isTransformActive } from './settings';
import type { PlannedSeries, TransformSettings } from './settings';

export interface TransformSlice {
  transformSettings: TransformSettings;
  /** series.transform results by request key, computed from `transformSource`. */
  transformed: Record<string, TransformedSeries>;
  transformFailures: Record<string, AppError>;
  /** Requests in flight, so a re-render does not send them twice. */
  transformPending: Record<string, true>;
  /** The observations the cached results were computed from; other observations (an edit, another snapshot or workspace) empty the cache. */
  transformSource: unknown;
  setTransformSettings: (patch: Partial<TransformSettings>) => void;
  resetTransform: () => void;
  /** Fetches the series not cached yet for `source`. */
  loadTransformed: (planned: readonly PlannedSeries[], source: unknown) => Promise<void>;
}

export const createTransformSlice: SliceCreator<TransformSlice> = (set, get) => ({
  transformSettings: DEFAULT_TRANSFORM_SETTINGS,
  transformed: {},
  transformFailures: {},
  transformPending: {},
  transformSource: null,
  setTransformSettings: (patch) => set((state) => ({ transformSettings: { ...state.transformSettings, ...patch } })),
  resetTransform: () => set({ transformSettings: DEFAULT_TRANSFORM_SETTINGS }),
  loadTransformed: async (planned, source) => {
    if (get().transformSource !== source) set({ transformSource: source, transformed: {}, transformFailures: {}, transformPending: {} });
    const client = get().client;
    const state = get();
    const missing = planned.filter(({ key }) => !(key in state.transformed) && !(key in state.transformFailures) && !(key in state.transformPending));
    if (!client || missing.length === 0) return;
    set((current) => ({ transformPending: { ...current.transformPending, ...Object.fromEntries(missing.map(({ key }) => [key, true] as const)) } }));
    const results = await Promise.all(missing.map(async ({ key, request }) => [key, await client('series.transform', request)] as const));
    // The data changed while these were computed: they belong to a cache that is gone.
    if (get().transformSource !== source) return;
    set((current) => {
      const transformed = { ...current.transformed };
      const transformFailures = { ...current.transformFailures };
      const transformPending = { ...current.transformPending };
      for (const [key, result] of results) {
        delete transformPending[key];
        if (result.ok) transformed[key] = result.value;
        else transformFailures[key] = result.error;
      }
      return { transformed, transformFailures, transformPending };
    });
  },
});

export function selectIsTransformActive(state: StoreState): boolean {
  return isTransformActive(state.transformSettings);
}
