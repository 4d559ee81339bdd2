import { describe, expect, it } from 'vitest';
import { folderOf, localDate, suggestPath } from './suggestions';

describe('suggestions', () => {
  it('writes the local date as YYYY-MM-DD', () => {
    expect(localDate(new Date(2026, 10, 26, 23, 59))).toBe('2026-11-26');
    expect(localDate(new Date(2025, 0, 5))).toBe('2025-01-05');
  });

  it('suggests a file next to the open workspace, on POSIX and Windows paths', () => {
    expect(folderOf('/home/me/w.sqlite')).toBe('/home/me/');
    expect(suggestPath('D:\\对标\\w.sqlite', 'new.sqlite')).toBe('D:\\对标\\new.sqlite');
    expect(suggestPath('/tmp/w.sqlite', 'new.sqlite')).toBe('/tmp/new.sqlite');
    expect(suggestPath(null, 'new.sqlite')).toBe('new.sqlite');
    expect(folderOf('w.sqlite')).toBe('');
  });
});
