import { useTranslation } from 'react-i18next';
import { formatWithUnit } from '../../../shared/format';
import type { PreviewRow } from '../../../shared/import/results';
import { useAppStore } from '../store';

const SHOWN_ROWS = 300;

/** New and changed rows first (the backend's order), old → new in the indicator's unit. */
export function PreviewRows({ rows, isTruncated }: { readonly rows: readonly PreviewRow[]; readonly isTruncated: boolean }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const catalog = useAppStore((state) => state.catalog);
  if (rows.length === 0) return <p className="import-muted">{t('importWizard.preview.none')}</p>;
  const indicatorName = (code: string) => {
    const indicator = catalog?.indicators.find((entry) => entry.code === code);
    return indicator ? (language === 'zh' ? indicator.nameZh : indicator.nameEn || indicator.nameZh) : code;
  };
  const regionName = (code: string) => {
    const region = catalog?.regions.find((entry) => entry.code === code);
    return region ? (language === 'zh' ? region.nameZh : region.nameEn || region.nameZh) : code;
  };
  const value = (figure: number | null, unit: string) => (figure === null ? '—' : formatWithUnit(figure, unit, language));
  const growth = (figure: number | null) => (figure === null ? '—' : String(figure));
  const shown = rows.slice(0, SHOWN_ROWS);
  return (
    <div className="import-sheet-scroll">
      <table className="import-grid" data-testid="import-preview-rows">
        <thead>
          <tr>
            <th scope="col">{t('importWizard.preview.columns.status')}</th>
            <th scope="col">{t('importWizard.preview.columns.region')}</th>
            <th scope="col">{t('importWizard.preview.columns.indicator')}</th>
            <th scope="col">{t('importWizard.preview.columns.period')}</th>
            <th scope="col">{t('importWizard.preview.columns.value')}</th>
            <th scope="col">{t('importWizard.preview.columns.growth')}</th>
            <th scope="col">{t('importWizard.preview.columns.address')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={`${row.indicatorCode}|${row.regionCode}|${row.period}`} className={`status-${row.status}`} data-testid={`import-row-${row.regionCode}`}>
              <td>
                <span className={`import-status status-${row.status}`}>{t(`importWizard.preview.status.${row.status}`)}</span>
              </td>
              <td>{regionName(row.regionCode)}</td>
              <td>{indicatorName(row.indicatorCode)}</td>
              <td>{row.period}</td>
              <td className="import-number">
                {row.status === 'new' ? value(row.newValue, row.unit) : `${value(row.oldValue, row.unit)} → ${value(row.newValue, row.unit)}`}
                {row.convertedFrom && <span className="import-muted"> ({t('importWizard.preview.converted', { unit: row.convertedFrom })})</span>}
              </td>
              <td className="import-number">{row.status === 'new' ? growth(row.newGrowthReportedPct) : `${growth(row.oldGrowthReportedPct)} → ${growth(row.newGrowthReportedPct)}`}</td>
              <td>
                <code>{row.address}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(isTruncated || rows.length > SHOWN_ROWS) && <p className="import-muted">{t('importWizard.preview.truncated', { count: shown.length })}</p>}
    </div>
  );
}
