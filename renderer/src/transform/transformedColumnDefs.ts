import type { ColDef } from 'ag-grid-community';
import type { TransformedRow, TransformedTableModel } from './buildTransformedRows';

export interface TransformedColumnLabels {
  readonly indicator: string;
  readonly region: string;
  readonly measure: string;
  readonly unit: string;
}

export const transformedPeriodColumnId = (period: string): string => `period:${period}`;

/** Names, measure and unit pinned left, then one column per period; the tooltip says which months and why a value is missing. */
export function buildTransformedColumnDefs(table: TransformedTableModel, labels: TransformedColumnLabels): ColDef<TransformedRow>[] {
  const pinned: ColDef<TransformedRow>[] = [
    { colId: 'indicator', headerName: labels.indicator, field: 'indicatorName', pinned: 'left', minWidth: 160, maxWidth: 300, wrapText: true, autoHeight: true, cellClass: 'cell-name' },
    { colId: 'region', headerName: labels.region, field: 'regionName', pinned: 'left', minWidth: 80 },
    { colId: 'measure', headerName: labels.measure, field: 'measureLabel', pinned: 'left', minWidth: 90, maxWidth: 240, wrapText: true, autoHeight: true, cellClass: 'cell-name' },
    { colId: 'unit', headerName: labels.unit, field: 'unitLabel', pinned: 'left', minWidth: 64, sortable: false },
  ];
  const periods: ColDef<TransformedRow>[] = table.periods.map(({ period, label }) => ({
    colId: transformedPeriodColumnId(period),
    headerName: label,
    type: 'rightAligned',
    minWidth: 90,
    valueGetter: ({ data }) => data?.cells[period]?.value ?? null,
    valueFormatter: ({ data }) => data?.cells[period]?.text ?? '',
    tooltipValueGetter: ({ data }) => data?.cells[period]?.tooltip || undefined,
    cellClassRules: { 'cell-missing': ({ data }) => (data?.cells[period]?.value ?? null) === null },
  }));
  return [...pinned, ...periods];
}
