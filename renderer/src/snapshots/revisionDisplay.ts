/**
 * The diff grid's model: revision rows with names and figures as the table shows them (471.78
 * billion yuan → 4717.8 亿元). Pure (no React, no AG Grid), tested without a browser.
 */
import type { Catalog, HistoryEntry } from '../../../shared/api/schemas';
import { chooseDisplayUnit, formatNumber, formatPercent, RATE_DECIMALS, toDisplayValue } from '../../../shared/format';
import type { DisplayUnit, Language } from '../../../shared/format';
import { periodLabel } from '../../../shared/periods';
import type { RevisionChange, RevisionRow } from '../../../shared/revisions';
import { findUnit } from '../../../shared/units';

/** Shown where a side has no figure. */
export const MISSING = '—';

export interface RevisionDisplayRow {
  readonly id: string;
  readonly change: RevisionChange;
  readonly indicatorCode: string;
  readonly regionCode: string;
  readonly period: string;
  readonly indicatorName: string;
  readonly regionName: string;
  readonly periodText: string;
  readonly unitLabel: string;
  /** Numbers in the display unit, for sorting; the texts are what the cells show. */
  readonly oldValue: number | null;
  readonly newValue: number | null;
  readonly absoluteChange: number | null;
  readonly relativeChangePct: number | null;
  readonly growthChangePp: number | null;
  readonly rankChange: number | null;
  readonly texts: {
    readonly oldValue: string;
    readonly newValue: string;
    readonly absoluteChange: string;
    readonly relativeChange: string;
    /** Old → new, e.g. "9.3% → 9.5%". */
    readonly growth: string;
    readonly growthChange: string;
    /** Old → new, e.g. "5 → 3". */
    readonly rank: string;
    readonly rankChange: string;
  };
}

function isRateUnit(unit: string): boolean {
  const dimension = findUnit(unit)?.dimension;
  return dimension === 'rate' || dimension === 'rate_difference';
}

/** A figure in a display unit, or the dash. */
export function formatFigure(value: number | null, unit: string, display: DisplayUnit, language: Language): string {
  if (value === null) return MISSING;
  const shown = toDisplayValue(value, unit, display);
  return isRateUnit(unit) ? formatNumber(shown, language, RATE_DECIMALS, RATE_DECIMALS) : formatNumber(shown, language);
}

/** "+82.2", "-0.3", "0": a change always shows its sign. */
export function signed(text: string, value: number): string {
  return value > 0 ? `+${text}` : text;
}

/** "9.3% → 9.5%"; a figure that did not change is shown once; both missing is one dash. */
export function oldToNew(oldText: string, newText: string): string {
  return oldText === newText ? oldText : `${oldText} → ${newText}`;
}

/** Places moved: "↑2" up, "↓1" down, "0" unchanged. */
export function rankChangeText(change: number | null): string {
  if (change === null) return MISSING;
  if (change === 0) return '0';
  return change > 0 ? `↑${change}` : `↓${-change}`;
}

export function displayRevisionRow(row: RevisionRow, catalog: Catalog, language: Language): RevisionDisplayRow {
  const indicator = catalog.indicators.find((candidate) => candidate.code === row.indicatorCode);
  const region = catalog.regions.find((candidate) => candidate.code === row.regionCode);
  const display = chooseDisplayUnit(row.unit, [row.oldValue, row.newValue], language);
  const inDisplay = (value: number | null) => (value === null ? null : toDisplayValue(value, row.unit, display));
  const percent = (value: number | null) => (value === null ? MISSING : formatPercent(value, language));
  return {
    id: row.id,
    change: row.change,
    indicatorCode: row.indicatorCode,
    regionCode: row.regionCode,
    period: row.period,
    indicatorName: indicator ? (language === 'zh' ? indicator.nameZh : indicator.nameEn) : row.indicatorCode,
    regionName: region ? (language === 'zh' ? region.nameZh : region.nameEn) : row.regionCode,
    periodText: periodLabel(row.period, language, indicator?.accumulation ?? 'point'),
    unitLabel: display.label,
    oldValue: inDisplay(row.oldValue),
    newValue: inDisplay(row.newValue),
    absoluteChange: inDisplay(row.absoluteChange),
    relativeChangePct: row.relativeChangePct,
    growthChangePp: row.growthChangePp,
    rankChange: row.rankChange,
    texts: {
      oldValue: formatFigure(row.oldValue, row.unit, display, language),
      newValue: formatFigure(row.newValue, row.unit, display, language),
      absoluteChange: row.absoluteChange === null ? MISSING : signed(formatFigure(row.absoluteChange, row.unit, display, language), row.absoluteChange),
      relativeChange: row.relativeChangePct === null ? MISSING : signed(formatNumber(row.relativeChangePct, language, 2), row.relativeChangePct) + '%',
      growth: oldToNew(percent(row.oldGrowthPct), percent(row.newGrowthPct)),
      growthChange: row.growthChangePp === null ? MISSING : signed(formatNumber(row.growthChangePp, language, RATE_DECIMALS, RATE_DECIMALS), row.growthChangePp),
      rank: oldToNew(row.oldRank === null ? MISSING : String(row.oldRank), row.newRank === null ? MISSING : String(row.newRank)),
      rankChange: rankChangeText(row.rankChange),
    },
  };
}

export function displayRevisionRows(rows: readonly RevisionRow[], catalog: Catalog, language: Language): RevisionDisplayRow[] {
  return rows.map((row) => displayRevisionRow(row, catalog, language));
}

export interface HistoryDisplayRow {
  readonly versionId: number;
  readonly value: string;
  readonly growth: string;
  readonly rank: string;
  readonly snapshotLabel: string | null;
  readonly recordedAt: string;
  readonly source: string;
  readonly state: 'current' | 'removedAfter' | 'superseded';
}

/**
 * The versions of one cell, newest first, with values in one display unit. A closed version with
 * no successor in the list was removed, not replaced.
 */
export function displayHistory(versions: readonly HistoryEntry[], unit: string, language: Language, formatTime: (iso: string) => string): HistoryDisplayRow[] {
  const display = chooseDisplayUnit(unit, versions.map((v) => v.value), language);
  return versions
    .map((version, index): HistoryDisplayRow => {
      const next = versions[index + 1];
      const isReplaced = next !== undefined && version.toSeq !== null && next.fromSeq === version.toSeq;
      return {
        versionId: version.versionId,
        value: formatFigure(version.value, unit, display, language) + (version.value === null ? '' : `${display.separator}${display.label}`),
        growth: version.growthReportedPct === null ? MISSING : formatPercent(version.growthReportedPct, language),
        rank: version.rankReported === null ? MISSING : String(version.rankReported),
        snapshotLabel: version.firstSnapshotLabel,
        recordedAt: formatTime(version.recordedAt),
        source: version.source ?? MISSING,
        state: version.toSeq === null ? 'current' : isReplaced ? 'superseded' : 'removedAfter',
      };
    })
    .reverse();
}

/** An ISO time as the reader's local date and minute ("2025-01-08 14:05"), with seconds on request. */
export function localTime(iso: string, withSeconds = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const minute = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return withSeconds ? `${minute}:${pad(date.getSeconds())}` : minute;
}
