import { describe, expect, it } from 'vitest';
import type { DiffRow } from './api/schemas';
import { countRevisions, difference, filterRevisions, relativeChangePct, revisionRow, revisionRows } from './revisions';

const base: DiffRow = {
  change: 'changed',
  indicatorCode: 'industrial_value_added',
  regionCode: '331100',
  period: '2024',
  unit: 'billion yuan',
  oldValue: 471.78,
  newValue: 480,
  oldGrowthReportedPct: 7.9,
  newGrowthReportedPct: 8.1,
  oldRankReported: 5,
  newRankReported: 3,
};

describe('revisionRow', () => {
  it('computes absolute and relative change, growth in pp and places moved up', () => {
    const row = revisionRow(base);
    expect(row.id).toBe('industrial_value_added|331100|2024');
    expect(row.absoluteChange).toBe(8.22);
    expect(row.relativeChangePct).toBeCloseTo(1.742337, 5);
    // 8.1 − 7.9 in floating point is 0.1999…; the report says 0.2.
    expect(row.growthChangePp).toBe(0.2);
    expect(row.rankChange).toBe(2);
  });

  it('leaves a difference empty when one side is missing, and relative change when the old value is 0', () => {
    const added = revisionRow({ ...base, change: 'added', oldValue: null, oldGrowthReportedPct: null, oldRankReported: null });
    expect([added.absoluteChange, added.relativeChangePct, added.growthChangePp, added.rankChange]).toEqual([null, null, null, null]);
    expect(relativeChangePct(0, 5)).toBeNull();
    expect(difference(0, 5)).toBe(5);
    expect(relativeChangePct(-10, -5)).toBe(50);
  });
});

describe('filterRevisions and countRevisions', () => {
  const rows = revisionRows({
    from: { seq: 1, label: 'A' },
    to: { seq: 2, label: 'B' },
    rows: [
      base,
      { ...base, regionCode: '330000', change: 'removed', newValue: null },
      { ...base, indicatorCode: 'semiconductor_output', change: 'added', oldValue: null },
    ],
  });

  it('keeps one indicator, one region or both; null keeps all', () => {
    expect(filterRevisions(rows, {}).length).toBe(3);
    expect(filterRevisions(rows, { indicatorCode: 'industrial_value_added' }).map((r) => r.regionCode)).toEqual(['331100', '330000']);
    expect(filterRevisions(rows, { regionCode: '331100', indicatorCode: null }).map((r) => r.indicatorCode)).toEqual(['industrial_value_added', 'semiconductor_output']);
    expect(filterRevisions(rows, { indicatorCode: 'semiconductor_output', regionCode: '330000' })).toEqual([]);
  });

  it('counts added, removed and changed', () => {
    expect(countRevisions(rows)).toEqual({ added: 1, removed: 1, changed: 1 });
  });
});
