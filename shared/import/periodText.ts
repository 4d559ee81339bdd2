import { parsePeriod } from '../periods';
import type { CellValue } from './types';

/** A period found in a title, file name or header, with whether it accumulates from January. */
export interface FoundPeriod {
  readonly code: string;
  readonly accumulation: 'point' | 'ytd';
  /** The text it was read from, for the preview ("（2022年）"). */
  readonly text: string;
}

const NUMERAL: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const DASH = '[-—–~～至到]';

function month(year: number, index: number, accumulation: 'point' | 'ytd', text: string): FoundPeriod | undefined {
  const period = parsePeriod(`${year}M${index}`);
  // One month "from January" is the month itself.
  return period ? { code: period.code, accumulation: index === 1 ? 'point' : accumulation, text } : undefined;
}

function quarter(year: number, index: number, accumulation: 'point' | 'ytd', text: string): FoundPeriod | undefined {
  const period = parsePeriod(`${year}Q${index}`);
  return period ? { code: period.code, accumulation: index === 1 ? 'point' : accumulation, text } : undefined;
}

function range(year: number, first: number, last: number, text: string): FoundPeriod | undefined {
  if (first === 1) return month(year, last, 'ytd', text);
  // A span that is exactly one quarter ("7-9月") is that quarter; any other span has no code.
  if (last - first === 2 && first % 3 === 1) return quarter(year, last / 3, 'point', text);
  if (first === last) return month(year, first, 'point', text);
  return undefined;
}

type Rule = { pattern: RegExp; read: (match: RegExpExecArray, defaultYear: number | undefined) => FoundPeriod | undefined };

const YEAR = '((?:19|20|21)\\d{2})';

/** Most specific first: a month range before a month, a month before a year. */
const RULES: readonly Rule[] = [
  { pattern: new RegExp(`${YEAR}\\s*年\\s*(\\d{1,2})\\s*${DASH}\\s*(\\d{1,2})\\s*月`, 'u'), read: (m) => range(Number(m[1]), Number(m[2]), Number(m[3]), m[0]) },
  { pattern: new RegExp(`${YEAR}\\s*年\\s*前\\s*([一二三四1-4])\\s*季度?`, 'u'), read: (m) => quarter(Number(m[1]), NUMERAL[m[2]!]!, 'ytd', m[0]) },
  { pattern: new RegExp(`${YEAR}\\s*年\\s*(?:第\\s*)?([一二三四1-4])\\s*季度`, 'u'), read: (m) => quarter(Number(m[1]), NUMERAL[m[2]!]!, 'point', m[0]) },
  { pattern: new RegExp(`${YEAR}\\s*年\\s*上半年`, 'u'), read: (m) => quarter(Number(m[1]), 2, 'ytd', m[0]) },
  { pattern: new RegExp(`${YEAR}\\s*年\\s*(\\d{1,2})\\s*月(?:份)?\\s*(累计)?`, 'u'), read: (m) => month(Number(m[1]), Number(m[2]), m[3] ? 'ytd' : 'point', m[0]) },
  { pattern: new RegExp(`${YEAR}\\s*[-/.]\\s*(\\d{1,2})(?!\\d)`, 'u'), read: (m) => month(Number(m[1]), Number(m[2]), 'point', m[0]) },
  { pattern: new RegExp(`${YEAR}\\s*[Qq]\\s*([1-4])`, 'u'), read: (m) => quarter(Number(m[1]), Number(m[2]), 'point', m[0]) },
  { pattern: new RegExp(`${YEAR}\\s*年(?:度)?`, 'u'), read: (m) => ({ code: m[1]!, accumulation: 'point', text: m[0] }) },
  // Without a year: "1-11月累计" takes its year from elsewhere in the title or the file name.
  {
    pattern: new RegExp(`(?<!\\d)(\\d{1,2})\\s*${DASH}\\s*(\\d{1,2})\\s*月`, 'u'),
    read: (m, year) => (year === undefined ? undefined : range(year, Number(m[1]), Number(m[2]), m[0])),
  },
  {
    pattern: /前\s*([一二三四1-4])\s*季度?/u,
    read: (m, year) => (year === undefined ? undefined : quarter(year, NUMERAL[m[1]!]!, 'ytd', m[0])),
  },
];

/** A year standing alone: "(2018)", "_2024", "2024 " but not part of a longer number. */
const BARE_YEAR = /(?<![\d.])((?:19|20|21)\d{2})(?![\d.])/u;

/** The first four-digit year in the text, or undefined. */
export function yearFromText(text: string): number | undefined {
  const normal = text.normalize('NFKC');
  const match = new RegExp(`${YEAR}\\s*年`, 'u').exec(normal) ?? BARE_YEAR.exec(normal);
  return match ? Number(match[1]) : undefined;
}

/**
 * The period a title or file name names: "（2022年）" → 2022, "2024年1-6月" → 2024M06 (year to
 * date), "2024年1-11月累计" → 2024M11, "2024年三季度" → 2024Q3; "1-11月累计" takes `defaultYear`.
 * With `allowBareYear`, a year without 年 counts too ("(2018).xlsx").
 */
export function periodFromText(text: string, options: { defaultYear?: number; allowBareYear?: boolean } = {}): FoundPeriod | undefined {
  const normal = text.normalize('NFKC');
  const year = yearFromText(normal) ?? options.defaultYear;
  for (const rule of RULES) {
    const match = rule.pattern.exec(normal);
    if (!match) continue;
    const found = rule.read(match, year);
    if (found) return found;
  }
  if (options.allowBareYear) {
    const bare = BARE_YEAR.exec(normal);
    if (bare) return { code: bare[1]!, accumulation: 'point', text: bare[0] };
  }
  return undefined;
}

/** Words a period header may carry besides the period itself. */
const PERIOD_HEADER_NOISE = /^(?:累计|全年|年|年度|末|年末|数|值|合计|总计|\s|[:：/()（）])*$/u;

/**
 * The period a header cell names when the whole cell is a period: 2016, "2016", "2016年",
 * "2024年1-6月", "2024Q3", "2024M11", or "1-6月" with a year from the title.
 */
export function periodFromHeader(cell: CellValue, defaultYear?: number): FoundPeriod | undefined {
  if (cell === null) return undefined;
  if (typeof cell === 'number') {
    return Number.isInteger(cell) && cell >= 1900 && cell <= 2200 ? { code: String(cell), accumulation: 'point', text: String(cell) } : undefined;
  }
  // A long table repeats a few hundred period texts over a million rows: each is read once.
  const key = `${defaultYear ?? ''}|${cell}`;
  if (headerCache.has(key)) return headerCache.get(key);
  if (headerCache.size >= HEADER_CACHE_SIZE) headerCache.clear();
  const found = readPeriodHeader(cell, defaultYear);
  headerCache.set(key, found);
  return found;
}

const HEADER_CACHE_SIZE = 20_000;
const headerCache = new Map<string, FoundPeriod | undefined>();

function readPeriodHeader(cell: string, defaultYear: number | undefined): FoundPeriod | undefined {
  const text = cell.normalize('NFKC').trim();
  const direct = parsePeriod(text);
  if (direct) return { code: direct.code, accumulation: 'point', text };
  const found = periodFromText(text, { defaultYear, allowBareYear: true });
  if (!found) return undefined;
  const rest = text.replace(found.text, '');
  return PERIOD_HEADER_NOISE.test(rest) ? found : undefined;
}
