/** How the wide table's cells edit: a period column is that period's value, growth and rank are the row's latest period's. */
import type { CellRef } from '../../../shared/editing/consistency';
import type { SheetAdapter } from '../editing/sheet';
import { plainNumber } from '../editing/targets';
import type { EditTarget } from '../editing/targets';
import { MISSING, rowId } from './buildWideRows';
import type { WideRow } from './buildWideRows';
import { GROWTH_COLUMN_ID, periodColumnId, RANK_COLUMN_ID } from './columnDefs';

const PERIOD_PREFIX = periodColumnId('');

export function wideRowLabel(row: WideRow): string {
  return `${row.indicatorName} · ${row.regionName}`;
}

export function createWideAdapter(columnLabel: (colId: string) => string): SheetAdapter<WideRow> {
  const target = (row: WideRow, colId: string, period: string, field: EditTarget['field'], value: number | null): EditTarget => ({
    indicatorCode: row.indicatorCode,
    regionCode: row.regionCode,
    period,
    field,
    storedUnit: row.storedUnit,
    displayUnit: row.displayUnit,
    rowLabel: wideRowLabel(row),
    columnLabel: columnLabel(colId),
    text: plainNumber(value),
  });
  const targetOf = (row: WideRow, colId: string): EditTarget | null => {
    if (colId.startsWith(PERIOD_PREFIX)) {
      const period = colId.slice(PERIOD_PREFIX.length);
      return target(row, colId, period, 'value', row.cells[period]?.value ?? null);
    }
    if (!row.latestPeriod) return null;
    if (colId === GROWTH_COLUMN_ID) return target(row, colId, row.latestPeriod.period, 'growthReportedPct', row.latestGrowth);
    if (colId === RANK_COLUMN_ID) return target(row, colId, row.latestPeriod.period, 'rankReported', row.latestRank);
    return null;
  };
  return {
    targetOf,
    textOf: (row, colId) => {
      if (colId === 'indicator') return row.indicatorName;
      if (colId === 'region') return row.regionName;
      if (colId === 'unit') return row.unitLabel;
      const text = targetOf(row, colId)?.text ?? '';
      return text === MISSING ? '' : text;
    },
    rowLabel: wideRowLabel,
    rowKeys: (row) => Object.keys(row.cells).map((period) => ({ indicatorCode: row.indicatorCode, regionCode: row.regionCode, period })),
  };
}

/** Where a finding's cell is in the wide table: a reported growth or rank of the latest period sits in its own column. */
export function locateInWide(cell: CellRef, rows: ReadonlyMap<string, WideRow>): { rowId: string; colId: string } {
  const id = rowId(cell.indicatorCode, cell.regionCode);
  const row = rows.get(id);
  const isLatest = row?.latestPeriod?.period === cell.period;
  if (isLatest && cell.field === 'growthReportedPct') return { rowId: id, colId: GROWTH_COLUMN_ID };
  if (isLatest && cell.field === 'rankReported') return { rowId: id, colId: RANK_COLUMN_ID };
  return { rowId: id, colId: periodColumnId(cell.period) };
}
