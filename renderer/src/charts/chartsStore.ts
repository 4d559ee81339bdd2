import { create } from 'zustand';
import type { ApiClient, AppError, MethodOutput } from '../../../shared/api/contract';
import type { ChartResolved } from '../../../shared/api/methods/charts';
import type { ChartSpecInput } from '../../../shared/charts/spec';
import type { ChartKind } from '../../../shared/charts/data';
import type { ChartThemeName } from '../../../shared/charts/theme';

/** What the user picked in the Charts view; turned into a chart spec for the backend. */
export interface ChartChoice {
  kind: ChartKind;
  indicator: string;
  region: string;
  period: string;
  measure: 'growth' | 'value';
  theme: ChartThemeName;
  scenario: string;
  title: string;
}

export const INITIAL_CHOICE: ChartChoice = {
  kind: 'ranking',
  indicator: '',
  region: '',
  period: '',
  measure: 'growth',
  theme: 'slide',
  scenario: '',
  title: '',
};

/** The spec of a choice in a language; undefined while it is incomplete (no indicator, no scenario). */
export function specOf(choice: ChartChoice, lang: 'zh' | 'en', snapshot: 'working' | number): ChartSpecInput | undefined {
  const common = { lang, theme: choice.theme, ...(choice.title.trim() ? { title: choice.title.trim() } : {}) };
  if (choice.kind === 'projectionFan') return choice.scenario ? { kind: 'projectionFan', scenario: choice.scenario, ...common } : undefined;
  if (!choice.indicator) return undefined;
  return {
    kind: choice.kind,
    indicator: choice.indicator,
    ...(choice.region ? { region: choice.region } : {}),
    ...(choice.period.trim() ? { period: choice.period.trim() } : {}),
    ...(choice.kind === 'ranking' || choice.kind === 'vintages' ? { measure: choice.measure } : {}),
    ...(snapshot === 'working' || choice.kind === 'vintages' ? {} : { snapshot }),
    ...common,
  };
}

export type ChartEntry = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; resolved: ChartResolved; key: string } | { status: 'failed'; error: AppError };

interface ChartsState {
  choice: ChartChoice;
  chart: ChartEntry;
  /** The spec last asked for: an answer to an older request is dropped. */
  requested: string;
  scenarios: string[];
  /** The last export or save, shown under the buttons. */
  notice: { kind: 'done' | 'failed'; text: string } | null;
  choose: (patch: Partial<ChartChoice>) => void;
  /** Draws `spec`; `source` changes when the workspace's data does, so the chart is fetched again. */
  load: (client: ApiClient, spec: ChartSpecInput, source: string) => Promise<void>;
  loadScenarios: (client: ApiClient) => Promise<void>;
  exportChart: (client: ApiClient, request: { spec: ChartSpecInput; format: 'png' | 'svg' | 'pptx'; path: string; scale: 2 | 3; watermark: boolean }) => Promise<AppError | MethodOutput<'export.chart'>>;
  saveChart: (client: ApiClient, name: string, spec: ChartSpecInput) => Promise<AppError | null>;
  setNotice: (notice: ChartsState['notice']) => void;
  reset: () => void;
}

/**
 * The Charts view's state. A store of its own until the lead mounts it as a slice of the app
 * store; the API client comes from the app store and is passed in.
 */
export const useChartsStore = create<ChartsState>()((set, get) => ({
  choice: INITIAL_CHOICE,
  chart: { status: 'idle' },
  requested: '',
  scenarios: [],
  notice: null,
  choose: (patch) => set((state) => ({ choice: { ...state.choice, ...patch } })),
  load: async (client, spec, source) => {
    const key = `${source}|${JSON.stringify(spec)}`;
    const current = get().chart;
    if (get().requested === key && current.status !== 'failed') return;
    set({ chart: { status: 'loading' }, requested: key });
    const result = await client('chart.data', { spec });
    if (get().requested !== key) return;
    set({ chart: result.ok ? { status: 'ready', resolved: result.value, key } : { status: 'failed', error: result.error } });
  },
  loadScenarios: async (client) => {
    const result = await client('scenario.list', {});
    if (result.ok) set({ scenarios: result.value.map((scenario) => scenario.name) });
  },
  exportChart: async (client, request) => {
    const result = await client('export.chart', request);
    return result.ok ? result.value : result.error;
  },
  saveChart: async (client, name, spec) => {
    const result = await client('chart.save', { name, spec });
    return result.ok ? null : result.error;
  },
  setNotice: (notice) => set({ notice }),
  reset: () => set({ choice: INITIAL_CHOICE, chart: { status: 'idle' }, requested: '', scenarios: [], notice: null }),
}));
