import { useTranslation } from 'react-i18next';
import { periodLabel } from '../../../shared/periods';
import { listUnits, unitLabel } from '../../../shared/units';
import { useAppStore } from '../store';
import type { DraftErrors } from './draft';
import { InputField, Section, Segmented, SelectField } from './fields';
import { useCatalog, useDraft, useDraftPatch, useWorkingObservations } from './hooks';
import { formatTypedRate, levelFormat } from './present';
import { baseIndicators, basePeriods, baseRegions, entryUnits, findCell, withBaseChoice, withBaseKind } from './workspaceChoices';

/** Where the projection starts: a figure of the working copy, or a value typed in. */
export function BaseFields({ errors }: { readonly errors: DraftErrors }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const setDraft = useAppStore((state) => state.setProjectionDraft);
  const draft = useDraft();
  const patch = useDraftPatch();
  const catalog = useCatalog();
  const observations = useWorkingObservations();
  const name = (item: { nameZh: string; nameEn: string }) => (language === 'zh' ? item.nameZh : item.nameEn);
  const indicators = baseIndicators(catalog, observations);
  const choose = (choice: Parameters<typeof withBaseChoice>[3]) => setDraft((current) => withBaseChoice(current, catalog, observations, choice, language));
  const cell = draft.baseKind === 'workspace' ? findCell(observations, draft.indicator, draft.region, draft.period) : undefined;
  const unitChoices = (draft.baseKind === 'workspace' ? entryUnits(cell?.unit ?? draft.entryUnit) : ['', ...listUnits().map((unit) => unit.code)]).map((code) => ({
    value: code,
    label: code === '' ? t('projections.base.noUnit') : unitLabel(code, language),
  }));
  const readOut = cell?.value
    ? cell.growthReportedPct === null
      ? t('projections.base.readNoGrowth', { value: levelFormat(cell.unit, [cell.value], language).withUnit(cell.value) })
      : t('projections.base.read', { value: levelFormat(cell.unit, [cell.value], language).withUnit(cell.value), growth: formatTypedRate(cell.growthReportedPct, language) })
    : null;
  return (
    <Section title={t('projections.base.legend')} testId="projection-base">
      <Segmented
        label={t('projections.base.kind')}
        value={draft.baseKind}
        choices={[
          { value: 'workspace', label: t('projections.base.workspace') },
          { value: 'value', label: t('projections.base.value') },
        ]}
        onChange={(kind) => setDraft((current) => withBaseKind(current, kind, catalog, observations, language))}
        testId="projection-base-kind"
      />
      {draft.baseKind === 'workspace' ? (
        indicators.length === 0 ? (
          <p className="field-help">{t('projections.base.noCandidates')}</p>
        ) : (
          <>
            <SelectField
              label={t('projections.base.indicator')}
              value={draft.indicator}
              choices={indicators.map((indicator) => ({ value: indicator.code, label: name(indicator) }))}
              onChange={(indicator) => choose({ indicator })}
              problem={errors.indicator}
              testId="projection-indicator"
            />
            <div className="proj-row">
              <SelectField
                label={t('projections.base.region')}
                value={draft.region}
                choices={baseRegions(catalog, observations, draft.indicator).map((region) => ({ value: region.code, label: name(region) }))}
                onChange={(region) => choose({ region })}
                problem={errors.region}
                testId="projection-region"
              />
              <SelectField
                label={t('projections.base.period')}
                value={draft.period}
                choices={basePeriods(observations, draft.indicator, draft.region).map((period) => ({ value: period, label: periodLabel(period, language) }))}
                onChange={(period) => choose({ period })}
                problem={errors.period}
                testId="projection-period"
              />
            </div>
            {readOut && (
              <p className="proj-readout" data-testid="projection-base-readout">
                {readOut}
              </p>
            )}
          </>
        )
      ) : (
        <>
          <div className="proj-row">
            <InputField label={t('projections.base.baseValue')} value={draft.baseValue} onChange={(baseValue) => patch({ baseValue })} problem={errors.baseValue} testId="projection-base-value" />
            <InputField label={t('projections.base.baseYear')} value={draft.baseYear} onChange={(baseYear) => patch({ baseYear })} problem={errors.baseYear} testId="projection-base-year" />
          </div>
          <InputField label={t('projections.base.name')} value={draft.baseName} onChange={(baseName) => patch({ baseName })} isNumeric={false} testId="projection-base-name" />
        </>
      )}
      <SelectField
        label={t('projections.base.entryUnit')}
        value={draft.entryUnit}
        choices={unitChoices}
        onChange={(entryUnit) => patch({ entryUnit })}
        help={t('projections.base.entryUnitHelp')}
        testId="projection-entry-unit"
      />
    </Section>
  );
}
