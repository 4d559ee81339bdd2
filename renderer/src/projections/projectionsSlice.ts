import type { AppError, MethodInput, MethodName, MethodOutput, Result } from '../../../shared/api/contract';
import type { Language } from '../../../shared/format';
import type { ContributionReport, SavedScenario } from '../../../shared/api/methods/projections';
import type { ProjectionResult, ScenarioSpecInput } from '../../../shared/projections/schema';
import type { SliceCreator } from '../store/types';
import { EMPTY_DRAFT, type ScenarioDraft } from './draft';

export type RequestStatus = 'idle' | 'running' | 'ready' | 'failed';

export interface ProjectionRun {
  readonly status: RequestStatus;
  /** The last answer; kept while a newer request runs, so the results do not flicker. */
  readonly result: ProjectionResult | null;
  readonly error: AppError | null;
  /** The spec the result answers, as JSON: results of an older spec are shown as out of date. */
  readonly specKey: string | null;
}

export interface ContributionInput {
  readonly indicator: string;
  readonly region: string;
  readonly period: string;
}

export interface ContributionRun {
  readonly status: RequestStatus;
  readonly input: ContributionInput | null;
  readonly report: ContributionReport | null;
  readonly error: AppError | null;
}

export interface ProjectionsSlice {
  projectionDraft: ScenarioDraft;
  /** Path of the workspace the draft was opened for: another workspace starts from its own default. */
  projectionDraftWorkspace: string | null;
  /** The language the draft's units were chosen in; levels follow when the reader switches. */
  projectionDraftLanguage: Language | null;
  projectionRun: ProjectionRun;
  /** Saved scenarios of the open workspace; null until listed. */
  projectionScenarios: SavedScenario[] | null;
  projectionContribution: ContributionRun;
  setProjectionDraft: (update: (draft: ScenarioDraft) => ScenarioDraft) => void;
  /** Re-expresses the draft for the interface language (see workspaceChoices.inLanguage). */
  setProjectionDraftLanguage: (language: Language, update: (draft: ScenarioDraft) => ScenarioDraft) => void;
  /** Starts the editor afresh for a workspace (its default draft, no results, scenarios to list). */
  resetProjections: (workspacePath: string | null, draft: ScenarioDraft) => void;
  /** Runs a spec; an answer to an older request than the latest is dropped. `key` names what it answers (default: the spec). */
  runProjection: (spec: ScenarioSpecInput, key?: string) => Promise<void>;
  loadProjectionScenarios: () => Promise<AppError | null>;
  saveProjectionScenario: (name: string, spec: ScenarioSpecInput) => Promise<Result<{ created: boolean }>>;
  deleteProjectionScenario: (name: string) => Promise<AppError | null>;
  runProjectionContribution: (input: ContributionInput) => Promise<void>;
}

const IDLE_RUN: ProjectionRun = { status: 'idle', result: null, error: null, specKey: null };
/** Identity of a spec for comparing the result with the form. */
export function projectionSpecKey(spec: ScenarioSpecInput): string {
  return JSON.stringify(spec);
}

const IDLE_CONTRIBUTION: ContributionRun = { status: 'idle', input: null, report: null, error: null };

export const createProjectionsSlice: SliceCreator<ProjectionsSlice> = (set, get) => {
  let latestRun = 0;
  let latestContribution = 0;

  function send<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
    const client = get().client;
    if (!client) throw new Error(`No API client connected before calling ${method}`);
    return client(method, input);
  }

  return {
    projectionDraft: EMPTY_DRAFT,
    projectionDraftWorkspace: null,
    projectionDraftLanguage: null,
    projectionRun: IDLE_RUN,
    projectionScenarios: null,
    projectionContribution: IDLE_CONTRIBUTION,
    setProjectionDraft: (update) => set((state) => ({ projectionDraft: update(state.projectionDraft) })),
    setProjectionDraftLanguage: (language, update) => set((state) => ({ projectionDraft: update(state.projectionDraft), projectionDraftLanguage: language })),
    resetProjections: (workspacePath, draft) => {
      latestRun += 1;
      latestContribution += 1;
      set({
        projectionDraft: draft,
        projectionDraftWorkspace: workspacePath,
        projectionDraftLanguage: get().language,
        projectionRun: IDLE_RUN,
        projectionScenarios: null,
        projectionContribution: IDLE_CONTRIBUTION,
      });
    },
    runProjection: async (spec, key) => {
      const request = ++latestRun;
      const specKey = key ?? projectionSpecKey(spec);
      set((state) => ({ projectionRun: { ...state.projectionRun, status: 'running' } }));
      const answer = await send('projection.run', { spec });
      if (request !== latestRun) return;
      set((state) => ({
        projectionRun: answer.ok
          ? { status: 'ready', result: answer.value, error: null, specKey }
          : { status: 'failed', result: state.projectionRun.result, error: answer.error, specKey },
      }));
    },
    loadProjectionScenarios: async () => {
      const answer = await send('scenario.list', {});
      if (!answer.ok) return answer.error;
      set({ projectionScenarios: answer.value });
      return null;
    },
    saveProjectionScenario: async (name, spec) => {
      const answer = await send('scenario.save', { name, spec });
      if (!answer.ok) return answer;
      await get().loadProjectionScenarios();
      return { ok: true, value: { created: answer.value.created } };
    },
    deleteProjectionScenario: async (name) => {
      const answer = await send('scenario.delete', { name });
      if (!answer.ok) return answer.error;
      return get().loadProjectionScenarios();
    },
    runProjectionContribution: async (input) => {
      const request = ++latestContribution;
      set((state) => ({ projectionContribution: { ...state.projectionContribution, status: 'running', input } }));
      const answer = await send('projection.contribution', input);
      if (request !== latestContribution) return;
      set({
        projectionContribution: answer.ok
          ? { status: 'ready', input, report: answer.value, error: null }
          : { status: 'failed', input, report: null, error: answer.error },
      });
    },
  };
};
