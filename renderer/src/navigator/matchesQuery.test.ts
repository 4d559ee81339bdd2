import { describe, expect, it } from 'vitest';
import { matchesQuery } from './matchesQuery';

const lishui = { code: '331100', nameZh: '丽水市', nameEn: 'Lishui' };

describe('matchesQuery', () => {
  it('matches code, Chinese and English names, ignoring case, spaces and the 市 suffix', () => {
    expect(matchesQuery(lishui, '')).toBe(true);
    expect(matchesQuery(lishui, '3311')).toBe(true);
    expect(matchesQuery(lishui, '丽水市')).toBe(true);
    expect(matchesQuery(lishui, ' LISHUI ')).toBe(true);
    expect(matchesQuery(lishui, '杭州')).toBe(false);
  });
});
