import type { ColDef } from 'ag-grid-community';
import type { ObservationFlag } from '../../../shared/api/schemas';
import { MISSING } from './buildWideRows';
import type { WideCell, WideRow, WideTable } from './buildWideRows';

export interface ColumnLabels {
  readonly indicator: string;
  readonly region: string;
  readonly unit: string;
  /** Header of the growth column: "2024年增速" when every row ends in 2024, "最新增速" otherwise. */
  readonly growth: (periodLabel: string | null) => string;
  /** Header of the rank column, named like the growth column. */
  readonly rank: (periodLabel: string | null) => string;
  /** A rank as words: "第5" in Chinese, "5th" in English. */
  readonly rankValue: (rank: number) => string;
  readonly flag: (flag: ObservationFlag) => string;
}

export const periodColumnId = (period: string): string => `period:${period}`;

/**
 * Up to this many rows, long names wrap onto a second line. Beyond it rows keep one height (names
 * end in "…" and show whole in their tooltip): a row's height is computed from its name's lines,
 * and varying heights make scrolling a long table uneven.
 */
export const WRAP_ROW_LIMIT = 1000;
export const GROWTH_COLUMN_ID = 'growth';
export const RANK_COLUMN_ID = 'rank';

/** Flags and the note of a cell, one per line, for its tooltip. */
function describeCell(cell: WideCell | undefined, labels: ColumnLabels): string | undefined {
  if (!cell) return undefined;
  const lines = [...cell.flags.map(labels.flag), ...(cell.note ? [cell.note] : [])];
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/**
 * Names and unit pinned left, one column per period in order, then growth and rank in each row's
 * latest period. `rowCount` is the whole table's (more than its rows while only its first are in).
 */
export function buildColumnDefs(table: WideTable, labels: ColumnLabels, rowCount = table.rows.length): ColDef<WideRow>[] {
  const isWrapping = rowCount <= WRAP_ROW_LIMIT;
  const pinned: ColDef<WideRow>[] = [
    {
      colId: 'indicator',
      headerName: labels.indicator,
      field: 'indicatorName',
      pinned: 'left',
      minWidth: 160,
      // Long English names wrap onto a second line rather than lose their end (the table sets the
      // row's height from the name's lines: see wrappedRowHeight).
      maxWidth: 320,
      wrapText: isWrapping,
      tooltipField: isWrapping ? undefined : 'indicatorName',
      cellClass: isWrapping ? 'cell-name' : undefined,
    },
    { colId: 'region', headerName: labels.region, field: 'regionName', pinned: 'left', minWidth: 80 },
    { colId: 'unit', headerName: labels.unit, field: 'unitLabel', pinned: 'left', minWidth: 64, sortable: false },
  ];
  const periods: ColDef<WideRow>[] = table.periods.map(({ period, label }) => ({
    colId: periodColumnId(period),
    headerName: label,
    type: 'rightAligned',
    minWidth: 90,
    valueGetter: ({ data }) => data?.cells[period]?.value ?? null,
    valueFormatter: ({ data }) => data?.cells[period]?.text ?? '',
    tooltipValueGetter: ({ data }) => describeCell(data?.cells[period], labels),
    // A class that follows the value is a cellClass: applied when the cell is drawn or its value
    // changes, with nothing set or cleared on the cells without it (see decorateColumns). A flag
    // can change alone, so it stays a rule, which AG Grid runs on every refresh.
    cellClass: ({ data }) => (data?.cells[period]?.value === null ? 'cell-missing' : undefined),
    cellClassRules: { 'cell-flagged': ({ data }) => (data?.cells[period]?.flags.length ?? 0) > 0 },
  }));
  const growth: ColDef<WideRow> = {
    colId: GROWTH_COLUMN_ID,
    headerName: labels.growth(table.commonLatestPeriod?.label ?? null),
    type: 'rightAligned',
    minWidth: 100,
    valueGetter: ({ data }) => data?.latestGrowth ?? null,
    valueFormatter: ({ data }) => data?.latestGrowthText ?? '',
    // When rows end in different periods, say which one each growth belongs to.
    tooltipValueGetter: ({ data }) => (table.commonLatestPeriod ? undefined : data?.latestPeriod?.label),
    cellClass: ({ data }) => (data?.latestGrowth === null ? 'cell-missing' : undefined),
  };
  const rank: ColDef<WideRow> = {
    colId: RANK_COLUMN_ID,
    headerName: labels.rank(table.commonLatestPeriod?.label ?? null),
    type: 'rightAligned',
    minWidth: 80,
    valueGetter: ({ data }) => data?.latestRank ?? null,
    valueFormatter: ({ data }) => {
      const rank = data?.latestRank ?? null;
      return rank === null ? MISSING : labels.rankValue(rank);
    },
    tooltipValueGetter: growth.tooltipValueGetter,
    cellClass: ({ data }) => ((data?.latestRank ?? null) === null ? 'cell-missing' : undefined),
  };
  return [...pinned, ...periods, growth, rank];
}
