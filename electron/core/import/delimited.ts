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
