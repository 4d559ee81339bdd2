import { convert, findUnit, roundToSignificant } from './units';

export type Language = 'zh' | 'en';

/** A stored unit as a reader sees it: which unit to show and how many decimals the data needs. */
export interface DisplayUnit {
  readonly code: string;
  readonly label: string;
  /** Text between the number and the unit: none in Chinese, a space in English. */
  readonly separator: string;
}

const MONEY_DISPLAY: Record<Language, readonly { code: string; label: string; threshold: number }[]> = {
  // Chinese reports speak in 亿元, and in 万元 below one 亿.
  zh: [
    { code: '亿元', label: '亿元', threshold: 1e8 },
    { code: '万元', label: '万元', threshold: 1e4 },
    { code: '元', label: '元', threshold: 0 },
  ],
  en: [
    { code: 'billion yuan', label: 'billion yuan', threshold: 1e9 },
    { code: 'million yuan', label: 'million yuan', threshold: 1e6 },
    { code: '元', label: 'yuan', threshold: 0 },
  ],
};

/**
 * Chooses the unit to display values stored in `unitCode`, so that the largest magnitude among
 * `values` reads naturally (471.78 billion yuan → 亿元 in Chinese; 223 million yuan → 亿元 too).
 */
export function chooseDisplayUnit(unitCode: string, values: readonly (number | null)[], language: Language): DisplayUnit {
  const unit = findUnit(unitCode);
  const separator = language === 'zh' ? '' : ' ';
  if (!unit) return { code: unitCode, label: unitCode, separator };
  if (unit.dimension === 'money') {
    const known = values.filter((v): v is number => v !== null).map((v) => Math.abs(v) * unit.factor);
    // With no values to judge by, one of the stored unit decides (billion yuan → 亿元, not 元).
    const largest = known.length > 0 ? Math.max(...known) : unit.factor;
    const steps = MONEY_DISPLAY[language];
    const step = steps.find((candidate) => largest >= candidate.threshold) ?? steps[steps.length - 1]!;
    return { code: step.code, label: step.label, separator };
  }
  if (unit.dimension === 'rate') return { code: unit.code, label: '%', separator: '' };
  if (unit.dimension === 'rate_difference') {
    return { code: unit.code, label: language === 'zh' ? '个百分点' : 'percentage points', separator };
  }
  return { code: unit.code, label: language === 'zh' ? unit.labelZh : unit.labelEn, separator };
}

/** Converts a stored value into a display unit chosen by chooseDisplayUnit. */
export function toDisplayValue(value: number, unitCode: string, display: DisplayUnit): number {
  if (display.code === unitCode) return value;
  const converted = convert(value, unitCode, display.code);
  return converted.ok ? converted.value : value;
}

/** Formats a number with at most `maxDecimals` decimals and no float noise; grouping in English only. */
export function formatNumber(value: number, language: Language, maxDecimals = 4, minDecimals = 0): string {
  const clean = roundToSignificant(value, 12);
  return numberFormat(language, maxDecimals, minDecimals).format(clean);
}

// Building an Intl.NumberFormat costs far more than formatting with one: a table of 200,000 figures
// formats them through a handful of cached instances.
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, maxDecimals: number, minDecimals: number): Intl.NumberFormat {
  const key = `${language}|${maxDecimals}|${minDecimals}`;
  let format = NUMBER_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-US', {
      maximumFractionDigits: maxDecimals,
      minimumFractionDigits: minDecimals,
      useGrouping: language === 'en',
    });
    NUMBER_FORMATS.set(key, format);
  }
  return format;
}

/**
 * Makes the formatters the table uses (figures, and rates to one decimal) ahead of time. A page's
 * first Intl.NumberFormat loads the locale's data, about 40 ms in a launch profile; the page calls
 * this while it waits for the workspace, instead of paying it when it builds the table's rows.
 */
export function prepareNumberFormats(language: Language): void {
  numberFormat(language, 4, 0);
  numberFormat(language, RATE_DECIMALS, RATE_DECIMALS);
}

/** Decimals a rate is shown with: statistical releases print growth to one decimal (25.0%). */
export const RATE_DECIMALS = 1;

/** "4717.8亿元", "471.78 billion yuan", "9.3%", "1.8个百分点", "7,379 mu". */
export function formatWithUnit(value: number, unitCode: string, language: Language): string {
  const display = chooseDisplayUnit(unitCode, [value], language);
  const unit = findUnit(unitCode);
  const isRate = unit?.dimension === 'rate' || unit?.dimension === 'rate_difference';
  const shown = toDisplayValue(value, unitCode, display);
  const text = isRate ? formatNumber(shown, language, RATE_DECIMALS, RATE_DECIMALS) : formatNumber(shown, language);
  return `${text}${display.separator}${display.label}`;
}

/** A growth rate as printed: "9.3%", with an explicit minus for declines. */
export function formatPercent(value: number, language: Language): string {
  return `${formatNumber(value, language, RATE_DECIMALS, RATE_DECIMALS)}%`;
}
