import { describe, expect, it } from 'vitest';
import { matchByName } from './match';

const regions = [
  { code: '330000', nameZh: '浙江省', nameEn: 'Zhejiang' },
  { code: '331100', nameZh: '丽水市', nameEn: 'Lishui' },
  { code: '330800', nameZh: '衢州市', nameEn: 'Quzhou' },
  { code: '331000', nameZh: '台州市', nameEn: 'Taizhou' },
];

describe('matchByName', () => {
  it('matches a code, a name in either language, and a name without its suffix or spacing', () => {
    for (const query of ['331100', '丽水市', '丽水', '丽  水  市', 'Lishui', 'lishui']) {
      expect(matchByName(query, regions), query).toEqual({ kind: 'found', item: regions[1] });
    }
  });

  it('reports an ambiguous query instead of guessing', () => {
    const result = matchByName('州', regions);
    expect(result.kind).toBe('ambiguous');
  });

  it('reports no match', () => {
    expect(matchByName('Hangzhou', regions)).toEqual({ kind: 'none' });
  });
});
