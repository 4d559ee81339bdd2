import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { CellEditRequestEvent, CellFocusedEvent, GridReadyEvent } from 'ag-grid-community';
import type { Finding, CellRef } from '../../../shared/editing/consistency';
import { parseTsv, serialiseTsv } from '../../../shared/editing/tsv';
import { useAppStore } from '../store';
import { selectIsSheetLocked, selectIsTableLoading } from '../store/selectors';
import { bilingual } from './editingSlice';
import type { ChangeKind } from './editingSlice';
import { copyRows, planClear, planDeleteRows, planFill, planFillDown, planPaste, withoutHeaderRow } from './plans';
import type { Plan } from './plans';
import { collapsed, extendSelection, fillTarget, isInRect, rectOf, selectAll } from './selection';
import type { CellPosition, Rect } from './selection';
import { SheetController, sheetGrid } from './sheet';
import type { EditorOutcome, Move, SheetAdapter } from './sheet';
import { fieldKey, parseForTarget } from './targets';
import type { EditTarget } from './targets';

export interface SpreadsheetOptions<Row> {
  readonly adapter: SheetAdapter<Row>;
  /** Where a finding's cell is in this layout, or null when the layout has no such cell. */
  readonly locate: (cell: CellRef) => { rowId: string; colId: string } | null;
  /** Findings by `key|field`, for markers and tooltips. */
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
}

/** How near the selection's bottom-right corner (in CSS pixels) a press starts a fill drag. */
const FILL_HANDLE_PX = 8;

/** How long the pointer rests on a cell before its tooltip shows. */
const TOOLTIP_DELAY_MS = 400;

const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

function isInEditor(target: EventTarget | null): boolean {
  return target instanceof Element && (target.closest('.cell-editor') !== null || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function store() {
  return useAppStore.getState();
}

function refused(target: EditTarget, reason: { zh: string; en: string }, key: 'cellRefused' | 'saveFailed') {
  const names = { row: target.rowLabel, column: target.columnLabel };
  return {
    kind: 'error' as const,
    zh: bilingual(`editing.messages.${key}`, { ...names, reason: reason.zh }).zh,
    en: bilingual(`editing.messages.${key}`, { ...names, reason: reason.en }).en,
  };
}

/** Saves one cell's text: refused input is returned to the editor, a backend failure becomes a notice naming the cell. */
async function saveCell(target: EditTarget, text: string): Promise<EditorOutcome> {
  if (text === target.text) return { kind: 'unchanged' };
  const parsed = parseForTarget(text, target);
  if (!parsed.ok) return { kind: 'refused', zh: parsed.zh, en: parsed.en };
  const label = bilingual('editing.changeSet.edit', { cell: `${target.rowLabel} · ${target.columnLabel}` });
  const error = await store().commitCells([parsed.edit], 'edit', label, [fieldKey(target)]);
  if (error) {
    store().setEditNotice(refused(target, { zh: error.messageZh || error.message, en: error.message }, 'saveFailed'));
    return { kind: 'failed' };
  }
  store().setEditNotice(null);
  return { kind: 'saved' };
}

/**
 * Makes an AG Grid table behave like a sheet: a rectangular selection (mouse drag, Shift+click,
 * Shift+arrows, Ctrl+A), Delete, Ctrl+D, copy, cut and paste of Excel/WPS text, each as one
 * undoable change set, and cell edits that are on disk before the editor closes.
 */
export function useSpreadsheet<Row>(options: SpreadsheetOptions<Row>) {
  const containerRef: RefObject<HTMLDivElement | null> = useRef<HTMLDivElement>(null);
  const isReadOnly = useAppStore(selectIsSheetLocked);
  const language = useAppStore((state) => state.language);
  const isChangesShown = useAppStore((state) => state.isChangesShown);
  const changed = useAppStore((state) => state.changedFields);
  const pending = useAppStore((state) => state.pendingCells);
  const jumpRequest = useAppStore((state) => state.jumpRequest);
  const dragging = useRef(false);
  /** The selection a fill handle drag started from, while one is under way. */
  const filling = useRef<Rect | null>(null);
  const keepSelectionOnFocus = useRef(false);
  const pendingJump = useRef<CellRef | null>(null);
  const locateRef = useRef(options.locate);

  const [context] = useState(() => new SheetController<Row>(options.adapter, saveCell));
  /** Where the cell menu is open (a right click on a cell), or null. */
  const [menuPlace, setMenuPlace] = useState<{ x: number; y: number } | null>(null);
  const closeMenu = useCallback(() => setMenuPlace(null), []);

  /** The focused cell's history in the snapshots view (Alt+H, or the cell menu). */
  const openHistory = useCallback(() => {
    const api = context.liveApi();
    const focused = api?.getFocusedCell();
    const row = focused ? api?.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
    const target = row !== undefined && focused ? context.targetAt(row, focused.column.getColId()) : null;
    if (!target) return store().setEditNotice({ kind: 'error', ...bilingual('editing.menu.noCell') });
    void store().openCellHistory({ indicator: target.indicatorCode, region: target.regionCode, period: target.period });
  }, [context]);

  useEffect(() => {
    locateRef.current = options.locate;
    if (isReadOnly) context.liveApi()?.stopEditing(true);
    context.configure({ adapter: options.adapter, isReadOnly, language, markers: { isChangesShown, changed, pending, findings: options.findings } });
  }, [context, options.adapter, options.locate, options.findings, isReadOnly, language, isChangesShown, changed, pending]);

  const helpers = useMemo(() => {
    const commitPlan = async (plan: Plan, kind: ChangeKind | 'deleteRows') => {
      if (!plan.ok) return store().setEditNotice({ kind: 'error', zh: plan.zh, en: plan.en });
      if (plan.edits.length === 0) return;
      const label = bilingual(`editing.changeSet.${kind}`, { count: plan.cellCount });
      const error = await store().commitCells(plan.edits, kind === 'deleteRows' ? 'delete' : kind, label, plan.pendingKeys);
      if (error) {
        const reason = { zh: error.messageZh || error.message, en: error.message };
        return store().setEditNotice({ kind: 'error', zh: bilingual('editing.messages.pasteFailed', { reason: reason.zh }).zh, en: bilingual('editing.messages.pasteFailed', { reason: reason.en }).en });
      }
      const done = { paste: 'pasted', fill: 'filled', delete: 'cleared', deleteRows: 'rowsDeleted', edit: 'pasted' }[kind];
      store().setEditNotice({ kind: 'info', ...bilingual(`editing.messages.${done}`, { count: plan.cellCount }) });
      context.select({ anchor: { rowIndex: plan.rect.top, colIndex: plan.rect.left }, focus: { rowIndex: plan.rect.bottom, colIndex: plan.rect.right } });
    };
    // A snapshot never takes edits; the working copy does once it has loaded.
    const readOnlyNotice = () => store().setEditNotice({ kind: 'error', ...bilingual(selectIsTableLoading(store()) ? 'editing.messages.stillLoading' : 'editing.messages.readOnly') });
    return { commitPlan, readOnlyNotice };
  }, [context]);

  useEffect(() => {
    context.configure({
      finishEditor: (rowIndex: number, colId: string, move: Move) => {
        const api = context.liveApi();
        if (!api) return;
        api.stopEditing(true);
        const colIndex = context.columnIndex.get(colId) ?? 0;
        const step = { down: [1, 0], up: [-1, 0], right: [0, 1], left: [0, -1], none: [0, 0] }[move];
        const rowCount = api.getDisplayedRowCount();
        context.focusCell({
          rowIndex: Math.max(0, Math.min(rowCount - 1, rowIndex + step[0]!)),
          colIndex: Math.max(0, Math.min(context.columnIds.length - 1, colIndex + step[1]!)),
        });
      },
    });
  }, [context]);

  const tryJump = (cell: CellRef): boolean => {
    const api = context.liveApi();
    const place = locateRef.current(cell);
    if (!api || !place) return true;
    const node = api.getRowNode(place.rowId);
    const colIndex = context.columnIndex.get(place.colId);
    if (!node || node.rowIndex === null || colIndex === undefined) return false;
    context.focusCell({ rowIndex: node.rowIndex, colIndex }, 'middle');
    // The keyboard goes to the cell too (a closing dialog may have given the focus back to its button),
    // unless typing has opened the cell's editor meanwhile: its input keeps the keys that follow.
    setTimeout(() => {
      const container = containerRef.current;
      const active = document.activeElement;
      if (!container || (active && container.contains(active) && active.matches('input, textarea'))) return;
      container.querySelector<HTMLElement>('.ag-cell-focus')?.focus();
    }, 0);
    return true;
  };

  useEffect(() => {
    if (!jumpRequest) return;
    store().clearJumpRequest();
    if (tryJump(jumpRequest.cell)) return;
    // The cell is filtered out: show everything, then jump once the rows are back.
    pendingJump.current = jumpRequest.cell;
    const state = store();
    state.selectCategory(null);
    state.selectRegion(null);
    state.setTableSearch('');
    state.setPeriodFilter(null);
    // tryJump reads only refs and the context.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jumpRequest]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const grid = () => sheetGrid(context);
    const positionOf = (target: EventTarget | null): CellPosition | null => {
      if (!(target instanceof Element)) return null;
      const cell = target.closest('.ag-cell[col-id]');
      const row = cell?.closest('.ag-row[row-index]');
      const colIndex = context.columnIndex.get(cell?.getAttribute('col-id') ?? '');
      const rowIndex = Number(row?.getAttribute('row-index'));
      return colIndex === undefined || !row || !Number.isInteger(rowIndex) ? null : { rowIndex, colIndex };
    };
    /** True when the pointer is on the fill handle: the square at the selection's bottom-right corner. */
    const isOnFillHandle = (event: MouseEvent): boolean => {
      const cell = event.target instanceof Element ? event.target.closest('.ag-cell.cell-fill-corner') : null;
      if (!cell) return false;
      const box = cell.getBoundingClientRect();
      return box.right - event.clientX <= FILL_HANDLE_PX && box.bottom - event.clientY <= FILL_HANDLE_PX;
    };
    const endFill = () => {
      filling.current = null;
      context.previewFill(null);
    };
    const onMouseDown = (event: MouseEvent) => {
      hideTip();
      if (event.button !== 0 || isInEditor(event.target)) return;
      if (context.selection && !context.isReadOnly && isOnFillHandle(event)) {
        // The grid must not move its focus: the drag fills from the selection as it is.
        event.preventDefault();
        event.stopPropagation();
        filling.current = rectOf(context.selection);
        return;
      }
      const position = positionOf(event.target);
      if (!position) return;
      if (event.shiftKey && context.selection) {
        keepSelectionOnFocus.current = true;
        event.preventDefault();
        context.select({ anchor: context.selection.anchor, focus: position });
        return;
      }
      dragging.current = true;
      context.select(collapsed(position));
    };
    // One tooltip for the whole table (flags, note, problems, a name cut short), instead of a
    // listener on every cell the grid draws: shown once the pointer rests on a cell, hidden when it
    // leaves, the table scrolls, or a key or button is pressed.
    const tip = document.createElement('div');
    tip.className = 'sheet-tooltip';
    tip.setAttribute('role', 'tooltip');
    tip.dataset.testid = 'sheet-tooltip';
    tip.hidden = true;
    document.body.appendChild(tip);
    let tipCell: Element | null = null;
    let tipTimer: ReturnType<typeof setTimeout> | undefined;
    const pointer = { x: 0, y: 0 };
    // Called on every scroll event: it touches the page only when a tip is shown or waiting (setting
    // `hidden` again, even to the same value, made the grid's next scroll read lay the page out anew).
    const hideTip = () => {
      if (tipTimer !== undefined) {
        clearTimeout(tipTimer);
        tipTimer = undefined;
      }
      tipCell = null;
      if (!tip.hidden) tip.hidden = true;
    };
    const showTip = (cell: Element) => {
      const position = cell.isConnected ? positionOf(cell) : null;
      const text = position ? context.tooltipAt(position.rowIndex, cell.getAttribute('col-id') ?? '') : undefined;
      if (!text) return;
      tip.textContent = text;
      tip.hidden = false;
      const box = tip.getBoundingClientRect();
      tip.style.left = `${Math.max(4, Math.min(pointer.x + 12, window.innerWidth - box.width - 4))}px`;
      tip.style.top = `${pointer.y + 18 + box.height > window.innerHeight ? Math.max(4, pointer.y - box.height - 8) : pointer.y + 18}px`;
    };
    const onMouseOver = (event: MouseEvent) => {
      const cell = event.target instanceof Element ? event.target.closest('.ag-cell[col-id]') : null;
      if (cell === tipCell) return;
      hideTip();
      if (!cell || dragging.current || filling.current || isInEditor(event.target)) return;
      tipCell = cell;
      tipTimer = setTimeout(() => showTip(cell), TOOLTIP_DELAY_MS);
    };
    const onMouseMove = (event: MouseEvent) => {
      pointer.x = event.clientX;
      pointer.y = event.clientY;
      if (filling.current) {
        if ((event.buttons & 1) === 0) return endFill();
        const position = positionOf(event.target);
        if (position) context.previewFill(fillTarget(filling.current, position));
        return;
      }
      if (!dragging.current || (event.buttons & 1) === 0 || !context.selection) return;
      const position = positionOf(event.target);
      const focus = context.selection.focus;
      if (position && (position.rowIndex !== focus.rowIndex || position.colIndex !== focus.colIndex)) {
        context.select({ anchor: context.selection.anchor, focus: position });
      }
    };
    const onMouseUp = () => {
      dragging.current = false;
      const source = filling.current;
      const target = context.fillPreview;
      endFill();
      const sheet = grid();
      if (!source || !target || !sheet) return;
      // On success the selection becomes the source and what it filled.
      void helpers.commitPlan(planFill(source, target, sheet), 'fill');
    };
    // Escape ends a fill drag without filling, wherever the focus is.
    const onWindowKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !filling.current) return;
      event.preventDefault();
      event.stopPropagation();
      endFill();
    };
    const isFocusedCellEditable = (): boolean => {
      const focused = context.liveApi()?.getFocusedCell();
      const row = focused ? context.liveApi()?.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
      return !context.isReadOnly && row !== undefined && focused !== null && focused !== undefined && context.adapter.targetOf(row, focused.column.getColId()) !== null;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      hideTip();
      if (isInEditor(event.target) || !context.selection) return;
      const api = context.liveApi();
      const sheet = grid();
      if (!api || !sheet) return;
      const hasMod = event.ctrlKey || event.metaKey;
      const isPrintable = event.key.length === 1 && !hasMod && !event.altKey;
      if (isPrintable && context.keepTypedKey(event.key)) {
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      if (isPrintable && isFocusedCellEditable()) context.beginTypeAhead();
      const arrow = ARROWS[event.key];
      const rect = rectOf(context.selection);
      const handled = () => {
        event.preventDefault();
        event.stopPropagation();
      };
      if (event.altKey && !hasMod && !event.shiftKey && event.code === 'KeyH') {
        handled();
        openHistory();
      } else if (arrow && event.shiftKey && !hasMod && !event.altKey) {
        handled();
        const next = extendSelection(context.selection, arrow[0], arrow[1], sheet);
        context.select(next);
        api.ensureIndexVisible(next.focus.rowIndex);
        const colId = context.columnIds[next.focus.colIndex];
        if (colId) api.ensureColumnVisible(colId);
      } else if (event.key === 'Delete' && !hasMod) {
        handled();
        if (context.isReadOnly) return helpers.readOnlyNotice();
        void helpers.commitPlan(planClear(rect, sheet), 'delete');
      } else if (hasMod && !event.shiftKey && event.code === 'KeyD') {
        handled();
        if (context.isReadOnly) return helpers.readOnlyNotice();
        void helpers.commitPlan(planFillDown(rect, sheet), 'fill');
      } else if (hasMod && (event.key === '-' || event.code === 'Minus' || event.code === 'NumpadSubtract')) {
        // Ctrl+- deletes the selected rows, as in Excel.
        handled();
        if (context.isReadOnly) return helpers.readOnlyNotice();
        void helpers.commitPlan(planDeleteRows(rect, sheet), 'deleteRows');
      } else if (hasMod && !event.shiftKey && event.code === 'KeyA') {
        handled();
        keepSelectionOnFocus.current = false;
        context.select(selectAll(sheet));
      }
    };
    const isOurs = (event: Event) => container.contains(event.target as Node | null) || container.contains(document.activeElement);
    const onCopy = (event: ClipboardEvent) => {
      const sheet = grid();
      if (!isOurs(event) || isInEditor(event.target) || !context.selection || !sheet) return;
      event.preventDefault();
      event.clipboardData?.setData('text/plain', serialiseTsv(copyRows(rectOf(context.selection), sheet)));
      if (event.type === 'cut') {
        if (context.isReadOnly) return helpers.readOnlyNotice();
        void helpers.commitPlan(planClear(rectOf(context.selection), sheet), 'delete');
      }
    };
    const onPaste = (event: ClipboardEvent) => {
      const sheet = grid();
      if (!isOurs(event) || isInEditor(event.target) || !context.selection || !sheet) return;
      event.preventDefault();
      if (context.isReadOnly) return helpers.readOnlyNotice();
      const rect = rectOf(context.selection);
      const block = withoutHeaderRow(parseTsv(event.clipboardData?.getData('text/plain') ?? ''), rect, sheet);
      void helpers.commitPlan(planPaste(block, rect, sheet), 'paste');
    };
    const onContextMenu = (event: MouseEvent) => {
      const position = positionOf(event.target);
      if (!position || isInEditor(event.target)) return;
      event.preventDefault();
      // The menu acts on the cell under the pointer; inside the selection, the selection stays.
      const selection = context.selection;
      const isInside = selection !== null && isInRect(rectOf(selection), position.rowIndex, position.colIndex);
      if (!isInside) context.focusCell(position);
      setMenuPlace({ x: event.clientX, y: event.clientY });
    };
    container.addEventListener('contextmenu', onContextMenu);
    container.addEventListener('mousedown', onMouseDown, true);
    container.addEventListener('mousemove', onMouseMove);
    container.addEventListener('mouseover', onMouseOver);
    container.addEventListener('mouseleave', hideTip);
    // Scroll events do not bubble: the grid's scrolling parts are caught on the way down.
    container.addEventListener('scroll', hideTip, true);
    container.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('mouseup', onMouseUp);
    window.addEventListener('keydown', onWindowKeyDown, true);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      container.removeEventListener('contextmenu', onContextMenu);
      container.removeEventListener('mousedown', onMouseDown, true);
      container.removeEventListener('mousemove', onMouseMove);
      container.removeEventListener('mouseover', onMouseOver);
      container.removeEventListener('mouseleave', hideTip);
      container.removeEventListener('scroll', hideTip, true);
      hideTip();
      tip.remove();
      container.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('mouseup', onMouseUp);
      window.removeEventListener('keydown', onWindowKeyDown, true);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [context, helpers, openHistory]);

  const gridProps = useMemo(
    () => ({
      context,
      readOnlyEdit: true,
      // The table's one tooltip (above) says what AG Grid's would; with browser tooltips and no
      // tooltip in the column definitions, the grid only clears each new cell's title instead of
      // giving it a tooltip manager with its own listeners (part of every scrolled-in cell's cost).
      enableBrowserTooltips: true,
      stopEditingWhenCellsLoseFocus: true,
      onGridReady: ({ api }: GridReadyEvent<Row>) => context.attach(api),
      onDisplayedColumnsChanged: () => context.readColumns(),
      onModelUpdated: () => {
        const cell = pendingJump.current;
        if (cell && tryJump(cell)) pendingJump.current = null;
      },
      onCellFocused: (event: CellFocusedEvent<Row>) => {
        const column = event.column;
        if (event.rowIndex === null || event.rowIndex === undefined || !column || typeof column === 'string') return;
        const colIndex = context.columnIndex.get(column.getColId());
        if (colIndex === undefined) return;
        const row = context.liveApi()?.getDisplayedRowAtIndex(event.rowIndex)?.data;
        const target = row ? context.adapter.targetOf(row, column.getColId()) : null;
        const focused = store().focusedCell;
        if (target && (focused?.indicatorCode !== target.indicatorCode || focused.regionCode !== target.regionCode || focused.period !== target.period)) {
          store().setFocusedCell({ indicatorCode: target.indicatorCode, regionCode: target.regionCode, period: target.period });
        }
        if (keepSelectionOnFocus.current) {
          keepSelectionOnFocus.current = false;
          return;
        }
        if (dragging.current) return;
        context.select(collapsed({ rowIndex: event.rowIndex, colIndex }));
      },
      onCellEditRequest: (event: CellEditRequestEvent<Row>) => {
        // The grid closed the editor itself (a click elsewhere): save what it held.
        const target = event.data ? context.adapter.targetOf(event.data, event.column.getColId()) : null;
        if (!target || context.isReadOnly) return;
        void saveCell(target, String(event.newValue ?? '')).then((outcome) => {
          if (outcome.kind === 'refused') store().setEditNotice(refused(target, outcome, 'cellRefused'));
        });
      },
    }),
    // tryJump reads only refs and the context.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [context, helpers],
  );

  return { containerRef, gridProps, context, menuPlace, closeMenu, openHistory };
}
