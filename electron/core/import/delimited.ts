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
 * of text cells; empty fields are null. `onCells` sees the running cell count so the caller can stop
 * a file beyond its limits early.
 */
export function parseDelimited(text: string, delimiter: string, onCells?: (cells: number) => void): CellValue[][] {
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = '';
  let isQuoted = false;
  let wasQuoted = false;
  let cells = 0;
  const endField = () => {
    row.push(field === '' && !wasQuoted ? null : field);
    field = '';
    wasQuoted = false;
    cells += 1;
  };
  const endRow = () => {
    endField();
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    rows.push(row);
    row = [];
    if (onCells && rows.length % 10_000 === 0) onCells(cells);
  };
  const length = text.length;
  for (let index = 0; index < length; index += 1) {
    const char = text[index]!;
    if (isQuoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 1;
        } else isQuoted = false;
      } else field += char;
      continue;
    }
    if (char === '"' && field === '') {
      isQuoted = true;
      wasQuoted = true;
    } else if (char === delimiter) endField();
    else if (char === '\n') endRow();
    else if (char === '\r') {
      if (text[index + 1] === '\n') index += 1;
      endRow();
    } else field += char;
  }
  if (field !== '' || row.length > 0 || wasQuoted) endRow();
  onCells?.(cells);
  return rows;
}
