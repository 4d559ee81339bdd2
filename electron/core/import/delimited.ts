import type { CellValue } from '../../../shared/import/types';

/** Chooses the delimiter by which one splits the first lines into a steady number of fields. */
export function sniffDelimiter(text: string, fileName: string): ',' | '\t' | ';' {
  if (/\.tsv$|\.tab$/i.test(fileName)) return '\t';
  const lines = text.split(/\r\n|\n|\r/, 30).filter((line) => line.trim() !== '');
  let best: ',' | '\t' | ';' = ',';
  let bestScore = -1;
  for (const delimiter of [',', '\t', ';'] as const) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const positive = counts.filter((count) => count > 0);
    if (positive.length === 0) continue;
    const mode = positive.sort((a, b) => a - b)[Math.floor(positive.length / 2)]!;
    const steady = counts.filter((count) => count === mode).length;
    const score = steady * 1000 + mode;
    if (score > bestScore) {
      bestScore = score;
      best = delimiter;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let isQuoted = false;
  for (const char of line) {
    if (char === '"') isQuoted = !isQuoted;
    else if (char === delimiter && !isQuoted) count += 1;
  }
  return count;
}

/**
 * Parses RFC 4180 delimited text (quoted fields, doubled quotes, CRLF/LF/CR line ends) into rows
 * of text cells; empty fields are null. `onCells` sees the running cell count and the position in
 * the text every 10,000 rows, so the caller can report progress and stop a file beyond its limits
 * early. Unquoted fields are sliced out of the text, not built a character at a time.
 */
export function parseDelimited(text: string, delimiter: string, onCells?: (cells: number, position: number) => void): CellValue[][] {
  const rows: CellValue[][] = [];
  const length = text.length;
  const separator = delimiter.charCodeAt(0);
  let row: CellValue[] = [];
  let cells = 0;
  let index = 0;
  let isLineOpen = false;
  while (index < length) {
    isLineOpen = true;
    let value: string;
    let wasQuoted = false;
    if (text.charCodeAt(index) === QUOTE) {
      // Quoted: up to the closing quote, "" standing for one quote; text after it is kept as printed.
      wasQuoted = true;
      index += 1;
      value = '';
      for (;;) {
        const close = text.indexOf('"', index);
        if (close < 0) {
          value += text.slice(index);
          index = length;
          break;
        }
        value += text.slice(index, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          index = close + 2;
        } else {
          index = close + 1;
          break;
        }
      }
      const start = index;
      while (index < length) {
        const code = text.charCodeAt(index);
        if (code === separator || code === LF || code === CR) break;
        index += 1;
      }
      if (index > start) value += text.slice(start, index);
    } else {
      const start = index;
      while (index < length) {
        const code = text.charCodeAt(index);
        if (code === separator || code === LF || code === CR) break;
        index += 1;
      }
      value = text.slice(start, index);
    }
    row.push(value === '' && !wasQuoted ? null : value);
    cells += 1;
    if (index >= length) break;
    const code = text.charCodeAt(index);
    index += 1;
    if (code === separator) {
      // A delimiter at the very end opens one more, empty field.
      if (index >= length) {
        row.push(null);
        cells += 1;
      }
      continue;
    }
    if (code === CR && text.charCodeAt(index) === LF) index += 1;
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    rows.push(row);
    row = [];
    isLineOpen = false;
    if (onCells && rows.length % 10_000 === 0) onCells(cells, index);
  }
  if (isLineOpen) {
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    rows.push(row);
  }
  onCells?.(cells, length);
  return rows;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Distinct texts remembered per column by parseDelimitedUtf8; a column with more (figures) is not interned. */
const INTERNED_PER_COLUMN = 4096;
/** Columns whose texts are interned; a wider file's later columns are decoded cell by cell. */
const INTERNED_COLUMNS = 64;

interface ColumnTexts {
  /** By a hash of the cell's bytes: the first cell's byte range and its text. */
  readonly byHash: Map<number, { readonly start: number; readonly end: number; readonly text: string }>;
  isOpen: boolean;
}

/**
 * parseDelimited on a valid UTF-8 file's bytes from `start` (what it would return for the decoded
 * text, row for row and cell for cell), without decoding the whole file into one string first.
 * The bytes are scanned as Latin-1 (a delimiter, quote or line end is one ASCII byte, never part of
 * a multi-byte character); an ASCII cell is sliced out as is, any other is decoded alone. Texts that
 * repeat down a column (region, indicator, period, unit of a long table) are decoded once and
 * shared, so a million rows hold a few hundred distinct strings instead of millions of copies, and
 * each row is an array of its exact length.
 */
export function parseDelimitedUtf8(bytes: Uint8Array, start: number, delimiter: string, onCells?: (cells: number, position: number) => void): CellValue[][] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // ASCII cells are sliced out of the bytes read as Latin-1 (one string for the file, not one call per cell).
  const text = buffer.toString('latin1');
  const rows: CellValue[][] = [];
  const length = bytes.length;
  const separator = delimiter.charCodeAt(0);
  const columns: ColumnTexts[] = [];
  const decode = (from: number, to: number): string => (from >= to ? '' : buffer.toString('utf8', from, to));
  const sameBytes = (aStart: number, bStart: number, count: number): boolean => {
    for (let offset = 0; offset < count; offset += 1) if (bytes[aStart + offset] !== bytes[bStart + offset]) return false;
    return true;
  };
  const row: CellValue[] = [];
  let width = 0;
  let cells = 0;
  let index = start;
  let isLineOpen = false;
  while (index < length) {
    isLineOpen = true;
    let value: string;
    let wasQuoted = false;
    if (bytes[index] === QUOTE) {
      // Quoted: up to the closing quote, "" standing for one quote; text after it is kept as printed.
      wasQuoted = true;
      index += 1;
      value = '';
      for (;;) {
        const close = buffer.indexOf(QUOTE, index);
        if (close < 0) {
          value += decode(index, length);
          index = length;
          break;
        }
        value += decode(index, close);
        if (bytes[close + 1] === QUOTE) {
          value += '"';
          index = close + 2;
        } else {
          index = close + 1;
          break;
        }
      }
      const after = index;
      while (index < length) {
        const code = bytes[index]!;
        if (code === separator || code === LF || code === CR) break;
        index += 1;
      }
      if (index > after) value += decode(after, index);
    } else {
      const from = index;
      let hash = 0;
      let high = 0;
      while (index < length) {
        const code = bytes[index]!;
        if (code === separator || code === LF || code === CR) break;
        hash = (Math.imul(hash, 31) + code) | 0;
        high |= code;
        index += 1;
      }
      if (index === from) value = '';
      else {
        const column = width < INTERNED_COLUMNS ? (columns[width] ??= { byHash: new Map(), isOpen: true }) : undefined;
        const known = column?.isOpen ? column.byHash.get(hash & 0x3fffffff) : undefined;
        if (known && known.end - known.start === index - from && sameBytes(known.start, from, index - from)) value = known.text;
        else {
          value = high < 0x80 ? text.slice(from, index) : buffer.toString('utf8', from, index);
          if (column?.isOpen && !known) {
            if (column.byHash.size >= INTERNED_PER_COLUMN) {
              column.isOpen = false;
              column.byHash.clear();
            } else column.byHash.set(hash & 0x3fffffff, { start: from, end: index, text: value });
          }
        }
      }
    }
    row[width] = value === '' && !wasQuoted ? null : value;
    width += 1;
    cells += 1;
    if (index >= length) break;
    const code = bytes[index]!;
    index += 1;
    if (code === separator) {
      // A delimiter at the very end opens one more, empty field.
      if (index >= length) {
        row[width] = null;
        width += 1;
        cells += 1;
      }
      continue;
    }
    if (code === CR && bytes[index] === LF) index += 1;
    while (width > 0 && row[width - 1] === null) width -= 1;
    rows.push(row.slice(0, width));
    width = 0;
    isLineOpen = false;
    if (onCells && rows.length % 10_000 === 0) onCells(cells, index);
  }
  if (isLineOpen) {
    while (width > 0 && row[width - 1] === null) width -= 1;
    rows.push(row.slice(0, width));
  }
  onCells?.(cells, length);
  return rows;
}
