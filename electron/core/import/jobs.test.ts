import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { AppError } from '../../../shared/api/errors';
import { confirmProposals } from '../../../shared/import/propose';
import type { ImportProgress } from '../../../shared/import/results';
import { createBackend, type Backend } from '../backend';
import { makeTempDir } from '../testing/tempDir';

// Import jobs over the backend as the app runs them: the file is read, and the commit written, in
// the bundled worker thread on its own connection; progress is polled; Cancel stops the job.

let workerScript: string | undefined;
let bundleDir: string | undefined;

beforeAll(async () => {
  // The app bundles worker.ts as out/main/importWorker.js; rolldown (vite's bundler) builds the same
  // entry here, beside node_modules so that the bundle finds better-sqlite3's native build.
  const { build } = await import('rolldown');
  bundleDir = fs.mkdtempSync(path.join(__dirname, '../../../node_modules/.cache-import-jobs-'));
  const file = path.join(bundleDir, 'importWorker.cjs');
  await build({ input: path.join(__dirname, 'worker.ts'), platform: 'node', external: ['better-sqlite3'], output: { file, format: 'cjs', codeSplitting: false }, logLevel: 'silent' });
  workerScript = file;
}, 120_000);
afterAll(() => {
  if (bundleDir) fs.rmSync(bundleDir, { recursive: true, force: true });
});

let temp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let workspacePath: string;

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.message}`), { appError: result.error });
  return result.value as MethodOutput<M>;
}

/** A long table of `rows` observations of one indicator: 420 months for each of the 11 cities, then for new places. */
function writeLongCsv(file: string, rows: number): void {
  const cities = ['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市'];
  const lines = ['地区,指标,期别,数值,单位'];
  for (let index = 0; index < rows; index += 1) {
    const place = Math.floor(index / 420);
    const month = index % 420;
    const region = place < cities.length ? cities[place]! : `测试区${place}`;
    lines.push(`${region},规上工业增加值,${1990 + Math.floor(month / 12)}年${1 + (month % 12)}月,${(index % 9973) / 10},亿元`);
  }
  fs.writeFileSync(file, lines.join('\n'));
}

/** Everything a user could see of the workspace, read on a separate connection. */
function logicalState(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
    return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}"`).all().map((row) => JSON.stringify(row)).sort()]));
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  process.env.YARDSTICK_IMPORT_WORKER = workerScript;
  temp = makeTempDir();
  backend = createBackend({ transport: 'http', appVersion: 'test', dataDir: temp.dir });
  workspacePath = path.join(temp.dir, 'w.sqlite');
  await call('workspace.create', { path: workspacePath, sample: true });
});
afterEach(() => {
  delete process.env.YARDSTICK_IMPORT_WORKER;
  backend.close();
  temp.cleanup();
});

describe('import jobs: progress and cancel', () => {
  it('reports determinate progress through reading, checking and writing, then done', async () => {
    const file = path.join(temp.dir, 'long.csv');
    writeLongCsv(file, 40_000);
    const inspected = await call('import.inspect', { path: file, job: 'inspect-1' });
    expect(await call('import.progress', { job: 'inspect-1' })).toMatchObject({ phase: 'done' });
    const mapping = confirmProposals(inspected.mapping!, inspected.proposals);
    const seen: ImportProgress[] = [];
    let isRunning = true;
    const polling = (async () => {
      while (isRunning) {
        seen.push(await call('import.progress', { job: 'commit-1' }));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const committed = await call('import.commit', { path: file, mapping, job: 'commit-1' });
    isRunning = false;
    await polling;
    expect(committed.counts.new).toBe(40_000);
    // Checking and writing count the 40,000 rows (a phase that cannot count says total 0: the bar then runs).
    const counted = seen.filter((entry) => (entry.phase === 'checking' || entry.phase === 'writing') && entry.total > 0);
    expect(counted.length).toBeGreaterThan(0);
    for (const progress of counted) {
      expect(progress.total).toBe(40_000);
      expect(progress.done).toBeLessThanOrEqual(progress.total);
    }
    expect(await call('import.progress', { job: 'commit-1' })).toMatchObject({ phase: 'done' });
    // The commit is one undoable change set, written by the worker's connection and seen by the app's.
    const log = await call('edit.log', {});
    expect(log[0]).toMatchObject({ kind: 'import', cellCount: 40_000 });
  }, 120_000);

  it('Cancel during the write rolls the one transaction back: the file is unchanged byte for byte and logically', async () => {
    const file = path.join(temp.dir, 'long.csv');
    writeLongCsv(file, 150_000);
    const inspected = await call('import.inspect', { path: file });
    const mapping = confirmProposals(inspected.mapping!, inspected.proposals);
    await call('import.preview', { path: file, mapping, rowLimit: 10 });
    // A settled file: every committed page in the main database file, the WAL empty.
    const checkpoint = new Database(workspacePath);
    checkpoint.pragma('wal_checkpoint(TRUNCATE)');
    checkpoint.close();
    const bytesBefore = fs.readFileSync(workspacePath);
    const stateBefore = logicalState(workspacePath);

    const committing = backend.dispatch('import.commit', { path: file, mapping, job: 'commit-2' });
    let progress: ImportProgress;
    do {
      await new Promise((resolve) => setImmediate(resolve));
      progress = await call('import.progress', { job: 'commit-2' });
    } while (progress.phase !== 'writing' && progress.phase !== 'done' && progress.phase !== 'failed');
    expect(progress.phase).toBe('writing');
    expect(await call('import.cancel', { job: 'commit-2' })).toEqual({ cancelled: true });
    const result = await committing;
    expect(result.ok ? 'finished before Cancel' : (result.error as AppError).code).toBe('IMPORT_CANCELLED');
    expect(await call('import.progress', { job: 'commit-2' })).toMatchObject({ phase: 'cancelled' });

    expect(fs.readFileSync(workspacePath).equals(bytesBefore)).toBe(true);
    expect(logicalState(workspacePath)).toEqual(stateBefore);
    // The worker's connection is gone with its lock: the app writes again at once, and the same import then succeeds.
    const committed = await call('import.commit', { path: file, mapping });
    expect(committed.counts.new).toBe(150_000);
  }, 180_000);

  it('a Cancel that arrives before its request stops it before anything is read', async () => {
    const file = path.join(temp.dir, 'long.csv');
    writeLongCsv(file, 100);
    expect(await call('import.cancel', { job: 'early' })).toEqual({ cancelled: true });
    const result = await backend.dispatch('import.inspect', { path: file, job: 'early' });
    expect(result.ok ? 'read' : result.error.code).toBe('IMPORT_CANCELLED');
    // A finished job cannot be cancelled any more, and says so.
    await call('import.inspect', { path: file, job: 'late' });
    expect(await call('import.cancel', { job: 'late' })).toEqual({ cancelled: false });
  }, 60_000);
});
