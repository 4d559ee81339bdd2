import { describe, expect, it } from 'vitest';
import type { Region } from '../api/schemas';
import { cleanRowLabel, isGroupingLabel, isSectionLabel, isTotalLabel, matchRegionLabel } from './regions';

const regions: Region[] = [
  { code: '330000', nameZh: '浙江省', nameEn: 'Zhejiang', level: 'province', parentCode: 'CN' },
  { code: '331000', nameZh: '台州市', nameEn: 'Taizhou', level: 'city', parentCode: '330000' },
  { code: '331100', nameZh: '丽水市', nameEn: 'Lishui', level: 'city', parentCode: '330000' },
  { code: '330700', nameZh: '金华市', nameEn: 'Jinhua', level: 'city', parentCode: '330000' },
];

describe('row labels', () => {
  it('strips the marks of "其中" sub-rows', () => {
    expect(cleanRowLabel('其中：义乌市')).toEqual({ name: '义乌市', isMemberOf: true });
    expect(cleanRowLabel('#义乌市')).toEqual({ name: '义乌市', isMemberOf: true });
    expect(cleanRowLabel('丽  水  市')).toEqual({ name: '丽水市', isMemberOf: false });
  });

  it('tells totals, section labels and regional groupings from places', () => {
    expect(isTotalLabel('全省 Total')).toBe(true);
    expect(isTotalLabel('合  计')).toBe(true);
    expect(isTotalLabel('丽水市')).toBe(false);
    expect(isSectionLabel('按地区分')).toBe(true);
    expect(isSectionLabel('按经济区域分')).toBe(true);
    expect(isGroupingLabel('浙东北')).toBe(true);
    expect(isGroupingLabel('苏 南')).toBe(true);
    expect(isGroupingLabel('珠 三 角')).toBe(true);
    expect(isGroupingLabel('中山')).toBe(false);
    expect(isGroupingLabel('南京')).toBe(false);
  });

  it('matches names with and without suffix or spacing, never a part of a name', () => {
    expect(matchRegionLabel('丽  水', regions)).toMatchObject({ kind: 'found', region: { code: '331100' } });
    expect(matchRegionLabel('丽水市', regions)).toMatchObject({ kind: 'found', region: { code: '331100' } });
    expect(matchRegionLabel('Lishui', regions)).toMatchObject({ kind: 'found', region: { code: '331100' } });
    expect(matchRegionLabel('331100', regions)).toMatchObject({ kind: 'found', region: { code: '331100' } });
    expect(matchRegionLabel('丽', regions)).toEqual({ kind: 'none' });
    expect(matchRegionLabel('义乌市', regions)).toEqual({ kind: 'none' });
    // 泰州 (Jiangsu) is not 台州 (Zhejiang), though both are "Taizhou" in English.
    expect(matchRegionLabel('泰州', regions)).toEqual({ kind: 'none' });
  });
});
