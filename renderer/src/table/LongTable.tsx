import { useMemo, useRef } from 'react';
import type { ColDef, GetRowIdParams, RowDataUpdatedEvent } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/editing/consistency';
import { CellEditorComp } from '../editing/CellEditor';
import { decorateColumns } from '../editing/sheet';
import { useSpreadsheet } from '../editing/useSpreadsheet';
import { useAppStore } from '../store';
import { selectViewObservations } from '../store/selectors';
import { buildLongRows } from './buildLongRows';
import type { LongRow } from './buildLongRows';
import { WRAP_ROW_LIMIT } from './columnDefs';
import { gridTheme, registerGridModules } from './gridSetup';
import { buildLongColumnDefs, createLongAdapter, locateInLong } from './longColumns';
import type { LongLabels } from './longColumns';
import { CellContextMenu } from './CellContextMenu';
import { NoRowsNotice } from './NoRowsNotice';
import { useTableFilter } from './useTableFilter';
import { VanillaGrid } from './VanillaGrid';

registerGridModules();

const getRowId = ({ data }: GetRowIdParams<LongRow>): string => data.id;
const AUTO_SIZE = { type: 'fitCellContents' } as const;
const DEFAULT_COLUMN: ColDef<LongRow> = { resizable: true, sortable: true, suppressMovable: true };

/** The long table: one row per observation with its derived figures; reported fields edit like a sheet. */
export function LongTable({ findings }: { readonly findings: ReadonlyMap<string, readonly Finding[]> }) {
  const { t } = useTranslation();
  const observations = useAppStore(selectViewObservations);
  const catalog = useAppStore((state) => state.catalog);
  const language = useAppStore((state) => state.language);
  const comparator = useAppStore((state) => state.comparator);
  const filter = useTableFilter();
  const table = useMemo(
    () => (catalog ? buildLongRows(observations, catalog, filter, language, comparator) : null),
    [observations, catalog, filter, language, comparator],
  );
  const comparatorName = useMemo(() => {
    if (comparator.kind === 'parent') return null;
    const region = catalog?.regions.find((r) => r.code === comparator.regionCode);
    return region ? (language === 'zh' ? region.nameZh : region.nameEn) : comparator.regionCode;
  }, [catalog, comparator, language]);
  const labels = useMemo<LongLabels>(
    () => ({
      indicator: t('table.indicator'),
      region: t('table.region'),
      period: t('editing.columns.period'),
      unit: t('table.unit'),
      value: t('editing.columns.value'),
      growthReported: t('editing.columns.growthReported'),
      rankReported: t('editing.columns.rankReported'),
      note: t('editing.columns.note'),
      source: t('editing.columns.source'),
      flags: t('editing.columns.flags'),
      growthComputed: t('editing.columns.growthComputed'),
      gap: comparatorName ? t('editing.columns.gapTo', { region: comparatorName }) : t('editing.columns.gap'),
      share: t('editing.columns.share'),
      peerRank: t('editing.columns.peerRank'),
      peerRankValue: (rank, of) => t('editing.columns.peerRankValue', { rank: String(rank), of: String(of) }),
      rankValue: (count) => t('table.rankValue', { count, ordinal: true }),
    }),
    [t, comparatorName],
  );
  const isWrapping = (table?.rows.length ?? 0) <= WRAP_ROW_LIMIT;
  const columnDefs = useMemo(() => decorateColumns(buildLongColumnDefs(labels, language, isWrapping), CellEditorComp), [labels, language, isWrapping]);
  const headers = useMemo(() => new Map(columnDefs.map((column) => [column.colId ?? '', column.headerName ?? ''])), [columnDefs]);
  const adapter = useMemo(() => createLongAdapter((colId) => headers.get(colId) ?? colId, language, labels), [headers, language, labels]);
  const { containerRef, gridProps, menuPlace, closeMenu, openHistory } = useSpreadsheet<LongRow>({ adapter, locate: locateInLong, findings });
  // Names and headers change width with the language: fit the columns again when they change, not after every edit.
  const fittedShape = useRef<string | null>(null);
  const shape = `${language}|${columnDefs.map((c) => c.headerName).join('|')}`;
  const refit = ({ api }: RowDataUpdatedEvent<LongRow>): void => {
    if (fittedShape.current === shape) return;
    fittedShape.current = shape;
    api.autoSizeAllColumns();
  };
  if (!table) return null;
  if (table.rows.length === 0) return <NoRowsNotice />;
  return (
    <div ref={containerRef} className="long-table sheet" data-testid="long-table" role="region" aria-label={t('editing.toolbar.longHint')}>
      <VanillaGrid<LongRow>
        {...gridProps}
        theme={gridTheme}
        rowData={table.rows as LongRow[]}
        columnDefs={columnDefs}
        getRowId={getRowId}
        autoSizeStrategy={AUTO_SIZE}
        defaultColDef={DEFAULT_COLUMN}
        onRowDataUpdated={refit}
        // Fourteen columns: all drawn, so the derived ones are there for readers and tests alike.
        suppressColumnVirtualisation
        suppressNoRowsOverlay
        headerHeight={34}
        ensureDomOrder
      />
      {menuPlace && <CellContextMenu place={menuPlace} onClose={closeMenu} onHistory={openHistory} />}
    </div>
  );
}
