import { useTranslation } from 'react-i18next';
import { unitLabel } from '../../../shared/units';
import { useAppStore } from '../store';
import { numberText, type DraftErrors, type PeerKind } from './draft';
import { HintButton, InputField, Section, Segmented, SelectField } from './fields';
import { useCatalog, useDraft, useDraftPatch, useWorkingObservations } from './hooks';
import { formatTypedRate } from './present';
import { peerRegions, provinceGrowthHint, shareHint } from './workspaceChoices';

/** The unit suffix of level fields: the entry unit's label, none for a bare number. */
function useEntryUnitLabel(): string | undefined {
  const language = useAppStore((state) => state.language);
  const entryUnit = useDraft().entryUnit;
  return entryUnit ? unitLabel(entryUnit, language) : undefined;
}

/** A level to reach, and optionally the year to reach it by. */
export function TargetFields({ errors }: { readonly errors: DraftErrors }) {
  const { t } = useTranslation();
  const draft = useDraft();
  const patch = useDraftPatch();
  const unit = useEntryUnitLabel();
  return (
    <Section title={t('projections.target.legend')} testId="projection-target">
      <div className="proj-row">
        <InputField label={t('projections.target.value')} value={draft.target} onChange={(target) => patch({ target })} problem={errors.target} suffix={unit} testId="projection-target-value" />
        <InputField label={t('projections.target.year')} value={draft.targetYear} onChange={(targetYear) => patch({ targetYear })} problem={errors.targetYear} testId="projection-target-year" />
      </div>
      <p className="field-help">{t('projections.target.yearHelp')}</p>
    </Section>
  );
}

/** The share of the province now, the province's growth, and a share to reach by a year. */
export function ShareFields({ errors }: { readonly errors: DraftErrors }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const draft = useDraft();
  const patch = useDraftPatch();
  const catalog = useCatalog();
  const observations = useWorkingObservations();
  const isWorkspace = draft.baseKind === 'workspace';
  const share = isWorkspace ? shareHint(catalog, observations, draft.region, draft.period) : undefined;
  const growth = isWorkspace ? provinceGrowthHint(catalog, observations, draft.indicator, draft.region, draft.period) : undefined;
  const hint = share && {
    label:
      growth === undefined
        ? t('projections.share.useShare', { share: formatTypedRate(share.sharePct, language) })
        : t('projections.share.useWorkspace', { share: formatTypedRate(share.sharePct, language), growth: formatTypedRate(growth, language) }),
    apply: () => patch({ sharePct: numberText(share.sharePct), ...(growth === undefined ? {} : { provinceGrowthPct: numberText(growth) }) }),
  };
  const isFilled = share && draft.sharePct === numberText(share.sharePct) && (growth === undefined || draft.provinceGrowthPct === numberText(growth));
  return (
    <Section title={t('projections.share.legend')} testId="projection-share">
      <div className="proj-row">
        <InputField label={t('projections.share.current')} value={draft.sharePct} onChange={(sharePct) => patch({ sharePct })} problem={errors.sharePct} suffix="%" testId="projection-share-current" />
        <InputField
          label={t('projections.share.provinceGrowth')}
          value={draft.provinceGrowthPct}
          onChange={(provinceGrowthPct) => patch({ provinceGrowthPct })}
          problem={errors.provinceGrowthPct}
          suffix="%"
          testId="projection-share-province-growth"
        />
      </div>
      {hint && !isFilled && <HintButton label={hint.label} onClick={hint.apply} testId="projection-share-fill" />}
      <div className="proj-row">
        <InputField label={t('projections.share.target')} value={draft.targetSharePct} onChange={(targetSharePct) => patch({ targetSharePct })} problem={errors.targetSharePct} suffix="%" testId="projection-share-target" />
        <InputField label={t('projections.share.year')} value={draft.shareTargetYear} onChange={(shareTargetYear) => patch({ shareTargetYear })} problem={errors.shareTargetYear} testId="projection-share-year" />
      </div>
    </Section>
  );
}

/** One peer to overtake: a region of the workspace (same indicator and year) or typed in. */
export function PeerFields({ errors }: { readonly errors: DraftErrors }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const draft = useDraft();
  const patch = useDraftPatch();
  const catalog = useCatalog();
  const observations = useWorkingObservations();
  const unit = useEntryUnitLabel();
  const isWorkspace = draft.baseKind === 'workspace';
  const regions = isWorkspace ? peerRegions(catalog, observations, draft.indicator, draft.region, draft.period) : [];
  const kinds: { value: PeerKind; label: string }[] = [
    { value: 'none', label: t('projections.peer.none') },
    ...(isWorkspace ? [{ value: 'region' as const, label: t('projections.peer.region') }] : []),
    { value: 'value', label: t('projections.peer.value') },
  ];
  return (
    <Section title={t('projections.peer.legend')} testId="projection-peer">
      <Segmented label={t('projections.peer.kind')} value={draft.peerKind} choices={kinds} onChange={(peerKind) => patch({ peerKind, ...(peerKind === 'region' && !draft.peerRegion ? { peerRegion: regions[0]?.code ?? '' } : {}) })} testId="projection-peer-kind" />
      {draft.peerKind === 'region' &&
        (regions.length === 0 ? (
          <p className="field-help" data-testid="projection-peer-no-regions">
            {t('projections.peer.noRegions')}
          </p>
        ) : (
          <SelectField
            label={t('projections.peer.regionLabel')}
            value={draft.peerRegion}
            choices={regions.map((region) => ({ value: region.code, label: language === 'zh' ? region.nameZh : region.nameEn }))}
            onChange={(peerRegion) => patch({ peerRegion })}
            problem={errors.peerRegion}
            testId="projection-peer-region"
          />
        ))}
      {draft.peerKind === 'value' && (
        <>
          <InputField label={t('projections.peer.name')} value={draft.peerName} onChange={(peerName) => patch({ peerName })} problem={errors.peerName} isNumeric={false} testId="projection-peer-name" />
          <div className="proj-row">
            <InputField label={t('projections.peer.level')} value={draft.peerValue} onChange={(peerValue) => patch({ peerValue })} problem={errors.peerValue} suffix={unit} testId="projection-peer-value" />
            <InputField label={t('projections.peer.growth')} value={draft.peerGrowthPct} onChange={(peerGrowthPct) => patch({ peerGrowthPct })} problem={errors.peerGrowthPct} suffix="%" testId="projection-peer-growth" />
          </div>
        </>
      )}
    </Section>
  );
}
