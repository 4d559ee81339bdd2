import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import { createBackend, createWorkspace, type Backend } from '../backend';
import { RECENT_FILE_NAME } from '../recent';
import { makeTempDir } from '../testing/tempDir';

let temp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let sample: string;

function start(withRecent = true): Backend {
  const dataDir = path.join(temp.dir, 'data');
  return createBackend({ transport: 'http', appVersion: 'test', dataDir, ...(withRecent ? { recentFile: path.join(dataDir, RECENT_FILE_NAME) } : {}) });
}

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

const names = async () => (await call('workspace.recent', {})).map((entry) => [entry.fileName, entry.exists]);

beforeEach(() => {
  temp = makeTempDir();
  sample = path.join(temp.dir, 'sample.sqlite');
  createWorkspace(sample, true).close();
  backend = start();
});
afterEach(() => {
  backend.close();
  temp.cleanup();
});

describe('recent workspaces through the contract', () => {
  it('lists the startup file, a Save As copy and a new file, most recent first, across a restart', async () => {
    expect(backend.openAtStartup(sample).ok).toBe(true);
    expect(await names()).toEqual([['sample.sqlite', true]]);
    await call('workspace.saveAs', { path: path.join(temp.dir, 'copy.sqlite') });
    await call('workspace.create', { path: path.join(temp.dir, 'empty.sqlite') });
    expect(await names()).toEqual([
      ['empty.sqlite', true],
      ['copy.sqlite', true],
      ['sample.sqlite', true],
    ]);
    // Opening one again moves it to the top; nothing is listed twice.
    await call('workspace.open', { path: sample });
    expect((await names()).map(([name]) => name)).toEqual(['sample.sqlite', 'empty.sqlite', 'copy.sqlite']);

    backend.close();
    backend = start();
    expect((await names()).map(([name]) => name)).toEqual(['sample.sqlite', 'empty.sqlite', 'copy.sqlite']);
  });

  it('marks a vanished file; opening it fails with FILE_NOT_FOUND and keeps the current workspace; it can be forgotten', async () => {
    backend.openAtStartup(sample);
    const copy = path.join(temp.dir, 'copy.sqlite');
    await call('workspace.saveAs', { path: copy });
    await call('workspace.open', { path: sample });
    fs.rmSync(copy);
    expect(await names()).toEqual([
      ['sample.sqlite', true],
      ['copy.sqlite', false],
    ]);
    const opened = await backend.dispatch('workspace.open', { path: copy });
    expect(opened).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    expect((await call('workspace.info', {})).fileName).toBe('sample.sqlite');
    expect((await call('workspace.forgetRecent', { path: copy })).map((entry) => entry.fileName)).toEqual(['sample.sqlite']);
    await call('workspace.saveAs', { path: copy });
    fs.rmSync(copy);
    await call('workspace.open', { path: sample });
    expect((await call('workspace.forgetRecent', { missing: true })).map((entry) => entry.fileName)).toEqual(['sample.sqlite']);
    expect(await call('workspace.forgetRecent', { all: true })).toEqual([]);
  });

  it('refuses malformed forget requests', async () => {
    for (const input of [{}, { path: '' }, { missing: false }, { path: 'a', all: true }, { everything: true }]) {
      expect(await backend.dispatch('workspace.forgetRecent', input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });

  it('keeps no list where none was configured (the CLI)', async () => {
    backend.close();
    backend = start(false);
    backend.openAtStartup(sample);
    expect(await call('workspace.recent', {})).toEqual([]);
    expect(fs.existsSync(path.join(temp.dir, 'data', RECENT_FILE_NAME))).toBe(false);
  });
});
