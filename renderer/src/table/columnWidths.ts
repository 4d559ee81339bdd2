/**
 * Column widths and row heights of the wide table, computed from the text instead of measured in
 * the DOM. AG Grid's auto-size reads the style of every drawn cell (a fifth of the table's mount
 * time) and auto-height measures every row as it is drawn; measuring strings on a canvas costs
 * microseconds. Pure apart from `canvasMeasure`, so it is tested without a browser.
 */
import type { ColDef } from 'ag-grid-community';
import type { WideRow } from './buildWideRows';

/** The width in CSS pixels of a text in the grid's font (headers are bold). */
export type MeasureText = (text: string, isHeader: boolean) => number;

/** Cell padding (12 px each side in the grid theme), a border and a little air. */
const CELL_EXTRA = 34;
/** Header padding, the sort arrow's place and the resize handle. */
const HEADER_EXTRA = 52;
/** Rows whose figures are read to size a figure column: about what the first screen shows, as auto-size did. */
const SAMPLE_ROWS = 100;
/** The grid's row height, and the wrapped name's line height and padding (layout.css, `.cell-name`). */
export const ROW_HEIGHT = 30;
const NAME_LINE_HEIGHT = 13 * 1.35;
const NAME_PADDING = 12;

/** A stand-in for tests and for a page without a canvas: CJK characters are square, others about half. */
export const estimateText: MeasureText = (text, isHeader) => {
  let width = 0;
  for (const char of text) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? 13 : char === ' ' ? 3.6 : 7.4;
  return isHeader ? width * 1.05 : width;
};

let measureCache: MeasureText | null = null;

/** Measures with a canvas in the grid's font (the app's, at 13 px); falls back to the estimate. */
export function canvasMeasure(): MeasureText {
  if (measureCache) return measureCache;
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return estimateText;
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  const plain = `13px ${family}`;
  const bold = `600 13px ${family}`;
  const widths = new Map<string, number>();
  measureCache = (text, isHeader) => {
    const key = `${isHeader ? 'h' : 'c'}${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      context.font = isHeader ? bold : plain;
      width = context.measureText(text).width;
      widths.set(key, width);
    }
    return width;
  };
  return measureCache;
}

/** The texts a column shows for `rows`, through its formatter or its field. */
function textsOf(column: ColDef<WideRow>, rows: readonly WideRow[]): Iterable<string> {
  const field = column.field;
  if (field) return new Set(rows.map((row) => String(row[field as keyof WideRow] ?? '')));
  const format = column.valueFormatter;
  if (typeof format !== 'function') return [];
  return rows.slice(0, SAMPLE_ROWS).map((data) => String(format({ data } as Parameters<typeof format>[0])));
}

/** Texts worth measuring: the few longest by the estimate (a canvas measure costs far more than the estimate). */
function longestOf(texts: Iterable<string>, count = 6): string[] {
  const scored: { text: string; width: number }[] = [];
  for (const text of texts) {
    const width = estimateText(text, false);
    if (scored.length < count) scored.push({ text, width });
    else {
      let smallest = 0;
      for (let i = 1; i < scored.length; i += 1) if (scored[i]!.width < scored[smallest]!.width) smallest = i;
      if (width > scored[smallest]!.width) scored[smallest] = { text, width };
    }
  }
  return scored.map((entry) => entry.text);
}

/**
 * Each column with a width that fits its header and its text, between its min and max width: names
 * and units over every row (there are few distinct ones), figures over the first rows.
 */
export function withFittedWidths(columns: readonly ColDef<WideRow>[], rows: readonly WideRow[], measure: MeasureText): ColDef<WideRow>[] {
  return columns.map((column) => {
    let widest = 0;
    for (const text of longestOf(textsOf(column, rows))) widest = Math.max(widest, measure(text, false));
    const header = measure(column.headerName ?? '', true) + HEADER_EXTRA;
    const width = Math.ceil(Math.max(widest + CELL_EXTRA, header, column.minWidth ?? 0));
    return { ...column, width: Math.min(width, column.maxWidth ?? width) };
  });
}

/** How many lines a text takes in `width` pixels, breaking between words and between CJK characters. */
export function lineCount(text: string, width: number, measure: MeasureText): number {
  if (width <= 0) return 1;
  if (measure(text, false) <= width) return 1;
  // Words, their spaces, and single CJK characters (which break anywhere).
  const pieces = text.match(/[\u2e80-\u9fff\uff00-\uffef]|\s+|[^\s\u2e80-\u9fff\uff00-\uffef]+/g) ?? [text];
  let lines = 1;
  let used = 0;
  for (const piece of pieces) {
    const pieceWidth = measure(piece, false);
    if (/^\s+$/.test(piece)) {
      used += pieceWidth;
      continue;
    }
    if (used > 0 && used + pieceWidth > width) {
      lines += 1;
      used = 0;
    }
    // A word longer than the line is broken inside it.
    if (pieceWidth > width) {
      lines += Math.ceil(pieceWidth / width) - 1;
      used = pieceWidth % width;
    } else used += pieceWidth;
  }
  return lines;
}

/** The height of a row whose name wraps in a column `columnWidth` wide. */
export function wrappedRowHeight(name: string, columnWidth: number, measure: MeasureText): number {
  const lines = lineCount(name, columnWidth - 2 * 12 - 1, measure);
  return Math.max(ROW_HEIGHT, Math.ceil(lines * NAME_LINE_HEIGHT + NAME_PADDING));
}
