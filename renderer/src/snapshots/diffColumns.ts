import type { ColDef } from 'ag-grid-community';
import type { RevisionDisplayRow } from './revisionDisplay';

export interface DiffColumnLabels {
  readonly change: string;
  readonly indicator: string;
  readonly region: string;
  readonly period: string;
  readonly unit: string;
  readonly oldValue: string;
  readonly newValue: string;
  readonly absoluteChange: string;
  readonly relativeChange: string;
  readonly growth: string;
  readonly growthChange: string;
  readonly rank: string;
  readonly rankChange: string;
  readonly rankChangeHint: string;
  readonly changeWord: (change: RevisionDisplayRow['change']) => string;
}

type TextKey = keyof RevisionDisplayRow['texts'];

/** A right-aligned figure: sorted by its number, shown as its formatted text. */
function figure(colId: TextKey, headerName: string, number: (row: RevisionDisplayRow) => number | null, extra: Partial<ColDef<RevisionDisplayRow>> = {}): ColDef<RevisionDisplayRow> {
  return {
    colId,
    headerName,
    type: 'rightAligned',
    minWidth: 84,
    valueGetter: ({ data }) => (data ? number(data) : null),
    valueFormatter: ({ data }) => data?.texts[colId] ?? '',
    cellClassRules: {
      'cell-missing': ({ data }) => data !== undefined && number(data) === null,
    },
    ...extra,
  };
}

const signClass = (number: (row: RevisionDisplayRow) => number | null) => ({
  'cell-up': ({ data }: { data: RevisionDisplayRow | undefined }) => (data ? (number(data) ?? 0) > 0 : false),
  'cell-down': ({ data }: { data: RevisionDisplayRow | undefined }) => (data ? (number(data) ?? 0) < 0 : false),
});

/** Change, names and period pinned left; old/new value, their differences, growth and rank after. */
export function buildDiffColumnDefs(labels: DiffColumnLabels): ColDef<RevisionDisplayRow>[] {
  const absolute = (row: RevisionDisplayRow) => row.absoluteChange;
  const relative = (row: RevisionDisplayRow) => row.relativeChangePct;
  const growth = (row: RevisionDisplayRow) => row.growthChangePp;
  const rank = (row: RevisionDisplayRow) => row.rankChange;
  return [
    {
      colId: 'change',
      headerName: labels.change,
      field: 'change',
      pinned: 'left',
      minWidth: 72,
      valueFormatter: ({ value }) => (value ? labels.changeWord(value as RevisionDisplayRow['change']) : ''),
      cellClass: ({ value }) => `change-cell change-${String(value)}`,
    },
    { colId: 'indicator', headerName: labels.indicator, field: 'indicatorName', pinned: 'left', minWidth: 120, maxWidth: 180, wrapText: true, autoHeight: true, cellClass: 'cell-name' },
    { colId: 'region', headerName: labels.region, field: 'regionName', minWidth: 72 },
    { colId: 'period', headerName: labels.period, field: 'periodText', minWidth: 72, comparator: (_a, _b, nodeA, nodeB) => (nodeA.data?.period ?? '').localeCompare(nodeB.data?.period ?? '') },
    { colId: 'unit', headerName: labels.unit, field: 'unitLabel', minWidth: 56, sortable: false },
    figure('oldValue', labels.oldValue, (row) => row.oldValue),
    figure('newValue', labels.newValue, (row) => row.newValue),
    figure('absoluteChange', labels.absoluteChange, absolute, { cellClassRules: { 'cell-missing': ({ data }) => data !== undefined && data.absoluteChange === null, ...signClass(absolute) } }),
    figure('relativeChange', labels.relativeChange, relative, { cellClassRules: { 'cell-missing': ({ data }) => data !== undefined && data.relativeChangePct === null, ...signClass(relative) } }),
    figure('growth', labels.growth, () => null, { sortable: false, cellClassRules: {} }),
    figure('growthChange', labels.growthChange, growth, { cellClassRules: { 'cell-missing': ({ data }) => data !== undefined && data.growthChangePp === null, ...signClass(growth) } }),
    figure('rank', labels.rank, () => null, { minWidth: 64, sortable: false, cellClassRules: {} }),
    figure('rankChange', labels.rankChange, rank, { minWidth: 64, headerTooltip: labels.rankChangeHint, cellClassRules: { 'cell-missing': ({ data }) => data !== undefined && data.rankChange === null, ...signClass(rank) } }),
  ];
}
