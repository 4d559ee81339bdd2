import { roundToSignificant } from '../units';
import type { CellValue } from './types';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** The text of a cell as printed; numbers in their shortest form, empty as "". */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'number' ? String(cell) : cell;
}

/**
 * A label as a reader means it: NFKC (full-width letters and digits, ideographic spaces), line
 * breaks and padding inside Chinese words dropped ("郑  州  市" → "郑州市", "年末常\n住人口" →
 * "年末常住人口"), other runs of whitespace collapsed to one space.
 */
export function cleanLabel(text: string): string {
  const normal = text.normalize('NFKC').replace(/[\u200b-\u200d\ufeff]/g, '');
  const parts = normal.split(/\s+/).filter((part) => part !== '');
  let result = '';
  for (const part of parts) {
    if (result === '') result = part;
    else {
      const before = result[result.length - 1]!;
      const after = part[0]!;
      // Spacing between two Chinese characters is padding ("郑  州  市"); elsewhere it separates words.
      const isPadding = hasCjk(before) || /[（）【】、，：；。]/u.test(before) ? hasCjk(after) || /[（）【】、，：；。(（]/u.test(after) : false;
      result += isPadding ? part : ` ${part}`;
    }
  }
  return result;
}

/** Splits a bilingual label ("地区生产总值\nGross Domestic Product") into its Chinese and English parts. */
export function splitBilingual(raw: string): { zh: string; en: string } {
  const lines = raw.normalize('NFKC').split(/[\r\n]+/).map((line) => line.trim()).filter((line) => line !== '');
  const zh: string[] = [];
  const en: string[] = [];
  for (const line of lines) {
    if (hasCjk(line)) {
      // "市别 City" on one line: the Latin tail is the English name.
      const tail = /^(.*[\u3400-\u9fff\uff09)])\s*([A-Za-z][A-Za-z0-9 ,.'()&/-]*)$/u.exec(line);
      if (tail && tail[2]!.length > 2) {
        zh.push(tail[1]!);
        en.push(tail[2]!);
      } else zh.push(line);
    } else en.push(line);
  }
  return { zh: cleanLabel(zh.join('')), en: en.join(' ').replace(/\s+/g, ' ').trim() };
}

/** Marks for "no figure" in statistical tables: dashes, ellipses, "x" (withheld), n.a. */
const NO_VALUE = /^(?:[-—–－_~…·.]+|\/|x|X|×|n\.?a\.?|N\/A|NA|null|无)$/u;

const PLAIN_NUMBER = /^-?\d{1,15}(?:\.\d{1,15})?$/;
const EMPTY = { kind: 'empty' } as const;
const POWERS = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/**
 * roundToSignificant(value, 15) without its string round trip where the double already is the
 * nearest one to a short decimal (12.3, 4717.85): most figures in a table.
 */
export function withoutFloatNoise(value: number): number {
  for (const power of POWERS) {
    const scaled = value * power;
    if (Math.abs(scaled) >= 1e15) break;
    if (Math.round(scaled) / power === value) return value;
  }
  return roundToSignificant(value, 15);
}

export type ParsedNumber =
  | { kind: 'number'; value: number; isPercent: boolean }
  | { kind: 'empty' }
  | { kind: 'text'; text: string };

/**
 * Reads a cell as a number: stored numbers, and numbers stored as text with thousands
 * separators, full-width digits, a Unicode minus or a trailing %. Float noise is removed
 * (87435.12999999999 → 87435.13).
 */
export function parseNumber(cell: CellValue | undefined): ParsedNumber {
  if (cell === null || cell === undefined) return EMPTY;
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? { kind: 'number', value: withoutFloatNoise(cell), isPercent: false } : { kind: 'text', text: String(cell) };
  }
  // The common cases first: plain ASCII digits, and Chinese words (a label, never a figure).
  if (cell.length <= 15) {
    const value = plainNumber(cell);
    if (value !== undefined) return { kind: 'number', value, isPercent: false };
  }
  const first = cell.charCodeAt(0);
  const isWords = first >= 0x4e00 && first <= 0x9fff && cell !== '无';
  if (!isWords && PLAIN_NUMBER.test(cell)) {
    const value = Number(cell);
    return { kind: 'number', value: cell.length <= 15 ? value : roundToSignificant(value, 15), isPercent: false };
  }
  if (cell.length > 64) return isWords ? { kind: 'text', text: cell.trim() } : parseText(cell);
  // The same labels fill a column (a csv's repeated texts are one string each): each is read once.
  const known = parsedTexts.get(cell);
  if (known) return known;
  const parsed: ParsedNumber = isWords ? { kind: 'text', text: cell.trim() } : parseText(cell);
  if (parsedTexts.size >= PARSED_TEXTS_SIZE) parsedTexts.clear();
  parsedTexts.set(cell, parsed);
  return parsed;
}

/**
 * Number(cell) for text matching PLAIN_NUMBER with at most 15 digits ("-123.45"), read digit by
 * digit: the digits as an integer below 10^15 and the power of ten are exact doubles, so their
 * quotient is the correctly rounded value of the decimal, as Number() gives. Undefined otherwise.
 */
function plainNumber(cell: string): number | undefined {
  const length = cell.length;
  let index = cell.charCodeAt(0) === 0x2d ? 1 : 0;
  let digits = 0;
  let integer = 0;
  let fraction = -1;
  for (; index < length; index += 1) {
    const code = cell.charCodeAt(index);
    if (code >= 0x30 && code <= 0x39) {
      integer = integer * 10 + (code - 0x30);
      digits += 1;
      if (fraction >= 0) fraction += 1;
    } else if (code === 0x2e && fraction < 0 && digits > 0) fraction = 0;
    else return undefined;
  }
  // "12." and "-" are not plain numbers, nor are more digits than a double holds exactly.
  if (digits === 0 || fraction === 0 || digits > 15) return undefined;
  const magnitude = fraction > 0 ? integer / POWERS_OF_TEN[fraction]! : integer;
  return cell.charCodeAt(0) === 0x2d ? -magnitude : magnitude;
}

const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Texts that are not plain numbers ("2024年1月", "1,234.5") repeat down a column: each is read once. */
const PARSED_TEXTS_SIZE = 50_000;
const parsedTexts = new Map<string, ParsedNumber>();

function parseText(cell: string): ParsedNumber {
  const text = cell.normalize('NFKC').replace(/[\s\u00a0]+/g, '').replace(/[−‒]/g, '-');
  if (text === '') return EMPTY;
  if (NO_VALUE.test(text)) return EMPTY;
  const match = /^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(?:[eE]([-+]?\d+))?(%)?$/.exec(text);
  if (!match || (match[2] === undefined && match[3] === undefined)) return { kind: 'text', text: cell.trim() };
  const numeric = Number(`${match[1]}${(match[2] ?? '0').replace(/,/g, '')}${match[3] ?? ''}${match[4] !== undefined ? `e${match[4]}` : ''}`);
  if (!Number.isFinite(numeric)) return { kind: 'text', text: cell.trim() };
  return { kind: 'number', value: roundToSignificant(numeric, 15), isPercent: match[5] === '%' };
}

/** True when the cell reads as a number (stored or as text). */
export function isNumeric(cell: CellValue | undefined): boolean {
  return parseNumber(cell).kind === 'number';
}

/** A lowercase ASCII slug for codes ("Gross Domestic Product" → "gross_domestic_product"), or "" without Latin letters. */
export function slug(text: string, maxLength = 48): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, maxLength)
    .replace(/_+$/g, '');
}
