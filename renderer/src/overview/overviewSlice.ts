import type { AppError } from '../../../shared/api/contract';
import type { BriefResult, Overview } from '../../../shared/api/methods/analysis';
import type { SnapshotChoice } from '../store/workspaceSlice';
import type { SliceCreator } from '../store/types';

export type OverviewEntry = { status: 'loading' } | { status: 'ready'; overview: Overview } | { status: 'failed'; error: AppError };
export type BriefEntry = { status: 'loading' } | { status: 'ready'; brief: BriefResult } | { status: 'failed'; error: AppError };

/** One paragraph of the brief: an indicator of a region in a period, as of the viewed snapshot. */
export interface BriefRequest {
  readonly indicator: string;
  readonly region: string;
  readonly period: string;
  readonly snapshot: SnapshotChoice;
}

export function overviewKey(snapshot: SnapshotChoice): string {
  return `snapshot=${snapshot}`;
}

export function briefKey(request: BriefRequest): string {
  return `snapshot=${request.snapshot}|${request.indicator}|${request.region}|${request.period}`;
}

export interface OverviewSlice {
  overviews: Record<string, OverviewEntry>;
  briefs: Record<string, BriefEntry>;
  /** The observations the cached overview and briefs were built from; others (an edit, another workspace) empty the cache. */
  overviewSource: unknown;
  loadOverview: (snapshot: SnapshotChoice, source: unknown) => Promise<void>;
  loadBriefs: (requests: readonly BriefRequest[], source: unknown) => Promise<void>;
  /**
   * Pins indicators (in card order) and optionally sets the home region, in one backend call; the
   * overview of the viewed snapshot is then read again. A failure is returned for the UI to show.
   */
  savePins: (indicators: readonly string[], region?: string) => Promise<AppError | null>;
  /** A card's way into the data: the table view with that indicator selected, all regions shown. */
  openIndicatorTable: (indicatorCode: string) => void;
}

export const createOverviewSlice: SliceCreator<OverviewSlice> = (set, get) => {
  function sameSource(source: unknown): void {
    if (get().overviewSource !== source) set({ overviewSource: source, overviews: {}, briefs: {} });
  }
  const snapshotInput = (snapshot: SnapshotChoice) => (snapshot === 'working' ? {} : { snapshot });

  return {
    overviews: {},
    briefs: {},
    overviewSource: null,
    loadOverview: async (snapshot, source) => {
      sameSource(source);
      const key = overviewKey(snapshot);
      const client = get().client;
      if (!client || get().overviews[key]) return;
      set((state) => ({ overviews: { ...state.overviews, [key]: { status: 'loading' } } }));
      const result = await client('overview.get', snapshotInput(snapshot));
      if (get().overviewSource !== source) return;
      const entry: OverviewEntry = result.ok ? { status: 'ready', overview: result.value } : { status: 'failed', error: result.error };
      set((state) => ({ overviews: { ...state.overviews, [key]: entry } }));
    },
    loadBriefs: async (requests, source) => {
      sameSource(source);
      const client = get().client;
      const missing = requests.filter((request) => !get().briefs[briefKey(request)]);
      if (!client || missing.length === 0) return;
      set((state) => ({ briefs: { ...state.briefs, ...Object.fromEntries(missing.map((r) => [briefKey(r), { status: 'loading' } as const])) } }));
      await Promise.all(
        missing.map(async (request) => {
          const { indicator, region, period, snapshot } = request;
          const result = await client('brief.get', { indicator, region, period, ...snapshotInput(snapshot) });
          if (get().overviewSource !== source) return;
          const entry: BriefEntry = result.ok ? { status: 'ready', brief: result.value } : { status: 'failed', error: result.error };
          set((state) => ({ briefs: { ...state.briefs, [briefKey(request)]: entry } }));
        }),
      );
    },
    savePins: async (indicators, region) => {
      const client = get().client;
      if (!client) return null;
      const saved = await client('overview.setPins', { indicators: [...indicators], ...(region ? { region } : {}) });
      if (!saved.ok) return saved.error;
      // The cards on screen stay until the new overview has arrived, so nothing flickers.
      const snapshot = get().snapshot;
      const source = get().overviewSource;
      const result = await client('overview.get', snapshotInput(snapshot));
      const entry: OverviewEntry = result.ok ? { status: 'ready', overview: result.value } : { status: 'failed', error: result.error };
      if (get().overviewSource === source) set({ overviews: { [overviewKey(snapshot)]: entry } });
      return null;
    },
    openIndicatorTable: (indicatorCode) => {
      const state = get();
      const category = state.catalog?.indicators.find((indicator) => indicator.code === indicatorCode)?.category;
      state.selectIndicator(indicatorCode, category);
      state.selectRegion(null);
      state.setView('table');
    },
  };
};
