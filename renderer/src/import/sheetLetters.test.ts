import { describe, expect, it } from 'vitest';
import { columnLetters, rowRole } from './sheetLetters';

describe('sheet letters and row roles', () => {
  it('names columns as a spreadsheet does', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('tells title, header and data rows apart, the edited header rows first', () => {
    const table = { titleRows: [1, 2], headerRows: { first: 2, last: 3 }, dataRows: { first: 4, last: 9 } };
    expect([1, 2, 3, 4, 9, 10].map((row) => rowRole(row, table))).toEqual(['title', 'header', 'header', 'data', 'data', null]);
    expect(rowRole(1, undefined)).toBeNull();
  });
});
