import { useTranslation } from 'react-i18next';
import { SCENARIO_KEYS, type ScenarioKey } from '../../../shared/projections/scenarios';
import { useAppStore } from '../store';
import { draftYears, fitPerYear, heldRates, numberText, switchRateMode, type DraftErrors, type RateDraft, type RateMode } from './draft';
import { HintButton, InputField, Section } from './fields';
import { useDraft, useDraftPatch } from './hooks';
import { formatTypedRate } from './present';

interface RateFieldsProps {
  readonly errors: DraftErrors;
  readonly startYear: number | undefined;
  /** Growth reported for the base year, offered as the base rate. */
  readonly reportedGrowthPct: number | null;
}

/** The horizon and the growth of the base, high and low cases, one rate or one per year. */
export function RateFields({ errors, startYear, reportedGrowthPct }: RateFieldsProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const draft = useDraft();
  const patch = useDraftPatch();
  const years = draftYears(draft);
  const setRate = (key: ScenarioKey, rate: RateDraft) => patch({ rates: { ...draft.rates, [key]: rate } });
  const setYears = (text: string) => {
    const next = { ...draft, years: text };
    const horizon = draftYears(next);
    if (horizon === undefined) return patch({ years: text });
    const fit = (key: ScenarioKey): RateDraft => ({ ...draft.rates[key], perYear: fitPerYear(draft.rates[key].perYear, horizon) });
    const rates = { base: fit('base'), high: fit('high'), low: fit('low') };
    patch({ years: text, rates });
  };
  const span = years !== undefined && startYear !== undefined ? `${startYear + 1}–${startYear + years}` : undefined;
  return (
    <Section title={t('projections.rates.legend')} testId="projection-rates">
      <InputField label={t('projections.years')} value={draft.years} onChange={setYears} problem={errors.years} suffix={span} testId="projection-years" />
      <div className="proj-rates">
        {SCENARIO_KEYS.map((key) => {
          const rate = draft.rates[key];
          const scenario = t(`projections.rates.${key}`);
          return (
            <div className="proj-rate" key={key} data-testid={`projection-rate-${key}`}>
              <span className="proj-rate-name">{scenario}</span>
              {rate.mode === 'constant' ? (
                <InputField
                  label={t('projections.rates.value', { scenario })}
                  isLabelHidden
                  value={rate.constant}
                  onChange={(constant) => setRate(key, { ...rate, constant })}
                  problem={errors[`rate.${key}`]}
                  suffix="%"
                  testId={`projection-rate-${key}-value`}
                />
              ) : (
                <PerYearInputs
                  rate={rate}
                  scenario={scenario}
                  startYear={startYear}
                  problem={errors[`rate.${key}`]}
                  onChange={(perYear) => setRate(key, { ...rate, perYear })}
                  testId={`projection-rate-${key}`}
                />
              )}
              <select
                aria-label={t('projections.rates.mode', { scenario })}
                value={rate.mode}
                data-testid={`projection-rate-${key}-mode`}
                onChange={(event) => setRate(key, switchRateMode(rate, event.target.value as RateMode, years ?? rate.perYear.length))}
              >
                <option value="constant">{t('projections.rates.constant')}</option>
                <option value="perYear">{t('projections.rates.perYear')}</option>
              </select>
            </div>
          );
        })}
      </div>
      {reportedGrowthPct !== null && (draft.rates.base.mode !== 'constant' || draft.rates.base.constant !== numberText(reportedGrowthPct)) && (
        <HintButton
          label={t('projections.rates.useReported', { growth: formatTypedRate(reportedGrowthPct, language) })}
          onClick={() => setRate('base', { mode: 'constant', constant: numberText(reportedGrowthPct), perYear: draft.rates.base.perYear })}
          testId="projection-use-reported"
        />
      )}
      <p className="field-help">{t('projections.rates.optional')}</p>
    </Section>
  );
}

interface PerYearProps {
  readonly rate: RateDraft;
  readonly scenario: string;
  readonly problem: DraftErrors[keyof DraftErrors];
  readonly startYear: number | undefined;
  readonly onChange: (perYear: string[]) => void;
  readonly testId: string;
}

function PerYearInputs({ rate, scenario, startYear, problem, onChange, testId }: PerYearProps) {
  const { t } = useTranslation();
  const held = heldRates(rate.perYear);
  return (
    <div className="proj-per-year" role="group" aria-label={scenario}>
      {rate.perYear.map((text, index) => {
        const year = startYear === undefined ? `+${index + 1}` : String(startYear + index + 1);
        return (
          <label key={index} className="proj-year-rate">
            <span>{year}</span>
            <input
              type="text"
              inputMode="decimal"
              value={text}
              placeholder={held[index]}
              aria-label={t('projections.rates.yearValue', { scenario, year })}
              data-testid={`${testId}-year-${index + 1}`}
              onChange={(event) => onChange(rate.perYear.map((old, i) => (i === index ? event.target.value : old)))}
            />
          </label>
        );
      })}
      {problem && <p className="proj-field-error">{t(`projections.errors.${problem}`)}</p>}
    </div>
  );
}
