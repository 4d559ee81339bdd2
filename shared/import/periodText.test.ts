import { describe, expect, it } from 'vitest';
import { periodFromHeader, periodFromText } from './periodText';

describe('periods in titles, file names and headers', () => {
  it('reads years, year-to-date months and quarters from titles', () => {
    expect(periodFromText('17-2 各市国民经济主要指标（2022年）')).toMatchObject({ code: '2022', accumulation: 'point' });
    expect(periodFromText('2024年1-6月全市规上工业主要指标')).toMatchObject({ code: '2024M06', accumulation: 'ytd' });
    expect(periodFromText('2024年1—11月累计')).toMatchObject({ code: '2024M11', accumulation: 'ytd' });
    expect(periodFromText('2024年11月')).toMatchObject({ code: '2024M11', accumulation: 'point' });
    expect(periodFromText('2024年三季度')).toMatchObject({ code: '2024Q3', accumulation: 'point' });
    expect(periodFromText('2024年前三季度')).toMatchObject({ code: '2024Q3', accumulation: 'ytd' });
    expect(periodFromText('2024年7-9月')).toMatchObject({ code: '2024Q3', accumulation: 'point' });
  });

  it('takes the year of "1-11月累计" from elsewhere, and a bare year only when allowed', () => {
    expect(periodFromText('主要指标 1-11月累计', { defaultYear: 2024 })).toMatchObject({ code: '2024M11', accumulation: 'ytd' });
    expect(periodFromText('主要指标 1-11月累计')).toBeUndefined();
    expect(periodFromText('2-12分市地区生产总值(2018)')).toBeUndefined();
    expect(periodFromText('2-12分市地区生产总值(2018)', { allowBareYear: true })).toMatchObject({ code: '2018' });
    // A table number is not a month range.
    expect(periodFromText('17-2 各市国民经济主要指标')).toBeUndefined();
  });

  it('reads a header that is a period, as a number or text', () => {
    expect(periodFromHeader(2016)?.code).toBe('2016');
    expect(periodFromHeader('2016')?.code).toBe('2016');
    expect(periodFromHeader('2016年')?.code).toBe('2016');
    expect(periodFromHeader('2024Q3')?.code).toBe('2024Q3');
    expect(periodFromHeader('1-6月', 2024)).toMatchObject({ code: '2024M06', accumulation: 'ytd' });
    expect(periodFromHeader('生产总值')).toBeUndefined();
    expect(periodFromHeader(4717.8)).toBeUndefined();
  });
});
