// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient, MethodName, Result } from '../../../shared/api/contract';
import { resetStore, useAppStore } from '../store';
import { runSnapshotsCommand } from './commands';

const snapshot = { seq: 1, label: 'A', createdAt: '2025-01-01T00:00:00Z', kind: 'manual' as const, sourceFile: null, note: null, observationCount: 1 };
const workspace = { path: '/tmp/w.sqlite', fileName: 'w.sqlite', schemaVersion: 1, workingSeq: 2, lastSnapshot: snapshot, observationCount: 1, isSample: false };
const diffRow = {
  change: 'changed' as const, indicatorCode: 'iva', regionCode: '331100', period: '2024', unit: 'billion yuan',
  oldValue: 471.78, newValue: 480, oldGrowthReportedPct: 9.3, newGrowthReportedPct: 9.5, oldRankReported: 5, newRankReported: 3,
};
const changeSet = (id: number, state: 'done' | 'undone' = 'done') => ({ id, kind: 'restore', label: 'r', createdAt: '2025-01-01T00:00:00Z', state, cellCount: 1 });
const backup = (name: string) => ({ name, path: `/data/${name}`, takenAt: '2025-01-02T03:04:05.000Z', bytes: 4096 });

/** A backend answering from a table; `answers` may be changed by a test between calls. */
function fakeClient(answers: Partial<Record<MethodName, Result<unknown>>>) {
  const calls: [MethodName, unknown][] = [];
  const client = vi.fn(async (method: MethodName, input: unknown) => {
    calls.push([method, input]);
    return answers[method] ?? { ok: false, error: { code: 'INTERNAL', message: `unexpected ${method}`, messageZh: '意外' } };
  }) as unknown as ApiClient;
  return { client, calls };
}

const base: Partial<Record<MethodName, Result<unknown>>> = {
  'app.info': { ok: true, value: { version: '0.1.0', schemaVersion: 1, transport: 'http', workspace } },
  'workspace.info': { ok: true, value: workspace },
  'catalog.get': { ok: true, value: { categories: [], indicators: [], regions: [] } },
  'snapshot.list': { ok: true, value: [snapshot] },
  'series.query': { ok: true, value: [] },
  'snapshot.diff': { ok: true, value: { from: { seq: 1, label: 'A' }, to: { seq: 2, label: 'working' }, rows: [diffRow] } },
};

beforeEach(() => {
  localStorage.clear();
  resetStore();
});

describe('snapshots slice', () => {
  it('compares two versions into revision rows and keeps only the latest answer', async () => {
    const { client } = fakeClient(base);
    useAppStore.getState().connect(client);
    await useAppStore.getState().compareSnapshots(1, 'working');
    const diff = useAppStore.getState().revisionDiff;
    expect(diff).toMatchObject({ status: 'ready', compare: { from: 1, to: 'working' }, from: { label: 'A' } });
    expect(diff.rows[0]).toMatchObject({ id: 'iva|331100|2024', absoluteChange: 8.22, growthChangePp: 0.2, rankChange: 2 });
  });

  it('restores, offers Undo, and undoes only while the restore is the last change', async () => {
    const answers = { ...base, 'snapshot.restore': { ok: true, value: { snapshot: { seq: 1, label: 'A' }, changeSetId: 7, cellCount: 3 } }, 'edit.log': { ok: true, value: [changeSet(7)] }, 'edit.undo': { ok: true, value: changeSet(7, 'undone') } } satisfies typeof base;
    const { client, calls } = fakeClient(answers);
    useAppStore.getState().connect(client);
    await useAppStore.getState().compareSnapshots(1, 'working');
    expect(await useAppStore.getState().restoreSnapshot(1, 'A')).toBeNull();
    expect(useAppStore.getState().snapshotsNotice).toEqual({ kind: 'restored', label: 'A', count: 3, changeSetId: 7 });
    // The working copy and the comparison against it were reloaded.
    expect(calls.filter(([method]) => method === 'snapshot.diff')).toHaveLength(2);
    expect(useAppStore.getState().observations['snapshot=working']).toEqual([]);
    await useAppStore.getState().undoRestore();
    expect(useAppStore.getState().snapshotsNotice).toEqual({ kind: 'undone' });
    expect(calls.filter(([method]) => method === 'edit.undo')).toHaveLength(1);

    await useAppStore.getState().restoreSnapshot(1, 'A');
    answers['edit.log'] = { ok: true, value: [changeSet(8)] };
    await useAppStore.getState().undoRestore();
    expect(useAppStore.getState().snapshotsNotice).toEqual({ kind: 'notLast' });
    expect(calls.filter(([method]) => method === 'edit.undo')).toHaveLength(1);
  });

  it('says so when the working copy already equals the snapshot', async () => {
    const { client } = fakeClient({ ...base, 'snapshot.restore': { ok: true, value: { snapshot: { seq: 1, label: 'A' }, changeSetId: null, cellCount: 0 } } });
    useAppStore.getState().connect(client);
    await useAppStore.getState().restoreSnapshot(1, 'A');
    expect(useAppStore.getState().snapshotsNotice).toEqual({ kind: 'nothingToRestore', label: 'A' });
  });

  it('opens cell history in the snapshots view from anywhere', async () => {
    const history = { indicatorCode: 'iva', regionCode: '331100', period: '2024', unit: 'billion yuan', versions: [] };
    const { client } = fakeClient({ ...base, 'observation.history': { ok: true, value: history } });
    useAppStore.getState().connect(client);
    await useAppStore.getState().openCellHistory({ indicator: 'iva', region: '331100', period: '2024' });
    expect(useAppStore.getState().view).toBe('snapshots');
    expect(useAppStore.getState().cellHistory).toMatchObject({ status: 'ready', history });
  });

  it('"Back up now" from the menu opens the backups dialog with the new backup; restore reloads the workspace', async () => {
    const { client, calls } = fakeClient({
      ...base,
      'backup.create': { ok: true, value: backup('w.1.sqlite') },
      'backup.list': { ok: true, value: [backup('w.1.sqlite')] },
      'backup.restore': { ok: true, value: { restored: backup('w.1.sqlite'), safetyBackup: backup('w.2.sqlite') } },
    });
    useAppStore.getState().connect(client);
    await useAppStore.getState().loadWorkspace();
    expect(runSnapshotsCommand('backup.create')).toBe(true);
    await vi.waitFor(() => expect(useAppStore.getState().snapshotsDialog).toEqual({ kind: 'backups', createdAt: '2025-01-02T03:04:05.000Z' }));
    expect(useAppStore.getState().backups).toHaveLength(1);
    expect(runSnapshotsCommand('view.table')).toBe(false);

    expect(await useAppStore.getState().restoreBackup('w.1.sqlite')).toBeNull();
    expect(calls.filter(([method]) => method === 'app.info')).toHaveLength(2);
    expect(useAppStore.getState().snapshotsNotice).toMatchObject({ kind: 'backupRestored', safety: 'w.2.sqlite' });
  });

  it('exports the report of the current comparison with its filter and language; a failure comes back to the dialog', async () => {
    const answers = { ...base, 'snapshot.exportDiff': { ok: true, value: { path: '/tmp/r.xlsx', rowCount: 1, from: { seq: 1, label: 'A' }, to: { seq: 2, label: 'working' } } } } satisfies typeof base;
    const { client, calls } = fakeClient(answers);
    useAppStore.getState().connect(client);
    await useAppStore.getState().compareSnapshots(1, 'working');
    useAppStore.getState().setRevisionFilter({ regionCode: '331100' });
    expect(await useAppStore.getState().exportRevisionReport('/tmp/r.xlsx')).toBeNull();
    expect(calls.at(-1)).toEqual(['snapshot.exportDiff', { from: 1, to: 'working', path: '/tmp/r.xlsx', language: 'zh', region: '331100' }]);
    expect(useAppStore.getState().snapshotsNotice).toEqual({ kind: 'exported', path: '/tmp/r.xlsx', count: 1 });
    answers['snapshot.exportDiff'] = { ok: false, error: { code: 'FILE_EXISTS', message: 'exists', messageZh: '已存在' } } as never;
    expect((await useAppStore.getState().exportRevisionReport('/tmp/r.xlsx'))?.code).toBe('FILE_EXISTS');
  });
});
