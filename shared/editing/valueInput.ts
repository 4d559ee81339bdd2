/**
 * The rule for what an analyst may type or paste into a figure's cell.
 *
 * - A number as Chinese and English releases print it: "1,234.5", "１２３４.５" (full-width),
 *   "-2.1", "(2.1)" (accounting minus), "1.2E+05".
 * - A bare number is in the unit the column shows (the cell reads "4717.8" under 亿元: type 4800).
 * - A number with a unit is converted into the column's unit when the unit measures the same thing:
 *   "4717.8亿", "4717.8亿元", "471.78 billion yuan", "47178000万元" all give 471.78 billion yuan.
 *   A unit of another dimension ("9.3%" in a column of yuan) is refused and the message says which
 *   unit the column takes.
 * - Growth is in percent ("9.3" or "9.3%"); a rank is a whole number from 1 ("5", "第5", "5th").
 * - An empty cell clears the figure.
 */
import { convert, findUnit, roundToSignificant, unitLabel } from '../units';
import type { Dimension } from '../units';

export type NumericField = 'value' | 'growthReportedPct' | 'rankReported';

/** Where typed text goes: a field of a cell, its stored unit and the unit the column displays. */
export interface NumericTarget {
  readonly field: NumericField;
  /** The unit the workspace stores the figure in (the indicator's unit). */
  readonly storedUnit: string;
  /** The unit the cell shows; a bare number is read in it. Defaults to the stored unit. */
  readonly displayUnit?: string;
}

export type InputErrorCode = 'NOT_A_NUMBER' | 'WRONG_DIMENSION' | 'UNKNOWN_UNIT' | 'NOT_A_RANK' | 'SCALE_NOT_ALLOWED';

export type ParsedNumber =
  | { readonly ok: true; readonly value: number | null }
  | { readonly ok: false; readonly code: InputErrorCode; readonly zh: string; readonly en: string };

/** Multipliers written after the number, on their own or before a unit ("亿", "万元", "billion yuan"). */
const SCALES: readonly [string, number][] = [
  ['万亿', 1e12],
  ['千亿', 1e11],
  ['百亿', 1e10],
  ['亿', 1e8],
  ['千万', 1e7],
  ['百万', 1e6],
  ['十万', 1e5],
  ['万', 1e4],
  ['千', 1e3],
  ['trillion', 1e12],
  ['billion', 1e9],
  ['bn', 1e9],
  ['million', 1e6],
  ['mn', 1e6],
  ['thousand', 1e3],
  ['k', 1e3],
];

/** Unit words and the unit code they mean. */
const UNIT_WORDS: readonly [string, string][] = [
  ['个百分点', 'pp'],
  ['百分点', 'pp'],
  ['percentagepoints', 'pp'],
  ['percentagepoint', 'pp'],
  ['ppts', 'pp'],
  ['ppt', 'pp'],
  ['pp', 'pp'],
  ['%', '%'],
  ['percent', '%'],
  ['人民币元', '元'],
  ['美元', '美元'],
  ['usd', '美元'],
  ['us$', '美元'],
  ['$', '美元'],
  ['元', '元'],
  ['yuan', '元'],
  ['rmb', '元'],
  ['cny', '元'],
  ['公顷', 'hectare'],
  ['hectares', 'hectare'],
  ['hectare', 'hectare'],
  ['ha', 'hectare'],
  ['亩', '亩'],
  ['mu', '亩'],
  ['个', '个'],
  ['家', '家'],
  ['项', '项'],
  ['items', '个'],
  ['人', '人'],
  ['persons', '人'],
  ['people', '人'],
];

/** The unit of factor 1 in each dimension that a bare scale ("4717.8亿") multiplies. */
const BASE_UNIT: Partial<Record<Dimension, string>> = { money: '元', money_usd: '美元', area: '亩', count: '个', population: '人' };

const DIMENSION_NAMES: Record<Dimension, { zh: string; en: string }> = {
  money: { zh: '金额', en: 'an amount of yuan' },
  money_usd: { zh: '美元金额', en: 'an amount of US dollars' },
  area: { zh: '面积', en: 'an area' },
  rate: { zh: '百分比', en: 'a percentage' },
  rate_difference: { zh: '百分点差', en: 'a difference in percentage points' },
  count: { zh: '个数', en: 'a count' },
  population: { zh: '人数', en: 'a number of people' },
  rank: { zh: '位次', en: 'a rank' },
};

const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(e[+-]?\d+)?$/;

function fail(code: InputErrorCode, zh: string, en: string): ParsedNumber {
  return { ok: false, code, zh, en };
}

/** Full-width digits and signs, thin and non-breaking spaces, the Unicode minus: as ASCII. */
export function normaliseInput(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\u2014\uFE63]/g, '-')
    .replace(/[，]/g, ',')
    .replace(/[\s\u00A0\u2009\u202F]+/g, '')
    .toLowerCase();
}

interface Pieces {
  readonly number: number;
  readonly rest: string;
}

/** Splits "4717.8亿元" into 4717.8 and "亿元"; "(1,234)" is −1234; null when no number leads. */
function splitNumber(text: string): Pieces | null {
  let body = text;
  let isNegative = false;
  const accounting = /^\((.*)\)$/.exec(body);
  if (accounting) {
    body = accounting[1]!;
    isNegative = true;
  }
  const match = /^[+-]?[\d.,]*\d(?:e[+-]?\d+)?|^[+-]?\.\d+/.exec(body);
  if (!match) return null;
  const numeric = NUMBER.exec(match[0]);
  if (!numeric || (numeric[2] === undefined && numeric[3] === undefined)) return null;
  const value = Number(match[0].replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  return { number: isNegative ? -value : value, rest: body.slice(match[0].length) };
}

/** "亿元" → scale 1e8 and unit 元; "billion" → 1e9 and no unit; "" → neither; null for unknown words. */
function splitSuffix(rest: string): { scale: number; unit: string | null } | null {
  let remaining = rest;
  let scale = 1;
  const scaleWord = SCALES.find(([word]) => remaining.startsWith(word) && (word !== 'k' || remaining === 'k'));
  if (scaleWord) {
    scale = scaleWord[1];
    remaining = remaining.slice(scaleWord[0].length);
  }
  if (remaining === '') return { scale, unit: null };
  const unitWord = UNIT_WORDS.find(([word]) => remaining === word);
  return unitWord ? { scale, unit: unitWord[1] } : null;
}

/** The unit's name for messages: "亿元" / "100 million yuan". */
function names(unit: string): { zh: string; en: string } {
  return { zh: unitLabel(unit, 'zh'), en: unitLabel(unit, 'en') };
}

function parseRank(text: string, original: string): ParsedNumber {
  const match = /^(?:第|no\.?|#)?(\d+)(?:st|nd|rd|th|位|名)?$/.exec(text);
  const rank = match ? Number(match[1]) : Number.NaN;
  if (!Number.isInteger(rank) || rank < 1) {
    return fail(
      'NOT_A_RANK',
      `“${original}”不是位次：请填写从 1 开始的整数，如 5 或“第5”。`,
      `"${original}" is not a rank: write a whole number from 1, such as 5 or 5th.`,
    );
  }
  return { ok: true, value: rank };
}

function notANumber(original: string, unitNames: { zh: string; en: string }): ParsedNumber {
  return fail(
    'NOT_A_NUMBER',
    `“${original}”不是数字：此列只接受数字（单位：${unitNames.zh}），如 1,234.5、4717.8亿、9.3%。`,
    `"${original}" is not a number: this column takes figures only (in ${unitNames.en}), such as 1,234.5, 4717.8亿 or 9.3%.`,
  );
}

/**
 * Reads what was typed or pasted into a figure's cell and returns it in the stored unit, or a
 * refusal with a message in both languages. Empty text clears the figure (null).
 */
export function parseNumericInput(text: string, target: NumericTarget): ParsedNumber {
  const original = text.trim();
  const cleaned = normaliseInput(text);
  if (cleaned === '' || cleaned === '-' || cleaned === '—' || cleaned === '–') return { ok: true, value: null };
  if (target.field === 'rankReported') return parseRank(cleaned, original);
  const storedUnit = target.field === 'growthReportedPct' ? '%' : target.storedUnit;
  const displayUnit = target.field === 'growthReportedPct' ? '%' : (target.displayUnit ?? storedUnit);
  const pieces = splitNumber(cleaned);
  if (!pieces) return notANumber(original, names(displayUnit));
  const suffix = splitSuffix(pieces.rest);
  if (!suffix) {
    return fail(
      'UNKNOWN_UNIT',
      `“${original}”的单位无法识别：请只写数字（单位：${names(displayUnit).zh}），或带上“亿”“万元”“%”等单位。`,
      `The unit in "${original}" is not recognised: write the number alone (in ${names(displayUnit).en}) or with a unit such as 亿, 万元, billion yuan or %.`,
    );
  }
  const stored = findUnit(storedUnit);
  const dimension = stored?.dimension;
  // No unit written: a bare scale multiplies the dimension's base unit, a bare number is in the shown unit.
  let fromUnit = suffix.unit ?? (suffix.scale === 1 ? displayUnit : dimension ? BASE_UNIT[dimension] : undefined);
  if (!fromUnit) {
    return fail(
      'SCALE_NOT_ALLOWED',
      `“${original}”带有数量级（如“万”“亿”），但此列的单位是${names(storedUnit).zh}，不能这样写。请只写数字。`,
      `"${original}" has a scale word (such as 万 or billion), which ${names(storedUnit).en} cannot take. Write the number alone.`,
    );
  }
  const written = findUnit(fromUnit);
  if (written && stored && written.dimension !== stored.dimension) {
    const writtenName = DIMENSION_NAMES[written.dimension];
    const columnName = DIMENSION_NAMES[stored.dimension];
    return fail(
      'WRONG_DIMENSION',
      `“${original}”是${writtenName.zh}，而此列是${columnName.zh}（单位：${names(displayUnit).zh}），不能换算。`,
      `"${original}" is ${writtenName.en}, but this column is ${columnName.en} (in ${names(displayUnit).en}); it cannot be converted.`,
    );
  }
  if (suffix.scale !== 1 && (dimension === 'rate' || dimension === 'rate_difference' || dimension === 'rank')) {
    return fail(
      'SCALE_NOT_ALLOWED',
      `“${original}”带有数量级（如“万”“亿”），但此列的单位是${names(storedUnit).zh}，不能这样写。请只写数字。`,
      `"${original}" has a scale word (such as 万 or billion), which ${names(storedUnit).en} cannot take. Write the number alone.`,
    );
  }
  const amount = pieces.number * suffix.scale;
  if (fromUnit === storedUnit) return { ok: true, value: roundToSignificant(amount, 15) };
  if (!written || !stored) fromUnit = storedUnit;
  const converted = convert(amount, fromUnit, storedUnit);
  if (!converted.ok) return { ok: true, value: roundToSignificant(amount, 15) };
  return { ok: true, value: roundToSignificant(converted.value, 12) };
}

/** True when a figure needs no conversion to be shown in this unit (a rank, a percentage). */
export function isPlainNumberUnit(unit: string): boolean {
  const dimension = findUnit(unit)?.dimension;
  return dimension === 'rate' || dimension === 'rate_difference' || dimension === 'rank';
}
