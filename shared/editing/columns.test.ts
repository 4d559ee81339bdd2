import { describe, expect, it } from 'vitest';
import { ObservationColumns } from '../api/methods/editing';
import type { Observation } from '../api/schemas';
import { decodeColumns, decodeSteps, encodeColumns, encodeSteps } from './columns';

const obs = (indicatorCode: string, regionCode: string, period: string, value: number | null, extra: Partial<Observation> = {}): Observation => ({
  versionId: 10,
  indicatorCode,
  regionCode,
  period,
  value,
  unit: 'billion yuan',
  growthReportedPct: null,
  rankReported: null,
  flags: [],
  note: null,
  source: null,
  fromSeq: 3,
  ...extra,
});

describe('observation columns', () => {
  it('stores rows in key order as a few step runs', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => 100 + i);
    const runs = encodeSteps(ids);
    expect(runs).toEqual([100, 1, 1, 3999]);
    expect([...decodeSteps(runs, ids.length)]).toEqual(ids);
    const periods = Array.from({ length: 400 }, (_, i) => i % 40);
    expect(encodeSteps(periods).length).toBeLessThan(periods.length / 5);
    expect([...decodeSteps(encodeSteps(periods), periods.length)]).toEqual(periods);
  });

  it('round-trips figures, growth, rank, flags, notes and sources', () => {
    const observations = [
      obs('iva', '331100', '2024', 471.78, { growthReportedPct: 9.3, rankReported: 5, flags: ['as_printed'], note: '快报', versionId: 7 }),
      obs('iva', '331100', '2023', null, { source: '工作报告', fromSeq: 1 }),
      obs('land', '330000', '2024M11', 0.30000000000000004, { versionId: 99 }),
    ];
    const columns = encodeColumns(observations);
    expect(ObservationColumns.parse(JSON.parse(JSON.stringify(columns)))).toEqual(columns);
    expect(decodeColumns(columns)).toEqual(observations);
    expect(columns.growthReportedPct).toEqual({ rows: [0], values: [9.3] });
  });

  it('refuses columns that do not fit together', () => {
    const columns = encodeColumns([obs('iva', '331100', '2024', 1), obs('iva', '331100', '2023', 2)]);
    expect(ObservationColumns.safeParse({ ...columns, value: [1] }).success).toBe(false);
    expect(ObservationColumns.safeParse({ ...columns, region: [0, 1, 1, 1] }).success).toBe(false);
    expect(ObservationColumns.safeParse({ ...columns, period: [0, 3] }).success).toBe(false);
    expect(ObservationColumns.safeParse({ ...columns, rankReported: { rows: [5], values: [1] } }).success).toBe(false);
    expect(ObservationColumns.safeParse({ ...columns, rankReported: { rows: [0], values: [1.5] } }).success).toBe(false);
    expect(ObservationColumns.safeParse(columns).success).toBe(true);
  });

  it('refuses malformed entries in the long columns (checked in one loop each, not by zod per element)', () => {
    const columns = encodeColumns([obs('iva', '331100', '2024', 1), obs('iva', '331100', '2023', 2)]);
    const refused = (patch: Record<string, unknown>) => ObservationColumns.safeParse({ ...columns, ...patch }).success === false;
    // Step runs: pairs of a whole-number step and a positive whole count.
    expect(refused({ versionId: [1, 2, 3] })).toBe(true);
    expect(refused({ versionId: [1.5, 2] })).toBe(true);
    expect(refused({ versionId: [1, 0, 1, 2] })).toBe(true);
    expect(refused({ versionId: ['1', 2] })).toBe(true);
    expect(refused({ versionId: { 0: 1, 1: 2 } })).toBe(true);
    expect(refused({ fromSeq: [1, -2] })).toBe(true);
    // Figures: numbers or nulls; sparse columns: row indexes and numbers.
    expect(refused({ value: [1, Number.NaN] })).toBe(true);
    expect(refused({ value: [1, '2'] })).toBe(true);
    expect(refused({ growthReportedPct: { rows: [-1], values: [1] } })).toBe(true);
    expect(refused({ growthReportedPct: { rows: [0.5], values: [1] } })).toBe(true);
    expect(refused({ growthReportedPct: { rows: [0], values: [Number.POSITIVE_INFINITY] } })).toBe(true);
    expect(refused({ growthReportedPct: { rows: [0], values: [null] } })).toBe(true);
    expect(refused({ growthReportedPct: { rows: [0], values: [1], extra: 1 } })).toBe(true);
    expect(refused({ versionId: [2, 2], fromSeq: [3, 1, 0, 1] })).toBe(false);
  });
});
