// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient, MethodName, Result } from '../../../shared/api/contract';
import type { Observation } from '../../../shared/api/schemas';
import { encodeColumns } from '../../../shared/editing/columns';
import { i18n } from '../i18n';
import { resetStore, useAppStore } from './index';
import { selectIsReadOnly, selectIsSheetLocked, selectTableHead, selectTableObservations, selectViewObservations, selectViewedSnapshot } from './selectors';

const snapshot = { seq: 1, label: '2024年报', createdAt: '2025-01-01T00:00:00Z', kind: 'manual' as const, sourceFile: null, note: null, observationCount: 1 };
const workspace = { path: '/tmp/w.sqlite', fileName: 'w.sqlite', schemaVersion: 1, workingSeq: 2, lastSnapshot: snapshot, observationCount: 2, isSample: true };
const observation = (value: number): Observation => ({
  versionId: value, indicatorCode: 'industrial_value_added', regionCode: '331100', period: '2024', value, unit: 'billion yuan',
  growthReportedPct: 9.3, rankReported: 5, flags: [], note: null, source: null, fromSeq: 1,
});

function fakeClient(overrides: Partial<Record<MethodName, Result<unknown>>> = {}) {
  const answers: Partial<Record<MethodName, Result<unknown>>> = {
    'app.info': { ok: true, value: { version: '0.1.0', schemaVersion: 1, transport: 'http', workspace } },
    'catalog.get': { ok: true, value: { categories: [], indicators: [], regions: [] } },
    'snapshot.list': { ok: true, value: [snapshot] },
    ...overrides,
  };
  const calls: [MethodName, unknown][] = [];
  const client = vi.fn(async (method: MethodName, input: unknown) => {
    calls.push([method, input]);
    // The table loads observations column by column (series.columns).
    if (method === 'series.columns') {
      const isSnapshot = (input as { snapshot?: number }).snapshot === 1;
      return { ok: true, value: encodeColumns(isSnapshot ? [observation(400)] : [observation(471.78), observation(1)]) };
    }
    return answers[method] ?? { ok: false, error: { code: 'INTERNAL', message: 'unexpected', messageZh: '意外' } };
  }) as unknown as ApiClient;
  return { client, calls };
}

beforeEach(() => {
  localStorage.clear();
  resetStore();
});

describe('workspace slice', () => {
  it('loads info, catalog, snapshots and the working copy', async () => {
    const { client } = fakeClient();
    useAppStore.getState().connect(client);
    await useAppStore.getState().loadWorkspace();
    const state = useAppStore.getState();
    expect(state.status).toBe('ready');
    expect(state.info?.fileName).toBe('w.sqlite');
    expect(state.snapshots).toHaveLength(1);
    expect(selectViewObservations(state).map((o) => o.value)).toEqual([471.78, 1]);
    expect(selectIsReadOnly(state)).toBe(false);
  });

  it('caches the observations of a snapshot by key and marks it read-only', async () => {
    const { client, calls } = fakeClient();
    useAppStore.getState().connect(client);
    await useAppStore.getState().loadWorkspace();
    await useAppStore.getState().selectSnapshot(1);
    await useAppStore.getState().selectSnapshot('working');
    await useAppStore.getState().selectSnapshot(1);
    const state = useAppStore.getState();
    expect(selectViewObservations(state).map((o) => o.value)).toEqual([400]);
    expect(selectViewedSnapshot(state)?.label).toBe('2024年报');
    expect(selectIsReadOnly(state)).toBe(true);
    expect(calls.filter(([method]) => method === 'series.columns')).toEqual([['series.columns', {}], ['series.columns', { snapshot: 1 }]]);
  });

  it('draws a large working copy\'s first rows, locked, and asks for the whole once they are shown', async () => {
    let release: () => void = () => undefined;
    const whole = new Promise<void>((resolve) => (release = resolve));
    const head = { complete: false, columns: encodeColumns([observation(471.78)]), periods: [{ period: '2023', ytd: false }, { period: '2024', ytd: false }], rowCount: 2 };
    const { client: base } = fakeClient({ 'series.head': { ok: true, value: head } });
    // The whole working copy answers when the test says so.
    const asked: MethodName[] = [];
    let wasHeadShown = false;
    const client = (async (method: MethodName, input: unknown) => {
      asked.push(method);
      if (method === 'series.columns') {
        wasHeadShown = useAppStore.getState().tableHead !== null;
        await whole;
      }
      return base(method, input as never);
    }) as ApiClient;
    useAppStore.getState().connect(client);
    const loading = useAppStore.getState().loadWorkspace();
    await vi.waitFor(() => expect(asked).toContain('series.columns'));
    let state = useAppStore.getState();
    expect(state.status).toBe('loading');
    expect(selectTableHead(state)?.periods.map((p) => p.period)).toEqual(['2023', '2024']);
    expect(selectTableObservations(state).map((o) => o.value)).toEqual([471.78]);
    expect(selectIsSheetLocked(state)).toBe(true);
    expect(selectIsReadOnly(state)).toBe(false);
    // The whole was asked for after the first rows were set, not with them.
    expect(wasHeadShown).toBe(true);
    // Undo waits too: its cells would be patched into a working copy that is not in yet.
    await useAppStore.getState().undo();
    expect(asked).not.toContain('edit.undo');
    expect(useAppStore.getState().editNotice?.zh).toContain('表格仍在载入全部观测值');
    release();
    await loading;
    state = useAppStore.getState();
    expect(state.status).toBe('ready');
    expect(selectTableHead(state)).toBeNull();
    expect(selectTableObservations(state).map((o) => o.value)).toEqual([471.78, 1]);
    expect(selectIsSheetLocked(state)).toBe(false);
  });

  it('takes a small working copy whole from the launch\'s first answer, without asking again', async () => {
    const { client, calls } = fakeClient({ 'series.head': { ok: true, value: { complete: true, columns: encodeColumns([observation(5), observation(6)]) } } });
    useAppStore.getState().connect(client);
    await useAppStore.getState().loadWorkspace();
    const state = useAppStore.getState();
    expect(state.status).toBe('ready');
    expect(selectViewObservations(state).map((o) => o.value)).toEqual([5, 6]);
    expect(selectTableHead(state)).toBeNull();
    expect(calls.some(([method]) => method === 'series.columns')).toBe(false);
  });

  it('records a backend failure for the UI', async () => {
    const error = { code: 'UNAUTHORIZED' as const, message: 'Invalid token', messageZh: '令牌无效' };
    const { client } = fakeClient({ 'app.info': { ok: false, error } });
    useAppStore.getState().connect(client);
    await useAppStore.getState().loadWorkspace();
    expect(useAppStore.getState().status).toBe('failed');
    expect(useAppStore.getState().error).toEqual(error);
    expect(useAppStore.getState().info).toBeNull();
  });
});

describe('ui slice', () => {
  it('switches language and theme and remembers them', () => {
    useAppStore.getState().toggleLanguage();
    useAppStore.getState().toggleTheme();
    expect(useAppStore.getState().language).toBe('en');
    expect(i18n.language).toBe('en');
    expect(localStorage.getItem('yardstick.language')).toBe('en');
    expect(localStorage.getItem('yardstick.theme')).toBe('dark');
    useAppStore.getState().setLanguage('zh');
    expect(i18n.t('table.unit')).toBe('单位');
  });

  it('a launch reopens the view the app was left on, but not the import wizard or a view it does not know', async () => {
    useAppStore.getState().setView('table');
    expect(localStorage.getItem('yardstick.view')).toBe('table');
    const launch = async (): Promise<string> => {
      // A launch: the store made afresh from what the previous session stored.
      vi.resetModules();
      const { useAppStore: fresh } = await import('./index');
      return fresh.getState().view;
    };
    expect(await launch()).toBe('table');
    useAppStore.getState().setView('charts');
    expect(await launch()).toBe('charts');
    useAppStore.getState().setView('import');
    expect(await launch()).toBe('overview');
    localStorage.setItem('yardstick.view', 'nonsense');
    expect(await launch()).toBe('overview');
  });

  it('selecting an indicator selects its category; choosing a category clears the indicator', () => {
    useAppStore.getState().selectIndicator('industrial_value_added', 'industry');
    expect(useAppStore.getState().selectedCategory).toBe('industry');
    useAppStore.getState().selectCategory('land');
    expect(useAppStore.getState().selectedIndicator).toBeNull();
  });
});

describe('workspace actions', () => {
  const notSqlite = { code: 'NOT_SQLITE' as const, message: '/tmp/x.txt is not an SQLite database.', messageZh: '/tmp/x.txt 不是 SQLite 数据库。' };

  it('a failed open returns the error and keeps the current workspace and its table', async () => {
    const { client } = fakeClient({ 'workspace.open': { ok: false, error: notSqlite } });
    useAppStore.getState().connect(client);
    await useAppStore.getState().loadWorkspace();
    useAppStore.getState().selectRegion('331100');
    expect(await useAppStore.getState().openWorkspace('/tmp/x.txt')).toEqual(notSqlite);
    const state = useAppStore.getState();
    expect(state.info?.fileName).toBe('w.sqlite');
    expect(state.error).toBeNull();
    expect(state.selectedRegion).toBe('331100');
    expect(selectViewObservations(state)).toHaveLength(2);
  });

  it('a created workspace is loaded afresh, with the navigator back to "all"', async () => {
    const empty = { ...workspace, path: '/tmp/empty.sqlite', fileName: 'empty.sqlite', lastSnapshot: null, observationCount: 0 };
    const { client, calls } = fakeClient({ 'workspace.create': { ok: true, value: empty } });
    useAppStore.getState().connect(client);
    await useAppStore.getState().loadWorkspace();
    await useAppStore.getState().selectSnapshot(1);
    useAppStore.getState().selectRegion('331100');
    expect(await useAppStore.getState().createWorkspace('/tmp/empty.sqlite')).toBeNull();
    expect(calls).toContainEqual(['workspace.create', { path: '/tmp/empty.sqlite', sample: false }]);
    expect(calls.filter(([method]) => method === 'app.info')).toHaveLength(2);
    const state = useAppStore.getState();
    expect(state.snapshot).toBe('working');
    expect(state.selectedRegion).toBeNull();
    expect(state.status).toBe('ready');
  });

  it('a new snapshot joins the list and becomes the workspace\'s last snapshot', async () => {
    const taken = { ...snapshot, seq: 2, label: '2024年1-11月月报', note: '省局口径' };
    const { client, calls } = fakeClient({
      'snapshot.create': { ok: true, value: taken },
      'snapshot.list': { ok: true, value: [snapshot, taken] },
      'workspace.info': { ok: true, value: { ...workspace, workingSeq: 3, lastSnapshot: taken } },
    });
    useAppStore.getState().connect(client);
    await useAppStore.getState().loadWorkspace();
    expect(await useAppStore.getState().createSnapshot('2024年1-11月月报', ' 省局口径 ')).toBeNull();
    expect(calls).toContainEqual(['snapshot.create', { label: '2024年1-11月月报', note: '省局口径' }]);
    expect(useAppStore.getState().info?.lastSnapshot?.label).toBe('2024年1-11月月报');
    expect(useAppStore.getState().snapshots.map((s) => s.label)).toEqual(['2024年报', '2024年1-11月月报']);
  });

  it('a blank note is left out', async () => {
    const { client, calls } = fakeClient({ 'snapshot.create': { ok: false, error: notSqlite } });
    useAppStore.getState().connect(client);
    await useAppStore.getState().loadWorkspace();
    expect(await useAppStore.getState().createSnapshot('A', '  ')).toEqual(notSqlite);
    expect(calls).toContainEqual(['snapshot.create', { label: 'A' }]);
  });
});
