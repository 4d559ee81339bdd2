/**
 * The spreadsheet layer over an AG Grid table: the grid's `context` object (selection, markers,
 * how each cell edits) and the column decoration that draws selection and markers with a class
 * function. AG Grid Community has no ranges, clipboard or fill: they live here.
 */
import type { CellClassParams, ColDef, GridApi, ITooltipParams, SuppressKeyboardEventParams } from 'ag-grid-community';
import type { Finding } from '../../../shared/editing/consistency';
import { cellKey } from '../../../shared/editing/derived';
import type { Language } from '../../../shared/format';
import type { SheetCell, SheetGrid } from './plans';
import { isInRect, rectOf } from './selection';
import type { Rect, Selection } from './selection';
import { fieldKey } from './targets';
import type { EditTarget } from './targets';

/** How one table layout describes its cells to the spreadsheet layer. */
export interface SheetAdapter<Row> {
  /** What a cell edits; null for names, units and derived figures. */
  targetOf(row: Row, colId: string): EditTarget | null;
  /** The text a read-only cell holds, as copy writes it. */
  textOf(row: Row, colId: string): string;
  rowLabel(row: Row): string;
  /** The observations a row holds (deleting the row removes them). */
  rowKeys(row: Row): readonly CellKeyParts[];
}

export interface CellKeyParts {
  readonly indicatorCode: string;
  readonly regionCode: string;
  readonly period: string;
}

export const NO_MARKERS: Markers = { isChangesShown: false, changed: new Set(), findings: new Map(), pending: new Set() };

export interface Markers {
  readonly isChangesShown: boolean;
  /** `key|field` (and `key|other`) of fields changed since the last snapshot. */
  readonly changed: ReadonlySet<string>;
  /** Findings by `key|field`. */
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
  readonly pending: ReadonlySet<string>;
}

const sameMarkers = (a: Markers, b: Markers): boolean =>
  a.isChangesShown === b.isChangesShown && a.changed === b.changed && a.findings === b.findings && a.pending === b.pending;

/**
 * The grid's context: one object per table, read by the class function, the editor and the handlers.
 * It changes only through its methods, called from effects and event handlers.
 */
export class SheetController<Row> {
  adapter: SheetAdapter<Row>;
  api: GridApi<Row> | null = null;
  isReadOnly = false;
  language: Language = 'zh';
  selection: Selection | null = null;
  /** Where a fill handle drag would fill, while one is under way. */
  fillPreview: Rect | null = null;
  columnIds: string[] = [];
  columnIndex = new Map<string, number>();
  columnLabels = new Map<string, string>();
  markers: Markers = NO_MARKERS;
  /** Saves what the editor holds; the editor stays open until this settles. */
  commitEditor: (target: EditTarget, text: string) => Promise<EditorOutcome>;
  /** Closes the editor and moves as Enter, Tab and their Shift forms do. */
  finishEditor: (rowIndex: number, colId: string, move: Move) => void = () => undefined;

  /**
   * Keys typed after the one that starts an editor and before its field has focus (the editor is a
   * React component, mounted a moment later): kept here so that fast typing loses nothing.
   */
  private typeAhead: string | null = null;
  private typeAheadSince = 0;

  constructor(adapter: SheetAdapter<Row>, commitEditor: SheetController<Row>['commitEditor']) {
    this.adapter = adapter;
    this.commitEditor = commitEditor;
  }

  configure(patch: Partial<Pick<SheetController<Row>, 'adapter' | 'isReadOnly' | 'language' | 'markers' | 'finishEditor'>>): void {
    const { adapter, isReadOnly, markers } = this;
    if (patch.adapter && patch.adapter !== adapter) this.targets = new WeakMap();
    Object.assign(this, patch);
    // The cells are drawn again only when what their classes say has moved.
    if (this.adapter !== adapter || this.isReadOnly !== isReadOnly || !sameMarkers(this.markers, markers)) this.refresh();
  }

  /**
   * What a cell edits, built once per row object and column: the class function of every drawn cell
   * asks for it while the table scrolls. Rows are immutable (an edit makes a new
   * row object), so a cached target is never stale; another adapter (language, labels) starts afresh.
   */
  targetAt(row: Row, colId: string): EditTarget | null {
    const key = row as unknown as object;
    let byColumn = this.targets.get(key);
    if (!byColumn) this.targets.set(key, (byColumn = new Map()));
    let target = byColumn.get(colId);
    if (target === undefined) {
      target = this.adapter.targetOf(row, colId);
      byColumn.set(colId, target);
    }
    return target;
  }

  /** `key|field` of each cached target, for the markers. */
  fieldKeyOf(target: EditTarget): string {
    let key = this.fieldKeys.get(target);
    if (key === undefined) this.fieldKeys.set(target, (key = fieldKey(target)));
    return key;
  }

  private targets = new WeakMap<object, Map<string, EditTarget | null>>();
  private readonly fieldKeys = new WeakMap<EditTarget, string>();

  attach(api: GridApi<Row>): void {
    this.api = api;
    this.readColumns();
  }

  /** The grid, unless it is gone. */
  liveApi(): GridApi<Row> | null {
    return this.api && !this.api.isDestroyed() ? this.api : null;
  }

  /** Every rendered cell drawn again, with its classes (the markers, the language or the adapter changed). */
  refresh(): void {
    this.liveApi()?.refreshCells({ force: true });
  }

  /**
   * The rendered cells inside these rectangles drawn again, with their classes: a selection or a
   * fill preview moves only the classes of the cells it covered and covers.
   */
  private refreshRects(rects: readonly (Rect | null)[]): void {
    const api = this.liveApi();
    if (!api) return;
    const rendered = api.getRenderedNodes();
    for (const rect of rects) {
      if (!rect) continue;
      const rowNodes = rendered.filter((node) => node.rowIndex !== null && node.rowIndex >= rect.top && node.rowIndex <= rect.bottom);
      if (rowNodes.length > 0) api.refreshCells({ rowNodes, columns: this.columnIds.slice(rect.left, rect.right + 1), force: true });
    }
  }

  select(selection: Selection | null): void {
    const before = this.selection;
    this.selection = selection;
    this.refreshRects([before && rectOf(before), selection && rectOf(selection)]);
  }

  previewFill(rect: Rect | null): void {
    const before = this.fillPreview;
    if (before === rect || (before && rect && before.top === rect.top && before.bottom === rect.bottom && before.left === rect.left && before.right === rect.right)) return;
    this.fillPreview = rect;
    // The selection's rectangle too: its fill handle hides while a fill is previewed.
    this.refreshRects([before, rect, this.selection && rectOf(this.selection)]);
  }

  /** The displayed columns in order, with their header names. */
  readColumns(): void {
    const api = this.liveApi();
    if (!api) return;
    const columns = api.getAllDisplayedColumns();
    this.columnIds = columns.map((column) => column.getColId());
    this.columnIndex = new Map(this.columnIds.map((id, index) => [id, index]));
    this.columnLabels = new Map(columns.map((column) => [column.getColId(), column.getColDef().headerName ?? column.getColId()]));
    this.tooltips = new Map();
    for (const column of columns) {
      const userDef = column.getUserProvidedColDef();
      const tooltip = userDef ? TOOLTIPS.get(userDef) : undefined;
      if (tooltip) this.tooltips.set(column.getColId(), tooltip as CellTooltip<Row>);
    }
  }

  /** What the shared tooltip says over a displayed cell (flags, note, problems), if anything. */
  tooltipAt(rowIndex: number, colId: string): string | undefined {
    const tooltip = this.tooltips.get(colId);
    const row = tooltip ? this.liveApi()?.getDisplayedRowAtIndex(rowIndex)?.data : undefined;
    return tooltip && row !== undefined ? tooltip(row, this) : undefined;
  }

  private tooltips = new Map<string, CellTooltip<Row>>();

  beginTypeAhead(): void {
    this.typeAhead = '';
    this.typeAheadSince = Date.now();
  }

  /** True when a key was kept for the editor that is opening (which takes well under a second). */
  keepTypedKey(key: string): boolean {
    if (this.typeAhead === null) return false;
    if (Date.now() - this.typeAheadSince > 1000) {
      this.typeAhead = null;
      return false;
    }
    this.typeAhead += key;
    return true;
  }

  /** What was typed while the editor opened; typing goes to its field from now on. */
  takeTypeAhead(): string {
    const typed = this.typeAhead ?? '';
    this.typeAhead = null;
    return typed;
  }

  /** Scrolls to a cell and gives it the grid's focus (which also collapses the selection onto it). */
  focusCell(position: { rowIndex: number; colIndex: number }, placement: 'middle' | null = null): void {
    const api = this.liveApi();
    const colId = this.columnIds[position.colIndex];
    if (!api || !colId) return;
    api.ensureIndexVisible(position.rowIndex, placement);
    api.ensureColumnVisible(colId);
    api.setFocusedCell(position.rowIndex, colId);
  }
}

/** A cell's tooltip text from its row, or undefined for none. */
type CellTooltip<Row> = (row: Row, context: SheetController<Row>) => string | undefined;

/**
 * Tooltips by the column definition decorateColumns made. They are kept out of the grid: AG Grid
 * would add a tooltip listener to every cell it draws; one listener on the table shows them
 * instead (useSpreadsheet).
 */
const TOOLTIPS = new WeakMap<ColDef, unknown>();

export type Move = 'down' | 'up' | 'right' | 'left' | 'none';
export type EditorOutcome = { readonly kind: 'saved' | 'unchanged' | 'failed' } | { readonly kind: 'refused'; readonly zh: string; readonly en: string };

function targetOfParams<Row>(params: CellClassParams<Row>, colId: string): EditTarget | null {
  const context = params.context as SheetController<Row>;
  return params.data ? context.targetAt(params.data, colId) : null;
}

function findingsOf<Row>(context: SheetController<Row>, target: EditTarget | null): readonly Finding[] {
  if (!target || context.markers.findings.size === 0) return [];
  return context.markers.findings.get(context.fieldKeyOf(target)) ?? [];
}

function isChanged<Row>(context: SheetController<Row>, target: EditTarget | null): boolean {
  if (!target || !context.markers.isChangesShown || context.markers.changed.size === 0) return false;
  const key = cellKey(target.indicatorCode, target.regionCode, target.period);
  const field = target.field === 'note' || target.field === 'source' || target.field === 'flags' ? 'other' : target.field;
  return context.markers.changed.has(`${key}|${field}`) || (field === 'value' && context.markers.changed.has(`${key}|other`));
}

/**
 * A drawn cell's classes: the column's own (its cellClass) and the sheet's markers (selection, fill
 * handle and preview, changed since the snapshot, problems, saving). One class function rather than
 * class rules: AG Grid runs a column's rules on every cell it draws and sets or clears each rule's
 * class in the DOM, nine calls per new cell with nine rules. A function adds only the classes that
 * apply, and most cells have none: scrolling the 2,000-observation bench table, the median frame
 * went from 24.1 to 19.8 ms (six alternating runs; bench/README, session 9). It runs when a cell
 * is drawn and when its value changes; the markers change without the values, so SheetController
 * redraws the cells they touch (refreshCells with force).
 */
function cellClasses<Row>(column: ColDef<Row>, colId: string): (params: CellClassParams<Row>) => string[] {
  const own = column.cellClass;
  return (params) => {
    const context = params.context as SheetController<Row>;
    const classes: string[] = [];
    const ownClasses = typeof own === 'function' ? own(params) : own;
    if (typeof ownClasses === 'string') classes.push(ownClasses);
    else if (ownClasses) classes.push(...ownClasses);
    const rowIndex = params.node.rowIndex;
    const colIndex = context.columnIndex.get(colId);
    if (rowIndex !== null && colIndex !== undefined) {
      if (context.selection) {
        const rect = rectOf(context.selection);
        if (isInRect(rect, rowIndex, colIndex)) classes.push('cell-selected');
        // The fill handle: a square on the selection's bottom-right cell (drawn by CSS, hit-tested by useSpreadsheet).
        if (!context.isReadOnly && !context.fillPreview && rowIndex === rect.bottom && colIndex === rect.right) classes.push('cell-fill-corner');
      }
      if (context.fillPreview && isInRect(context.fillPreview, rowIndex, colIndex)) classes.push('cell-fill-preview');
    }
    const target = targetOfParams(params, colId);
    if (isChanged(context, target)) classes.push('cell-changed');
    const findings = findingsOf(context, target);
    if (findings.some((finding) => finding.severity === 'error')) classes.push('cell-problem-error');
    else if (findings.length > 0) classes.push('cell-problem-warning');
    if (target !== null && context.markers.pending.size > 0 && context.markers.pending.has(context.fieldKeyOf(target))) classes.push('cell-saving');
    return classes;
  };
}

/** Editing keys the grid must leave to our editor and handlers. */
function suppressKeys({ event, editing }: SuppressKeyboardEventParams): boolean {
  if (editing) return event.key === 'Enter' || event.key === 'Tab';
  return event.key === 'Delete';
}

/**
 * Adds selection, change, problem and saving markers to every column, and makes the cells that
 * have a target editable through `editor` (a popup with the input rule's hint).
 */
export function decorateColumns<Row>(columns: readonly ColDef<Row>[], editor: ColDef<Row>['cellEditor']): ColDef<Row>[] {
  return columns.map((column) => {
    const colId = column.colId ?? String(column.field);
    const { tooltipValueGetter: ownTooltip, tooltipField, ...rest } = column;
    const tooltip: CellTooltip<Row> = (row, context) => {
      const params = { data: row, context, colDef: column, location: 'cell', value: undefined } as ITooltipParams<Row>;
      const own = ownTooltip ? ownTooltip(params) : tooltipField ? (row as Record<string, unknown>)[tooltipField] : undefined;
      const target = context.targetAt(row, colId);
      const problems = findingsOf(context, target).map((finding) => (context.language === 'zh' ? finding.zh : finding.en));
      const lines = [...(own !== undefined && own !== null && own !== '' ? [String(own)] : []), ...problems];
      return lines.length > 0 ? lines.join('\n') : undefined;
    };
    const decorated: ColDef<Row> = {
      ...rest,
      editable: (params) => {
        const context = params.context as SheetController<Row>;
        return !context.isReadOnly && params.data !== undefined && context.targetAt(params.data, colId) !== null;
      },
      cellEditor: editor,
      cellEditorPopup: true,
      cellEditorPopupPosition: 'over',
      suppressKeyboardEvent: suppressKeys,
      cellClass: cellClasses(column, colId),
    };
    TOOLTIPS.set(decorated as ColDef, tooltip);
    return decorated;
  });
}

/** The grid as displayed, for paste, fill, clear and copy plans. */
export function sheetGrid<Row>(context: SheetController<Row>): SheetGrid | null {
  const api = context.liveApi();
  if (!api) return null;
  return {
    rowCount: api.getDisplayedRowCount(),
    colCount: context.columnIds.length,
    rowKeysAt: (rowIndex) => {
      const row = api.getDisplayedRowAtIndex(rowIndex)?.data;
      return row ? context.adapter.rowKeys(row) : [];
    },
    cellAt: (rowIndex, colIndex): SheetCell => {
      const colId = context.columnIds[colIndex] ?? '';
      const row = api.getDisplayedRowAtIndex(rowIndex)?.data;
      const columnLabel = context.columnLabels.get(colId) ?? colId;
      if (!row) return { target: null, text: '', rowLabel: '', columnLabel };
      const target = context.isReadOnly ? null : context.adapter.targetOf(row, colId);
      return { target, text: target?.text ?? context.adapter.textOf(row, colId), rowLabel: context.adapter.rowLabel(row), columnLabel };
    },
  };
}
