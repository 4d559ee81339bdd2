/**
 * Cheap consistency checks for the overview's failure marker: a part larger than its whole, and
 * (from the brief) a stored gap that disagrees with the one computed from growth rates. A fuller
 * rule engine can replace these; the marker only needs a yes/no and a reason.
 */
import { formatWithUnit } from '../format';
import { convert } from '../units';
import type { BriefWarning } from './index';

export interface CheckFailure {
  readonly code: 'PART_EXCEEDS_WHOLE' | 'GAP_DISAGREES';
  readonly zh: string;
  readonly en: string;
}

export interface NamedValue {
  readonly nameZh: string;
  readonly nameEn: string;
  readonly value: number | null;
  readonly unit: string;
  /** A figure kept exactly as a self-contradicting source printed it is reported, not hidden. */
  readonly flags?: readonly string[];
}

/** Fails when a part (sector of a total, "其中" row) is larger than its whole; null when fine or unknown. */
export function partExceedsWhole(part: NamedValue, whole: NamedValue): CheckFailure | null {
  if (part.value === null || whole.value === null) return null;
  const converted = convert(part.value, part.unit, whole.unit);
  if (!converted.ok || converted.value <= whole.value) return null;
  const asPrinted = part.flags?.includes('as_printed') || whole.flags?.includes('as_printed');
  return {
    code: 'PART_EXCEEDS_WHOLE',
    zh: `${part.nameZh}（${formatWithUnit(part.value, part.unit, 'zh')}）大于其总量${whole.nameZh}（${formatWithUnit(whole.value, whole.unit, 'zh')}）${asPrinted ? '，按原文保留' : ''}。`,
    en: `${part.nameEn} (${formatWithUnit(part.value, part.unit, 'en')}) exceeds its whole, ${whole.nameEn} (${formatWithUnit(whole.value, whole.unit, 'en')})${asPrinted ? ', kept as printed' : ''}.`,
  };
}

/** The brief's warnings as check failures. */
export function briefFailures(warnings: readonly BriefWarning[]): CheckFailure[] {
  return warnings.map((warning) => ({ code: warning.code, zh: warning.zh, en: warning.en }));
}
