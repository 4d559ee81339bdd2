import { describe, expect, it } from 'vitest';
import { comparePeriods, isPeriodCode, parsePeriod, periodLabel, shiftPeriod, spanLabel, yearsEarlier } from './periods';

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

describe('period arithmetic', () => {
  it('shifts periods across year ends and goes back whole years', () => {
    expect(shiftPeriod('2024M01', -1)).toBe('2023M12');
    expect(shiftPeriod('2024Q4', 1)).toBe('2025Q1');
    expect(shiftPeriod('2024', -3)).toBe('2021');
    expect(yearsEarlier('2024M11')).toBe('2023M11');
    expect(yearsEarlier('2024Q3', 5)).toBe('2019Q3');
    expect(shiftPeriod('nope', 1)).toBeUndefined();
  });

  it('labels spans of months: single months, year to date, the combined Jan–Feb and other spans', () => {
    expect(spanLabel('2024M11', 11, 'zh')).toBe('2024年11月');
    expect(spanLabel('2024M11', 1, 'zh')).toBe('2024年1-11月');
    expect(spanLabel('2024M11', 1, 'en')).toBe('Jan–Nov 2024');
    expect(spanLabel('2024M02', 1, 'zh')).toBe('2024年1-2月');
    expect(spanLabel('2024M05', 3, 'en')).toBe('Mar–May 2024');
    expect(spanLabel('2024Q3', 7, 'zh')).toBe('2024年三季度');
    expect(spanLabel('2024Q3', 1, 'zh')).toBe('2024年前三季度');
    expect(spanLabel('2024', 1, 'en')).toBe('2024');
  });
});
