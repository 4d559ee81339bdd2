import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { comparePeriods, parsePeriod, periodLabel } from '../../../shared/periods';
import type { Comparison, TransformKind } from '../../../shared/transform';
import type { AggregateTarget } from '../../../shared/ytd';
import { useAppStore } from '../store';
import { AGGREGATES, earliestYear, FALLBACK_BASE, isTransformActive, TRANSFORM_KINDS } from './settings';
import type { TransformSettings } from './settings';
import { useSeriesOnScreen } from './useSeriesOnScreen';


function Field({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <label className="transform-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** The table's periods and transformation: as released or single months, quarters, years; then level, change, growth, index, share, CAGR, gap. */
export function TransformSelector() {
  const { t } = useTranslation();
  const settings = useAppStore((state) => state.transformSettings);
  const update = useAppStore((state) => state.setTransformSettings);
  const reset = useAppStore((state) => state.resetTransform);
  const isActive = isTransformActive(settings);
  const notes = [
    isActive ? t('transform.notes.order') : null,
    settings.aggregate === 'single' ? t('transform.notes.single') : null,
    settings.kind === 'yoy' ? t('transform.notes.yoy') : null,
    settings.kind === 'gap' ? t('transform.notes.gap') : null,
  ].filter((note) => note !== null);
  return (
    <div className="transform-bar" role="group" aria-label={t('transform.label')} data-testid="transform-bar">
      <Field label={t('transform.aggregate')}>
        <select data-testid="transform-aggregate" value={settings.aggregate} onChange={(event) => update({ aggregate: event.target.value as AggregateTarget })}>
          {AGGREGATES.map((aggregate) => (
            <option key={aggregate} value={aggregate}>
              {t(`transform.aggregates.${aggregate}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('transform.kind')}>
        <select data-testid="transform-kind" value={settings.kind} onChange={(event) => update({ kind: event.target.value as TransformKind })}>
          {TRANSFORM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`transform.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <TransformParameter settings={settings} update={update} />
      {isActive && (
        <button type="button" className="button" data-testid="transform-reset" onClick={reset}>
          {t('transform.reset')}
        </button>
      )}
      {notes.length > 0 && (
        <p className="transform-note" data-testid="transform-note">
          {notes.join(' ')}
        </p>
      )}
    </div>
  );
}

interface ParameterProps {
  readonly settings: TransformSettings;
  readonly update: (patch: Partial<TransformSettings>) => void;
}

/** The one parameter a transformation takes, if any. */
function TransformParameter({ settings, update }: ParameterProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const regions = useAppStore((state) => state.catalog?.regions);
  switch (settings.kind) {
    case 'change':
    case 'pp':
      return (
        <Field label={t('transform.against')}>
          <select data-testid="transform-against" value={settings.against} onChange={(event) => update({ against: event.target.value as Comparison })}>
            <option value="previous">{t('transform.againstPrevious')}</option>
            <option value="year_ago">{t('transform.againstYearAgo')}</option>
          </select>
        </Field>
      );
    case 'index':
      return <IndexBase settings={settings} update={update} />;
    case 'cagr':
      return (
        <Field label={t('transform.years')}>
          <input
            type="number"
            className="transform-years"
            data-testid="transform-years"
            min={1}
            max={50}
            value={settings.years}
            onChange={(event) => {
              const years = Math.round(Number(event.target.value));
              if (years >= 1 && years <= 50) update({ years });
            }}
          />
        </Field>
      );
    case 'share':
      return (
        <Field label={t('transform.shareOf')}>
          <select data-testid="transform-share-of" value={settings.shareOf} onChange={(event) => update({ shareOf: event.target.value as TransformSettings['shareOf'] })}>
            <option value="auto">{t('transform.shareAuto')}</option>
            <option value="region">{t('transform.shareRegion')}</option>
            <option value="indicator">{t('transform.shareIndicator')}</option>
          </select>
        </Field>
      );
    case 'gap':
      return (
        <Field label={t('transform.comparator')}>
          <select data-testid="transform-comparator" value={settings.comparator ?? ''} onChange={(event) => update({ comparator: event.target.value || null })}>
            <option value="">{t('transform.comparatorAuto')}</option>
            {(regions ?? []).map((region) => (
              <option key={region.code} value={region.code}>
                {language === 'zh' ? region.nameZh : region.nameEn}
              </option>
            ))}
          </select>
        </Field>
      );
    default:
      return null;
  }
}

/**
 * The base period of an index, among the periods on screen: only this parameter needs them, and
 * finding them reads every observation (60 ms at 200,000), so the other transformations never do.
 */
function IndexBase({ settings, update }: ParameterProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const { periods } = useSeriesOnScreen();
  const years = [...periods].flatMap((code) => {
    const year = parsePeriod(code)?.year;
    return year === undefined ? [] : [String(year)];
  });
  const options = [...new Set([...years, ...periods])].sort(comparePeriods);
  const base = settings.base ?? earliestYear(periods, FALLBACK_BASE);
  if (!options.includes(base)) options.unshift(base);
  return (
    <Field label={t('transform.base')}>
      <select data-testid="transform-base" value={base} onChange={(event) => update({ base: event.target.value })}>
        {options.map((code) => (
          <option key={code} value={code}>
            {periodLabel(code, language)}
          </option>
        ))}
      </select>
    </Field>
  );
}
