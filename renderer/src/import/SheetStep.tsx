import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { columnLetters, rowRole } from './sheetLetters';

const SHOWN_ROWS = 30;

/** The sheet chooser and its first rows as stored, shaded by what the mapping takes them for. */
export function SheetStep() {
  const { t } = useTranslation();
  const inspect = useAppStore((state) => state.importInspect);
  const isBusy = useAppStore((state) => state.importBusy !== null);
  const table = useAppStore(
    useShallow((state) => {
      const mapped = state.importMapping?.tables[0];
      const detected = state.importInspect?.tables[0];
      if (!mapped) return undefined;
      return { sheet: mapped.sheet, titleRows: detected?.titleRows ?? [], headerRows: mapped.headerRows, dataRows: mapped.dataRows };
    }),
  );
  if (!inspect) return null;
  const current = table?.sheet ?? inspect.tables[0]?.sheet ?? inspect.sheets[0]?.name ?? '';
  const sheet = inspect.sheets.find((entry) => entry.name === current) ?? inspect.sheets[0];
  const rows = sheet?.rows.slice(0, SHOWN_ROWS) ?? [];
  const width = Math.max(0, ...rows.map((row) => row.length));
  return (
    <section className="import-step" aria-labelledby="import-sheet-legend">
      <h3 id="import-sheet-legend">{t('importWizard.sheet.legend')}</h3>
      <div className="import-file-row">
        <label className="import-inline-field">
          <span>{t('importWizard.sheet.choose')}</span>
          <select value={current} disabled={isBusy} onChange={(event) => void useAppStore.getState().inspectImport(event.target.value)} data-testid="import-sheet">
            {inspect.sheets.map((entry) => (
              <option key={entry.name} value={entry.name}>
                {entry.name}
              </option>
            ))}
          </select>
        </label>
        {sheet && <span className="import-muted">{t('importWizard.sheet.size', { rows: sheet.rowCount, columns: sheet.columnCount })}</span>}
        <span className="import-legend">
          <span className="import-swatch row-title" /> {t('importWizard.sheet.title')}
          <span className="import-swatch row-header" /> {t('importWizard.sheet.header')}
          <span className="import-swatch row-data" /> {t('importWizard.sheet.data')}
        </span>
      </div>
      <div className="import-sheet-scroll">
        <table className="import-sheet" data-testid="import-sheet-grid" aria-label={t('importWizard.sheet.firstRows', { count: rows.length })}>
          <thead>
            <tr>
              <th />
              {Array.from({ length: width }, (_, index) => (
                <th key={index} scope="col">
                  {columnLetters(index)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, rowIndex) => {
              const role = rowRole(rowIndex + 1, table);
              return (
                <tr key={rowIndex} className={role ? `row-${role}` : undefined} data-row={rowIndex + 1}>
                  <th scope="row">{rowIndex + 1}</th>
                  {Array.from({ length: width }, (_, column) => (
                    <td key={column}>{row[column] ?? ''}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
