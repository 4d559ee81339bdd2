import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, SAMPLE_FILE_NAME, type Backend } from './backend';
import { makeTempDir } from './testing/tempDir';

let temp: ReturnType<typeof makeTempDir>;
let backend: Backend;
beforeEach(() => {
  temp = makeTempDir();
  backend = createBackend({ transport: 'cli', appVersion: 'test', dataDir: path.join(temp.dir, 'data') });
});
afterEach(() => {
  backend.close();
  temp.cleanup();
});

describe('the backend dispatcher', () => {
  it('creates the sample in the data folder on first launch and reopens it afterwards', async () => {
    const first = backend.openAtStartup();
    expect(first.ok && first.value.fileName).toBe(SAMPLE_FILE_NAME);
    await backend.dispatch('snapshot.create', { label: 'mine' });
    backend.close();
    const again = createBackend({ transport: 'cli', appVersion: 'test', dataDir: path.join(temp.dir, 'data') });
    const reopened = again.openAtStartup();
    expect(reopened.ok && reopened.value.lastSnapshot?.label).toBe('mine');
    again.close();
  });

  it('answers before any workspace is open with NO_WORKSPACE', async () => {
    const result = await backend.dispatch('catalog.get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } });
  });

  it('keeps the open workspace when opening another file fails', async () => {
    backend.openAtStartup();
    const bad = path.join(temp.dir, 'notes.sqlite');
    fs.writeFileSync(bad, 'not a database');
    const failed = await backend.dispatch('workspace.open', { path: bad });
    expect(failed).toMatchObject({ ok: false, error: { code: 'NOT_SQLITE' } });
    const info = await backend.dispatch('workspace.info', {});
    expect(info).toMatchObject({ ok: true, value: { fileName: SAMPLE_FILE_NAME } });
  });

  it('refuses unknown methods and invalid input without throwing', async () => {
    backend.openAtStartup();
    expect(await backend.dispatch('constructor', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await backend.dispatch('series.query', 'not an object')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await backend.dispatch('series.query', { period: 'last year' })).toMatchObject({ ok: false, error: { code: 'PERIOD_UNPARSEABLE' } });
  });

  it('creates an empty workspace and switches to it', async () => {
    backend.openAtStartup();
    const created = await backend.dispatch('workspace.create', { path: path.join(temp.dir, 'empty.sqlite') });
    expect(created).toMatchObject({ ok: true, value: { fileName: 'empty.sqlite', observationCount: 0, isSample: false } });
    expect(await backend.dispatch('series.query', {})).toEqual({ ok: true, value: [] });
  });
});

describe('automatic backups', () => {
  it('backs the workspace up while it changes, and not while it does not', async () => {
    const dataDir = path.join(temp.dir, 'auto');
    const auto = createBackend({ transport: 'http', appVersion: 'test', dataDir, autoBackupIntervalMs: 40 });
    auto.openAtStartup();
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const count = async () => {
      const listed = await auto.dispatch('backup.list', {});
      return listed.ok ? (listed.value as unknown[]).length : -1;
    };
    await wait(150);
    // Opening (and creating the sample on first launch) counts as a change once.
    const afterOpen = await count();
    await wait(150);
    expect(await count()).toBe(afterOpen);
    await auto.dispatch('cells.edit', { cells: [{ indicator: 'industrial_value_added', region: '331100', period: '2024', value: 480 }] });
    await wait(200);
    expect(await count()).toBe(afterOpen + 1);
    auto.close();
  });
});
