import { useEffect, useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GetRowIdParams, RowDataUpdatedEvent } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n';
import { useAppStore } from '../store';
import { selectViewObservations } from '../store/selectors';
import { gridTheme, registerGridModules } from '../table/gridSetup';
import { buildTransformedTable } from './buildTransformedRows';
import type { TransformedEntry, TransformedRow } from './buildTransformedRows';
import { earliestYear, FALLBACK_BASE, planRequests } from './settings';
import { buildTransformedColumnDefs } from './transformedColumnDefs';
import { useMeasureLabels } from './useMeasureLabels';
import { useSeriesOnScreen } from './useSeriesOnScreen';

registerGridModules();

/** More series than this would mean as many backend calls at once; the navigator narrows them first. */
export const MAX_TRANSFORMED_SERIES = 150;

const getRowId = ({ data }: GetRowIdParams<TransformedRow>): string => data.id;
const AUTO_SIZE = { type: 'fitCellContents' } as const;
const DEFAULT_COLUMN: ColDef<TransformedRow> = { resizable: true, sortable: true, suppressMovable: true };
/** Fits the columns to the rebuilt rows and brings the latest period into view: that is the one read first. */
function refit({ api }: RowDataUpdatedEvent<TransformedRow>): void {
  api.autoSizeAllColumns();
  const last = api.getColumns()?.at(-1);
  if (last) api.ensureColumnVisible(last, 'end');
}

/** The table with a transformation or aggregation applied: computed values, read-only, with why a value is missing. */
export function TransformedTable() {
  const { t } = useTranslation();
  const observations = useAppStore(selectViewObservations);
  const catalog = useAppStore((state) => state.catalog);
  const language = useAppStore((state) => state.language);
  const snapshot = useAppStore((state) => state.snapshot);
  const settings = useAppStore((state) => state.transformSettings);
  const transformed = useAppStore((state) => state.transformed);
  const failures = useAppStore((state) => state.transformFailures);
  const loadTransformed = useAppStore((state) => state.loadTransformed);
  const labels = useMeasureLabels();
  const { series, periods } = useSeriesOnScreen();
  const isTooMany = series.length > MAX_TRANSFORMED_SERIES;
  const planned = useMemo(
    () => (isTooMany ? [] : planRequests(series, settings, snapshot, earliestYear(periods, FALLBACK_BASE))),
    [isTooMany, series, settings, snapshot, periods],
  );
  useEffect(() => {
    void loadTransformed(planned, observations);
  }, [loadTransformed, planned, observations]);
  const model = useMemo(() => {
    const entries: TransformedEntry[] = planned.flatMap(({ key, role }) => (transformed[key] ? [{ role, series: transformed[key] }] : []));
    return catalog ? buildTransformedTable(entries, catalog, language, labels) : null;
  }, [planned, transformed, catalog, language, labels]);
  const columnDefs = useMemo(
    () => model && buildTransformedColumnDefs(model, { indicator: t('table.indicator'), region: t('table.region'), measure: t('transform.measure'), unit: t('table.unit') }),
    [model, t],
  );
  const failed = planned.flatMap(({ key }) => (failures[key] ? [failures[key]] : []));
  const isLoading = planned.some(({ key }) => !transformed[key] && !failures[key]);

  if (isTooMany) return <p className="notice" data-testid="transform-too-many">{t('transform.tooMany', { count: series.length, max: String(MAX_TRANSFORMED_SERIES) })}</p>;
  if (series.length === 0) return <p className="notice">{t('transform.noRows')}</p>;
  return (
    <>
      {(isLoading || failed.length > 0) && (
        <p className="transform-status" role="status" data-testid="transform-status">
          {isLoading && t('transform.loading')}
          {failed.length > 0 && ` ${t('transform.failures', { count: failed.length, message: errorText(failed[0]!, language) })}`}
        </p>
      )}
      {model && columnDefs && (
        <div className="wide-table" data-testid="transformed-table" role="region" aria-label={t('table.label')}>
          <AgGridReact<TransformedRow>
            theme={gridTheme}
            rowData={model.rows as TransformedRow[]}
            columnDefs={columnDefs}
            getRowId={getRowId}
            autoSizeStrategy={AUTO_SIZE}
            defaultColDef={DEFAULT_COLUMN}
            onRowDataUpdated={refit}
            suppressNoRowsOverlay
            headerHeight={34}
            tooltipShowDelay={300}
            enableCellTextSelection
            ensureDomOrder
            // Every period column stays in the DOM: a few dozen at most, and screen readers and tests see them all.
            suppressColumnVirtualisation
          />
        </div>
      )}
    </>
  );
}
