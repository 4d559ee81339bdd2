import { toCsv, type CsvCell } from '../../shared/csv';

/** Aligns rows into a plain-text table; CJK characters count as two columns, as terminals draw them. */
export function toTextTable(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const text = [header, ...rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))))];
  const widths = header.map((_, column) => Math.max(...text.map((row) => displayWidth(row[column] ?? ''))));
  return text
    .map((row) => row.map((cell, column) => cell + ' '.repeat(widths[column]! - displayWidth(cell))).join('  ').trimEnd())
    .join('\n');
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

export type OutputFormat = 'table' | 'json' | 'csv';

export interface Tabular {
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

/** Renders one result in the chosen format; JSON is the contract's output, unchanged. */
export function render(format: OutputFormat, json: unknown, table: () => Tabular): string {
  if (format === 'json') return JSON.stringify(json, null, 2) + '\n';
  const { header, rows } = table();
  if (format === 'csv') return toCsv([header, ...rows]);
  return toTextTable(header, rows) + '\n';
}
