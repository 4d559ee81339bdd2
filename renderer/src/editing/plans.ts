/**
 * Paste, fill down and clear as plans: which fields of which cells change, or why nothing may.
 * A plan is all or nothing; the caller sends it as one `cells.edit` change set.
 */
import type { CellEditInput } from '../../../shared/api/methods/editing';
import { bilingual } from './editingSlice';
import type { Rect } from './selection';
import { clearingEdit, fieldKey, mergeEdits, parseForTarget } from './targets';
import type { EditTarget } from './targets';

/** A cell of the grid as displayed: what it edits (null: read-only), its text and its names. */
export interface SheetCell {
  readonly target: EditTarget | null;
  readonly text: string;
  readonly rowLabel: string;
  readonly columnLabel: string;
}

export interface SheetGrid {
  readonly rowCount: number;
  readonly colCount: number;
  cellAt(rowIndex: number, colIndex: number): SheetCell;
  /** The observations a displayed row holds. */
  rowKeysAt(rowIndex: number): readonly { indicatorCode: string; regionCode: string; period: string }[];
}

export type Plan =
  | { readonly ok: true; readonly edits: CellEditInput[]; readonly pendingKeys: string[]; readonly rect: Rect; readonly cellCount: number }
  | { readonly ok: false; readonly zh: string; readonly en: string };

interface Placed {
  readonly target: EditTarget;
  readonly text: string;
}

function finish(placed: readonly Placed[], rect: Rect, refuse: (cell: Placed, index: number, reason: { zh: string; en: string }) => Plan): Plan {
  const edits: CellEditInput[] = [];
  for (const [index, cell] of placed.entries()) {
    const parsed = parseForTarget(cell.text, cell.target);
    if (!parsed.ok) return refuse(cell, index, parsed);
    edits.push(parsed.edit);
  }
  return { ok: true, edits: mergeEdits(edits), pendingKeys: placed.map((cell) => fieldKey(cell.target)), rect, cellCount: placed.length };
}

/**
 * Pastes a block of text at the top-left of the selection. One value into a larger selection fills
 * it. A read-only cell (names, units, derived columns) may receive only the text it already shows,
 * so a block copied from this table with its names and headers pastes back.
 */
export function planPaste(block: readonly (readonly string[])[], selection: Rect, grid: SheetGrid): Plan {
  if (block.length === 0) return { ok: true, edits: [], pendingKeys: [], rect: selection, cellCount: 0 };
  const isSingle = block.length === 1 && block[0]!.length === 1;
  const rowCount = isSingle ? selection.bottom - selection.top + 1 : block.length;
  const colCount = isSingle ? selection.right - selection.left + 1 : Math.max(...block.map((row) => row.length));
  const rect: Rect = { top: selection.top, left: selection.left, bottom: selection.top + rowCount - 1, right: selection.left + colCount - 1 };
  const start = grid.cellAt(rect.top, rect.left);
  if (rect.bottom >= grid.rowCount || rect.right >= grid.colCount) {
    return { ok: false, ...bilingual('editing.messages.pasteTooLarge', { rows: rowCount, columns: colCount, row: start.rowLabel, column: start.columnLabel }) };
  }
  const placed: (Placed & { line: number; position: number; cell: SheetCell })[] = [];
  for (let i = 0; i < rowCount; i += 1) {
    for (let j = 0; j < colCount; j += 1) {
      const text = isSingle ? block[0]![0]! : (block[i]![j] ?? '');
      const cell = grid.cellAt(rect.top + i, rect.left + j);
      if (!cell.target) {
        if (text.trim() === cell.text.trim()) continue;
        return { ok: false, ...bilingual('editing.messages.pasteReadOnly', { column: cell.columnLabel }) };
      }
      placed.push({ target: cell.target, text, line: i + 1, position: j + 1, cell });
    }
  }
  return finish(placed, rect, (_cell, index, reason) => {
    const at = placed[index]!;
    const names = { line: at.line, position: at.position, row: at.cell.rowLabel, column: at.cell.columnLabel };
    const zh = bilingual('editing.messages.pasteRefused', { ...names, reason: reason.zh }).zh;
    const en = bilingual('editing.messages.pasteRefused', { ...names, reason: reason.en }).en;
    return { ok: false, zh, en };
  });
}

function editableCells(rect: Rect, grid: SheetGrid, fromRow: number): { cell: SheetCell; target: EditTarget; row: number; col: number }[] {
  const cells: { cell: SheetCell; target: EditTarget; row: number; col: number }[] = [];
  for (let row = fromRow; row <= rect.bottom; row += 1) {
    for (let col = rect.left; col <= rect.right; col += 1) {
      const cell = grid.cellAt(row, col);
      if (cell.target) cells.push({ cell, target: cell.target, row, col });
    }
  }
  return cells;
}

function cellRefusal(cell: SheetCell, reason: { zh: string; en: string }): Plan {
  const names = { row: cell.rowLabel, column: cell.columnLabel };
  return {
    ok: false,
    zh: bilingual('editing.messages.cellRefused', { ...names, reason: reason.zh }).zh,
    en: bilingual('editing.messages.cellRefused', { ...names, reason: reason.en }).en,
  };
}

/** Ctrl+D: the top row of the selection is copied into the rows below; a one-row selection takes the row above. */
export function planFillDown(selection: Rect, grid: SheetGrid): Plan {
  const sourceRow = selection.top === selection.bottom ? selection.top - 1 : selection.top;
  const firstTarget = selection.top === selection.bottom ? selection.top : selection.top + 1;
  if (sourceRow < 0) return { ok: true, edits: [], pendingKeys: [], rect: selection, cellCount: 0 };
  const cells = editableCells(selection, grid, firstTarget);
  if (cells.length === 0) return { ok: false, ...bilingual('editing.messages.noEditableCell') };
  const placed = cells.map(({ target, col }) => ({ target, text: grid.cellAt(sourceRow, col).text }));
  const rect = { ...selection, top: Math.min(sourceRow, selection.top) };
  return finish(placed, rect, (_cell, index, reason) => cellRefusal(cells[index]!.cell, reason));
}

/**
 * The fill handle (a copy fill, as Excel's): the source's values repeat over the target, row by row
 * when it lies below the source and column by column when it lies to the right. All or nothing.
 */
export function planFill(source: Rect, target: Rect, grid: SheetGrid): Plan {
  const isDown = target.top > source.bottom;
  const sourceRows = source.bottom - source.top + 1;
  const sourceCols = source.right - source.left + 1;
  const cells = editableCells(target, grid, target.top);
  if (cells.length === 0) return { ok: false, ...bilingual('editing.messages.noEditableCell') };
  const placed = cells.map(({ target: edited, row, col }) => {
    const fromRow = isDown ? source.top + ((row - target.top) % sourceRows) : row;
    const fromCol = isDown ? col : source.left + ((col - target.left) % sourceCols);
    return { target: edited, text: grid.cellAt(fromRow, fromCol).text };
  });
  const rect = { top: Math.min(source.top, target.top), bottom: Math.max(source.bottom, target.bottom), left: source.left, right: Math.max(source.right, target.right) };
  return finish(placed, rect, (_cell, index, reason) => cellRefusal(cells[index]!.cell, reason));
}

/** Delete: every editable cell of the selection is cleared; names and derived cells are left alone. */
export function planClear(selection: Rect, grid: SheetGrid): Plan {
  const cells = editableCells(selection, grid, selection.top);
  if (cells.length === 0) return { ok: false, ...bilingual('editing.messages.noEditableCell') };
  return {
    ok: true,
    edits: mergeEdits(cells.map(({ target }) => clearingEdit(target))),
    pendingKeys: cells.map(({ target }) => fieldKey(target)),
    rect: selection,
    cellCount: cells.length,
  };
}

/** Delete rows (Ctrl+-): every observation the selected rows hold is removed; undo brings them back. */
export function planDeleteRows(selection: Rect, grid: SheetGrid): Plan {
  const edits: CellEditInput[] = [];
  for (let row = selection.top; row <= selection.bottom; row += 1) {
    for (const key of grid.rowKeysAt(row)) edits.push({ indicator: key.indicatorCode, region: key.regionCode, period: key.period, remove: true });
  }
  if (edits.length === 0) return { ok: false, ...bilingual('editing.messages.noEditableCell') };
  return { ok: true, edits: mergeEdits(edits), pendingKeys: [], rect: { ...selection, bottom: selection.top }, cellCount: edits.length };
}

/** Copy: the selected cells as rows of text, headed by the column names. */
export function copyRows(selection: Rect, grid: SheetGrid): string[][] {
  const header: string[] = [];
  for (let col = selection.left; col <= selection.right; col += 1) header.push(grid.cellAt(selection.top, col).columnLabel);
  const rows: string[][] = [header];
  for (let row = selection.top; row <= selection.bottom; row += 1) {
    const line: string[] = [];
    for (let col = selection.left; col <= selection.right; col += 1) line.push(grid.cellAt(row, col).text);
    rows.push(line);
  }
  return rows;
}

/** Drops a first line that repeats the target columns' headers (a block copied with headers). */
export function withoutHeaderRow(block: readonly (readonly string[])[], selection: Rect, grid: SheetGrid): readonly (readonly string[])[] {
  if (block.length < 2) return block;
  const first = block[0]!;
  const isHeader = first.every((text, offset) => {
    const col = selection.left + offset;
    return col < grid.colCount && text.trim() === grid.cellAt(selection.top, col).columnLabel.trim();
  });
  return isHeader ? block.slice(1) : block;
}
