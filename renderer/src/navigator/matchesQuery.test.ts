import { describe, expect, it } from 'vitest';
import { matchPinyin } from '../../../shared/pinyin';
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

  it('matches pinyin in full or by initials, as the catalogue search does', () => {
    expect(matchesQuery(lishui, 'lsh', matchPinyin)).toBe(true);
    expect(matchesQuery(lishui, 'ls', matchPinyin)).toBe(true);
    expect(matchesQuery({ code: '330100', nameZh: '杭州市', nameEn: 'Hangzhou' }, 'lsh', matchPinyin)).toBe(false);
    expect(matchesQuery({ code: 'industrial_value_added', nameZh: '规上工业增加值', nameEn: 'Added value' }, 'gsgy', matchPinyin)).toBe(true);
  });

  it('before the pinyin dictionary has loaded, still matches codes and names', () => {
    expect(matchesQuery(lishui, 'lsh')).toBe(false);
    expect(matchesQuery(lishui, 'lishui')).toBe(true);
    expect(matchesQuery(lishui, '丽水')).toBe(true);
  });
});
