export type CsvCell = string | number | null | undefined;

/** Text a spreadsheet would run as a formula: it starts with = + - @ (or a tab/CR that hides one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Writes RFC 4180 csv. Text cells that a spreadsheet would evaluate are neutralised with a
 * leading apostrophe; numbers are written as numbers, so -1.5 stays a number.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
