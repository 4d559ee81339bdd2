import { Grid } from './grid';
import { periodFromHeader, periodFromText, yearFromText, type FoundPeriod } from './periodText';
import { cellText, cleanLabel, hasCjk, parseNumber, splitBilingual } from './text';
import type { CellValue, SheetCells } from './types';
import { splitHeaderUnit, unitFromUnitRow } from './unitText';
import { isSectionLabel } from './regions';

/** What a column of a detected table holds. */
export type ColumnKind = 'value' | 'growth' | 'rank' | 'text' | 'empty';

/** One column of a detected table, its header flattened ("生产总值 / 工业") and its unit found. */
export interface DetectedColumn {
  /** 0-based column index. */
  readonly column: number;
  /** The header cells top to bottom, cleaned, merged ranges repeated once ("生产总值(亿元) / #工业"). */
  readonly header: string;
  /** The Chinese name without unit or "#"/"其中" marks ("生产总值 / 工业"). */
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: string | null;
  readonly unitSource: 'header' | 'table' | null;
  /** The period the header names, when columns carry periods (2016, "2024年1-6月"). */
  readonly period: FoundPeriod | undefined;
  /** Name of the header parts above a period header (the indicator of a period column). */
  readonly groupZh: string;
  readonly groupEn: string;
  readonly kind: ColumnKind;
  readonly numberCount: number;
}

/** Columns of a long table: one observation per row. */
export interface LongColumns {
  readonly region: number | null;
  readonly indicator: number | null;
  readonly period: number | null;
  readonly value: number;
  readonly unit: number | null;
  readonly growth: number | null;
  readonly rank: number | null;
}

/** A table found in a sheet: title, header and data rows, the label column and the value columns. */
export interface DetectedTable {
  readonly sheet: string;
  /** Position among the tables of the sheet (stacked tables: 0, 1, 2…). */
  readonly indexInSheet: number;
  /** 0-based rows above the header that carry the title, unit and notes. */
  readonly titleRows: readonly number[];
  readonly title: string;
  readonly titleEn: string;
  /** A "续表"/"continued" table repeating an earlier one's layout for other indicators or regions. */
  readonly isContinuation: boolean;
  readonly tableUnit: string | null;
  /** 0-based inclusive; null when the table has no header row. */
  readonly headerRows: { readonly first: number; readonly last: number } | null;
  readonly dataRows: { readonly first: number; readonly last: number };
  readonly layout: 'wide' | 'long';
  readonly labelColumn: number;
  readonly alternateLabelColumn: number | null;
  /** Whether the row labels name regions or periods ("1978年"). */
  readonly labelKind: 'region' | 'period';
  readonly columns: readonly DetectedColumn[];
  /** In a wide table, what the value columns carry besides the row label. */
  readonly columnsCarry: 'indicator' | 'period';
  readonly long: LongColumns | null;
  /** The period of the whole table, from its title or the file name. */
  readonly period: (FoundPeriod & { readonly source: 'title' | 'fileName' }) | undefined;
  /** The indicator a title names ("2-14 各市地区生产总值" → 地区生产总值), for tables whose columns are periods. */
  readonly titleIndicator: { readonly nameZh: string; readonly nameEn: string; readonly unit: string | null } | null;
  /** Footnotes under the table ("注：本表绝对额按当年价格计算…"). */
  readonly notes: readonly string[];
}

const NOTE = /^(?:注|说明|资料来源|数据来源|备注|note|notes|source|[a-z]\))/iu;
const CONTINUED = /续表|续\s*表|\(续\)|（续）|continued/iu;
const TABLE_NUMBER = /^\s*[0-9A-Za-z]{1,3}\s*[-—–－]\s*\d{1,3}(?:\s*[-—–－]\s*\d{1,3})?\s*/u;
const GROWTH = /增长|增速|同比|比上年|比去年|growth|increase/iu;
const RANK = /位次|排名|排位|名次|rank/iu;
const MAX_HEADER_ROWS = 6;

type RowKind = 'blank' | 'data' | 'yearHeader' | 'text';

interface RowInfo {
  readonly kind: RowKind;
  readonly filled: readonly number[];
  readonly numbers: readonly number[];
  readonly texts: readonly number[];
}

/**
 * Data rows whose shares decide a table's label column, its row-label kind and whether it is long:
 * all of them up to SAMPLE_ROWS, else SAMPLE_ROWS spread evenly over the run (a csv of a million
 * observations is one run of identical rows; reading each of them again for a share is the cost of
 * detection there). Counts that decide whether a figure is imported at all are not sampled.
 */
const SAMPLE_ROWS = 20_000;

/** The sample of each run, taken once (three looks at the same run share it). */
const samples = new WeakMap<{ first: number; last: number }, number[]>();

function sampleDataRows(infos: readonly RowInfo[], run: { first: number; last: number }): number[] {
  const known = samples.get(run);
  if (known) return known;
  const sample = takeSample(infos, run);
  samples.set(run, sample);
  return sample;
}

function takeSample(infos: readonly RowInfo[], run: { first: number; last: number }): number[] {
  const rows: number[] = [];
  for (let row = run.first; row <= run.last; row += 1) if (infos[row]!.kind === 'data') rows.push(row);
  if (rows.length <= SAMPLE_ROWS) return rows;
  const sample: number[] = new Array<number>(SAMPLE_ROWS);
  const step = rows.length / SAMPLE_ROWS;
  for (let index = 0; index < SAMPLE_ROWS; index += 1) sample[index] = rows[Math.floor(index * step)]!;
  return sample;
}

function isYearLike(value: number): boolean {
  return Number.isInteger(value) && value >= 1900 && value <= 2200;
}

/** isGarbledNumber by text: the same few texts fill a long table's rows. */
const garbledCache = new Map<string, boolean>();

function isGarbledCached(text: string): boolean {
  let isGarbled = garbledCache.get(text);
  if (isGarbled === undefined) {
    if (garbledCache.size >= 20_000) garbledCache.clear();
    isGarbled = isGarbledNumber(text);
    garbledCache.set(text, isGarbled);
  }
  return isGarbled;
}

/** classifyRow's lists for the row at hand, reused from row to row (their lengths in `counts`). */
const scratch = { filled: [] as number[], numbers: [] as number[], values: [] as number[], texts: [] as number[] };

function startsWith(list: readonly number[], scratchList: readonly number[], count: number): boolean {
  if (list.length !== count) return false;
  for (let index = 0; index < count; index += 1) if (list[index] !== scratchList[index]) return false;
  return true;
}

/**
 * What a row holds. `previous` is the row before's record: a row of the same kind and shape gets
 * that same (immutable) record, so that the rows of a long table (a million of one shape) allocate
 * no lists of their own.
 */
function classifyRow(grid: Grid, row: number, previous?: RowInfo): RowInfo {
  // One pass over the stored cells: each is read once (a long table has millions).
  const cells = grid.sheet.rows[row] ?? [];
  const { filled, numbers, values, texts } = scratch;
  let filledCount = 0;
  let numberCount = 0;
  let textCount = 0;
  for (let column = 0; column < cells.length; column += 1) {
    const cell = cells[column];
    if (cell === null || cell === undefined) continue;
    if (typeof cell === 'string' && cell.trim() === '') continue;
    filled[filledCount++] = column;
    const parsed = parseNumber(cell);
    if (parsed.kind === 'number') {
      values[numberCount] = parsed.value;
      numbers[numberCount++] = column;
    } else texts[textCount++] = column;
  }
  const kind = rowKind(grid, row, cells, filledCount, numberCount, textCount);
  if (previous !== undefined && previous.kind === kind && startsWith(previous.filled, filled, filledCount) && startsWith(previous.numbers, numbers, numberCount) && startsWith(previous.texts, texts, textCount)) {
    return previous;
  }
  return { kind, filled: filled.slice(0, filledCount), numbers: numbers.slice(0, numberCount), texts: texts.slice(0, textCount) };
}

/** The kind of the row in `scratch` (its first `…Count` entries). */
function rowKind(grid: Grid, row: number, cells: readonly CellValue[], filledCount: number, numberCount: number, textCount: number): RowKind {
  const { filled, numbers, values, texts } = scratch;
  if (filledCount === 0) return 'blank';
  let isIncreasingYears = numberCount >= 2;
  for (let index = 0; isIncreasingYears && index < numberCount; index += 1) {
    if (!isYearLike(values[index]!) || (index > 0 && !(values[index]! > values[index - 1]!))) isIncreasingYears = false;
  }
  if (isIncreasingYears && textCount <= 3) return 'yearHeader';
  const firstNumber = numberCount > 0 ? numbers[0]! : Infinity;
  let hasLabel = false;
  for (let index = 0; !hasLabel && index < textCount; index += 1) if (texts[index]! < firstNumber) hasLabel = true;
  // A year as the row label (2016 | 123.4 | 456.7) also makes a data row.
  let hasYearLabel = false;
  if (numberCount >= 2 && filled[0] === numbers[0] && isYearLike(values[0]!)) {
    for (let index = 1; !hasYearLabel && index < numberCount; index += 1) if (!isYearLike(values[index]!)) hasYearLabel = true;
  }
  if (numberCount >= 1 && (hasLabel || hasYearLabel)) return 'data';
  // Looked at only here: most rows of a long table are data rows by their figures.
  let garbled = 0;
  for (let index = 0; index < textCount; index += 1) {
    const cell = cells[texts[index]!];
    if (isGarbledCached(typeof cell === 'string' ? cell.trim() : '')) garbled += 1;
  }
  // A label followed only by mistyped figures ("丽水市 | 12..5") is still a row of data, to be rejected cell by cell.
  if (garbled >= 1 && textCount >= 2 && !isGarbledNumber(grid.rawText(row, texts[0]!))) return 'data';
  return 'text';
}

/**
 * Text that was meant as a figure, so that its row is kept and the cell refused with its address:
 * digits and number punctuation ("12..5", "1,2345", a number too large for a double such as
 * "1e400"), a formula ("=SUM(A1:A9)", "@cmd"), NaN/Infinity, or a date where a figure belongs.
 */
function isGarbledNumber(text: string): boolean {
  const normal = text.normalize('NFKC').replace(/\s+/g, '');
  if (parseNumber(normal).kind !== 'text') return false;
  return (
    (/\d/.test(normal) && /^[-+]?[\d.,%]+(?:e[-+]?\d+)?$/i.test(normal)) ||
    /^[=@]/.test(normal) ||
    /^[-+]?(?:nan|inf|infinity)$/i.test(normal) ||
    /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/.test(normal)
  );
}

function rowText(grid: Grid, row: number): string {
  return grid
    .filledColumns(row)
    .map((column) => grid.rawText(row, column))
    .join(' ')
    .trim();
}

function isNoteRow(grid: Grid, row: number): boolean {
  const filled = grid.filledColumns(row);
  return filled.length > 0 && filled.length <= 2 && NOTE.test(cleanLabel(grid.rawText(row, filled[0]!)));
}

function isUnitRow(grid: Grid, row: number): boolean {
  return grid.filledColumns(row).some((column) => unitFromUnitRow(grid.rawText(row, column)) !== undefined);
}

/** A row that belongs above a header: one cell at the left edge (a title), a unit row, a note. */
function isTitleLike(grid: Grid, row: number, info: RowInfo, leftEdge: number): boolean {
  if (isUnitRow(grid, row)) return true;
  if (info.filled.length === 1 && info.filled[0]! <= leftEdge) return true;
  return CONTINUED.test(rowText(grid, row)) && info.filled.length <= 2;
}

/** Can a text row sit between data rows (a section label such as "按地区分 by City")? */
function isGapRow(grid: Grid, row: number, info: RowInfo, firstValueColumn: number): boolean {
  if (info.kind === 'blank') return true;
  if (info.kind !== 'text' || isNoteRow(grid, row)) return false;
  if (CONTINUED.test(rowText(grid, row)) || TABLE_NUMBER.test(rowText(grid, row))) return false;
  return info.filled.length <= 2 && info.filled.every((column) => column < firstValueColumn);
}

interface DataRun {
  first: number;
  last: number;
}

function findDataRuns(grid: Grid, infos: readonly RowInfo[]): DataRun[] {
  const runs: DataRun[] = [];
  let row = 0;
  while (row < infos.length) {
    if (infos[row]!.kind !== 'data') {
      row += 1;
      continue;
    }
    const run = { first: row, last: row };
    const firstValueColumn = infos[row]!.numbers[0] ?? 0;
    let next = row + 1;
    while (next < infos.length) {
      const info = infos[next]!;
      if (info.kind === 'data') {
        run.last = next;
        next += 1;
        continue;
      }
      // Up to two section labels or blank rows may sit between data rows of one table.
      let gapEnd = next;
      while (gapEnd < infos.length && gapEnd - next < 2 && infos[gapEnd]!.kind !== 'data' && isGapRow(grid, gapEnd, infos[gapEnd]!, firstValueColumn)) gapEnd += 1;
      const isBlankGapOnly = infos.slice(next, gapEnd).every((gap) => gap.kind === 'blank');
      if (gapEnd < infos.length && infos[gapEnd]!.kind === 'data' && gapEnd > next && !(isBlankGapOnly && gapEnd - next > 1)) {
        next = gapEnd;
        continue;
      }
      break;
    }
    runs.push(run);
    row = run.last + 1;
  }
  return runs;
}

function headerAbove(grid: Grid, infos: readonly RowInfo[], run: DataRun, floor: number, leftEdge: number): { first: number; last: number } | null {
  let row = run.first - 1;
  let blanks = 0;
  while (row >= floor && infos[row]!.kind === 'blank' && blanks < 2) {
    row -= 1;
    blanks += 1;
  }
  const last = row;
  while (row >= floor && last - row < MAX_HEADER_ROWS) {
    const info = infos[row]!;
    if (info.kind === 'blank' || info.kind === 'data') break;
    // "按地区分 by City" right above the data opens the data, it is not a header.
    if (row === last && info.kind === 'text' && isSectionLabel(cleanLabel(grid.rawText(row, info.filled[0]!)))) {
      row -= 1;
      continue;
    }
    if (info.kind === 'text' && (isTitleLike(grid, row, info, leftEdge) || isNoteRow(grid, row))) break;
    row -= 1;
  }
  let end = last;
  while (end > row && infos[end]!.kind === 'text' && isSectionLabel(cleanLabel(grid.rawText(end, infos[end]!.filled[0]!)))) end -= 1;
  return row < end ? { first: row + 1, last: end } : null;
}

/** Label and alternate (English) label columns: text in most data rows, left of the first number. */
function findLabelColumns(grid: Grid, infos: readonly RowInfo[], run: DataRun): { label: number; alternate: number | null; firstValue: number } {
  let firstValue = Infinity;
  let firstFilled = Infinity;
  for (let row = run.first; row <= run.last; row += 1) {
    const info = infos[row]!;
    if (info.kind !== 'data') continue;
    firstValue = Math.min(firstValue, info.numbers[0] ?? Infinity);
    firstFilled = Math.min(firstFilled, info.filled[0] ?? 0);
  }
  const dataRows = sampleDataRows(infos, run);
  const counts = new Map<number, { text: number; latin: number }>();
  for (const row of dataRows) {
    for (const column of infos[row]!.texts) {
      if (column >= firstValue) continue;
      const entry = counts.get(column) ?? { text: 0, latin: 0 };
      entry.text += 1;
      if (!hasCjk(grid.rawText(row, column))) entry.latin += 1;
      counts.set(column, entry);
    }
  }
  let label = -1;
  let best = -1;
  for (const [column, entry] of [...counts.entries()].sort((a, b) => a[0] - b[0])) {
    const score = entry.text - entry.latin * 0.5;
    if (score > best) {
      best = score;
      label = column;
    }
  }
  // A year as the row label: the first filled column.
  if (label < 0) label = Number.isFinite(firstFilled) ? firstFilled : 0;
  let alternate: number | null = null;
  for (const [column, entry] of [...counts.entries()].sort((a, b) => a[0] - b[0])) {
    if (column === label) continue;
    if (entry.text >= dataRows.length * 0.5 && entry.latin >= entry.text * 0.8) {
      alternate = column;
      break;
    }
  }
  return { label, alternate, firstValue: Number.isFinite(firstValue) ? firstValue : label + 1 };
}

interface HeaderPart {
  raw: string;
  row: number;
}

/**
 * The header cells of a column, top to bottom. A blank merged group header ("" over 第一产业…工业)
 * next to a header with no sub-header (生产总值(亿元) spanning all header rows) is that header's group:
 * statistical tables draw 生产总值 over its breakdown that way, and the breakdown is "生产总值 / 工业".
 */
function headerParts(grid: Grid, header: { first: number; last: number }, column: number, labelColumns: ReadonlySet<number>): HeaderPart[] {
  const parts: HeaderPart[] = [];
  let previous: string | undefined;
  for (let row = header.first; row <= header.last; row += 1) {
    let text = cellText(grid.value(row, column)).trim();
    if (text === '' && row < header.last) {
      const hasSubHeader = [...Array(header.last - row).keys()].some((offset) => grid.text(row + 1 + offset, column) !== '');
      const merge = grid.merge(row, column);
      const left = (merge ? merge.startColumn : column) - 1;
      if (hasSubHeader && left >= 0 && !labelColumns.has(left)) {
        const leftText = grid.text(row, left);
        const leftMerge = grid.merge(row, left);
        const spansDown = leftMerge ? leftMerge.endRow >= header.last : [...Array(header.last - row).keys()].every((offset) => grid.text(row + 1 + offset, left) === '');
        // Only a top-level header is a group; "#工业" under a blank next to 第二产业 stays 生产总值 / 工业.
        const startsAtTop = (leftMerge ? leftMerge.startRow : row) === header.first;
        if (leftText !== '' && spansDown && startsAtTop) text = leftText;
      }
    }
    if (text === '' || text === previous) continue;
    previous = text;
    parts.push({ raw: text, row });
  }
  return parts;
}

function describeColumn(
  grid: Grid,
  header: { first: number; last: number } | null,
  column: number,
  run: DataRun,
  infos: readonly RowInfo[],
  labelColumns: ReadonlySet<number>,
  tableUnit: string | null,
  defaultYear: number | undefined,
): DetectedColumn {
  // Which cells hold numbers, classifyRow knew already (by the same parseNumber).
  let numberCount = 0;
  for (let row = run.first; row <= run.last; row += 1) {
    const info = infos[row]!;
    if (info.kind === 'data' && info.numbers.includes(column)) numberCount += 1;
  }
  // Without numbers, whether the column holds text at all ("—" is no text): the first one tells.
  let hasText = false;
  for (let row = run.first; numberCount === 0 && !hasText && row <= run.last; row += 1) {
    if (infos[row]!.kind === 'data' && parseNumber(grid.raw(row, column)).kind === 'text') hasText = true;
  }
  const parts = header ? headerParts(grid, header, column, labelColumns) : [];
  const lastPart = parts[parts.length - 1];
  // "2024年1-6月(亿元)": the period after its unit is taken off.
  const lastSplit = lastPart ? splitHeaderUnit(splitBilingual(lastPart.raw).zh || lastPart.raw) : undefined;
  const period = lastSplit ? periodFromHeader(lastSplit.name, defaultYear) : undefined;
  const nameParts = period ? parts.slice(0, -1) : parts;
  const periodUnit = period ? (lastSplit?.unit ?? null) : null;
  let unit: string | null = null;
  const zh: string[] = [];
  const en: string[] = [];
  for (const part of nameParts) {
    const bilingual = splitBilingual(part.raw);
    const zhSplit = splitHeaderUnit(bilingual.zh);
    const enSplit = splitHeaderUnit(bilingual.en);
    // The deepest part that names a unit wins: "生产总值(亿元) / 人均(元)" is in 元.
    unit = zhSplit.unit ?? enSplit.unit ?? unit;
    const zhName = zhSplit.name.replace(/^(?:#|＃|其中\s*[:：]?)\s*/u, '');
    if (zhName !== '') zh.push(zhName);
    if (enSplit.name !== '') en.push(enSplit.name);
  }
  unit = periodUnit ?? unit;
  const unitSource = unit ? 'header' : tableUnit ? 'table' : null;
  const nameZh = zh.join(' / ');
  const nameEn = en.join(' / ');
  const flattened = parts.map((part) => cleanLabel(part.raw)).join(' / ');
  let kind: ColumnKind = numberCount > 0 ? 'value' : hasText ? 'text' : 'empty';
  if (kind === 'value') {
    const leaf = zh[zh.length - 1] ?? en[en.length - 1] ?? '';
    if (RANK.test(leaf)) kind = 'rank';
    else if (GROWTH.test(leaf) && (unit === null || unit === '%')) kind = 'growth';
  }
  return {
    column,
    header: flattened,
    nameZh,
    nameEn,
    unit: unit ?? (kind === 'growth' ? '%' : kind === 'rank' ? null : tableUnit),
    unitSource: kind === 'growth' && !unit ? null : unitSource,
    period,
    groupZh: period ? nameZh : '',
    groupEn: period ? nameEn : '',
    kind,
    numberCount,
  };
}

/** "2-14  各市地区生产总值" → 地区生产总值; "Gross Domestic Product by City" → Gross Domestic Product. */
function indicatorFromTitle(titleZh: string, titleEn: string, tableUnit: string | null): DetectedTable['titleIndicator'] {
  let zh = cleanLabel(titleZh)
    .replace(TABLE_NUMBER, '')
    .replace(CONTINUED, '')
    .replace(/[(（][^()（）]*[)）]/gu, '')
    .replace(/\d{4}\s*年.*$/u, '')
    .replace(/^(?:各市|分市|各地区|分地区|各县(?:市、?区)?|各区县|全省|全市|主要城市|各城市)/u, '')
    .replace(/(?:情况|统计表|统计|一览表|表)$/u, '')
    .trim();
  // A mixed line ("2-12 续表 1 Continued 1") keeps only its Chinese words here.
  zh = zh.replace(/[A-Za-z][A-Za-z0-9 ,.'&-]*/g, '').replace(/^[\d\s]+|[\d\s]+$/g, '');
  const en = titleEn
    .replace(CONTINUED, '')
    .replace(/\d+\s*$/, '')
    .replace(/\s+by\s+(?:city|region|prefecture|county|area)\b.*$/iu, '')
    .trim();
  if (zh === '' && en === '') return null;
  const split = splitHeaderUnit(zh);
  return { nameZh: split.name, nameEn: en, unit: split.unit ?? tableUnit };
}

const LONG_KEYWORDS = {
  region: /^(?:地区|城市|市别|地市|区域|region|country(?:name)?|city|area|geo)$/iu,
  indicator: /^(?:指标|指标名称|项目|indicator|series|item|variable)$/iu,
  period: /^(?:年份|年度|年|时间|期别|月份|日期|period|year|date|time)$/iu,
  value: /^(?:数值|值|数据|value|obs_?value|amount)$/iu,
  unit: /^(?:单位|计量单位|unit|units)$/iu,
  growth: /^(?:增速|增长|同比增长|增长率|growth)$/iu,
  rank: /^(?:位次|排名|rank)$/iu,
};

function detectLong(grid: Grid, header: { first: number; last: number } | null, run: DataRun, infos: readonly RowInfo[]): LongColumns | null {
  if (!header) return null;
  const found: Partial<Record<keyof typeof LONG_KEYWORDS, number>> = {};
  for (let column = 0; column < grid.columnCount; column += 1) {
    // "数值(亿元)" is the value column in 亿元: the unit does not hide the column's role.
    const text = cleanLabel(splitHeaderUnit(cleanLabel(grid.text(header.last, column))).name).replace(/\s+/g, '').toLowerCase();
    for (const [role, pattern] of Object.entries(LONG_KEYWORDS) as [keyof typeof LONG_KEYWORDS, RegExp][]) {
      if (found[role] === undefined && pattern.test(text)) found[role] = column;
    }
  }
  if (found.period === undefined || found.value === undefined) return null;
  let periods = 0;
  const rows = sampleDataRows(infos, run);
  for (const row of rows) if (periodFromHeader(grid.value(row, found.period))) periods += 1;
  if (rows.length === 0 || periods < rows.length * 0.8) return null;
  return {
    region: found.region ?? null,
    indicator: found.indicator ?? null,
    period: found.period,
    value: found.value,
    unit: found.unit ?? null,
    growth: found.growth ?? null,
    rank: found.rank ?? null,
  };
}

/**
 * Finds the tables of a sheet: title rows (with the unit row and the period), the header rows
 * above the data (multi-row merged headers flattened), the data rows, the row-label column and
 * the value columns. Stacked tables ("续表") are found one after another.
 */
export function detectTables(sheet: SheetCells, fileName: string): DetectedTable[] {
  const grid = new Grid(sheet);
  const infos: RowInfo[] = new Array<RowInfo>(grid.rowCount);
  let previous: RowInfo | undefined;
  for (let row = 0; row < grid.rowCount; row += 1) {
    // The rows of a long table share one shape: one (immutable) RowInfo for a run of them keeps a
    // million small arrays from being made, kept and collected at all.
    previous = infos[row] = classifyRow(grid, row, previous);
  }
  const runs = findDataRuns(grid, infos);
  const tables: DetectedTable[] = [];
  let floor = 0;
  // A loop, not Math.min(...): a sheet of a million rows would overflow the call stack.
  let leftEdge = Infinity;
  for (const info of infos) if ((info.filled[0] ?? Infinity) < leftEdge) leftEdge = info.filled[0]!;
  const fileYear = yearFromText(fileName);
  for (const run of runs) {
    const header = headerAbove(grid, infos, run, floor, Number.isFinite(leftEdge) ? leftEdge : 0);
    const titleEnd = (header?.first ?? run.first) - 1;
    // The previous table's notes are already behind `floor`.
    const titleStart = floor;
    const titleRows: number[] = [];
    for (let row = titleStart; row <= titleEnd; row += 1) if (infos[row]!.kind !== 'blank' && !isNoteRow(grid, row)) titleRows.push(row);
    const titleTexts = titleRows.map((row) => rowText(grid, row));
    const titleZh = titleTexts.filter((text) => hasCjk(text) && unitFromUnitRow(text) === undefined).join(' ');
    const titleEn = titleTexts.filter((text) => !hasCjk(text) && unitFromUnitRow(text) === undefined).join(' ');
    const tableUnit = titleRows.flatMap((row) => grid.filledColumns(row).map((column) => unitFromUnitRow(grid.rawText(row, column)))).find((unit) => unit !== undefined) ?? null;

    const { label, alternate } = findLabelColumns(grid, infos, run);
    const labelColumns = new Set([label, ...(alternate === null ? [] : [alternate])]);
    // Leading-column labels further left (the English name in B when A is Chinese) are not values.
    for (let column = 0; column < label; column += 1) labelColumns.add(column);
    const defaultYear = yearFromText(titleZh) ?? fileYear;
    const columns: DetectedColumn[] = [];
    for (let column = label + 1; column < grid.columnCount; column += 1) {
      if (labelColumns.has(column)) continue;
      const described = describeColumn(grid, header, column, run, infos, labelColumns, tableUnit, defaultYear);
      if (described.kind === 'empty' && described.header === '') continue;
      // The label's own merged header ("城市" over A:B) is not a column of values.
      const headerMerge = header ? grid.merge(header.first, column) : undefined;
      if (described.kind !== 'value' && headerMerge && labelColumns.has(headerMerge.startColumn)) continue;
      columns.push(described);
    }
    const valueColumns = columns.filter((column) => column.kind === 'value');
    const periodColumns = valueColumns.filter((column) => column.period !== undefined);
    const columnsCarry = valueColumns.length > 0 && periodColumns.length >= valueColumns.length * 0.5 ? 'period' : 'indicator';

    let labelPeriods = 0;
    const labelRows = sampleDataRows(infos, run);
    const labelCount = labelRows.length;
    for (const row of labelRows) if (periodFromHeader(grid.value(row, label), defaultYear)) labelPeriods += 1;
    const labelKind = labelCount > 0 && labelPeriods >= labelCount * 0.6 ? 'period' : 'region';

    const fromTitle = periodFromText(titleZh, { defaultYear: fileYear });
    const fromFile = periodFromText(fileName.replace(/\.[A-Za-z0-9]{2,5}$/, ''), { defaultYear: yearFromText(titleZh), allowBareYear: true });
    const period = fromTitle ? { ...fromTitle, source: 'title' as const } : fromFile ? { ...fromFile, source: 'fileName' as const } : undefined;

    const notes: string[] = [];
    let after = run.last + 1;
    while (after < grid.rowCount) {
      const info = infos[after]!;
      if (info.kind === 'blank') {
        if (notes.length > 0) break;
      } else if (isNoteRow(grid, after) || (notes.length > 0 && info.kind === 'text' && isNoteContinuation(grid, after))) {
        notes.push(rowText(grid, after));
      } else break;
      after += 1;
    }
    const long = labelKind === 'region' ? detectLong(grid, header, run, infos) : null;
    tables.push({
      sheet: sheet.name,
      indexInSheet: tables.length,
      titleRows,
      title: titleZh || titleEn,
      titleEn,
      isContinuation: CONTINUED.test(titleTexts.join(' ')),
      tableUnit,
      headerRows: header,
      dataRows: { first: run.first, last: run.last },
      layout: long ? 'long' : 'wide',
      labelColumn: long ? (long.region ?? label) : label,
      alternateLabelColumn: long ? null : alternate,
      labelKind,
      columns,
      columnsCarry,
      long,
      period,
      titleIndicator: indicatorFromTitle(titleZh, titleEn, tableUnit),
      notes,
    });
    floor = after;
  }
  return tables;
}

/** An English or second line under a note ("a)Since 2004, …"). */
function isNoteContinuation(grid: Grid, row: number): boolean {
  const filled = grid.filledColumns(row);
  return filled.length === 1 && !hasCjk(grid.rawText(row, filled[0]!)) && grid.rawText(row, filled[0]!).length > 20;
}

