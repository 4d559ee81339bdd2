import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n';
import { useAppStore } from '../store';
import { observationKey } from '../store/workspaceSlice';
import { Answers } from './Answers';
import { BaseFields } from './BaseFields';
import { Briefing } from './Briefing';
import { ContributionPanel } from './ContributionPanel';
import { FanChart } from './FanChart';
import { PeerFields, ShareFields, TargetFields } from './GoalFields';
import { useDraftState, useLiveProjection, type DraftState } from './hooks';
import { RateFields } from './RateFields';
import { PathTable, SensitivityTable } from './ResultTables';
import { ScenarioBar } from './ScenarioBar';
import { defaultDraft, inLanguage } from './workspaceChoices';
import './projections.css';

/**
 * Each workspace opens the editor on its own default scenario and lists its own saved ones.
 * True once the editor belongs to the open workspace.
 */
function useWorkspaceProjections(): boolean {
  const path = useAppStore((state) => state.info?.path ?? null);
  const draftWorkspace = useAppStore((state) => state.projectionDraftWorkspace);
  const catalog = useAppStore((state) => state.catalog);
  const isLoaded = useAppStore((state) => observationKey('working') in state.observations);
  const hasScenarios = useAppStore((state) => state.projectionScenarios !== null);
  useEffect(() => {
    if (!catalog || !isLoaded || path === draftWorkspace) return;
    const state = useAppStore.getState();
    const observations = state.observations[observationKey('working')] ?? [];
    state.resetProjections(path, defaultDraft(catalog, observations, { indicator: state.selectedIndicator, region: state.selectedRegion }, state.language));
  }, [catalog, isLoaded, path, draftWorkspace]);
  useEffect(() => {
    if (path === null || path !== draftWorkspace || hasScenarios) return;
    const state = useAppStore.getState();
    void state.loadProjectionScenarios().then((error) => error && state.setError(error));
  }, [path, draftWorkspace, hasScenarios]);
  return path !== null && path === draftWorkspace;
}

/** After a language switch, levels typed in the old language's unit read in the new one's (6000 亿元 → 600 billion yuan). */
function useDraftFollowsLanguage(isReady: boolean): void {
  const language = useAppStore((state) => state.language);
  const draftLanguage = useAppStore((state) => state.projectionDraftLanguage);
  useEffect(() => {
    if (!isReady || draftLanguage === null || draftLanguage === language) return;
    const state = useAppStore.getState();
    const observations = state.observations[observationKey('working')] ?? [];
    state.setProjectionDraftLanguage(language, (draft) => inLanguage(draft, observations, draftLanguage, language));
  }, [isReady, language, draftLanguage]);
}

/** Nothing to run until the editor holds this workspace's draft. */
const NOT_READY: DraftState = { check: { ok: false, errors: {} }, specKey: null, baseCell: undefined, startYear: undefined };

/** What the results area says about itself: out of date, calculating, or why there is no answer. */
function ResultStatus({ state }: { readonly state: DraftState }) {
  const { t } = useTranslation();
  const language = useAppStore((store) => store.language);
  const run = useAppStore((store) => store.projectionRun);
  if (!state.check.ok) {
    return (
      <p className="proj-status proj-notice-error" role="status" data-testid="projection-status">
        {t('projections.status.invalid')}
      </p>
    );
  }
  if (run.status === 'failed' && run.error && run.specKey === state.specKey) {
    return (
      <p className="proj-status proj-notice-error" role="alert" data-testid="projection-error">
        {errorText(run.error, language)}
      </p>
    );
  }
  const isWaiting = run.status === 'running' || run.specKey !== state.specKey;
  return (
    <p className="proj-status" role="status" data-testid="projection-status">
      {isWaiting ? t('projections.status.running') : run.result ? '' : t('projections.status.empty')}
    </p>
  );
}

/** What-if projections: the scenario editor on the left, live results on the right. */
export function ProjectionsView() {
  const { t } = useTranslation();
  const language = useAppStore((store) => store.language);
  const run = useAppStore((store) => store.projectionRun);
  const isReady = useWorkspaceProjections();
  useDraftFollowsLanguage(isReady);
  const state = useDraftState();
  useLiveProjection(isReady ? state : NOT_READY);
  const errors = state.check.ok ? {} : state.check.errors;
  const result = run.result;
  const isCurrent = state.check.ok && run.specKey === state.specKey && run.status === 'ready';
  if (!isReady) return <p className="notice">{t('status.loading')}</p>;
  return (
    <div className="projections" data-testid="projections-view">
      <section className="proj-editor" aria-labelledby="projection-editor-title">
        <h2 id="projection-editor-title" className="proj-heading">
          {t('projections.editor')}
        </h2>
        <ScenarioBar check={state.check} />
        <BaseFields errors={errors} />
        <RateFields errors={errors} startYear={state.startYear} reportedGrowthPct={state.baseCell?.growthReportedPct ?? null} />
        <TargetFields errors={errors} />
        <ShareFields errors={errors} />
        <PeerFields errors={errors} />
      </section>
      <section className="proj-results" aria-labelledby="projection-results-title" aria-busy={run.status === 'running'}>
        <div className="proj-results-head">
          <h2 id="projection-results-title" className="proj-heading">
            {t('projections.results')}
          </h2>
          <ResultStatus state={state} />
        </div>
        {result && (
          <div className={isCurrent ? 'proj-result' : 'proj-result proj-stale'} data-testid="projection-result" data-current={isCurrent}>
            <Answers result={result} />
            <FanChart result={result} />
            <PathTable result={result} />
            <SensitivityTable result={result} />
            <Briefing sentences={result.briefing[language]} />
          </div>
        )}
        <ContributionPanel />
      </section>
    </div>
  );
}
