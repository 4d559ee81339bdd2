import { describe, expect, it } from 'vitest';
import { spanLabel } from './periods';
import { additivityOf, aggregate, singleMonthFromYtd, storedPoints, type PeriodPoint } from './ytd';

/** Made-up single months (Jan–Feb combined first) and their year-to-date sums, for 2023 and 2024. */
const SINGLE_2023 = [80, 50, 45, 48, 52, 47, 46, 50, 49, 51, 60];
const SINGLE_2024 = [88, 55, 49.5, 50, 57.2, 49, 48.3, 52.5, 53.9, 56.1, 63];

function ytdObservations(year: number, singles: readonly number[]) {
  let total = 0;
  return singles.map((single, i) => {
    total = Math.round((total + single) * 100) / 100;
    return { period: `${year}M${String(i + 2).padStart(2, '0')}`, value: total };
  });
}

const YTD = storedPoints([...ytdObservations(2023, SINGLE_2023), ...ytdObservations(2024, SINGLE_2024)], 'ytd');
const byPeriod = (points: readonly PeriodPoint[]) => new Map(points.map((p) => [p.period, p]));

describe('single months from year to date', () => {
  it('differences consecutive year-to-date values: November = Jan–Nov − Jan–Oct', () => {
    const singles = byPeriod(aggregate(YTD, 'sum', 'single'));
    expect(singles.get('2024M11')).toEqual({ period: '2024M11', startMonth: 11, value: 56.1 });
    expect(singles.get('2023M12')).toEqual({ period: '2023M12', startMonth: 12, value: 60 });
    const values2024 = [...singles.values()].filter((p) => p.period.startsWith('2024')).map((p) => p.value);
    expect(values2024).toEqual(SINGLE_2024);
  });

  it('keeps the combined Jan–Feb release as the first value, labelled 1-2月, with no separate January or February', () => {
    const singles = byPeriod(aggregate(YTD, 'sum', 'single'));
    const janFeb = singles.get('2024M02')!;
    expect(janFeb).toEqual({ period: '2024M02', startMonth: 1, value: 88 });
    expect(spanLabel(janFeb.period, janFeb.startMonth, 'zh')).toBe('2024年1-2月');
    expect(spanLabel(janFeb.period, janFeb.startMonth, 'en')).toBe('Jan–Feb 2024');
    expect(singles.has('2024M01')).toBe(false);
    const january = singleMonthFromYtd(YTD, '2024M01');
    expect(january.value).toBeNull();
    expect(january.reason?.code).toBe('NO_SEPARATE_MONTH');
    expect(january.reason?.zh).toContain('1月和2月合并发布');
  });

  it('says which input is missing instead of inventing a value', () => {
    const gappy = YTD.filter((p) => p.period !== '2024M10');
    const november = singleMonthFromYtd(gappy, '2024M11');
    expect(november.value).toBeNull();
    expect(november.reason).toMatchObject({ code: 'MISSING_INPUT', periods: ['2024M10'] });
    expect(november.reason?.zh).toBe('需要2024年1-10月的数据，工作区中没有。');
    expect(november.reason?.en).toBe('Needs Jan–Oct 2024, which the workspace does not hold.');
  });

  it('does not subtract rates: a year-to-date growth rate gives no single month', () => {
    const rates = storedPoints([{ period: '2024M10', value: 7.1 }, { period: '2024M11', value: 7.3 }], 'ytd');
    const [, november] = aggregate(rates, additivityOf('rate', 'ytd'), 'single');
    expect(november?.reason?.code).toBe('NOT_ADDITIVE');
  });
});

describe('quarters and years', () => {
  it('sums flows from year to date: Q1 = Jan–Mar, Q4 = Jan–Dec − Jan–Sep, year = Jan–Dec', () => {
    const quarters = byPeriod(aggregate(YTD, 'sum', 'quarter'));
    expect(quarters.get('2024Q1')).toEqual({ period: '2024Q1', startMonth: 1, value: 143 });
    expect(quarters.get('2024Q4')).toEqual({ period: '2024Q4', startMonth: 10, value: 173 });
    expect(byPeriod(aggregate(YTD, 'sum', 'year')).get('2023')).toMatchObject({ value: 578 });
  });

  it('sums flows from single months, with the combined Jan–Feb counting for both months', () => {
    const singles = aggregate(YTD, 'sum', 'single');
    expect(byPeriod(aggregate(singles, 'sum', 'quarter')).get('2024Q1')?.value).toBe(143);
    expect(byPeriod(aggregate(singles, 'sum', 'year')).get('2024')?.value).toBe(622.5);
  });

  it('takes stocks at the end of the period and says why a quarter is missing', () => {
    const stock = storedPoints([{ period: '2024M01', value: 10 }, { period: '2024M02', value: 12 }, { period: '2024M03', value: 11 }, { period: '2024M04', value: 13 }], 'point');
    const quarters = aggregate(stock, 'end', 'quarter');
    expect(quarters[0]).toEqual({ period: '2024Q1', startMonth: 1, value: 11 });
    expect(quarters[1]?.reason).toMatchObject({ code: 'MISSING_INPUT', periods: ['2024M06'] });
    const flows = aggregate(storedPoints([{ period: '2024M01', value: 1 }, { period: '2024M03', value: 3 }], 'point'), 'sum', 'quarter');
    expect(flows[0]?.reason).toMatchObject({ code: 'MISSING_INPUT', periods: ['2024M02'] });
  });

  it('builds year to date from single months', () => {
    const singles = aggregate(YTD, 'sum', 'single');
    const ytd = byPeriod(aggregate(singles, 'sum', 'ytd'));
    expect(ytd.get('2024M11')).toEqual({ period: '2024M11', startMonth: 1, value: 559.5 });
    expect(ytd.get('2024M02')).toEqual({ period: '2024M02', startMonth: 1, value: 88 });
  });

  it('does not split an annual value into quarters', () => {
    const annual = storedPoints([{ period: '2024', value: 471.78 }], 'point');
    expect(aggregate(annual, 'sum', 'quarter')).toEqual([]);
    expect(aggregate(annual, 'sum', 'year')).toEqual([{ period: '2024', startMonth: 1, value: 471.78 }]);
  });
});
