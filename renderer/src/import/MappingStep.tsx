import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { ColumnsTable } from './ColumnsTable';
import { RowNumberField } from './RowNumberField';

/** One block per detected table: rows, layout, totals and what each column holds. */
export function MappingStep() {
  const { t } = useTranslation();
  const tableCount = useAppStore((state) => state.importMapping?.tables.length ?? 0);
  return (
    <section className="import-step" aria-labelledby="import-mapping-legend" data-testid="import-mapping">
      <h3 id="import-mapping-legend">{t('importWizard.mapping.legend')}</h3>
      {Array.from({ length: tableCount }, (_, index) => (
        <TableEditor key={index} tableIndex={index} />
      ))}
    </section>
  );
}

function TableEditor({ tableIndex }: { readonly tableIndex: number }) {
  const { t } = useTranslation();
  const table = useAppStore((state) => state.importMapping?.tables[tableIndex]);
  const detected = useAppStore((state) => state.importInspect?.tables[tableIndex]);
  const language = useAppStore((state) => state.language);
  const update = useAppStore((state) => state.updateImportTable);
  if (!table) return null;
  const title = (language === 'en' && detected?.titleEn) || table.title || t('importWizard.mapping.untitled');
  const headerRows = table.headerRows ?? { first: table.dataRows.first, last: table.dataRows.first };
  return (
    <div className="import-table" data-testid={`import-table-${tableIndex}`}>
      <div className="import-file-row">
        <label className="import-check">
          <input type="checkbox" checked={table.enabled} onChange={(event) => update(tableIndex, { enabled: event.target.checked })} />
          <strong>{t('importWizard.mapping.table', { index: tableIndex + 1, title })}</strong>
        </label>
        <span className="import-muted" data-testid="import-detected-unit">
          {detected?.tableUnit ? t('importWizard.mapping.tableUnit', { unit: detected.tableUnit }) : t('importWizard.mapping.noUnit')}
        </span>
        <span className="import-muted" data-testid="import-detected-period">
          {detected?.period
            ? t('importWizard.mapping.periodFound', { period: detected.period.text, source: t(`importWizard.mapping.periodSource.${detected.period.source}`) })
            : t('importWizard.mapping.noPeriod')}
        </span>
      </div>
      <div className="import-file-row">
        <label className="import-inline-field">
          <span>{t('importWizard.mapping.layout')}</span>
          <select value={table.layout} onChange={(event) => update(tableIndex, { layout: event.target.value === 'long' ? 'long' : 'wide' })} data-testid="import-layout">
            <option value="wide">{t('importWizard.mapping.layoutWide')}</option>
            <option value="long">{t('importWizard.mapping.layoutLong')}</option>
          </select>
        </label>
        <RowNumberField label={t('importWizard.mapping.headerFirst')} value={headerRows.first} max={headerRows.last} onChange={(first) => update(tableIndex, { headerRows: { ...headerRows, first } })} testId="import-header-first" />
        <RowNumberField label={t('importWizard.mapping.headerLast')} value={headerRows.last} min={headerRows.first} onChange={(last) => update(tableIndex, { headerRows: { ...headerRows, last } })} testId="import-header-last" />
        <RowNumberField label={t('importWizard.mapping.dataFirst')} value={table.dataRows.first} max={table.dataRows.last} onChange={(first) => update(tableIndex, { dataRows: { ...table.dataRows, first } })} testId="import-data-first" />
        <RowNumberField label={t('importWizard.mapping.dataLast')} value={table.dataRows.last} min={table.dataRows.first} onChange={(last) => update(tableIndex, { dataRows: { ...table.dataRows, last } })} testId="import-data-last" />
        <label className="import-inline-field">
          <span>{t('importWizard.mapping.totals')}</span>
          <select value={table.rows.totals} onChange={(event) => update(tableIndex, { rows: { ...table.rows, totals: event.target.value === 'skip' ? 'skip' : 'parent' } })} data-testid="import-totals">
            <option value="parent">{t('importWizard.mapping.totalsParent')}</option>
            <option value="skip">{t('importWizard.mapping.totalsSkip')}</option>
          </select>
        </label>
      </div>
      <ColumnsTable tableIndex={tableIndex} />
    </div>
  );
}
