import { useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellKeyDownEvent, ColDef, GetRowIdParams, RowClickedEvent, RowDataUpdatedEvent } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { gridTheme, registerGridModules } from '../table/gridSetup';
import { useAppStore } from '../store';
import { buildDiffColumnDefs } from './diffColumns';
import type { RevisionDisplayRow } from './revisionDisplay';

registerGridModules();

const getRowId = ({ data }: GetRowIdParams<RevisionDisplayRow>): string => data.id;
const DEFAULT_COLUMN: ColDef<RevisionDisplayRow> = { resizable: true, sortable: true, suppressMovable: true };
const AUTO_SIZE = { type: 'fitCellContents' } as const;
const refit = ({ api }: RowDataUpdatedEvent<RevisionDisplayRow>): void => api.autoSizeAllColumns();

/** The revision rows: one per added, removed or changed cell; a row opens that cell's history. */
export function DiffGrid({ rows }: { readonly rows: readonly RevisionDisplayRow[] }) {
  const { t } = useTranslation();
  const openCellHistory = useAppStore((state) => state.openCellHistory);
  const columnDefs = useMemo(
    () =>
      buildDiffColumnDefs({
        change: t('snapshots.columns.change'),
        indicator: t('snapshots.columns.indicator'),
        region: t('snapshots.columns.region'),
        period: t('snapshots.columns.period'),
        unit: t('snapshots.columns.unit'),
        oldValue: t('snapshots.columns.oldValue'),
        newValue: t('snapshots.columns.newValue'),
        absoluteChange: t('snapshots.columns.absoluteChange'),
        relativeChange: t('snapshots.columns.relativeChange'),
        growth: t('snapshots.columns.growth'),
        growthChange: t('snapshots.columns.growthChange'),
        rank: t('snapshots.columns.rank'),
        rankChange: t('snapshots.columns.rankChange'),
        rankChangeHint: t('snapshots.columns.rankChangeHint'),
        changeWord: (change) => t(`snapshots.change.${change}`),
      }),
    [t],
  );
  const show = (row: RevisionDisplayRow | undefined) => {
    if (row) void openCellHistory({ indicator: row.indicatorCode, region: row.regionCode, period: row.period });
  };
  return (
    <div className="diff-grid" data-testid="diff-grid" role="region" aria-label={t('snapshots.compare.gridLabel')} title={t('snapshots.compare.historyHint')}>
      <AgGridReact<RevisionDisplayRow>
        theme={gridTheme}
        rowData={rows as RevisionDisplayRow[]}
        columnDefs={columnDefs}
        getRowId={getRowId}
        defaultColDef={DEFAULT_COLUMN}
        autoSizeStrategy={AUTO_SIZE}
        onRowDataUpdated={refit}
        onRowClicked={(event: RowClickedEvent<RevisionDisplayRow>) => show(event.data)}
        onCellKeyDown={(event: CellKeyDownEvent<RevisionDisplayRow>) => {
          if ((event.event as KeyboardEvent | null)?.key === 'Enter') show(event.data);
        }}
        suppressNoRowsOverlay
        suppressColumnVirtualisation
        headerHeight={34}
        tooltipShowDelay={400}
        enableCellTextSelection
        ensureDomOrder
      />
    </div>
  );
}
