import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/api/errors';
import { createWorkspace } from '../backend';
import { makeTempDir } from '../testing/tempDir';
import { Workspace } from '../workspace';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { YARDSTICK_APPLICATION_ID } from './open';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** Everything in the folder with a hash of its bytes: "nothing is written" means this does not change. */
function folderState(): Record<string, string> {
  return Object.fromEntries(
    fs.readdirSync(temp.dir).map((name) => [name, crypto.createHash('sha256').update(fs.readFileSync(path.join(temp.dir, name))).digest('hex')]),
  );
}

function failureOf(step: () => unknown): AppFailure {
  try {
    step();
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

function makeSample(name = 'ws.sqlite'): string {
  const file = path.join(temp.dir, name);
  createWorkspace(file, true).close();
  return file;
}

describe('opening a workspace', () => {
  it('reopens a workspace with WAL and foreign keys on', () => {
    const workspace = Workspace.open(makeSample());
    expect(workspace.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(workspace.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(workspace.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(workspace.querySeries({ indicator: '规上工业增加值', region: 'Lishui', period: '2024' })[0]?.value).toBe(471.78);
    workspace.close();
  });

  it('reports a missing file and creates nothing', () => {
    const error = failureOf(() => Workspace.open(path.join(temp.dir, 'missing.sqlite')));
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.message).toContain('missing.sqlite does not exist');
    expect(error.messageZh).toContain('不存在');
    expect(folderState()).toEqual({});
  });

  it('refuses a workspace written by a newer version without touching it', () => {
    const file = makeSample();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = folderState();
    const error = failureOf(() => Workspace.open(file));
    expect(error.code).toBe('WORKSPACE_TOO_NEW');
    expect(error.message).toMatch(/newer Yardstick .*Update Yardstick/);
    expect(folderState()).toEqual(before);
  });

  it('refuses a corrupted workspace without touching it', () => {
    const file = makeSample();
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    // Overwrite the middle pages (table and index b-trees) with garbage, keeping the header valid.
    const bytes = fs.readFileSync(file);
    for (let offset = pageSize * 2; offset < bytes.length - pageSize; offset += 7) bytes[offset] = 0xa5;
    fs.writeFileSync(file, bytes);
    const before = folderState();
    const error = failureOf(() => Workspace.open(file));
    expect(error.code).toBe('WORKSPACE_CORRUPT');
    expect(error.message).toMatch(/damaged .*Restore it from a backup/);
    expect(folderState()).toEqual(before);
  });

  it('refuses a file that is not SQLite, and an empty file', () => {
    const csv = path.join(temp.dir, 'report.sqlite');
    fs.writeFileSync(csv, '地区,规上工业增加值\n丽水市,4717.8\n');
    const empty = path.join(temp.dir, 'empty.sqlite');
    fs.writeFileSync(empty, '');
    const before = folderState();
    expect(failureOf(() => Workspace.open(csv)).code).toBe('NOT_SQLITE');
    const emptyError = failureOf(() => Workspace.open(empty));
    expect(emptyError.code).toBe('NOT_SQLITE');
    expect(emptyError.message).toContain('the file is empty');
    expect(folderState()).toEqual(before);
  });

  it('refuses an SQLite database of another application', () => {
    const other = path.join(temp.dir, 'other.sqlite');
    const raw = new Database(other);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    const before = folderState();
    expect(failureOf(() => Workspace.open(other)).code).toBe('NOT_A_WORKSPACE');
    expect(folderState()).toEqual(before);
  });
});

describe('creating a workspace', () => {
  it('marks the file as a Yardstick workspace at the latest schema', () => {
    const workspace = createWorkspace(path.join(temp.dir, 'empty.sqlite'), false);
    expect(workspace.db.pragma('application_id', { simple: true })).toBe(YARDSTICK_APPLICATION_ID);
    expect(workspace.info()).toMatchObject({ observationCount: 0, workingSeq: 1, lastSnapshot: null, isSample: false });
    workspace.close();
  });

  it('refuses to overwrite an existing file', () => {
    const file = makeSample();
    const before = folderState();
    expect(failureOf(() => createWorkspace(file, false)).code).toBe('FILE_EXISTS');
    expect(folderState()).toEqual(before);
  });

  it('leaves no file behind when seeding fails', () => {
    const file = path.join(temp.dir, 'broken.sqlite');
    expect(() =>
      Workspace.create(file, (workspace) => {
        workspace.catalog.addCategory({ code: 'x', nameZh: 'x', nameEn: 'x' }, 0);
        throw new Error('seed failed');
      }),
    ).toThrow('seed failed');
    expect(folderState()).toEqual({});
  });
});
