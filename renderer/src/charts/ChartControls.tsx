import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHART_KINDS } from '../../../shared/charts/data';
import { useAppStore } from '../store';
import { useChartsStore, type ChartChoice } from './chartsStore';

function Field({ label, children, help }: { readonly label: string; readonly children: (id: string) => ReactNode; readonly help?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {help && <p className="field-help">{help}</p>}
    </div>
  );
}

/** Chart type, indicator, own city, period, measure and style. */
export function ChartControls() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const catalog = useAppStore((state) => state.catalog);
  const choice = useChartsStore((state) => state.choice);
  const scenarios = useChartsStore((state) => state.scenarios);
  const choose = useChartsStore((state) => state.choose);
  const name = (item: { nameZh: string; nameEn: string }) => (language === 'zh' ? item.nameZh : item.nameEn);
  const isFan = choice.kind === 'projectionFan';
  const regions = (catalog?.regions ?? []).filter((r) => r.level === 'city' || r.level === 'county');
  const select = <K extends keyof ChartChoice>(key: K) => (event: { target: { value: string } }) => choose({ [key]: event.target.value } as Pick<ChartChoice, K>);

  return (
    <form className="chart-controls" aria-label={t('charts.controls')} onSubmit={(event) => event.preventDefault()}>
      <Field label={t('charts.kind')}>
        {(id) => (
          <select id={id} value={choice.kind} onChange={select('kind')} data-testid="chart-kind">
            {CHART_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`charts.kinds.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {isFan ? (
        <Field label={t('charts.scenario')} help={scenarios.length === 0 ? t('charts.noScenario') : undefined}>
          {(id) => (
            <select id={id} value={choice.scenario} onChange={select('scenario')} data-testid="chart-scenario">
              <option value="">—</option>
              {scenarios.map((scenario) => (
                <option key={scenario} value={scenario}>
                  {scenario}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <>
          <Field label={t('charts.indicator')}>
            {(id) => (
              <select id={id} value={choice.indicator} onChange={select('indicator')} data-testid="chart-indicator">
                <option value="">{t('charts.chooseIndicator')}</option>
                {(catalog?.indicators ?? []).map((indicator) => (
                  <option key={indicator.code} value={indicator.code}>
                    {name(indicator)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('charts.region')}>
            {(id) => (
              <select id={id} value={choice.region} onChange={select('region')} data-testid="chart-region">
                <option value="">{t('charts.homeRegion')}</option>
                {regions.map((region) => (
                  <option key={region.code} value={region.code}>
                    {name(region)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('charts.period')} help={t('charts.periodHelp')}>
            {(id) => <input id={id} type="text" value={choice.period} onChange={select('period')} spellCheck={false} autoComplete="off" data-testid="chart-period" />}
          </Field>
          {(choice.kind === 'ranking' || choice.kind === 'vintages') && (
            <Field label={t('charts.measure')}>
              {(id) => (
                <select id={id} value={choice.measure} onChange={select('measure')} data-testid="chart-measure">
                  <option value="growth">{t('charts.measures.growth')}</option>
                  <option value="value">{t('charts.measures.value')}</option>
                </select>
              )}
            </Field>
          )}
        </>
      )}
      <Field label={t('charts.theme')}>
        {(id) => (
          <select id={id} value={choice.theme} onChange={select('theme')} data-testid="chart-theme">
            <option value="slide">{t('charts.themes.slide')}</option>
            <option value="print">{t('charts.themes.print')}</option>
          </select>
        )}
      </Field>
      <Field label={t('charts.titleField')}>
        {(id) => <input id={id} type="text" value={choice.title} onChange={select('title')} autoComplete="off" data-testid="chart-title" />}
      </Field>
    </form>
  );
}
