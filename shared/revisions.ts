/**
 * The revision report: what changed between two snapshots, with the differences an analyst reads
 * first (absolute and relative change, change of growth in percentage points, change of rank).
 * Pure, so the diff grid and the xlsx export show the same figures.
 */
import type { DiffRow, SnapshotDiff } from './api/schemas';
import { roundToSignificant } from './units';

export type RevisionChange = DiffRow['change'];

/** One row of the revision report. */
export interface RevisionRow {
  /** `${indicatorCode}|${regionCode}|${period}`: one cell. */
  readonly id: string;
  readonly change: RevisionChange;
  readonly indicatorCode: string;
  readonly regionCode: string;
  readonly period: string;
  /** The stored unit of both values. */
  readonly unit: string;
  readonly oldValue: number | null;
  readonly newValue: number | null;
  /** newValue − oldValue, when both exist. */
  readonly absoluteChange: number | null;
  /** The change as a percentage of |oldValue|, when both exist and oldValue is not 0. */
  readonly relativeChangePct: number | null;
  readonly oldGrowthPct: number | null;
  readonly newGrowthPct: number | null;
  /** New growth − old growth, in percentage points. */
  readonly growthChangePp: number | null;
  readonly oldRank: number | null;
  readonly newRank: number | null;
  /** Places moved up: old rank − new rank (5th → 3rd is +2). */
  readonly rankChange: number | null;
}

export interface RevisionFilter {
  readonly indicatorCode?: string | null;
  readonly regionCode?: string | null;
}

export interface RevisionCounts {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
}

/** `new − old` without binary noise (8.1 − 7.9 is 0.2, not 0.1999…); null unless both exist. */
export function difference(oldValue: number | null, newValue: number | null): number | null {
  if (oldValue === null || newValue === null) return null;
  return roundToSignificant(newValue - oldValue, 12);
}

/** `(new − old) / |old|` in percent; null when either is missing or old is 0. */
export function relativeChangePct(oldValue: number | null, newValue: number | null): number | null {
  if (oldValue === null || newValue === null || oldValue === 0) return null;
  return roundToSignificant(((newValue - oldValue) / Math.abs(oldValue)) * 100, 12);
}

export function cellId(indicatorCode: string, regionCode: string, period: string): string {
  return `${indicatorCode}|${regionCode}|${period}`;
}

export function revisionRow(row: DiffRow): RevisionRow {
  return {
    id: cellId(row.indicatorCode, row.regionCode, row.period),
    change: row.change,
    indicatorCode: row.indicatorCode,
    regionCode: row.regionCode,
    period: row.period,
    unit: row.unit,
    oldValue: row.oldValue,
    newValue: row.newValue,
    absoluteChange: difference(row.oldValue, row.newValue),
    relativeChangePct: relativeChangePct(row.oldValue, row.newValue),
    oldGrowthPct: row.oldGrowthReportedPct,
    newGrowthPct: row.newGrowthReportedPct,
    growthChangePp: difference(row.oldGrowthReportedPct, row.newGrowthReportedPct),
    oldRank: row.oldRankReported,
    newRank: row.newRankReported,
    rankChange: row.oldRankReported === null || row.newRankReported === null ? null : row.oldRankReported - row.newRankReported,
  };
}

/** Every row of a diff as a revision row, in the diff's order (catalogue order of the cells). */
export function revisionRows(diff: SnapshotDiff): RevisionRow[] {
  return diff.rows.map(revisionRow);
}

/** Rows of one indicator and/or one region; null or absent means all. */
export function filterRevisions(rows: readonly RevisionRow[], filter: RevisionFilter): RevisionRow[] {
  return rows.filter(
    (row) => (!filter.indicatorCode || row.indicatorCode === filter.indicatorCode) && (!filter.regionCode || row.regionCode === filter.regionCode),
  );
}

export function countRevisions(rows: readonly RevisionRow[]): RevisionCounts {
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const row of rows) counts[row.change] += 1;
  return counts;
}
