import { describe, expect, it } from 'vitest';
import type { Catalog, DiffRow, HistoryEntry } from '../../../shared/api/schemas';
import { revisionRow } from '../../../shared/revisions';
import { displayHistory, displayRevisionRow, oldToNew, rankChangeText } from './revisionDisplay';

const catalog: Catalog = {
  categories: [{ code: 'industry', nameZh: '工业经济', nameEn: 'Industrial economy' }],
  indicators: [
    { code: 'iva', nameZh: '规上工业增加值', nameEn: 'Industrial value added', unit: 'billion yuan', kind: 'flow', accumulation: 'ytd', category: 'industry', parentCode: null, sourceNote: null },
  ],
  regions: [{ code: '331100', nameZh: '丽水市', nameEn: 'Lishui', level: 'city', parentCode: null }],
};

const diffRow: DiffRow = {
  change: 'changed',
  indicatorCode: 'iva',
  regionCode: '331100',
  period: '2024M11',
  unit: 'billion yuan',
  oldValue: 471.78,
  newValue: 469.5,
  oldGrowthReportedPct: 9.3,
  newGrowthReportedPct: 9.3,
  oldRankReported: 5,
  newRankReported: 6,
};
const changed = revisionRow(diffRow);

describe('displayRevisionRow', () => {
  it('shows figures in the unit a reader expects, with signed changes', () => {
    const zh = displayRevisionRow(changed, catalog, 'zh');
    expect(zh).toMatchObject({ indicatorName: '规上工业增加值', regionName: '丽水市', periodText: '2024年1-11月', unitLabel: '亿元', oldValue: 4717.8, newValue: 4695 });
    expect(zh.texts).toEqual({
      oldValue: '4717.8',
      newValue: '4695',
      absoluteChange: '-22.8',
      relativeChange: '-0.48%',
      growth: '9.3%',
      growthChange: '0.0',
      rank: '5 → 6',
      rankChange: '↓1',
    });
    const en = displayRevisionRow(changed, catalog, 'en');
    expect(en).toMatchObject({ indicatorName: 'Industrial value added', periodText: 'Jan–Nov 2024', unitLabel: 'billion yuan' });
    expect(en.texts.oldValue).toBe('471.78');
  });

  it('puts a dash where a side is missing', () => {
    const added = displayRevisionRow(revisionRow({ ...diffRow, change: 'added', oldValue: null, oldGrowthReportedPct: null, oldRankReported: null }), catalog, 'zh');
    expect(added.texts).toMatchObject({ oldValue: '—', absoluteChange: '—', relativeChange: '—', growth: '— → 9.3%', rank: '— → 6', rankChange: '—' });
  });

  it('names unknown codes by their code', () => {
    expect(displayRevisionRow({ ...changed, indicatorCode: 'gone', regionCode: 'x' }, catalog, 'zh')).toMatchObject({ indicatorName: 'gone', regionName: 'x' });
  });
});

describe('small formatters', () => {
  it('writes old → new once when nothing changed, and places moved with arrows', () => {
    expect(oldToNew('5', '3')).toBe('5 → 3');
    expect(oldToNew('—', '—')).toBe('—');
    expect([rankChangeText(2), rankChangeText(-1), rankChangeText(0), rankChangeText(null)]).toEqual(['↑2', '↓1', '0', '—']);
  });
});

describe('displayHistory', () => {
  const version = (over: Partial<HistoryEntry>): HistoryEntry => ({
    versionId: 1, value: 471.78, growthReportedPct: 9.3, rankReported: 5, flags: [], note: null, source: '月报', fromSeq: 1, toSeq: null, firstSnapshotLabel: 'A', recordedAt: '2025-01-08T06:05:00.000Z', ...over,
  });

  it('lists the newest first and says which versions were replaced, removed or are current', () => {
    const rows = displayHistory(
      [version({ versionId: 1, toSeq: 2 }), version({ versionId: 2, value: 480, fromSeq: 2, toSeq: 3, firstSnapshotLabel: 'B' }), version({ versionId: 3, value: 490, fromSeq: 5, firstSnapshotLabel: null, source: null })],
      'billion yuan',
      'zh',
      (iso) => iso.slice(0, 10),
    );
    expect(rows.map((row) => [row.versionId, row.value, row.state, row.snapshotLabel, row.source])).toEqual([
      [3, '4900亿元', 'current', null, '—'],
      // Closed at 3 while the next version opened at 5: the cell was removed in between.
      [2, '4800亿元', 'removedAfter', 'B', '月报'],
      [1, '4717.8亿元', 'superseded', 'A', '月报'],
    ]);
    expect(rows[0]?.recordedAt).toBe('2025-01-08');
  });
});
