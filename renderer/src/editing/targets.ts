/**
 * What a grid cell edits: one field of one observation, with the units its text is read in and
 * the names of its row and column for messages. Both table layouts describe their cells this way,
 * so typing, paste, fill and clear share one path to `cells.edit`.
 */
import type { CellEditInput } from '../../../shared/api/methods/editing';
import { ObservationFlag } from '../../../shared/api/schemas';
import { cellKey } from '../../../shared/editing/derived';
import { parseNumericInput } from '../../../shared/editing/valueInput';
import type { NumericField } from '../../../shared/editing/valueInput';
import { roundToSignificant } from '../../../shared/units';
import { i18n } from '../i18n';

export type EditField = NumericField | 'note' | 'source' | 'flags';

export interface EditTarget {
  readonly indicatorCode: string;
  readonly regionCode: string;
  readonly period: string;
  readonly field: EditField;
  /** The indicator's unit: what the workspace stores. */
  readonly storedUnit: string;
  /** The unit the cell shows; a bare number typed into it is read in this unit. */
  readonly displayUnit: string;
  /** "规上工业增加值 · 丽水市": the row as a reader names it. */
  readonly rowLabel: string;
  /** The column's header: "2024年", "报告增速". */
  readonly columnLabel: string;
  /** The cell's content as editable text (also what copy writes). */
  readonly text: string;
}

export type ParsedEdit =
  | { readonly ok: true; readonly edit: CellEditInput }
  | { readonly ok: false; readonly zh: string; readonly en: string };

/** `indicator|region|period|field`: a field of a cell, as markers and pending saves name it. */
export function fieldKey(target: Pick<EditTarget, 'indicatorCode' | 'regionCode' | 'period' | 'field'>): string {
  return `${cellKey(target.indicatorCode, target.regionCode, target.period)}|${target.field}`;
}

export function isNumericField(field: EditField): field is NumericField {
  return field === 'value' || field === 'growthReportedPct' || field === 'rankReported';
}

/** A number as the editor and the clipboard write it: no grouping, no float noise. */
export function plainNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(roundToSignificant(value, 12));
}

/** The short name of a flag ("初步数", "Lower bound"): the label up to its explanation in brackets. */
export function flagName(flag: ObservationFlag, language: 'zh' | 'en'): string {
  const label = i18n.getFixedT(language)(`flags.${flag}`) as string;
  return label.split(/（| \(/)[0]!.trim();
}

export function flagsText(flags: readonly ObservationFlag[], language: 'zh' | 'en'): string {
  return flags.map((flag) => flagName(flag, language)).join(language === 'zh' ? '、' : ', ');
}

/** Every flag's names in both languages, for the editor's hint and for reading typed flags. */
export function flagChoices(language: 'zh' | 'en'): string {
  return ObservationFlag.options.map((flag) => flagName(flag, language)).join(language === 'zh' ? '、' : ', ');
}

function parseFlags(text: string): { ok: true; flags: ObservationFlag[] } | { ok: false; token: string } {
  const flags: ObservationFlag[] = [];
  for (const raw of text.split(/[,，、;；\n]+/)) {
    const token = raw.trim().toLowerCase();
    if (token === '') continue;
    const flag = ObservationFlag.options.find(
      (candidate) => candidate === token || flagName(candidate, 'zh').toLowerCase() === token || flagName(candidate, 'en').toLowerCase() === token,
    );
    if (!flag) return { ok: false, token: raw.trim() };
    if (!flags.includes(flag)) flags.push(flag);
  }
  return { ok: true, flags };
}

function keyOf(target: EditTarget): Pick<CellEditInput, 'indicator' | 'region' | 'period'> {
  return { indicator: target.indicatorCode, region: target.regionCode, period: target.period };
}

/** Reads typed or pasted text for a cell by the input rule; a refusal explains itself in both languages. */
export function parseForTarget(text: string, target: EditTarget): ParsedEdit {
  if (isNumericField(target.field)) {
    const parsed = parseNumericInput(text, { field: target.field, storedUnit: target.storedUnit, displayUnit: target.displayUnit });
    if (!parsed.ok) return parsed;
    return { ok: true, edit: { ...keyOf(target), [target.field]: parsed.value } };
  }
  if (target.field === 'flags') {
    const parsed = parseFlags(text);
    if (!parsed.ok) {
      const zh = i18n.getFixedT('zh')('editing.messages.unknownFlag', { text: parsed.token, choices: flagChoices('zh') }) as string;
      const en = i18n.getFixedT('en')('editing.messages.unknownFlag', { text: parsed.token, choices: flagChoices('en') }) as string;
      return { ok: false, zh, en };
    }
    return { ok: true, edit: { ...keyOf(target), flags: parsed.flags } };
  }
  const limit = target.field === 'note' ? 2000 : 4000;
  const trimmed = text.trim().slice(0, limit);
  return { ok: true, edit: { ...keyOf(target), [target.field]: trimmed === '' ? null : trimmed } };
}

/** The edit that clears a cell's field (Delete). */
export function clearingEdit(target: EditTarget): CellEditInput {
  return { ...keyOf(target), ...(target.field === 'flags' ? { flags: [] } : { [target.field]: null }) };
}

/** One edit per cell: fields of one observation pasted into several columns go together. */
export function mergeEdits(edits: readonly CellEditInput[]): CellEditInput[] {
  const byKey = new Map<string, CellEditInput>();
  for (const edit of edits) {
    const key = cellKey(edit.indicator, edit.region, edit.period);
    byKey.set(key, { ...byKey.get(key), ...edit });
  }
  return [...byKey.values()];
}
