import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { AppError } from '../../../shared/api/contract';
import type { Indicator, Region } from '../../../shared/api/schemas';
import { IndicatorKind, RegionLevel } from '../../../shared/api/schemas';
import { listUnits } from '../../../shared/units';
import { Modal } from '../dialogs/Modal';
import { bilingual } from '../editing/editingSlice';
import { useAppStore } from '../store';

const CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The row the new entry pairs with: the focused cell's, or the first of the catalogue. */
function useRowPartner(): { regionCode: string; indicatorCode: string } {
  return useAppStore(
    useShallow((state) => ({
      regionCode: state.focusedCell?.regionCode ?? state.selectedRegion ?? state.catalog?.regions[0]?.code ?? '',
      indicatorCode: state.focusedCell?.indicatorCode ?? state.selectedIndicator ?? state.catalog?.indicators[0]?.code ?? '',
    })),
  );
}

interface FieldProps {
  readonly label: string;
  readonly testId: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: string;
  readonly isFirst?: boolean;
}

function Field({ label, testId, value, onChange, hint, isFirst }: FieldProps) {
  const id = useId();
  return (
    <div className="add-row-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} data-testid={testId} value={value} onChange={(event) => onChange(event.target.value)} data-autofocus={isFirst ? 'select' : undefined} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint && (
        <small id={`${id}-hint`} className="add-row-hint">
          {hint}
        </small>
      )}
    </div>
  );
}

interface ChoiceProps {
  readonly label: string;
  readonly testId: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly options: readonly { value: string; label: string }[];
}

function Choice({ label, testId, value, onChange, options }: ChoiceProps) {
  const id = useId();
  return (
    <div className="add-row-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={testId} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Adds an indicator (code, names, unit, category, kind) or a region (code, names, level, parent)
 * through catalog.addIndicator / catalog.addRegion; the wide table then shows its empty row.
 */
export function AddRowDialog() {
  const { t } = useTranslation();
  const { kind, close, addCatalogRow, catalog, language, setEditNotice } = useAppStore(
    useShallow((state) => ({
      kind: state.addRowDialog,
      close: state.closeAddRow,
      addCatalogRow: state.addCatalogRow,
      catalog: state.catalog,
      language: state.language,
      setEditNotice: state.setEditNotice,
    })),
  );
  const partner = useRowPartner();
  const [code, setCode] = useState('');
  const [nameZh, setNameZh] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [unit, setUnit] = useState('billion yuan');
  const [category, setCategory] = useState(catalog?.categories[0]?.code ?? '');
  const [indicatorKind, setIndicatorKind] = useState<Indicator['kind']>('flow');
  const [level, setLevel] = useState<Region['level']>('county');
  const [parent, setParent] = useState(catalog?.regions.find((region) => region.code === partner.regionCode)?.parentCode ?? '');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  if (!kind || !catalog) return null;
  const nameOf = (item: { nameZh: string; nameEn: string }) => (language === 'zh' ? item.nameZh : item.nameEn);
  const regionName = nameOf(catalog.regions.find((region) => region.code === partner.regionCode) ?? { nameZh: partner.regionCode, nameEn: partner.regionCode });
  const indicatorName = nameOf(catalog.indicators.find((indicator) => indicator.code === partner.indicatorCode) ?? { nameZh: partner.indicatorCode, nameEn: partner.indicatorCode });
  const check = (): string | null => {
    const missing = [
      { value: code, field: t('editing.addRow.code') },
      { value: nameZh, field: t('editing.addRow.nameZh') },
      { value: nameEn, field: t('editing.addRow.nameEn') },
    ].find(({ value }) => value.trim() === '');
    if (missing) return t('editing.addRow.required', { field: missing.field });
    if (!CODE_PATTERN.test(code.trim())) return t('editing.addRow.codeInvalid', { code: code.trim() });
    return null;
  };
  const submit = async () => {
    const problem = check();
    if (problem) return setError(problem);
    setIsBusy(true);
    const names = { code: code.trim(), nameZh: nameZh.trim(), nameEn: nameEn.trim() };
    const failure: AppError | null =
      kind === 'indicator'
        ? await addCatalogRow({
            kind: 'indicator',
            indicator: { ...names, unit, kind: indicatorKind, accumulation: 'point', category, parentCode: null, sourceNote: null },
            regionCode: partner.regionCode,
          })
        : await addCatalogRow({ kind: 'region', region: { ...names, level, parentCode: parent || null }, indicatorCode: partner.indicatorCode });
    setIsBusy(false);
    if (failure) return setError(language === 'zh' ? failure.messageZh || failure.message : failure.message);
    setEditNotice({ kind: 'info', zh: bilingual('editing.addRow.added', { name: names.nameZh }).zh, en: bilingual('editing.addRow.added', { name: names.nameEn }).en });
  };
  const isIndicator = kind === 'indicator';
  return (
    <Modal
      title={t(isIndicator ? 'editing.addRow.indicatorTitle' : 'editing.addRow.regionTitle')}
      intro={isIndicator ? t('editing.addRow.indicatorIntro', { region: regionName }) : t('editing.addRow.regionIntro', { indicator: indicatorName })}
      submitLabel={t('editing.addRow.submit')}
      isBusy={isBusy}
      error={error}
      onSubmit={() => void submit()}
      onClose={close}
      testId="add-row-dialog"
    >
      <div className="add-row-grid">
        <Field label={t('editing.addRow.code')} testId="add-row-code" value={code} onChange={setCode} hint={t('editing.addRow.codeHint')} isFirst />
        <Field label={t('editing.addRow.nameZh')} testId="add-row-name-zh" value={nameZh} onChange={setNameZh} />
        <Field label={t('editing.addRow.nameEn')} testId="add-row-name-en" value={nameEn} onChange={setNameEn} />
        {isIndicator ? (
          <>
            <Choice
              label={t('editing.addRow.unit')}
              testId="add-row-unit"
              value={unit}
              onChange={setUnit}
              options={listUnits().map((item) => ({ value: item.code, label: language === 'zh' ? item.labelZh : item.labelEn }))}
            />
            <Choice label={t('editing.addRow.category')} testId="add-row-category" value={category} onChange={setCategory} options={catalog.categories.map((item) => ({ value: item.code, label: nameOf(item) }))} />
            <Choice
              label={t('editing.addRow.kind')}
              testId="add-row-kind"
              value={indicatorKind}
              onChange={(value) => setIndicatorKind(IndicatorKind.parse(value))}
              options={IndicatorKind.options.map((item) => ({ value: item, label: t(`editing.addRow.kinds.${item}`) }))}
            />
          </>
        ) : (
          <>
            <Choice
              label={t('editing.addRow.level')}
              testId="add-row-level"
              value={level}
              onChange={(value) => setLevel(RegionLevel.parse(value))}
              options={RegionLevel.options.map((item) => ({ value: item, label: t(`editing.addRow.levels.${item}`) }))}
            />
            <Choice
              label={t('editing.addRow.parent')}
              testId="add-row-parent"
              value={parent}
              onChange={setParent}
              options={[{ value: '', label: t('editing.addRow.noParent') }, ...catalog.regions.map((item) => ({ value: item.code, label: `${nameOf(item)} (${item.code})` }))]}
            />
          </>
        )}
      </div>
    </Modal>
  );
}
