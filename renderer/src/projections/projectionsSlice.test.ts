// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient, MethodName } from '../../../shared/api/contract';
import type { ScenarioSpecInput } from '../../../shared/projections/schema';
import { resetStore, useAppStore } from '../store';
import { EMPTY_DRAFT } from './draft';

const spec = (growthPct: number): ScenarioSpecInput => ({ base: { kind: 'value', value: 471.78, unit: 'billion yuan', year: 2024 }, years: 5, rates: { base: { kind: 'constant', growthPct } } });
const answerFor = (input: unknown) => ({ ok: true, value: { name: null, spec: (input as { spec: unknown }).spec } });

beforeEach(() => {
  localStorage.clear();
  resetStore();
});

describe('projections slice', () => {
  it('keeps the answer to the latest request when an older one comes back last', async () => {
    const pending: ((value: unknown) => void)[] = [];
    const client = vi.fn(
      (_method: MethodName, input: unknown) =>
        new Promise((resolve) => {
          pending.push(() => resolve(answerFor(input)));
        }),
    ) as unknown as ApiClient;
    useAppStore.getState().connect(client);
    const first = useAppStore.getState().runProjection(spec(9.3));
    const second = useAppStore.getState().runProjection(spec(10));
    expect(useAppStore.getState().projectionRun.status).toBe('running');
    pending[1]!(undefined);
    await second;
    pending[0]!(undefined);
    await first;
    const run = useAppStore.getState().projectionRun;
    expect(run.status).toBe('ready');
    expect(run.result?.spec.rates.base).toEqual({ kind: 'constant', growthPct: 10 });
    expect(run.specKey).toBe(JSON.stringify(spec(10)));
  });

  it('keeps the last result beside a failure, and lists scenarios again after a save', async () => {
    const calls: MethodName[] = [];
    const client = vi.fn(async (method: MethodName) => {
      calls.push(method);
      if (method === 'projection.run') return { ok: false, error: { code: 'VALIDATION', message: 'No value', messageZh: '没有数值' } };
      if (method === 'scenario.save') return { ok: true, value: { created: true, scenario: { id: 1, name: 'a', spec: null, problem: null, createdAt: '', updatedAt: '' } } };
      if (method === 'scenario.list') return { ok: true, value: [{ id: 1, name: 'a', spec: null, problem: 'old', createdAt: '', updatedAt: '' }] };
      return { ok: false, error: { code: 'INTERNAL', message: 'unexpected', messageZh: '意外' } };
    }) as unknown as ApiClient;
    useAppStore.getState().connect(client);
    await useAppStore.getState().runProjection(spec(9.3));
    expect(useAppStore.getState().projectionRun).toMatchObject({ status: 'failed', result: null, error: { code: 'VALIDATION' } });
    expect(await useAppStore.getState().saveProjectionScenario('a', spec(9.3))).toEqual({ ok: true, value: { created: true } });
    expect(calls).toEqual(['projection.run', 'scenario.save', 'scenario.list']);
    expect(useAppStore.getState().projectionScenarios?.map((s) => s.name)).toEqual(['a']);
  });

  it('starts afresh for another workspace', () => {
    useAppStore.getState().setProjectionDraft((draft) => ({ ...draft, target: '6000' }));
    useAppStore.getState().resetProjections('/tmp/other.sqlite', { ...EMPTY_DRAFT, years: '3' });
    const state = useAppStore.getState();
    expect(state.projectionDraft).toMatchObject({ target: '', years: '3' });
    expect(state.projectionDraftWorkspace).toBe('/tmp/other.sqlite');
    expect(state.projectionScenarios).toBeNull();
    expect(state.projectionRun.status).toBe('idle');
  });
});
