import { describe, expect, it } from 'vitest';
import { cellCount, clampSelection, collapsed, extendSelection, isInRect, rectOf, selectAll } from './selection';

describe('the rectangular selection', () => {
  const bounds = { rowCount: 10, colCount: 5 };

  it('extends from the anchor with Shift+arrows and stays inside the grid', () => {
    let selection = collapsed({ rowIndex: 2, colIndex: 3 });
    selection = extendSelection(selection, 1, 0, bounds);
    selection = extendSelection(selection, 1, 0, bounds);
    selection = extendSelection(selection, 0, 5, bounds);
    expect(selection.anchor).toEqual({ rowIndex: 2, colIndex: 3 });
    expect(rectOf(selection)).toEqual({ top: 2, bottom: 4, left: 3, right: 4 });
    expect(cellCount(rectOf(selection))).toBe(6);
  });

  it('is normalised when dragged up and left', () => {
    const rect = rectOf({ anchor: { rowIndex: 5, colIndex: 4 }, focus: { rowIndex: 1, colIndex: 2 } });
    expect(rect).toEqual({ top: 1, bottom: 5, left: 2, right: 4 });
    expect(isInRect(rect, 3, 3)).toBe(true);
    expect(isInRect(rect, 0, 3)).toBe(false);
  });

  it('selects all and shrinks to the grid', () => {
    expect(rectOf(selectAll(bounds))).toEqual({ top: 0, bottom: 9, left: 0, right: 4 });
    expect(clampSelection(selectAll(bounds), { rowCount: 3, colCount: 2 })).toEqual({ anchor: { rowIndex: 0, colIndex: 0 }, focus: { rowIndex: 2, colIndex: 1 } });
    expect(clampSelection(selectAll(bounds), { rowCount: 0, colCount: 2 })).toBeNull();
  });
});
