import { chooseDisplayUnit, formatNumber, toDisplayValue, type Language } from '../format';
import type { RateSchedule } from './rates';

/** A level in the reader's unit (600 billion yuan → "6000亿元" / "600 billion yuan"). */
export function formatLevel(value: number, unit: string, language: Language, maxDecimals = 1): string {
  if (unit === '') return formatNumber(value, language, maxDecimals);
  const display = chooseDisplayUnit(unit, [value], language);
  return `${formatNumber(toDisplayValue(value, unit, display), language, maxDecimals)}${display.separator}${display.label}`;
}

/** A rate the user typed, printed as typed (up to two decimals): 9.3 → "9.3%". */
export function formatInputPct(value: number, language: Language): string {
  return `${formatNumber(value, language, 2)}%`;
}

/** A computed rate, to one decimal as releases print growth: 11.5733… → "11.6%". */
export function formatComputedPct(value: number, language: Language): string {
  return `${formatNumber(value, language, 1, 1)}%`;
}

/** Percentage points to one decimal, without the sign (the sentence says above or below). */
export function formatPoints(value: number, language: Language): string {
  return formatNumber(Math.abs(value), language, 1, 1);
}

/** How a rate schedule reads inside a sentence: "年均增长9.3%" / "9.3% a year". */
export function describeSchedule(schedule: RateSchedule, language: Language): string {
  const pct = (value: number) => formatInputPct(value, language);
  switch (schedule.kind) {
    case 'constant':
      return language === 'zh' ? `年均增长${pct(schedule.growthPct)}` : `${pct(schedule.growthPct)} a year`;
    case 'perYear': {
      const rates = schedule.growthPcts.map(pct);
      const last = rates[rates.length - 1]!;
      if (rates.length === 1) return language === 'zh' ? `年均增长${last}` : `${last} a year`;
      return language === 'zh' ? `逐年增长${rates.join('、')}（此后保持${last}）` : `${rates.join(', ')} in successive years (then ${last})`;
    }
    case 'ramp':
      return language === 'zh'
        ? `增速由${pct(schedule.fromPct)}在${schedule.rampYears}年内逐步调整至${pct(schedule.toPct)}`
        : `growth moving from ${pct(schedule.fromPct)} to ${pct(schedule.toPct)} over ${schedule.rampYears} years`;
  }
}

/** Lower-cases the first letter of an English name inside a sentence, unless it starts an acronym (GDP). */
export function inSentence(nameEn: string): string {
  const [first, second] = nameEn;
  if (first && second && /[A-Z]/.test(first) && /[a-z ]/.test(second)) return first.toLowerCase() + nameEn.slice(1);
  return nameEn;
}

/** Capitalises the first letter of an English sentence. */
export function sentenceStart(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
