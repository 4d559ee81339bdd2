import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppFailure } from '../../shared/api/errors';
import type { Result } from '../../shared/api/errors';
import type { ObservationColumns } from '../../shared/api/methods/editing';
import { decodeColumns, LAUNCH_HEAD } from '../../shared/editing/columns';
import { createBackend, createWorkspace, type Backend } from './backend';
import { runInWorker } from './import/runner';
import { workingCopyColumnsText } from './launchColumns';
import { makeTempDir } from './testing/tempDir';
import { createLaunchCache, LAUNCH_READS, withLaunchCache, workerColumns, type LaunchCache } from './launchCache';

let temp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let cache: LaunchCache;
let file: string;

beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'ws.sqlite');
  createWorkspace(file, true).close();
  backend = createBackend({ transport: 'http', appVersion: 'test', dataDir: temp.dir });
  expect(backend.openAtStartup(file).ok).toBe(true);
  cache = createLaunchCache(backend);
});
afterEach(() => {
  vi.restoreAllMocks();
  backend.close();
  temp.cleanup();
});

/** The cached answer, decoded as the page decodes it. */
async function cachedObservations() {
  const text = await cache.lookup('series.columns', {});
  if (text === null) throw new Error('no answer');
  const result = JSON.parse(text) as Result<ObservationColumns>;
  if (!result.ok) throw new Error(result.error.message);
  return decodeColumns(result.value);
}

async function freshText(): Promise<string> {
  return JSON.stringify(await backend.dispatch('series.columns', {}));
}

describe('the launch cache of the working copy', () => {
  it('answers what series.columns answers, before and after warming', async () => {
    expect(await cache.lookup('series.columns', {})).toBe(await freshText());
    await cache.warm();
    expect(await cache.lookup('series.columns', {})).toBe(await freshText());
  });

  it('leaves filtered queries and snapshots to the backend', async () => {
    const [first] = await cachedObservations();
    expect(await cache.lookup('series.columns', { indicator: first!.indicatorCode })).toBeNull();
    expect(await cache.lookup('series.columns', { snapshot: 1 })).toBeNull();
  });

  it('shows an edit, its undo and its redo at once', async () => {
    await cache.warm();
    const [first] = await cachedObservations();
    const cell = { indicator: first!.indicatorCode, region: first!.regionCode, period: first!.period };
    const edited = await backend.dispatch('cells.edit', { kind: 'edit', cells: [{ ...cell, value: 4321.5 }] });
    expect(edited, JSON.stringify(edited)).toMatchObject({ ok: true });
    expect((await cachedObservations())[0]!.value).toBe(4321.5);
    expect((await backend.dispatch('edit.undo', {})).ok).toBe(true);
    expect((await cachedObservations())[0]!.value).toBe(first!.value);
    expect((await backend.dispatch('edit.redo', {})).ok).toBe(true);
    expect((await cachedObservations())[0]!.value).toBe(4321.5);
    expect(await cache.lookup('series.columns', {})).toBe(await freshText());
  });

  it('shows what another connection committed to the file', async () => {
    await cache.warm();
    const other = new Database(file);
    try {
      other.prepare('UPDATE observation_version SET value = 98765 WHERE id = (SELECT MIN(id) FROM observation_version WHERE to_seq IS NULL)').run();
    } finally {
      other.close();
    }
    expect((await cachedObservations()).some((observation) => observation.value === 98765)).toBe(true);
    expect(await cache.lookup('series.columns', {})).toBe(await freshText());
  });

  it('answers for the workspace open now after another is opened', async () => {
    await cache.warm();
    expect((await cachedObservations()).length).toBeGreaterThan(0);
    const created = await backend.dispatch('workspace.create', { path: path.join(temp.dir, 'empty.sqlite'), sample: false });
    expect(created.ok).toBe(true);
    expect(await cachedObservations()).toEqual([]);
  });
});

describe('the launch cache of the launch\'s other reads (app.info, catalog.get, snapshot.list)', () => {
  const fresh = async (method: string): Promise<string> => JSON.stringify(await backend.dispatch(method, {}));
  /** The workspace that an `app.info` envelope reports. */
  const workspaceOf = (text: string | null) => (JSON.parse(text!) as { value: { workspace: { fileName: string; observationCount: number } } }).value.workspace;

  it('answers each from what warm read, as the backend answers it, without asking the backend', async () => {
    expect([...LAUNCH_READS]).toEqual(['app.info', 'catalog.get', 'snapshot.list']);
    for (const method of LAUNCH_READS) expect(await cache.lookup(method, {})).toBeNull();
    await cache.warm();
    const expected = new Map<string, string>();
    for (const method of LAUNCH_READS) expected.set(method, await fresh(method));
    const dispatch = vi.spyOn(backend, 'dispatch');
    for (const method of LAUNCH_READS) expect(await cache.lookup(method, {})).toBe(expected.get(method));
    expect(dispatch).not.toHaveBeenCalled();
    // What the page is told at launch: the sample's file and its count of observations.
    const workspace = workspaceOf(expected.get('app.info')!);
    expect(workspace.fileName).toBe('ws.sqlite');
    expect(workspace.observationCount).toBe((await cachedObservations()).length);
  });

  it('leaves any other method or input to the backend', async () => {
    await cache.warm();
    expect(await cache.lookup('workspace.info', {})).toBeNull();
    expect(await cache.lookup('snapshot.list', { extra: 1 })).toBeNull();
    expect(await cache.lookup('cells.edit', {})).toBeNull();
  });

  it('goes stale with an edit, a new snapshot, a catalogue change and another workspace', async () => {
    const stale = async (): Promise<void> => {
      for (const method of LAUNCH_READS) expect(await cache.lookup(method, {}), method).toBeNull();
      await cache.warm();
      for (const method of LAUNCH_READS) expect(await cache.lookup(method, {}), method).toBe(await fresh(method));
    };
    await cache.warm();
    const [first] = await cachedObservations();
    const count = workspaceOf(await cache.lookup('app.info', {})).observationCount;
    expect((await backend.dispatch('cells.edit', { kind: 'add', cells: [{ indicator: first!.indicatorCode, region: first!.regionCode, period: '2031', value: 1 }] })).ok).toBe(true);
    await stale();
    expect(workspaceOf(await cache.lookup('app.info', {})).observationCount).toBe(count + 1);
    expect((await backend.dispatch('snapshot.create', { label: 'after the edit' })).ok).toBe(true);
    await stale();
    expect(await cache.lookup('snapshot.list', {})).toContain('after the edit');
    const added = await backend.dispatch('catalog.addRegion', { region: { code: 'B99', nameZh: '测试县', nameEn: 'Test county', level: 'county', parentCode: '331100' } });
    expect(added.ok, JSON.stringify(added)).toBe(true);
    await stale();
    expect(await cache.lookup('catalog.get', {})).toContain('Test county');
    expect((await backend.dispatch('workspace.create', { path: path.join(temp.dir, 'other.sqlite'), sample: false })).ok).toBe(true);
    await stale();
    expect(await cache.lookup('app.info', {})).toContain('other.sqlite');
  });
});

/** More observations than a launch draws whole: 41 indicators × 25 counties × 20 months of the sample's catalogue. */
function makeLarge(): void {
  const workspace = backend.current()!;
  const counties = Array.from({ length: 25 }, (_, index) => `B${String(index).padStart(2, '0')}`);
  for (const code of counties) workspace.addRegion({ code, nameZh: `测试县${code}`, nameEn: `County ${code}`, level: 'county', parentCode: '331100' });
  const months = Array.from({ length: 20 }, (_, index) => `${2023 + Math.floor(index / 12)}M${String((index % 12) + 1).padStart(2, '0')}`);
  const cells = workspace.catalog.indicators().flatMap((indicator) =>
    counties.flatMap((regionCode) => months.map((period, index) => ({ indicatorCode: indicator.code, regionCode, period, fields: { value: index + 1 } }))),
  );
  workspace.editCells(cells, { kind: 'add', label: 'large' });
  expect(workspace.observations.isWorkingAtMost(LAUNCH_HEAD.over)).toBe(false);
}

describe('the launch cache of the table\'s first answer (series.head)', () => {
  const freshHead = async (): Promise<string> => JSON.stringify(await backend.dispatch('series.head', LAUNCH_HEAD));

  it('answers a small working copy whole, from the cached series.columns answer', async () => {
    await cache.warm();
    const expected = await freshHead();
    expect((JSON.parse(expected) as { value: { complete: boolean } }).value.complete).toBe(true);
    const dispatch = vi.spyOn(backend, 'dispatch');
    expect(await cache.lookup('series.head', LAUNCH_HEAD)).toBe(expected);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('leaves any other series.head request to the backend', async () => {
    await cache.warm();
    expect(await cache.lookup('series.head', { rows: 5, over: 0 })).toBeNull();
  });

  it('reads a large working copy\'s first rows ahead, and not the whole of it, on the host thread', async () => {
    makeLarge();
    const dispatch = vi.spyOn(backend, 'dispatch');
    await cache.warm();
    // The launch's other reads, then the first rows: never series.columns.
    expect(dispatch.mock.calls).toEqual([...[...LAUNCH_READS].map((method) => [method, {}]), ['series.head', LAUNCH_HEAD]]);
    dispatch.mockClear();
    const answered = await cache.lookup('series.head', LAUNCH_HEAD);
    expect(dispatch).not.toHaveBeenCalled();
    dispatch.mockRestore();
    expect(answered).toBe(await freshHead());
    expect((JSON.parse(answered!) as { value: { complete: boolean } }).value.complete).toBe(false);
    // An edit makes the read-ahead stale: the backend answers again.
    const workspace = backend.current()!;
    workspace.editCells([{ indicatorCode: 'industrial_value_added', regionCode: '331100', period: '2024', fields: { value: 1 } }], { kind: 'edit', label: 'x' });
    expect(await cache.lookup('series.head', LAUNCH_HEAD)).toBeNull();
  });
});

describe('the launch cache, read off the host thread', () => {
  /** An off-thread read the test finishes by hand: it reads the file when asked (as the worker does), answers when released. */
  function heldRead() {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const calls: string[] = [];
    const run = (workspacePath: string): Promise<string> => {
      calls.push(workspacePath);
      const text = workingCopyColumnsText(workspacePath);
      return released.then(() => text);
    };
    return { run, release, calls };
  }

  it('answers from the worker\'s read, which is what series.columns answers, without asking the backend', async () => {
    const read = heldRead();
    cache = createLaunchCache(backend, read.run);
    const expected = await freshText();
    const warming = cache.warm();
    read.release();
    await warming;
    expect(read.calls).toEqual([backend.current()!.filePath]);
    const dispatch = vi.spyOn(backend, 'dispatch');
    expect(await cache.lookup('series.columns', {})).toBe(expected);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('a page asking while the worker reads waits for its answer instead of reading again', async () => {
    const read = heldRead();
    cache = createLaunchCache(backend, read.run);
    const expected = await freshText();
    const warming = cache.warm();
    const dispatch = vi.spyOn(backend, 'dispatch');
    const asked = cache.lookup('series.columns', {});
    read.release();
    expect(await asked).toBe(expected);
    await warming;
    expect(dispatch.mock.calls.map(([method]) => method)).not.toContain('series.columns');
    expect(read.calls).toHaveLength(1);
  });

  it('an edit made while the worker reads is not hidden by the older read', async () => {
    const read = heldRead();
    cache = createLaunchCache(backend, read.run);
    const warming = cache.warm();
    const [first] = decodeColumns((JSON.parse(await freshText()) as { value: ObservationColumns }).value);
    const edited = await backend.dispatch('cells.edit', { kind: 'edit', cells: [{ indicator: first!.indicatorCode, region: first!.regionCode, period: first!.period, value: 4321.5 }] });
    expect(edited.ok).toBe(true);
    const asked = cache.lookup('series.columns', {});
    read.release();
    await warming;
    expect(await asked).toBe(await freshText());
    expect((await cachedObservations())[0]!.value).toBe(4321.5);
  });

  it('a commit by another connection while the worker reads is not hidden either', async () => {
    const read = heldRead();
    cache = createLaunchCache(backend, read.run);
    const warming = cache.warm();
    const other = new Database(file);
    try {
      other.prepare('UPDATE observation_version SET value = 98765 WHERE id = (SELECT MIN(id) FROM observation_version WHERE to_seq IS NULL)').run();
    } finally {
      other.close();
    }
    read.release();
    await warming;
    expect((await cachedObservations()).some((observation) => observation.value === 98765)).toBe(true);
    expect(await cache.lookup('series.columns', {})).toBe(await freshText());
  });

  it('a failed worker leaves the answer to the backend', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    cache = createLaunchCache(backend, () => Promise.reject(new Error('worker exited')));
    await cache.warm();
    expect(errors).toHaveBeenCalled();
    expect(await cache.lookup('series.columns', {})).toBe(await freshText());
  });

  it('the worker thread answers a columns request with the same envelope', async () => {
    // The app bundles worker.ts as out/main/importWorker.js; rolldown builds the same entry here.
    const { build } = await import('rolldown');
    const bundleDir = fs.mkdtempSync(path.join(__dirname, '../../node_modules/.cache-launch-columns-'));
    try {
      const script = path.join(bundleDir, 'importWorker.cjs');
      await build({ input: path.join(__dirname, 'import/worker.ts'), platform: 'node', external: ['better-sqlite3'], output: { file: script, format: 'cjs', codeSplitting: false }, logLevel: 'silent' });
      const text = await runInWorker<string>(script, { kind: 'columns', workspacePath: file }, {}, () => new AppFailure('INTERNAL', 'cancelled', '已取消'));
      expect(text).toBe(await freshText());
    } finally {
      fs.rmSync(bundleDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the launch cache behind the desktop app\'s IPC', () => {
  it('answers the launch\'s series.columns as a value from the cache, and passes every other call to the backend', async () => {
    await cache.warm();
    const dispatch = vi.spyOn(backend, 'dispatch');
    const target = withLaunchCache(backend, cache);
    const answered = await target.dispatch('series.columns', {});
    expect(dispatch).not.toHaveBeenCalled();
    dispatch.mockRestore();
    expect(answered).toEqual(await backend.dispatch('series.columns', {}));
    const [first] = decodeColumns((answered as { ok: true; value: ObservationColumns }).value);
    expect(await target.dispatch('series.columns', { indicator: first!.indicatorCode })).toEqual(await backend.dispatch('series.columns', { indicator: first!.indicatorCode }));
    expect(await target.dispatch('snapshot.list', {})).toEqual(await backend.dispatch('snapshot.list', {}));
    expect(await target.dispatch('app.info', {})).toEqual(await backend.dispatch('app.info', {}));
    const edited = await target.dispatch('cells.edit', { kind: 'edit', cells: [{ indicator: first!.indicatorCode, region: first!.regionCode, period: first!.period, value: 4321.5 }] });
    expect(edited.ok).toBe(true);
    const after = await target.dispatch('series.columns', {});
    expect(decodeColumns((after as { ok: true; value: ObservationColumns }).value)[0]!.value).toBe(4321.5);
  });

  it('reads in a worker only with a built worker and more than two cores; otherwise on its own thread', () => {
    expect(workerColumns({ workerScript: null, cores: 8 })).toBeUndefined();
    expect(typeof workerColumns({ workerScript: '/path/to/importWorker.js', cores: 4 })).toBe('function');
    expect(workerColumns({ workerScript: '/path/to/importWorker.js', cores: 2 })).toBeUndefined();
  });
});
