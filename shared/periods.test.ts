import { describe, expect, it } from 'vitest';
import { comparePeriods, isPeriodCode, parsePeriod, periodLabel } from './periods';

describe('parsePeriod', () => {
  it('reads years, quarters and months and normalises month codes', () => {
    expect(parsePeriod('2024')).toMatchObject({ code: '2024', frequency: 'year' });
    expect(parsePeriod('2024q3')).toMatchObject({ code: '2024Q3', frequency: 'quarter', index: 3 });
    expect(parsePeriod('2024M1')).toMatchObject({ code: '2024M01', frequency: 'month', index: 1 });
    expect(isPeriodCode('2024M11')).toBe(true);
    expect(isPeriodCode('2024M1')).toBe(false);
  });

  it('refuses what is not a period', () => {
    for (const text of ['', '24', '2024Q5', '2024M13', '2024年', 'abcd', '1800']) expect(parsePeriod(text), text).toBeUndefined();
  });
});

describe('comparePeriods', () => {
  it('orders periods by when they end', () => {
    const sorted = ['2024', '2023', '2024M11', '2024Q3', '2024M02', '2023Q4'].sort(comparePeriods);
    expect(sorted).toEqual(['2023Q4', '2023', '2024M02', '2024Q3', '2024M11', '2024']);
  });
});

describe('periodLabel', () => {
  it('labels periods as Chinese and English releases do', () => {
    expect(periodLabel('2024', 'zh')).toBe('2024年');
    expect(periodLabel('2024M11', 'zh', 'ytd')).toBe('2024年1-11月');
    expect(periodLabel('2024M11', 'en', 'ytd')).toBe('Jan–Nov 2024');
    expect(periodLabel('2024Q3', 'zh', 'ytd')).toBe('2024年前三季度');
    expect(periodLabel('2024Q3', 'zh')).toBe('2024年三季度');
    expect(periodLabel('2024M03', 'en')).toBe('Mar 2024');
  });
});
