import { describe, expect, it } from 'vitest';
import { averageGrowth, averageOfRates, logLinearTrend } from './history';
import { studentTCdf, studentTTwoTailedInverse } from './studentT';

const history = [
  { year: 2019, value: 100 },
  { year: 2020, value: 104 },
  { year: 2021, value: 113 },
  { year: 2022, value: 119 },
  { year: 2023, value: 131 },
  { year: 2024, value: 140 },
];

describe('average growth from history', () => {
  it('is geometric over the last k years', () => {
    expect(averageGrowth(history, 5)).toEqual({ kind: 'average', growthPct: expect.closeTo((Math.pow(1.4, 1 / 5) - 1) * 100, 12), fromYear: 2019, toYear: 2024, years: 5 });
    expect(averageGrowth(history, 2)).toMatchObject({ fromYear: 2022, growthPct: expect.closeTo((Math.sqrt(140 / 119) - 1) * 100, 12) });
  });

  it('needs the year k back', () => {
    expect(averageGrowth(history, 6)).toEqual({ kind: 'refused', reason: 'TOO_FEW_POINTS', field: 'history' });
  });

  it('averages yearly rates geometrically, not arithmetically', () => {
    const average = averageOfRates([10, -10]);
    if (average.kind !== 'average') throw new Error(average.kind);
    expect(average.growthPct).toBeCloseTo((Math.sqrt(1.1 * 0.9) - 1) * 100, 12);
    expect(average.growthPct).toBeLessThan(0);
    expect(averageOfRates([5, -100])).toMatchObject({ kind: 'refused', field: 'growthPcts[1]' });
  });
});

describe('log-linear trend with a band', () => {
  it('recovers an exact exponential with a zero-width band', () => {
    const exact = [0, 1, 2, 3].map((i) => ({ year: 2020 + i, value: 50 * 1.08 ** i }));
    const trend = logLinearTrend(exact, 2);
    if (trend.kind !== 'trend') throw new Error(trend.kind);
    expect(trend.growthPct).toBeCloseTo(8, 10);
    expect(trend.projected[1]!.value).toBeCloseTo(50 * 1.08 ** 5, 8);
    expect(trend.projected[1]!.upper - trend.projected[1]!.lower).toBeLessThan(1e-6);
  });

  it('widens the band with distance from the data', () => {
    const trend = logLinearTrend(history, 3);
    if (trend.kind !== 'trend') throw new Error(trend.kind);
    expect(trend.projected.map((p) => p.year)).toEqual([2025, 2026, 2027]);
    const widths = trend.projected.map((p) => Math.log(p.upper / p.lower));
    expect(widths[1]).toBeGreaterThan(widths[0]!);
    expect(widths[2]).toBeGreaterThan(widths[1]!);
    for (const point of trend.projected) {
      expect(point.lower).toBeLessThan(point.value);
      expect(point.upper).toBeGreaterThan(point.value);
    }
  });

  it('needs three distinct years', () => {
    expect(logLinearTrend(history.slice(0, 2), 1)).toMatchObject({ kind: 'refused', reason: 'TOO_FEW_POINTS' });
    expect(logLinearTrend([...history.slice(0, 2), { year: 2019, value: 5 }], 1)).toMatchObject({ kind: 'refused', reason: 'TOO_FEW_POINTS' });
    expect(logLinearTrend([...history, { year: 2025, value: 0 }], 1)).toMatchObject({ kind: 'refused', reason: 'NON_POSITIVE_LEVEL' });
  });
});

describe("Student's t", () => {
  it('gives the textbook quantiles', () => {
    expect(studentTTwoTailedInverse(0.05, 1)).toBeCloseTo(12.7062047, 6);
    expect(studentTTwoTailedInverse(0.05, 4)).toBeCloseTo(2.7764451, 6);
    expect(studentTTwoTailedInverse(0.05, 1000)).toBeCloseTo(1.9623391, 6);
    expect(studentTCdf(0, 7)).toBeCloseTo(0.5, 14);
  });
});
