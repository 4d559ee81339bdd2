import { useTranslation } from 'react-i18next';
import { ColumnRole } from '../../../shared/import/mapping';
import { useAppStore } from '../store';

/** Each column of one table: what it holds, its indicator, unit and period. */
export function ColumnsTable({ tableIndex }: { readonly tableIndex: number }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const columns = useAppStore((state) => state.importMapping?.tables[tableIndex]?.columns);
  const indicators = useAppStore((state) => state.catalog?.indicators);
  const proposed = useAppStore((state) => state.importProposals.indicators);
  const update = useAppStore((state) => state.updateImportColumn);
  if (!columns) return null;
  const choices = [...(indicators ?? []), ...proposed];
  return (
    <div className="import-sheet-scroll">
    <table className="import-grid" data-testid="import-columns">
      <thead>
        <tr>
          <th scope="col">{t('importWizard.mapping.column')}</th>
          <th scope="col">{t('importWizard.mapping.header')}</th>
          <th scope="col">{t('importWizard.mapping.role')}</th>
          <th scope="col">{t('importWizard.mapping.indicator')}</th>
          <th scope="col">{t('importWizard.mapping.unit')}</th>
          <th scope="col">{t('importWizard.mapping.period')}</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((column) => {
          const hasIndicator = column.role === 'value' || column.role === 'growth' || column.role === 'rank';
          return (
            <tr key={column.column} data-testid={`import-column-${column.column}`}>
              <th scope="row">{column.column}</th>
              <td className="import-header-cell">{column.header}</td>
              <td>
                <select
                  value={column.role}
                  aria-label={`${t('importWizard.mapping.role')} ${column.column}`}
                  onChange={(event) => update(tableIndex, column.column, { role: ColumnRole.parse(event.target.value) })}
                  data-testid="import-role"
                >
                  {ColumnRole.options.map((role) => (
                    <option key={role} value={role}>
                      {t(`importWizard.mapping.roles.${role}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {hasIndicator && (
                  <select
                    value={column.indicator ?? ''}
                    aria-label={`${t('importWizard.mapping.indicator')} ${column.column}`}
                    onChange={(event) => update(tableIndex, column.column, { indicator: event.target.value || null })}
                    data-testid="import-indicator"
                  >
                    <option value="">{t('importWizard.mapping.chooseIndicator')}</option>
                    {choices.map((indicator) => (
                      <option key={indicator.code} value={indicator.code}>
                        {language === 'zh' ? indicator.nameZh : indicator.nameEn || indicator.nameZh}
                      </option>
                    ))}
                  </select>
                )}
              </td>
              <td>
                <input
                  type="text"
                  className="import-short-input"
                  value={column.unit ?? ''}
                  aria-label={`${t('importWizard.mapping.unit')} ${column.column}`}
                  onChange={(event) => update(tableIndex, column.column, { unit: event.target.value.trim() || null })}
                  data-testid="import-unit"
                />
              </td>
              <td>
                <input
                  type="text"
                  className="import-short-input"
                  value={column.period ?? ''}
                  aria-label={`${t('importWizard.mapping.period')} ${column.column}`}
                  onChange={(event) => update(tableIndex, column.column, { period: event.target.value.trim() || null, periodFromHeader: false })}
                  data-testid="import-period"
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </div>
  );
}
