import { useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GetRowIdParams, RowDataUpdatedEvent } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { selectViewObservations } from '../store/selectors';
import { buildWideRows } from './buildWideRows';
import type { WideRow } from './buildWideRows';
import { buildColumnDefs } from './columnDefs';
import { gridTheme, registerGridModules } from './gridSetup';
import { NoRowsNotice } from './NoRowsNotice';

registerGridModules();

const getRowId = ({ data }: GetRowIdParams<WideRow>): string => data.id;
const AUTO_SIZE = { type: 'fitCellContents' } as const;
const DEFAULT_COLUMN: ColDef<WideRow> = { resizable: true, sortable: true, suppressMovable: true };
// Names change width with the language: fit the columns again whenever the rows are rebuilt.
const refit = ({ api }: RowDataUpdatedEvent<WideRow>): void => api.autoSizeAllColumns();

/** The read-only wide table: indicator × region rows, one column per period. */
export function WideTable() {
  const { t } = useTranslation();
  const observations = useAppStore(selectViewObservations);
  const catalog = useAppStore((state) => state.catalog);
  const language = useAppStore((state) => state.language);
  const filter = useAppStore(
    useShallow((state) => ({
      categoryCode: state.selectedCategory,
      indicatorCode: state.selectedIndicator,
      regionCode: state.selectedRegion,
    })),
  );
  const table = useMemo(
    () => (catalog ? buildWideRows(observations, catalog, filter, language) : null),
    [observations, catalog, filter, language],
  );
  const columnDefs = useMemo(
    () =>
      table &&
      buildColumnDefs(table, {
        indicator: t('table.indicator'),
        region: t('table.region'),
        unit: t('table.unit'),
        growth: (period) => (period ? t('table.growth', { period }) : t('table.latestGrowth')),
        rank: (period) => (period ? t('table.rank', { period }) : t('table.latestRank')),
        rankValue: (count) => t('table.rankValue', { count, ordinal: true }),
        flag: (flag) => t(`flags.${flag}`),
      }),
    [table, t],
  );
  if (!table || !columnDefs) return null;
  if (table.rows.length === 0) return <NoRowsNotice />;
  return (
    <div className="wide-table" data-testid="wide-table" role="region" aria-label={t('table.label')}>
      <AgGridReact<WideRow>
        theme={gridTheme}
        rowData={table.rows as WideRow[]}
        columnDefs={columnDefs}
        getRowId={getRowId}
        autoSizeStrategy={AUTO_SIZE}
        defaultColDef={DEFAULT_COLUMN}
        onRowDataUpdated={refit}
        suppressNoRowsOverlay
        headerHeight={34}
        tooltipShowDelay={400}
        enableCellTextSelection
        ensureDomOrder
      />
    </div>
  );
}
