import { cellText, parseNumber } from './text';
import type { CellValue, MergeRange, SheetCells } from './types';

/**
 * The widest row's length. A sheet is read once and not changed after, and detection and each
 * extraction look at the same sheet (a million rows of a csv): it is counted once per sheet and row count.
 */
const widths = new WeakMap<SheetCells, { rows: number; width: number }>();

function widthOf(sheet: SheetCells): number {
  const known = widths.get(sheet);
  if (known && known.rows === sheet.rows.length) return known.width;
  let width = 0;
  for (const row of sheet.rows) if (row.length > width) width = row.length;
  widths.set(sheet, { rows: sheet.rows.length, width });
  return width;
}

/** A sheet with merged ranges resolved: a merged cell reads as its top-left value wherever it is asked. */
export class Grid {
  readonly rowCount: number;
  readonly columnCount: number;
  private readonly mergeAt = new Map<number, MergeRange>();

  constructor(readonly sheet: SheetCells) {
    this.rowCount = sheet.rows.length;
    this.columnCount = widthOf(sheet);
    for (const merge of sheet.merges) {
      // Merges are few and small in statistical tables; a bounded index keeps a hostile file cheap.
      const cells = (merge.endRow - merge.startRow + 1) * (merge.endColumn - merge.startColumn + 1);
      if (cells > 10_000 || cells <= 1) continue;
      for (let row = merge.startRow; row <= merge.endRow; row += 1) {
        for (let column = merge.startColumn; column <= merge.endColumn; column += 1) this.mergeAt.set(this.key(row, column), merge);
      }
    }
  }

  get name(): string {
    return this.sheet.name;
  }

  private key(row: number, column: number): number {
    return row * 16_384 + column;
  }

  /** The cell as stored (a merged range's other cells read as empty). */
  raw(row: number, column: number): CellValue {
    return this.sheet.rows[row]?.[column] ?? null;
  }

  /** The cell as a reader sees it: inside a merged range, the range's value. */
  value(row: number, column: number): CellValue {
    // Most large sheets (every csv) have no merged cells.
    if (this.mergeAt.size === 0) return this.sheet.rows[row]?.[column] ?? null;
    const merge = this.mergeAt.get(this.key(row, column));
    if (merge) return this.raw(merge.startRow, merge.startColumn);
    return this.raw(row, column);
  }

  merge(row: number, column: number): MergeRange | undefined {
    return this.mergeAt.get(this.key(row, column));
  }

  text(row: number, column: number): string {
    return cellText(this.value(row, column)).trim();
  }

  rawText(row: number, column: number): string {
    return cellText(this.raw(row, column)).trim();
  }

  isBlankRow(row: number): boolean {
    const cells = this.sheet.rows[row];
    if (!cells) return true;
    // A loop (asked of every row of a long table): most rows answer at their first cell.
    for (let column = 0; column < cells.length; column += 1) if (cellText(cells[column]).trim() !== '') return false;
    return true;
  }

  /** Columns of the row that hold something, as stored. */
  filledColumns(row: number): number[] {
    const cells = this.sheet.rows[row] ?? [];
    const columns: number[] = [];
    cells.forEach((cell, column) => {
      if (cellText(cell).trim() !== '') columns.push(column);
    });
    return columns;
  }

  isNumber(row: number, column: number): boolean {
    return parseNumber(this.raw(row, column)).kind === 'number';
  }
}
