import { describe, expect, it } from 'vitest';
import { aggregate, storedPoints } from '../ytd';
import { applyTransform, growthKey, parseTransform, resultUnitLabel, transformText, type Transform } from './index';

const annual = (values: Record<string, number | null>, unit = 'billion yuan') => ({
  unit,
  points: storedPoints(Object.entries(values).map(([period, value]) => ({ period, value })), 'point'),
});
const valuesOf = (series: { points: readonly { period: string; value: number | null }[] }) => Object.fromEntries(series.points.map((p) => [p.period, p.value]));
const t = (text: string): Transform => parseTransform(text)!;

describe('parseTransform', () => {
  it('reads the CLI syntax and writes it back', () => {
    for (const text of ['level', 'change', 'change:yoy', 'pct', 'yoy', 'pp', 'pp:yoy', 'index:2020', 'share', 'cagr:5', 'gap']) {
      expect(transformText(t(text)), text).toBe(text);
    }
    expect(parseTransform('index:2024m1')).toEqual({ kind: 'index', base: '2024M01' });
    expect(parseTransform('pch')).toEqual({ kind: 'pct' });
    for (const bad of ['', 'index', 'index:20x', 'cagr:0', 'cagr:x', 'yoy:2', 'logs']) expect(parseTransform(bad), bad).toBeUndefined();
  });
});

describe('applyTransform', () => {
  const levels = annual({ 2019: 300, 2020: 320, 2021: 360, 2022: 400, 2023: 431.64, 2024: 471.78 });

  it('keeps the level and its unit', () => {
    const result = applyTransform(t('level'), levels);
    expect(result.unit).toBe('billion yuan');
    expect(valuesOf(result)['2024']).toBe(471.78);
  });

  it('computes change, % change and % change from a year ago with explicit units', () => {
    expect(applyTransform(t('change'), levels)).toMatchObject({ unit: 'billion yuan' });
    expect(valuesOf(applyTransform(t('change'), levels))['2024']).toBe(40.14);
    const yoy = applyTransform(t('yoy'), { ...levels, reportedGrowth: new Map([[growthKey('2024', 1), 9.3]]) });
    expect(yoy.unit).toBe('%');
    expect(yoy.points.at(-1)?.value).toBeCloseTo(9.2994, 4);
    // Shown next to the reported comparable-basis growth, never replacing it.
    expect(yoy.points.at(-1)?.reportedGrowthPct).toBe(9.3);
    expect(yoy.points[0]).toMatchObject({ value: null, reason: { code: 'MISSING_INPUT', periods: ['2018'] } });
    expect(valuesOf(applyTransform(t('pct'), levels))['2020']).toBeCloseTo(6.6667, 4);
  });

  it('indexes to a base period and computes compound annual growth', () => {
    const index = applyTransform(t('index:2020'), levels);
    expect(index).toMatchObject({ unit: 'index', base: '2020' });
    expect(valuesOf(index)['2020']).toBe(100);
    expect(valuesOf(index)['2022']).toBe(125);
    const cagr = applyTransform(t('cagr:5'), levels);
    expect(cagr.unit).toBe('%');
    expect(valuesOf(cagr)['2024']).toBeCloseTo(((471.78 / 300) ** (1 / 5) - 1) * 100, 10);
    expect(cagr.points.at(-2)?.reason?.code).toBe('MISSING_INPUT');
  });

  it('gives percentage-point changes of rates and refuses them for levels', () => {
    const shares = annual({ 2023: 1.9, 2024: 2.05 }, '%');
    const pp = applyTransform(t('pp'), shares);
    expect(pp.unit).toBe('pp');
    expect(valuesOf(pp)['2024']).toBe(0.15);
    expect(applyTransform(t('change'), shares).unit).toBe('pp');
    expect(applyTransform(t('pp'), levels).points[0]?.reason?.code).toBe('NOT_A_RATE');
  });

  it('computes the share of a parent in another unit of money', () => {
    const share = applyTransform(t('share'), { ...annual({ 2024: 4.113 }), parent: annual({ 2024: 4717.8 }, '亿元') });
    expect(share.unit).toBe('%');
    expect(share.points[0]?.value).toBeCloseTo(0.8718, 4);
    expect(applyTransform(t('share'), annual({ 2024: 4.113 })).points[0]?.reason?.code).toBe('NO_PARENT_VALUE');
  });

  it('takes the gap to a comparator from reported growth when both are printed', () => {
    const lishui = { ...annual({ 2024: 471.78 }), reportedGrowth: new Map([[growthKey('2024', 1), 9.3]]) };
    const zhejiang = { ...annual({ 2024: null }), reportedGrowth: new Map([[growthKey('2024', 1), 7.5]]) };
    const gap = applyTransform(t('gap'), { ...lishui, comparator: zhejiang });
    expect(gap.unit).toBe('pp');
    expect(gap.points[0]).toMatchObject({ value: 1.8, basis: 'reported' });
    expect(applyTransform(t('gap'), lishui).points[0]?.reason?.code).toBe('NO_COMPARATOR');
  });

  it('aggregates first, then transforms: growth of single months from year-to-date values', () => {
    const ytd = storedPoints(
      [
        { period: '2023M02', value: 80 },
        { period: '2023M03', value: 130 },
        { period: '2024M02', value: 88 },
        { period: '2024M03', value: 143 },
      ],
      'ytd',
    );
    const singles = aggregate(ytd, 'sum', 'single');
    const yoy = applyTransform(t('yoy'), { unit: '亿元', points: singles });
    expect(valuesOf(yoy)).toEqual({ '2023M02': null, '2023M03': null, '2024M02': 10, '2024M03': 10 });
    // March against the combined Jan–Feb is not a comparison of like with like.
    expect(applyTransform(t('pct'), { unit: '亿元', points: singles }).points.at(-1)?.reason?.code).toBe('SPAN_MISMATCH');
  });

  it('labels result units in both languages', () => {
    expect(resultUnitLabel('pp', 'zh')).toBe('个百分点');
    expect(resultUnitLabel('index', 'en', '2020')).toBe('index (2020 = 100)');
    expect(resultUnitLabel('billion yuan', 'en')).toBe('billion yuan');
  });
});
