import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ColDef, ColumnResizedEvent, GetRowIdParams, RowHeightParams } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/editing/consistency';
import { CellEditorComp } from '../editing/CellEditor';
import { decorateColumns } from '../editing/sheet';
import { useSpreadsheet } from '../editing/useSpreadsheet';
import { useAppStore } from '../store';
import { selectTableHead, selectTableObservations } from '../store/selectors';
import type { TableHeadView } from '../store/workspaceSlice';
import { buildWideRows } from './buildWideRows';
import type { WideFilter, WideRow } from './buildWideRows';
import { buildColumnDefs, WRAP_ROW_LIMIT } from './columnDefs';
import { canvasMeasure, ROW_HEIGHT, withFittedWidths, wrappedRowHeight } from './columnWidths';
import { gridTheme, registerGridModules } from './gridSetup';
import { CellContextMenu } from './CellContextMenu';
import { NoRowsNotice } from './NoRowsNotice';
import { useTableFilter } from './useTableFilter';
import { VanillaGrid } from './VanillaGrid';
import { createWideAdapter, locateInWide } from './wideSheet';

registerGridModules();

const getRowId = ({ data }: GetRowIdParams<WideRow>): string => data.id;
/**
 * Rows drawn beyond each edge of the screen: four (120 px) cover a wheel step of 100 px. Each row
 * drawn is two more compositor layers (its sticky pinned cells, and the row painted above them),
 * which every scrolled frame pays for in pre-paint and layerising.
 */
const ROW_BUFFER = 4;
const DEFAULT_COLUMN: ColDef<WideRow> = { resizable: true, sortable: true, suppressMovable: true };

/**
 * The table's filter; while only the first rows are in (series.head), with every period of the
 * working copy as a column labelled as the whole table labels it.
 */
function useWideFilter(head: TableHeadView | null): WideFilter {
  const filter = useTableFilter();
  return useMemo(
    () =>
      head
        ? {
            ...filter,
            extraPeriods: [...(filter.extraPeriods ?? []), ...head.periods.map(({ period }) => period)],
            ytdPeriods: head.periods.filter(({ ytd }) => ytd).map(({ period }) => period),
          }
        : filter,
    [filter, head],
  );
}

/** The wide table: indicator × region rows, one column per period; the working copy edits like a sheet. */
export function WideTable({ findings }: { readonly findings: ReadonlyMap<string, readonly Finding[]> }) {
  const { t } = useTranslation();
  const observations = useAppStore(selectTableObservations);
  const head = useAppStore(selectTableHead);
  const catalog = useAppStore((state) => state.catalog);
  const language = useAppStore((state) => state.language);
  const filter = useWideFilter(head);
  const table = useMemo(
    () => (catalog ? buildWideRows(observations, catalog, filter, language) : null),
    [observations, catalog, filter, language],
  );
  // The whole table's rows decide wrapping, so its rows keep their heights when the rest comes in.
  const rowCount = head?.rowCount ?? table?.rows.length ?? 0;
  const isWrapping = rowCount <= WRAP_ROW_LIMIT;
  // Column definitions change only with the columns themselves, so an edit keeps focus and widths.
  const shapeKey = table
    ? `${language}|${isWrapping}|${table.commonLatestPeriod?.label ?? ''}|${table.periods.map((p) => `${p.period}=${p.label}`).join(',')}`
    : '';
  // Widths fit the headers and the text, computed when the columns change (not measured in the DOM).
  const columnDefs = useMemo(
    () =>
      table &&
      decorateColumns(
        withFittedWidths(
          buildColumnDefs(table, {
            indicator: t('table.indicator'),
            region: t('table.region'),
            unit: t('table.unit'),
            growth: (period) => (period ? t('table.growth', { period }) : t('table.latestGrowth')),
            rank: (period) => (period ? t('table.rank', { period }) : t('table.latestRank')),
            rankValue: (count) => t('table.rankValue', { count, ordinal: true }),
            flag: (flag) => t(`flags.${flag}`),
          }, rowCount),
          table.rows,
          canvasMeasure(),
        ),
        CellEditorComp,
      ),
    // `table` lends its periods to the columns, which shapeKey names, and its text to their widths.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shapeKey, t],
  );
  const labels = useMemo(() => new Map((columnDefs ?? []).map((column) => [column.colId ?? '', column.headerName ?? ''])), [columnDefs]);
  const rowsById = useMemo(() => new Map((table?.rows ?? []).map((row) => [row.id, row])), [table]);
  const adapter = useMemo(() => createWideAdapter((colId) => labels.get(colId) ?? colId), [labels]);
  const locate = useMemo(() => (cell: Parameters<typeof locateInWide>[0]) => locateInWide(cell, rowsById), [rowsById]);
  const { containerRef, gridProps, context, menuPlace, closeMenu, openHistory } = useSpreadsheet<WideRow>({ adapter, locate, findings });
  // A row just added (an indicator or region) gets the focus in its latest column, ready for typing.
  const extraRows = useAppStore((state) => state.extraRows);
  const lastExtraCount = useRef(extraRows.length);
  const lastPeriod = table?.periods.at(-1)?.period;
  useEffect(() => {
    const added = extraRows.length > lastExtraCount.current ? extraRows.at(-1) : undefined;
    lastExtraCount.current = extraRows.length;
    if (added && lastPeriod) useAppStore.getState().requestJump({ indicatorCode: added.indicatorCode, regionCode: added.regionCode, period: lastPeriod, field: 'value' });
  }, [extraRows, lastPeriod]);
  // Up to WRAP_ROW_LIMIT rows, a long name wraps: its row is as high as its lines in the name column.
  // The grid asks a row's height once; it is asked again when the names (language), the columns or
  // the name column's width change.
  const getRowHeight = useCallback(
    ({ data, api }: RowHeightParams<WideRow>): number =>
      data ? wrappedRowHeight(data.indicatorName, api.getColumn('indicator')?.getActualWidth() ?? 0, canvasMeasure()) : ROW_HEIGHT,
    [],
  );
  const onColumnResized = useCallback(({ api, finished, column }: ColumnResizedEvent<WideRow>): void => {
    if (finished && column?.getColId() === 'indicator') api.resetRowHeights();
  }, []);
  // After the grid has the new rows and columns (its effects run before this one; a table that
  // stops wrapping goes back to one height); the first rows' heights are right from the start.
  const measuredShape = useRef(shapeKey);
  useEffect(() => {
    if (measuredShape.current === shapeKey) return;
    measuredShape.current = shapeKey;
    context.liveApi()?.resetRowHeights();
  }, [context, shapeKey]);
  if (!table || !columnDefs) return null;
  // The first rows may all be filtered out: the rest may match.
  if (table.rows.length === 0) return head ? <p className="notice">{t('status.loading')}</p> : <NoRowsNotice />;
  return (
    <div ref={containerRef} className="wide-table sheet" data-testid="wide-table" role="region" aria-label={t('table.label')}>
      <VanillaGrid<WideRow>
        {...gridProps}
        theme={gridTheme}
        rowData={table.rows as WideRow[]}
        columnDefs={columnDefs}
        getRowId={getRowId}
        defaultColDef={DEFAULT_COLUMN}
        getRowHeight={isWrapping ? getRowHeight : undefined}
        onColumnResized={isWrapping ? onColumnResized : undefined}
        suppressNoRowsOverlay
        headerHeight={34}
        // A large table scrolls without re-ordering its rows in the DOM or animating them: ordering
        // (for screen readers) is kept where every row fits in a few screens.
        ensureDomOrder={isWrapping}
        animateRows={false}
        rowBuffer={ROW_BUFFER}
      />
      {menuPlace && <CellContextMenu place={menuPlace} onClose={closeMenu} onHistory={openHistory} />}
    </div>
  );
}
