/**
 * The long table's columns and how its cells edit: value, reported growth and rank, note, source
 * and flags are the observation's own; growth computed, the gap, the share and the peer rank are
 * derived on read and read-only.
 */
import type { ColDef } from 'ag-grid-community';
import type { CellRef } from '../../../shared/editing/consistency';
import type { Language } from '../../../shared/format';
import type { SheetAdapter } from '../editing/sheet';
import { flagsText, plainNumber } from '../editing/targets';
import type { EditField, EditTarget } from '../editing/targets';
import { formatPoints, formatRate } from './buildLongRows';
import type { LongRow } from './buildLongRows';
import { MISSING } from './buildWideRows';

export interface LongLabels {
  readonly indicator: string;
  readonly region: string;
  readonly period: string;
  readonly unit: string;
  readonly value: string;
  readonly growthReported: string;
  readonly rankReported: string;
  readonly note: string;
  readonly source: string;
  readonly flags: string;
  readonly growthComputed: string;
  readonly gap: string;
  readonly share: string;
  readonly peerRank: string;
  readonly peerRankValue: (rank: number, of: number) => string;
  readonly rankValue: (rank: number) => string;
}

/** The editable columns in order: a block copied from Excel as value, growth, rank, note pastes straight in. */
const EDITABLE: readonly EditField[] = ['value', 'growthReportedPct', 'rankReported', 'note', 'source', 'flags'];
export const LONG_COLUMN_ID: Record<EditField, string> = {
  value: 'value',
  growthReportedPct: 'growthReported',
  rankReported: 'rankReported',
  note: 'note',
  source: 'source',
  flags: 'flags',
};
const FIELD_OF_COLUMN = new Map(EDITABLE.map((field) => [LONG_COLUMN_ID[field], field]));

export function longRowLabel(row: LongRow): string {
  return `${row.indicatorName} · ${row.regionName} · ${row.periodLabel}`;
}

function fieldText(row: LongRow, field: EditField, language: Language): string {
  switch (field) {
    case 'value':
      return plainNumber(row.value);
    case 'growthReportedPct':
      return plainNumber(row.growthReported);
    case 'rankReported':
      return plainNumber(row.rankReported);
    case 'note':
      return row.note ?? '';
    case 'source':
      return row.source ?? '';
    case 'flags':
      return flagsText(row.flags, language);
  }
}

export function createLongAdapter(columnLabel: (colId: string) => string, language: Language, labels: Pick<LongLabels, 'peerRankValue'>): SheetAdapter<LongRow> {
  return {
    targetOf: (row, colId): EditTarget | null => {
      const field = FIELD_OF_COLUMN.get(colId);
      if (!field) return null;
      return {
        indicatorCode: row.indicatorCode,
        regionCode: row.regionCode,
        period: row.period,
        field,
        storedUnit: row.storedUnit,
        displayUnit: row.displayUnit,
        rowLabel: longRowLabel(row),
        columnLabel: columnLabel(colId),
        text: fieldText(row, field, language),
      };
    },
    textOf: (row, colId) => {
      const field = FIELD_OF_COLUMN.get(colId);
      if (field) return fieldText(row, field, language);
      const texts: Record<string, string> = {
        indicator: row.indicatorName,
        region: row.regionName,
        period: row.periodLabel,
        unit: row.unitLabel,
        growthComputed: plainNumber(row.growthComputed),
        gap: plainNumber(row.gap),
        share: plainNumber(row.share),
        peerRank: row.peerRank ? labels.peerRankValue(row.peerRank.rank, row.peerRank.of) : '',
      };
      return texts[colId] ?? '';
    },
    rowLabel: longRowLabel,
    rowKeys: (row) => [{ indicatorCode: row.indicatorCode, regionCode: row.regionCode, period: row.period }],
  };
}

export function locateInLong(cell: CellRef): { rowId: string; colId: string } {
  return { rowId: `${cell.indicatorCode}|${cell.regionCode}|${cell.period}`, colId: LONG_COLUMN_ID[cell.field] };
}

/** A figure's column: reported, or derived on read (its cells and header marked as such). */
const numberColumn = (
  colId: string,
  headerName: string,
  get: (row: LongRow) => number | null,
  format: (row: LongRow) => string,
  kind: 'reported' | 'derived' = 'reported',
): ColDef<LongRow> => ({
  colId,
  headerName,
  type: 'rightAligned',
  minWidth: 90,
  valueGetter: ({ data }) => (data ? get(data) : null),
  valueFormatter: ({ data }) => (data ? format(data) : ''),
  // Follows the value, so a cellClass (see the wide table's period columns in columnDefs.ts).
  cellClass: ({ data }) => {
    const isMissing = (data ? get(data) : null) === null;
    if (kind === 'reported') return isMissing ? 'cell-missing' : undefined;
    return isMissing ? ['cell-derived', 'cell-missing'] : 'cell-derived';
  },
  ...(kind === 'derived' ? { headerClass: 'header-derived' } : {}),
});

export function buildLongColumnDefs(labels: LongLabels, language: Language, isWrapping = true): ColDef<LongRow>[] {
  return [
    {
      colId: 'indicator',
      headerName: labels.indicator,
      field: 'indicatorName',
      pinned: 'left',
      minWidth: 160,
      maxWidth: 300,
      wrapText: isWrapping,
      autoHeight: isWrapping,
      tooltipField: isWrapping ? undefined : 'indicatorName',
      cellClass: isWrapping ? 'cell-name' : undefined,
    },
    { colId: 'region', headerName: labels.region, field: 'regionName', pinned: 'left', minWidth: 80 },
    { colId: 'period', headerName: labels.period, field: 'periodLabel', pinned: 'left', minWidth: 80, comparator: (_a, _b, nodeA, nodeB) => (nodeA.data?.period ?? '').localeCompare(nodeB.data?.period ?? '') },
    { colId: 'unit', headerName: labels.unit, field: 'unitLabel', pinned: 'left', minWidth: 64, sortable: false },
    {
      ...numberColumn('value', labels.value, (row) => row.value, (row) => row.valueText),
      tooltipValueGetter: ({ data }) => (data?.flags.length ? flagsText(data.flags, language) : undefined),
      // A flag can change alone (the value and its text the same), so it is a rule, run on every refresh.
      cellClassRules: { 'cell-flagged': ({ data }) => (data?.flags.length ?? 0) > 0 },
    },
    numberColumn('growthReported', labels.growthReported, (row) => row.growthReported, (row) => formatRate(row.growthReported, language)),
    numberColumn('rankReported', labels.rankReported, (row) => row.rankReported, (row) => (row.rankReported === null ? MISSING : labels.rankValue(row.rankReported))),
    { colId: 'note', headerName: labels.note, field: 'note', minWidth: 160, maxWidth: 360, tooltipField: 'note', valueFormatter: ({ value }) => (value as string | null) ?? '' },
    { colId: 'source', headerName: labels.source, field: 'source', minWidth: 120, maxWidth: 300, tooltipField: 'source', valueFormatter: ({ value }) => (value as string | null) ?? '' },
    { colId: 'flags', headerName: labels.flags, minWidth: 90, valueGetter: ({ data }) => (data ? flagsText(data.flags, language) : '') },
    numberColumn('growthComputed', labels.growthComputed, (row) => row.growthComputed, (row) => formatRate(row.growthComputed, language), 'derived'),
    numberColumn('gap', labels.gap, (row) => row.gap, (row) => formatPoints(row.gap, language), 'derived'),
    numberColumn('share', labels.share, (row) => row.share, (row) => formatRate(row.share, language), 'derived'),
    numberColumn(
      'peerRank',
      labels.peerRank,
      (row) => row.peerRank?.rank ?? null,
      (row) => (row.peerRank ? labels.peerRankValue(row.peerRank.rank, row.peerRank.of) : MISSING),
      'derived',
    ),
  ];
}
