import { describe, expect, it } from 'vitest';
import { folderOf, localDate, safeFileName, suggestPath } from './suggestions';

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

describe('file names from chart and deck names', () => {
  it('replaces the characters Windows refuses and keeps Chinese', () => {
    expect(safeFileName('规上工业/增加值: 1-11月?')).toBe('规上工业_增加值_ 1-11月_');
    expect(safeFileName('a\\b*c"d<e>f|g')).toBe('a_b_c_d_e_f_g');
    expect(safeFileName('月报')).toBe('月报');
  });
});
