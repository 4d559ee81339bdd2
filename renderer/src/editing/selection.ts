/**
 * A rectangular selection over the grid as displayed (after sorting and filtering): an anchor
 * where it started and a focus end that mouse drags and Shift+arrows move, as in Excel.
 */

export interface CellPosition {
  readonly rowIndex: number;
  readonly colIndex: number;
}

export interface Selection {
  readonly anchor: CellPosition;
  readonly focus: CellPosition;
}

export interface Rect {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

export interface Bounds {
  readonly rowCount: number;
  readonly colCount: number;
}

export function collapsed(position: CellPosition): Selection {
  return { anchor: position, focus: position };
}

export function rectOf(selection: Selection): Rect {
  const { anchor, focus } = selection;
  return {
    top: Math.min(anchor.rowIndex, focus.rowIndex),
    bottom: Math.max(anchor.rowIndex, focus.rowIndex),
    left: Math.min(anchor.colIndex, focus.colIndex),
    right: Math.max(anchor.colIndex, focus.colIndex),
  };
}

export function isInRect(rect: Rect, rowIndex: number, colIndex: number): boolean {
  return rowIndex >= rect.top && rowIndex <= rect.bottom && colIndex >= rect.left && colIndex <= rect.right;
}

export function cellCount(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value));

/** Shift+arrow: the focus end moves one cell, the anchor stays. */
export function extendSelection(selection: Selection, rowStep: number, colStep: number, bounds: Bounds): Selection {
  return {
    anchor: selection.anchor,
    focus: {
      rowIndex: clamp(selection.focus.rowIndex + rowStep, bounds.rowCount - 1),
      colIndex: clamp(selection.focus.colIndex + colStep, bounds.colCount - 1),
    },
  };
}

/** Ctrl+A: every cell. */
export function selectAll(bounds: Bounds): Selection {
  return { anchor: { rowIndex: 0, colIndex: 0 }, focus: { rowIndex: bounds.rowCount - 1, colIndex: bounds.colCount - 1 } };
}

/** Keeps a selection inside the grid after rows or columns went away. */
export function clampSelection(selection: Selection, bounds: Bounds): Selection | null {
  if (bounds.rowCount === 0 || bounds.colCount === 0) return null;
  const fit = (position: CellPosition): CellPosition => ({
    rowIndex: clamp(position.rowIndex, bounds.rowCount - 1),
    colIndex: clamp(position.colIndex, bounds.colCount - 1),
  });
  return { anchor: fit(selection.anchor), focus: fit(selection.focus) };
}

/**
 * Where a fill handle dragged from `source` to the cell under the pointer fills: straight down or
 * straight right of the source, whichever way the pointer went further; null while it is inside.
 */
export function fillTarget(source: Rect, pointer: CellPosition): Rect | null {
  const down = pointer.rowIndex - source.bottom;
  const right = pointer.colIndex - source.right;
  if (down <= 0 && right <= 0) return null;
  return down >= right
    ? { top: source.bottom + 1, bottom: pointer.rowIndex, left: source.left, right: source.right }
    : { top: source.top, bottom: source.bottom, left: source.right + 1, right: pointer.colIndex };
}

/** The smallest rectangle holding both. */
export function unionRect(a: Rect, b: Rect): Rect {
  return { top: Math.min(a.top, b.top), bottom: Math.max(a.bottom, b.bottom), left: Math.min(a.left, b.left), right: Math.max(a.right, b.right) };
}
