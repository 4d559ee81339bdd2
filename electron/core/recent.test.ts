import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RECENT_LIMIT, RecentWorkspaces, withOpened } from './recent';
import { makeTempDir } from './testing/tempDir';

let temp: ReturnType<typeof makeTempDir>;
let listPath: string;

function touch(name: string): string {
  const file = path.join(temp.dir, name);
  fs.writeFileSync(file, 'x');
  return file;
}

beforeEach(() => {
  temp = makeTempDir();
  listPath = path.join(temp.dir, 'data', 'recent-workspaces.json');
});
afterEach(() => temp.cleanup());

describe('the recent-workspaces list', () => {
  it('keeps the most recent first, one entry per file however its path is spelled', () => {
    const recent = new RecentWorkspaces(listPath, 'linux');
    const a = touch('a.sqlite');
    const b = touch('b.sqlite');
    recent.remember(a, new Date('2024-12-01T08:00:00Z'));
    recent.remember(b, new Date('2024-12-01T09:00:00Z'));
    // The same file through "..": moves to the top, no duplicate.
    recent.remember(path.join(temp.dir, 'data', '..', 'a.sqlite'), new Date('2024-12-01T10:00:00Z'));
    expect(recent.list()).toEqual([
      { path: fs.realpathSync(a), fileName: 'a.sqlite', openedAt: '2024-12-01T10:00:00.000Z', exists: true },
      { path: fs.realpathSync(b), fileName: 'b.sqlite', openedAt: '2024-12-01T09:00:00.000Z', exists: true },
    ]);
    // A second reader (the desktop menu) sees the same list from the file.
    expect(new RecentWorkspaces(listPath, 'linux').list().map((entry) => entry.fileName)).toEqual(['a.sqlite', 'b.sqlite']);
  });

  it('follows a symbolic link to the file it names', () => {
    const recent = new RecentWorkspaces(listPath, 'linux');
    const real = touch('real.sqlite');
    const link = path.join(temp.dir, 'link.sqlite');
    fs.symlinkSync(real, link);
    recent.remember(real);
    recent.remember(link);
    expect(recent.list().map((entry) => entry.path)).toEqual([fs.realpathSync(real)]);
  });

  it('folds case on Windows and macOS only', () => {
    const entries = withOpened([], '/Data/Ws.sqlite', new Date(0), 'win32');
    expect(withOpened(entries, '/data/ws.SQLITE', new Date(1), 'win32')).toHaveLength(1);
    expect(withOpened(entries, '/data/ws.SQLITE', new Date(1), 'linux')).toHaveLength(2);
  });

  it(`keeps at most ${RECENT_LIMIT} files`, () => {
    const recent = new RecentWorkspaces(listPath, 'linux');
    for (let index = 0; index < RECENT_LIMIT + 3; index += 1) recent.remember(touch(`${index}.sqlite`), new Date(Date.UTC(2024, 0, 1, index)));
    const names = recent.list().map((entry) => entry.fileName);
    expect(names).toHaveLength(RECENT_LIMIT);
    expect(names[0]).toBe(`${RECENT_LIMIT + 2}.sqlite`);
    expect(names).not.toContain('2.sqlite');
  });

  it('marks a file that is gone, and forgets it on request', () => {
    const recent = new RecentWorkspaces(listPath, 'linux');
    const kept = touch('kept.sqlite');
    const gone = touch('gone.sqlite');
    recent.remember(kept);
    recent.remember(gone);
    fs.rmSync(gone);
    expect(recent.list().map((entry) => [entry.fileName, entry.exists])).toEqual([
      ['gone.sqlite', false],
      ['kept.sqlite', true],
    ]);
    expect(recent.forget(gone).map((entry) => entry.fileName)).toEqual(['kept.sqlite']);
    recent.remember(gone);
    expect(recent.forgetMissing().map((entry) => entry.fileName)).toEqual(['kept.sqlite']);
    expect(recent.clear()).toEqual([]);
    expect(JSON.parse(fs.readFileSync(listPath, 'utf8'))).toEqual({ version: 1, workspaces: [] });
  });

  it('reads a missing, damaged or foreign list as empty, and replaces it on the next change', () => {
    const recent = new RecentWorkspaces(listPath, 'linux');
    expect(recent.list()).toEqual([]);
    fs.mkdirSync(path.dirname(listPath), { recursive: true });
    for (const text of ['{"workspaces": [', '[1,2]', '{"workspaces": [{"path": 3}]}', '']) {
      fs.writeFileSync(listPath, text);
      expect(recent.list()).toEqual([]);
    }
    recent.remember(touch('a.sqlite'));
    expect(recent.list().map((entry) => entry.fileName)).toEqual(['a.sqlite']);
  });

  it('writes through a temporary file and a rename: a failed write leaves the old list and no stray file', () => {
    const recent = new RecentWorkspaces(listPath, 'linux');
    recent.remember(touch('a.sqlite'));
    const rename = vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    });
    expect(() => recent.remember(touch('b.sqlite'))).toThrow('disk full');
    rename.mockRestore();
    expect(recent.list().map((entry) => entry.fileName)).toEqual(['a.sqlite']);
    expect(fs.readdirSync(path.dirname(listPath))).toEqual(['recent-workspaces.json']);
    // The backend's variant logs and goes on.
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = new RecentWorkspaces(path.join(touch('not-a-folder'), 'recent.json'), 'linux');
    expect(() => failing.rememberSafely(touch('c.sqlite'))).not.toThrow();
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});
