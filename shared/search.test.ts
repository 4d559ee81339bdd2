import { describe, expect, it } from 'vitest';
import { matchPinyin } from './pinyin';
import { searchCatalog } from './search';

const regions = [
  { code: '330000', nameZh: '浙江省', nameEn: 'Zhejiang' },
  { code: '330800', nameZh: '衢州市', nameEn: 'Quzhou' },
  { code: '331000', nameZh: '台州市', nameEn: 'Taizhou' },
  { code: '331100', nameZh: '丽水市', nameEn: 'Lishui' },
];
const indicators = [
  { code: 'industrial_value_added', nameZh: '规上工业增加值', nameEn: 'Added value of industries above designated size' },
  { code: 'semiconductor_output', nameZh: '半导体产业产值', nameEn: 'Output of the semiconductor industry' },
];
const codes = (query: string) => searchCatalog(query, { regions, indicators }, { pinyin: matchPinyin }).map((hit) => hit.item.code);

describe('searchCatalog', () => {
  it('finds 丽水 by pinyin initials, first letters and full pinyin', () => {
    expect(codes('lsh')[0]).toBe('331100');
    expect(codes('ls')[0]).toBe('331100');
    expect(codes('LiShui')[0]).toBe('331100');
    expect(searchCatalog('lsh', { regions, indicators }, { pinyin: matchPinyin })[0]).toMatchObject({ kind: 'region', matchedBy: 'pinyin_prefix' });
    expect(searchCatalog('lsh', { regions, indicators })).toEqual([]);
  });

  it('finds by Chinese, English and code', () => {
    expect(codes('丽水')).toEqual(['331100']);
    expect(codes('半导体')).toEqual(['semiconductor_output']);
    expect(codes('semiconductor')[0]).toBe('semiconductor_output');
    expect(codes('331100')[0]).toBe('331100');
    expect(codes('gsgy')).toEqual(['industrial_value_added']);
  });

  it('ranks a name prefix above a pinyin match anywhere and filters by kind', () => {
    expect(codes('zh')[0]).toBe('330000');
    expect(searchCatalog('zh', { regions, indicators }, { kinds: ['indicator'] }).every((hit) => hit.kind === 'indicator')).toBe(true);
    expect(codes('')).toEqual([]);
    expect(codes('火星')).toEqual([]);
  });
});
