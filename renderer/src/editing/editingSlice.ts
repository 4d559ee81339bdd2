/**
 * Editing the working copy: table layout and filters, committing change sets through `cells.edit`,
 * undo and redo through the workspace's persistent log, and the cells changed since the last snapshot.
 */
import type { AppError } from '../../../shared/api/contract';
import type { CellEditInput } from '../../../shared/api/methods/editing';
import type { Indicator, Observation, Region } from '../../../shared/api/schemas';
import { decodeColumns } from '../../../shared/editing/columns';
import { cellKey } from '../../../shared/editing/derived';
import type { Comparator } from '../../../shared/editing/derived';
import type { CellRef } from '../../../shared/editing/consistency';
import { i18n } from '../i18n';
import { recordPatch } from './patches';
import type { CellChange } from './patches';
import type { SliceCreator } from '../store/types';
import { observationKey } from '../store/workspaceSlice';

export type TableMode = 'wide' | 'long';
/** What the add-row dialog adds: an indicator (a new row for a region) or a region (a new row for an indicator). */
export type AddRowKind = 'indicator' | 'region';

/** An empty wide-table row shown for typing into: a catalogue entry just added, before it has figures. */
export interface ExtraRow {
  readonly indicatorCode: string;
  readonly regionCode: string;
}
export type ChangeKind = 'edit' | 'paste' | 'fill' | 'delete';

/** A message about editing in both languages (shown in the reader's language, which may switch). */
export interface EditNotice {
  readonly kind: 'error' | 'info';
  readonly zh: string;
  readonly en: string;
}

/** `key|field` of a changed field; `key|other` when only flags, note or source changed. */
export type ChangedFields = ReadonlySet<string>;

export interface EditingSlice {
  tableMode: TableMode;
  tableSearch: string;
  /** One period only, or null for all. */
  periodFilter: string | null;
  /** Empty period columns added to the wide table for typing or pasting. */
  extraPeriods: readonly string[];
  /** Empty rows added to the wide table (new indicators or regions), shown until they hold figures. */
  extraRows: readonly ExtraRow[];
  /** The add-row dialog, when open. */
  addRowDialog: AddRowKind | null;
  isChangesShown: boolean;
  changedFields: ChangedFields;
  /** How many cells differ from the last snapshot. */
  changedCellCount: number;
  isProblemsOpen: boolean;
  comparator: Comparator;
  /** `key|field` of cells being saved. */
  pendingCells: ReadonlySet<string>;
  editNotice: EditNotice | null;
  /** Asks the table to bring a cell into view and focus it (from the problems panel). */
  jumpRequest: { readonly cell: CellRef; readonly nonce: number } | null;
  /** The data cell the grid's focus is on, for the details panel. */
  focusedCell: { readonly indicatorCode: string; readonly regionCode: string; readonly period: string } | null;
  /** The workspace the table state belongs to; another workspace starts afresh. */
  editingWorkspace: string | null;
  resetEditingFor: (workspacePath: string | null) => void;
  setTableMode: (mode: TableMode) => void;
  setTableSearch: (text: string) => void;
  setPeriodFilter: (period: string | null) => void;
  addExtraPeriod: (period: string) => void;
  openAddRow: (kind: AddRowKind) => void;
  closeAddRow: () => void;
  /**
   * Adds an indicator or a region to the catalogue and shows its empty row in the wide table (for
   * `other`, the region or indicator of the row), focused for typing. Returns the backend's error.
   */
  addCatalogRow: (entry: { kind: 'indicator'; indicator: Indicator; regionCode: string } | { kind: 'region'; region: Region; indicatorCode: string }) => Promise<AppError | null>;
  toggleChanges: () => void;
  toggleProblems: () => void;
  setComparator: (comparator: Comparator) => void;
  setEditNotice: (notice: EditNotice | null) => void;
  requestJump: (cell: CellRef) => void;
  clearJumpRequest: () => void;
  setFocusedCell: (cell: EditingSlice['focusedCell']) => void;
  /**
   * Writes cells as one undoable change set and, once the backend has them on disk, shows them.
   * Returns null on success, or the backend's error (nothing was written).
   */
  commitCells: (cells: readonly CellEditInput[], kind: ChangeKind, label: { zh: string; en: string }, pendingKeys?: readonly string[]) => Promise<AppError | null>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  /** Re-reads which cells differ from the last snapshot. */
  loadChanges: () => Promise<void>;
}

/** Both languages of one message key, for notices that must follow a later language switch. */
export function bilingual(key: string, options: Record<string, unknown> = {}): { zh: string; en: string } {
  // Keys are built at run time ("editing.changeSet." + kind), so they are checked by the tests, not the types.
  const translate = (language: 'zh' | 'en') => (i18n.getFixedT(language) as unknown as (key: string, options: Record<string, unknown>) => string)(key, options);
  return { zh: translate('zh'), en: translate('en') };
}

/** The working copy's observations after an edit the backend has accepted (the same merge as editCells). */
export function applyEdits(observations: readonly Observation[], edits: readonly CellEditInput[], units: ReadonlyMap<string, string>, seq: number): Observation[] {
  // Edits by indicator, region and period: 200,000 observations are matched without building a key for each.
  const byCell = new Map<string, Map<string, Map<string, CellEditInput>>>();
  for (const edit of edits) {
    const regions = byCell.get(edit.indicator) ?? new Map<string, Map<string, CellEditInput>>();
    byCell.set(edit.indicator, regions);
    const periods = regions.get(edit.region) ?? new Map<string, CellEditInput>();
    regions.set(edit.region, periods);
    periods.set(edit.period, edit);
  }
  const seen = new Set<CellEditInput>();
  const result: Observation[] = [];
  const changes: CellChange[] = [];
  for (const observation of observations) {
    const edit = byCell.get(observation.indicatorCode)?.get(observation.regionCode)?.get(observation.period);
    if (!edit) {
      result.push(observation);
      continue;
    }
    seen.add(edit);
    const next = edit.remove ? null : merged(observation, edit, seq);
    if (next) result.push(next);
    changes.push({ indicatorCode: observation.indicatorCode, regionCode: observation.regionCode, period: observation.period, next });
  }
  const remaining = new Map(edits.map((edit) => [cellKey(edit.indicator, edit.region, edit.period), edit]));
  for (const edit of remaining.values()) {
    if (seen.has(edit) || edit.remove) continue;
    const blank: Observation = {
      versionId: -1,
      indicatorCode: edit.indicator,
      regionCode: edit.region,
      period: edit.period,
      value: null,
      unit: units.get(edit.indicator) ?? '',
      growthReportedPct: null,
      rankReported: null,
      flags: [],
      note: null,
      source: null,
      fromSeq: seq,
    };
    const next = merged(blank, edit, seq);
    result.push(next);
    changes.push({ indicatorCode: edit.indicator, regionCode: edit.region, period: edit.period, next });
  }
  // The table rebuilds only the rows these cells are in.
  recordPatch(result, { base: observations, changes });
  return result;
}

function merged(observation: Observation, edit: CellEditInput, seq: number): Observation {
  return {
    ...observation,
    value: edit.value === undefined ? observation.value : edit.value,
    growthReportedPct: edit.growthReportedPct === undefined ? observation.growthReportedPct : edit.growthReportedPct,
    rankReported: edit.rankReported === undefined ? observation.rankReported : edit.rankReported,
    flags: edit.flags ?? observation.flags,
    note: edit.note === undefined ? observation.note : edit.note,
    source: edit.source === undefined ? observation.source : edit.source,
    fromSeq: seq,
  };
}

const NO_KEYS: ReadonlySet<string> = new Set();
/** One empty list, so that resetting the table's state does not look like a new filter. */
const NO_PERIODS: readonly string[] = [];
const NO_ROWS: readonly ExtraRow[] = [];

export const createEditingSlice: SliceCreator<EditingSlice> = (set, get) => {
  // Edits in quick succession each ask for the diff; only the latest answer is shown.
  let changesRequest = 0;

  /**
   * Fetches the working copy and the catalogue again and replaces them in one step, so the table never
   * shows "loading". The catalogue too: undoing an import or an added row takes entries back out.
   */
  async function reloadWorking(): Promise<void> {
    const client = get().client;
    if (!client) return;
    const [columns, info, catalog] = await Promise.all([client('series.columns', {}), client('workspace.info', {}), client('catalog.get', {})]);
    if (catalog.ok) set({ catalog: catalog.value });
    if (columns.ok) set((state) => ({ observations: { ...state.observations, [observationKey('working')]: decodeColumns(columns.value) } }));
    if (info.ok) set({ info: info.value });
    await get().loadChanges();
  }

  async function step(method: 'edit.undo' | 'edit.redo'): Promise<void> {
    const client = get().client;
    if (!client || !get().info) return;
    // The step's cells are patched into the working copy, which a launch may still be loading. Read
    // directly, not through selectIsTableLoading: a snapshot viewed meanwhile hides the head from it.
    if (get().tableHead) return set({ editNotice: { kind: 'error', ...bilingual('editing.messages.stillLoading') } });
    const result = await client(method, {});
    if (!result.ok) return set({ editNotice: { kind: 'error', zh: result.error.messageZh || result.error.message, en: result.error.message } });
    if (!result.value) {
      return set({ editNotice: { kind: 'info', ...bilingual(method === 'edit.undo' ? 'editing.messages.nothingToUndo' : 'editing.messages.nothingToRedo') } });
    }
    const cells = result.value.cells;
    const info = get().info;
    if (cells && info) {
      // Only the cells the step wrote change: patched in place, as an edit is.
      const units = new Map((get().catalog?.indicators ?? []).map((indicator) => [indicator.code, indicator.unit]));
      const key = observationKey('working');
      set((state) => {
        const observations = applyEdits(state.observations[key] ?? [], cells, units, info.workingSeq);
        return { observations: { ...state.observations, [key]: observations }, info: state.info ? { ...state.info, observationCount: observations.length } : state.info };
      });
      void get().loadChanges();
    } else {
      await reloadWorking();
    }
    // Change sets are labelled "中文 / English" (ours, restores, imports): each language shows its half.
    const [zhLabel = '', enLabel] = result.value.label.split(' / ');
    const key = method === 'edit.undo' ? 'editing.messages.undone' : 'editing.messages.redone';
    set({ editNotice: { kind: 'info', zh: bilingual(key, { label: zhLabel }).zh, en: bilingual(key, { label: enLabel ?? zhLabel }).en } });
  }

  return {
    tableMode: 'wide',
    tableSearch: '',
    periodFilter: null,
    extraPeriods: NO_PERIODS,
    extraRows: NO_ROWS,
    addRowDialog: null,
    isChangesShown: true,
    changedFields: NO_KEYS,
    changedCellCount: 0,
    isProblemsOpen: false,
    comparator: { kind: 'parent' },
    pendingCells: NO_KEYS,
    editNotice: null,
    jumpRequest: null,
    focusedCell: null,
    editingWorkspace: null,
    resetEditingFor: (workspacePath) => {
      if (get().editingWorkspace === workspacePath) return;
      set({
        editingWorkspace: workspacePath,
        tableSearch: '',
        periodFilter: null,
        extraPeriods: NO_PERIODS,
        extraRows: NO_ROWS,
        addRowDialog: null,
        changedFields: NO_KEYS,
        changedCellCount: 0,
        pendingCells: NO_KEYS,
        editNotice: null,
        jumpRequest: null,
        focusedCell: null,
      });
    },
    setTableMode: (tableMode) => set({ tableMode }),
    setTableSearch: (tableSearch) => set({ tableSearch }),
    setPeriodFilter: (periodFilter) => set({ periodFilter }),
    addExtraPeriod: (period) => set((state) => (state.extraPeriods.includes(period) ? {} : { extraPeriods: [...state.extraPeriods, period] })),
    openAddRow: (addRowDialog) => set({ addRowDialog }),
    closeAddRow: () => set({ addRowDialog: null }),
    addCatalogRow: async (entry) => {
      const client = get().client;
      if (!client) return null;
      const added = entry.kind === 'indicator' ? await client('catalog.addIndicator', { indicator: entry.indicator }) : await client('catalog.addRegion', { region: entry.region });
      if (!added.ok) return added.error;
      const catalog = await client('catalog.get', {});
      if (catalog.ok) set({ catalog: catalog.value });
      const row: ExtraRow = entry.kind === 'indicator' ? { indicatorCode: entry.indicator.code, regionCode: entry.regionCode } : { indicatorCode: entry.indicatorCode, regionCode: entry.region.code };
      // The new row must be on screen: a search or navigator filter could hide it.
      get().selectCategory(null);
      get().selectRegion(null);
      set((state) => ({ extraRows: [...state.extraRows, row], addRowDialog: null, tableSearch: '', tableMode: 'wide' }));
      return null;
    },
    toggleChanges: () => {
      const isChangesShown = !get().isChangesShown;
      set({ isChangesShown });
      if (isChangesShown) void get().loadChanges();
    },
    toggleProblems: () => set((state) => ({ isProblemsOpen: !state.isProblemsOpen })),
    setComparator: (comparator) => set({ comparator }),
    setEditNotice: (editNotice) => set({ editNotice }),
    requestJump: (cell) => set((state) => ({ jumpRequest: { cell, nonce: (state.jumpRequest?.nonce ?? 0) + 1 } })),
    clearJumpRequest: () => set({ jumpRequest: null }),
    setFocusedCell: (focusedCell) => set({ focusedCell }),
    commitCells: async (cells, kind, label, pendingKeys = []) => {
      const client = get().client;
      const info = get().info;
      if (!client || !info) return null;
      if (pendingKeys.length > 0) set((state) => ({ pendingCells: new Set([...state.pendingCells, ...pendingKeys]) }));
      const result = await client('cells.edit', { kind, label: `${label.zh} / ${label.en}`.slice(0, 400), cells: [...cells] });
      const withoutPending = (state: { readonly pendingCells: ReadonlySet<string> }) => {
        if (pendingKeys.length === 0) return {};
        const pendingCells = new Set(state.pendingCells);
        for (const key of pendingKeys) pendingCells.delete(key);
        return { pendingCells };
      };
      if (!result.ok) {
        if (pendingKeys.length > 0) set(withoutPending);
        return result.error;
      }
      const units = new Map((get().catalog?.indicators ?? []).map((indicator) => [indicator.code, indicator.unit]));
      const key = observationKey('working');
      // One update for the saved cells and their "saving" marks: the table redraws once.
      set((state) => {
        const observations = applyEdits(state.observations[key] ?? [], cells, units, info.workingSeq);
        return {
          ...withoutPending(state),
          observations: { ...state.observations, [key]: observations },
          info: state.info ? { ...state.info, observationCount: observations.length } : state.info,
        };
      });
      void get().loadChanges();
      return null;
    },
    undo: () => step('edit.undo'),
    redo: () => step('edit.redo'),
    loadChanges: async () => {
      const client = get().client;
      const last = get().info?.lastSnapshot;
      if (!client || !last || !get().isChangesShown) return set({ changedFields: NO_KEYS, changedCellCount: 0 });
      const request = ++changesRequest;
      const diff = await client('snapshot.diff', { from: last.seq, to: 'working' });
      if (!diff.ok || request !== changesRequest) return;
      const changed = new Set<string>();
      for (const row of diff.value.rows) {
        const key = cellKey(row.indicatorCode, row.regionCode, row.period);
        const fields: string[] = [];
        if (row.change !== 'changed' || row.oldValue !== row.newValue) fields.push('value');
        if (row.change !== 'changed' || row.oldGrowthReportedPct !== row.newGrowthReportedPct) fields.push('growthReportedPct');
        if (row.change !== 'changed' || row.oldRankReported !== row.newRankReported) fields.push('rankReported');
        if (row.change !== 'changed' || fields.length === 0) fields.push('other');
        for (const field of fields) changed.add(`${key}|${field}`);
      }
      set({ changedFields: changed, changedCellCount: diff.value.rows.length });
    },
  };
};
