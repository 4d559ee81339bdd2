import { chooseDisplayUnit, formatNumber, RATE_DECIMALS, toDisplayValue, type DisplayUnit, type Language } from '../format';
import { findUnit } from '../units';

/** A chart's values converted to the unit a reader expects (亿元 in Chinese, billion yuan in English). */
export interface ChartScale {
  readonly unit: DisplayUnit;
  /** Decimals shown on labels: as many as the data needs, at most two (one for rates and for values of 1000 and more). */
  readonly decimals: number;
  readonly isRate: boolean;
  convert(value: number): number;
  /** "4717.8" — no unit, no float noise. */
  format(value: number): string;
  /** "4717.8亿元", "471.78 billion yuan", "9.3%". */
  formatWithUnit(value: number): string;
}

function decimalsNeeded(value: number, max: number): number {
  for (let decimals = 0; decimals < max; decimals += 1) {
    const factor = 10 ** decimals;
    if (Math.abs(Math.round(value * factor) - value * factor) < 1e-6) return decimals;
  }
  return max;
}

/** Chooses the display unit and label decimals for a set of values stored in `unitCode`. */
export function chartScale(unitCode: string, values: readonly (number | null)[], language: Language): ChartScale {
  const unit = chooseDisplayUnit(unitCode, values, language);
  const dimension = findUnit(unitCode)?.dimension;
  const isRate = dimension === 'rate' || dimension === 'rate_difference';
  const convert = (value: number) => toDisplayValue(value, unitCode, unit);
  const shown = values.filter((value): value is number => value !== null).map(convert);
  const largest = shown.length > 0 ? Math.max(...shown.map(Math.abs)) : 0;
  const cap = largest >= 1000 ? 1 : 2;
  const decimals = isRate ? RATE_DECIMALS : Math.max(0, ...shown.map((value) => decimalsNeeded(value, cap)));
  const format = (value: number) => formatNumber(value, language, decimals, isRate ? decimals : 0);
  return {
    unit,
    decimals,
    isRate,
    convert,
    format,
    formatWithUnit: (value: number) => `${format(value)}${unit.separator}${unit.label}`,
  };
}

/** A percentage-point gap as a reader says it: "高于全省1.8个百分点", "1.8 pp above Zhejiang". */
export function gapPhrase(gapPp: number, comparator: { zh: string; en: string }, language: Language): string {
  const size = formatNumber(Math.abs(gapPp), language, RATE_DECIMALS, RATE_DECIMALS);
  if (Math.round(gapPp * 10) === 0) return language === 'zh' ? `与${comparator.zh}持平` : `level with ${comparator.en}`;
  if (language === 'zh') return `${gapPp > 0 ? '高于' : '低于'}${comparator.zh}${size}个百分点`;
  return `${size} pp ${gapPp > 0 ? 'above' : 'below'} ${comparator.en}`;
}
