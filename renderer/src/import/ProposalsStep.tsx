import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';

/** New regions and indicators the file names: nothing is created unless ticked here. */
export function ProposalsStep() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const proposals = useAppStore((state) => state.importProposals);
  const confirmed = useAppStore((state) => state.importConfirmed);
  const regions = useAppStore((state) => state.catalog?.regions);
  const toggle = useAppStore((state) => state.toggleImportCreate);
  const confirmAll = useAppStore((state) => state.confirmAllImportCreates);
  if (proposals.regions.length === 0 && proposals.indicators.length === 0) return null;
  const regionName = (code: string | null) => {
    const region = regions?.find((entry) => entry.code === code);
    return region ? (language === 'zh' ? region.nameZh : region.nameEn || region.nameZh) : (code ?? '—');
  };
  return (
    <section className="import-step" aria-labelledby="import-proposals-legend" data-testid="import-proposals">
      <h3 id="import-proposals-legend">{t('importWizard.proposals.legend')}</h3>
      <p className="import-muted">{t('importWizard.proposals.intro')}</p>
      <div className="import-file-row">
        <span className="import-muted" data-testid="import-proposals-count">
          {t('importWizard.proposals.count', { regions: proposals.regions.length, indicators: proposals.indicators.length, confirmed: confirmed.length })}
        </span>
        <button type="button" className="button" onClick={() => confirmAll(true)} data-testid="import-proposals-all">
          {t('importWizard.proposals.all')}
        </button>
        <button type="button" className="button" onClick={() => confirmAll(false)} disabled={confirmed.length === 0} data-testid="import-proposals-none">
          {t('importWizard.proposals.none')}
        </button>
      </div>
      {proposals.regions.length > 0 && (
        <fieldset className="import-checks" data-testid="import-new-regions">
          <legend>{t('importWizard.proposals.regions')}</legend>
          {proposals.regions.map((region) => (
            <label key={region.code} className="import-check" data-testid={`import-new-region-${region.code}`}>
              <input type="checkbox" checked={confirmed.includes(region.code)} onChange={() => toggle(region.code)} />
              {t('importWizard.proposals.region', { name: language === 'zh' ? region.nameZh : region.nameEn || region.nameZh, parent: regionName(region.parentCode) })}
            </label>
          ))}
        </fieldset>
      )}
      {proposals.indicators.length > 0 && (
        <fieldset className="import-checks" data-testid="import-new-indicators">
          <legend>{t('importWizard.proposals.indicators')}</legend>
          {proposals.indicators.map((indicator) => (
            <label key={indicator.code} className="import-check" data-testid={`import-new-indicator-${indicator.code}`}>
              <input type="checkbox" checked={confirmed.includes(indicator.code)} onChange={() => toggle(indicator.code)} />
              {t('importWizard.proposals.indicator', { name: language === 'zh' ? indicator.nameZh : indicator.nameEn || indicator.nameZh, unit: indicator.unit })}
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
