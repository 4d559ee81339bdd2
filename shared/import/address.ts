/** Spreadsheet addresses as users read them: column letters, 1-based rows, Sheet!B7. */

const LETTERS = Array.from({ length: 702 }, (_, index) => lettersOf(index));

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  return index >= 0 && index < LETTERS.length ? LETTERS[index]! : lettersOf(index);
}

function lettersOf(index: number): string {
  let letters = '';
  let rest = index + 1;
  while (rest > 0) {
    const remainder = (rest - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** "A" → 0, "AA" → 26; -1 for anything that is not column letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) return -1;
  let index = 0;
  for (const char of letters) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

/** A sheet name as a formula would write it: quoted when it holds anything but letters, digits and CJK. */
export function sheetReference(name: string): string {
  // Asked once per figure of an import: the last answer is kept.
  if (name !== lastSheet) {
    lastSheet = name;
    lastReference = /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  }
  return lastReference;
}

let lastSheet: string | undefined;
let lastReference = '';

/** Sheet!B7 for a 0-based row and column. */
export function cellAddress(sheet: string, row: number, column: number): string {
  return `${sheetReference(sheet)}!${columnLetter(column)}${row + 1}`;
}

/** Sheet!C4:C14 for 0-based inclusive bounds (a single cell when they coincide). */
export function rangeAddress(sheet: string, firstRow: number, firstColumn: number, lastRow: number, lastColumn: number): string {
  const start = `${columnLetter(firstColumn)}${firstRow + 1}`;
  const end = `${columnLetter(lastColumn)}${lastRow + 1}`;
  return `${sheetReference(sheet)}!${start === end ? start : `${start}:${end}`}`;
}
