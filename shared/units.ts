/**
 * Units as printed in statistical releases, and conversion between units of one dimension.
 * A value is stored in the unit its source printed; display and arithmetic convert through here.
 */

export type Dimension = 'money' | 'money_usd' | 'area' | 'rate' | 'rate_difference' | 'count' | 'population' | 'rank';

export interface UnitDefinition {
  /** Canonical code stored in the workspace, e.g. "亿元" or "billion yuan". */
  readonly code: string;
  readonly dimension: Dimension;
  /** Size of one of this unit in the dimension's base unit (yuan, mu, percent, item). */
  readonly factor: number;
  readonly labelZh: string;
  readonly labelEn: string;
}

const UNIT_LIST: readonly UnitDefinition[] = [
  { code: '元', dimension: 'money', factor: 1, labelZh: '元', labelEn: 'yuan' },
  { code: '万元', dimension: 'money', factor: 1e4, labelZh: '万元', labelEn: '10k yuan' },
  { code: 'million yuan', dimension: 'money', factor: 1e6, labelZh: '百万元', labelEn: 'million yuan' },
  { code: '亿元', dimension: 'money', factor: 1e8, labelZh: '亿元', labelEn: '100 million yuan' },
  { code: 'billion yuan', dimension: 'money', factor: 1e9, labelZh: '十亿元', labelEn: 'billion yuan' },
  // US dollars are their own dimension: converting them to yuan needs an exchange rate, never a factor.
  { code: '美元', dimension: 'money_usd', factor: 1, labelZh: '美元', labelEn: 'US dollars' },
  { code: '万美元', dimension: 'money_usd', factor: 1e4, labelZh: '万美元', labelEn: '10k US dollars' },
  { code: '亿美元', dimension: 'money_usd', factor: 1e8, labelZh: '亿美元', labelEn: '100 million US dollars' },
  { code: 'mu', dimension: 'area', factor: 1, labelZh: '亩', labelEn: 'mu' },
  { code: '亩', dimension: 'area', factor: 1, labelZh: '亩', labelEn: 'mu' },
  // 1 hectare = 15 mu exactly (1 mu = 10000/15 m²).
  { code: 'hectare', dimension: 'area', factor: 15, labelZh: '公顷', labelEn: 'hectares' },
  { code: '%', dimension: 'rate', factor: 1, labelZh: '%', labelEn: '%' },
  { code: 'pp', dimension: 'rate_difference', factor: 1, labelZh: '个百分点', labelEn: 'percentage points' },
  { code: '个', dimension: 'count', factor: 1, labelZh: '个', labelEn: 'items' },
  { code: '家', dimension: 'count', factor: 1, labelZh: '家', labelEn: 'enterprises' },
  { code: '项', dimension: 'count', factor: 1, labelZh: '项', labelEn: 'items' },
  { code: '人', dimension: 'population', factor: 1, labelZh: '人', labelEn: 'persons' },
  { code: '万人', dimension: 'population', factor: 1e4, labelZh: '万人', labelEn: '10k persons' },
  { code: '位', dimension: 'rank', factor: 1, labelZh: '位', labelEn: 'rank' },
];

const UNITS: ReadonlyMap<string, UnitDefinition> = new Map(UNIT_LIST.map((unit) => [unit.code, unit]));

/** Every unit the workspace knows, in display order. */
export function listUnits(): readonly UnitDefinition[] {
  return UNIT_LIST;
}

/** The definition of a unit code, or undefined when the code is unknown. */
export function findUnit(code: string): UnitDefinition | undefined {
  return UNITS.get(code);
}

export type ConversionResult =
  | { ok: true; value: number }
  | { ok: false; reason: 'UNKNOWN_UNIT' | 'DIMENSION_MISMATCH'; from: string; to: string };

/**
 * Converts between two units of one dimension. The factor ratio is applied as a single
 * multiplication or division by a power-of-ten-like ratio so that 471.78 billion yuan becomes
 * exactly 4717.8 亿元 as printed (division by the smaller factor avoids 4717.799999…).
 */
export function convert(value: number, from: string, to: string): ConversionResult {
  const source = UNITS.get(from);
  const target = UNITS.get(to);
  if (!source || !target) return { ok: false, reason: 'UNKNOWN_UNIT', from, to };
  if (source.dimension !== target.dimension) return { ok: false, reason: 'DIMENSION_MISMATCH', from, to };
  if (source.factor === target.factor) return { ok: true, value };
  const converted =
    source.factor > target.factor
      ? value * (source.factor / target.factor)
      : value / (target.factor / source.factor);
  return { ok: true, value: roundToSignificant(converted, 15) };
}

/** Removes binary float noise (87435.12999999999 → 87435.13) by rounding to n significant digits. */
export function roundToSignificant(value: number, digits: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number.parseFloat(value.toPrecision(digits));
}

/** Label of a unit code in the reader's language; unknown codes are shown as stored. */
export function unitLabel(code: string, language: 'zh' | 'en'): string {
  const unit = UNITS.get(code);
  if (!unit) return code;
  return language === 'zh' ? unit.labelZh : unit.labelEn;
}
