/** Column letters as a spreadsheet shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let rest = index + 1;
  let letters = '';
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** What a 1-based sheet row is to a detected table, for shading the first rows. */
export type RowRole = 'title' | 'header' | 'data' | null;

export function rowRole(row: number, table: { titleRows: readonly number[]; headerRows: { first: number; last: number } | null; dataRows: { first: number; last: number } } | undefined): RowRole {
  if (!table) return null;
  if (table.headerRows && row >= table.headerRows.first && row <= table.headerRows.last) return 'header';
  if (row >= table.dataRows.first && row <= table.dataRows.last) return 'data';
  if (table.titleRows.includes(row)) return 'title';
  return null;
}
