/**
 * Tab-separated text as Excel and WPS put it on the clipboard: cells separated by tabs, rows by
 * CRLF (LF from some apps), a final line break after the last row, and a cell that holds a tab, a
 * line break or a double quote written in double quotes with inner quotes doubled.
 */

/** Parses clipboard text into rows of cells; every row is padded to the widest one. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let index = 0;
  const length = text.length;
  if (length === 0) return [];
  while (index <= length) {
    const { cell, next } = readCell(text, index);
    row.push(cell);
    index = next;
    if (index >= length) {
      rows.push(row);
      break;
    }
    const separator = text[index];
    if (separator === '\t') {
      index += 1;
      // A trailing tab at the very end still ends an (empty) cell.
      if (index === length) {
        row.push('');
        rows.push(row);
        break;
      }
      continue;
    }
    // A line break: CRLF, LF or a lone CR (old Mac apps).
    index += separator === '\r' && text[index + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    // The line break after the last row ends the text; it does not start an empty row.
    if (index >= length) break;
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r));
}

function isBreak(char: string | undefined): boolean {
  return char === '\t' || char === '\n' || char === '\r';
}

/** Reads one cell from `start`; `next` is the index of the separator after it (or the text's end). */
function readCell(text: string, start: number): { cell: string; next: number } {
  if (text[start] === '"') {
    const quoted = readQuoted(text, start);
    if (quoted) return quoted;
  }
  let end = start;
  while (end < text.length && !isBreak(text[end])) end += 1;
  return { cell: text.slice(start, end), next: end };
}

/**
 * A quoted cell: up to the closing quote, which must be followed by a separator or the end. Text
 * like `"5" inches` is not a quoted cell but the literal text, as Excel reads it.
 */
function readQuoted(text: string, start: number): { cell: string; next: number } | null {
  let cell = '';
  let index = start + 1;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"') {
      if (text[index + 1] === '"') {
        cell += '"';
        index += 2;
        continue;
      }
      const after = index + 1;
      return after >= text.length || isBreak(text[after]) ? { cell, next: after } : null;
    }
    cell += char;
    index += 1;
  }
  return null;
}

/** Quotes a cell when Excel would have to: it holds a tab, a line break or a double quote. */
function quoteCell(cell: string): string {
  return /[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Writes rows as Excel does: tabs between cells, CRLF after every row. */
export function serialiseTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(quoteCell).join('\t')}\r\n`).join('');
}
