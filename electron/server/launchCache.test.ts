import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/api/errors';
import type { ObservationColumns } from '../../shared/api/methods/editing';
import { decodeColumns } from '../../shared/editing/columns';
import { createBackend, createWorkspace, type Backend } from '../core/backend';
import { makeTempDir } from '../core/testing/tempDir';
import { createLaunchCache, type LaunchCache } from './launchCache';

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
  backend.close();
  temp.cleanup();
});

/** The cached answer, decoded as the page decodes it. */
async function cachedObservations() {
  const text = await cache.answer({});
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
    expect(await cache.answer({})).toBe(await freshText());
    await cache.warm();
    expect(await cache.answer({})).toBe(await freshText());
  });

  it('leaves filtered queries and snapshots to the backend', async () => {
    const [first] = await cachedObservations();
    expect(await cache.answer({ indicator: first!.indicatorCode })).toBeNull();
    expect(await cache.answer({ snapshot: 1 })).toBeNull();
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
    expect(await cache.answer({})).toBe(await freshText());
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
    expect(await cache.answer({})).toBe(await freshText());
  });

  it('answers for the workspace open now after another is opened', async () => {
    await cache.warm();
    expect((await cachedObservations()).length).toBeGreaterThan(0);
    const created = await backend.dispatch('workspace.create', { path: path.join(temp.dir, 'empty.sqlite'), sample: false });
    expect(created.ok).toBe(true);
    expect(await cachedObservations()).toEqual([]);
  });
});
