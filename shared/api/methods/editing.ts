import { z } from 'zod';
import { Category, Code, FilePath, Indicator, ObservationFlag, Region, SeriesQuery, SnapshotRef, Text } from '../schemas';
import type { MethodSpec } from './spec';

const Empty = z.object({}).strict();

/** One edited cell: the fields given replace the stored ones; `remove` deletes the cell. */
export const CellEditInput = z
  .object({
    indicator: Code,
    region: Code,
    period: Text(20).min(1),
    value: z.number().finite().nullable().optional(),
    growthReportedPct: z.number().finite().nullable().optional(),
    rankReported: z.number().int().positive().nullable().optional(),
    flags: z.array(ObservationFlag).max(10).optional(),
    note: Text(2000).nullable().optional(),
    source: Text(4000).nullable().optional(),
    remove: z.boolean().optional(),
  })
  .strict();
export type CellEditInput = z.infer<typeof CellEditInput>;

export const ChangeSetSummary = z.object({
  id: z.number().int(),
  kind: Text(40),
  label: Text(400),
  createdAt: Text(40),
  state: z.enum(['done', 'undone', 'discarded']),
  cellCount: z.number().int().nonnegative(),
});
export type ChangeSetSummary = z.infer<typeof ChangeSetSummary>;

const Index = z.number().int().nonnegative();

/**
 * Whole numbers as runs of equal steps, flattened: [step, count, step, count, …]; value i is value
 * i−1 plus its run's step (value −1 is 0). Ids, codes and periods of rows in key order take a few
 * runs where a plain array would take one number per row.
 */
export const StepRuns = z.custom<number[]>(
  (runs) => {
    // One loop instead of zod per element (see FigureColumn): a 200,000-row answer holds tens of thousands of runs.
    if (!Array.isArray(runs) || runs.length % 2 !== 0) return false;
    for (let i = 0; i < runs.length; i += 1) {
      const n: unknown = runs[i];
      if (!Number.isSafeInteger(n) || (i % 2 === 1 && (n as number) <= 0)) return false;
    }
    return true;
  },
  { message: 'Runs are pairs of a whole-number step and a positive count.' },
);
export type StepRuns = z.infer<typeof StepRuns>;

/**
 * One figure or null per row (what z.array(z.number().nullable()) accepts), checked in one loop:
 * zod's per-element parse took ≈ 0.1 s of a 200,000-row answer in the page, where zod runs without JIT.
 */
const FigureColumn = z.custom<(number | null)[]>((column) => Array.isArray(column) && column.every((value) => value === null || Number.isFinite(value)), {
  message: 'Expected an array of numbers or nulls.',
});

/** A mostly empty column: the rows that have a figure, and their figures. */
export const SparseColumn = z
  .object({
    rows: z.custom<number[]>((rows) => Array.isArray(rows) && rows.every((row) => Number.isSafeInteger(row) && (row as number) >= 0), {
      message: 'Expected an array of row indexes (whole numbers from 0).',
    }),
    values: z.custom<number[]>((values) => Array.isArray(values) && values.every((value) => Number.isFinite(value)), {
      message: 'Expected an array of numbers.',
    }),
  })
  .strict();
export type SparseColumn = z.infer<typeof SparseColumn>;

/**
 * Observations column by column, for tables of 200,000 figures: codes, units and periods once each
 * in dictionaries, whole-number columns as step runs, growth and rank only where reported, and
 * flags, notes and sources only on the rows that have them. Row i is (indicatorCodes[indicator i],
 * regionCodes[region i], periods[period i], value[i], …).
 */
const ColumnsShape = z
  .object({
    count: Index,
    indicatorCodes: z.array(Code),
    /** The unit of each indicator in `indicatorCodes` (observations are stored in their indicator's unit). */
    units: z.array(Text(40)),
    regionCodes: z.array(Code),
    periods: z.array(Code),
    indicator: StepRuns,
    region: StepRuns,
    period: StepRuns,
    versionId: StepRuns,
    fromSeq: StepRuns,
    value: FigureColumn,
    growthReportedPct: SparseColumn,
    rankReported: SparseColumn,
    extras: z.array(
      z.object({ row: Index, flags: z.array(ObservationFlag), note: Text(2000).nullable(), source: Text(4000).nullable() }).strict(),
    ),
  })
  .strict();

export const ObservationColumns = ColumnsShape.superRefine((columns, context) => {
  const problem = checkColumns(columns);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

/** What is wrong with columns that parse one by one but do not fit together, or null. */
function checkColumns(columns: z.infer<typeof ColumnsShape>): string | null {
  const { count } = columns;
  if (columns.value.length !== count || columns.units.length !== columns.indicatorCodes.length) return 'Every column must have one entry per observation.';
  const dictionaries: [StepRuns, number | null][] = [
    [columns.indicator, columns.indicatorCodes.length],
    [columns.region, columns.regionCodes.length],
    [columns.period, columns.periods.length],
    [columns.versionId, null],
    [columns.fromSeq, null],
  ];
  for (const [runs, size] of dictionaries) {
    let value = 0;
    let total = 0;
    for (let i = 0; i < runs.length; i += 2) {
      const step = runs[i]!;
      const length = runs[i + 1]!;
      total += length;
      if (size !== null) {
        // Values move monotonically within a run: its first and last must be inside the dictionary.
        const first = value + step;
        const last = value + step * length;
        if (first < 0 || last < 0 || first >= size || last >= size) return 'A code index points outside its dictionary.';
      }
      value += step * length;
    }
    if (total !== count) return 'Every column must have one entry per observation.';
  }
  for (const sparse of [columns.growthReportedPct, columns.rankReported]) {
    if (sparse.rows.length !== sparse.values.length || sparse.rows.some((row) => row >= count)) return 'A sparse column points outside the rows.';
  }
  if (columns.rankReported.values.some((rank) => !Number.isInteger(rank))) return 'A rank must be a whole number.';
  if (columns.extras.some((extra) => extra.row >= count)) return 'An extra points outside the rows.';
  return null;
}
export type ObservationColumns = z.infer<typeof ObservationColumns>;

/**
 * The wide table's launch (`series.head`): a small working copy whole, or a large one's first rows to
 * draw while the rest loads: every observation of the first indicators in catalog order (whole
 * indicators, so ranks, shares and growth agree with the full table), with what the whole table's
 * columns and row heights need.
 */
export const TableHead = z.discriminatedUnion('complete', [
  z.object({ complete: z.literal(true), columns: ObservationColumns }),
  z.object({
    complete: z.literal(false),
    columns: ObservationColumns,
    /** Every period of the working copy, and whether a year-to-date indicator has it (its label). */
    periods: z.array(z.object({ period: Text(20).min(1), ytd: z.boolean() })).max(1_000_000),
    /** Rows (indicator × region) of the whole working copy. */
    rowCount: z.number().int().nonnegative(),
  }),
]);
export type TableHead = z.infer<typeof TableHead>;

/**
 * What undo or redo did: the change set, and (when it only wrote cells, up to 20,000 of them) each
 * cell's content afterwards, so that a client updates those cells instead of reloading everything.
 */
export const UndoResult = ChangeSetSummary.extend({ cells: z.array(CellEditInput).max(20_000).optional() });
export type UndoResult = z.infer<typeof UndoResult>;

export const BackupInfo = z.object({ name: Text(400), path: FilePath, takenAt: Text(40), bytes: z.number().int().nonnegative() });
export type BackupInfo = z.infer<typeof BackupInfo>;

/** Editing the working copy, the persistent undo log, restore, Save As and backups. */
export const editingMethods = {
  'cells.edit': {
    input: z
      .object({
        kind: z.enum(['edit', 'paste', 'fill', 'delete', 'add']).default('edit'),
        label: Text(400).optional(),
        cells: z.array(CellEditInput).min(1).max(100_000),
      })
      .strict(),
    output: ChangeSetSummary,
    summary: 'Edit cells of the working copy as one undoable change set (one transaction).',
  },
  'series.columns': {
    input: SeriesQuery.strict(),
    output: ObservationColumns,
    summary: 'The observations of series.query, column by column (codes in dictionaries): a compact transfer for large tables.',
  },
  'series.head': {
    input: z.object({ rows: z.number().int().min(1).max(1000), over: z.number().int().nonnegative() }).strict(),
    output: TableHead,
    summary: 'The wide table at launch: the whole working copy when it holds at most `over` observations, else its first rows (whole indicators, in catalog order) with every period and the row count.',
  },
  'catalog.addIndicator': {
    input: z.object({ indicator: Indicator.strict() }).strict(),
    output: Indicator,
    summary: 'Add an indicator as one undoable change set (its category and parent must exist; the code must be new).',
  },
  'catalog.addRegion': {
    input: z.object({ region: Region.strict() }).strict(),
    output: Region,
    summary: 'Add a region as one undoable change set (its parent must exist; the code must be new).',
  },
  'catalog.addCategory': {
    input: z.object({ category: Category.strict() }).strict(),
    output: Category,
    summary: 'Add a category of indicators as one undoable change set (the code must be new).',
  },
  'edit.undo': { input: Empty, output: UndoResult.nullable(), summary: 'Undo the most recent change set (survives a restart).' },
  'edit.redo': { input: Empty, output: UndoResult.nullable(), summary: 'Redo the most recently undone change set.' },
  'edit.log': {
    input: z.object({ limit: z.number().int().min(1).max(1000).default(50) }).strict(),
    output: z.array(ChangeSetSummary),
    summary: 'Recent change sets, newest first, with whether each is done or undone.',
  },
  'snapshot.restore': {
    input: z.object({ snapshot: SnapshotRef }).strict(),
    output: z.object({ snapshot: z.object({ seq: z.number().int(), label: Text(200) }), changeSetId: z.number().int().nullable(), cellCount: z.number().int() }),
    summary: 'Make the working copy equal to a snapshot again, as one undoable change set; nothing is deleted.',
  },
  'workspace.saveAs': {
    input: z.object({ path: FilePath }).strict(),
    output: z.object({ path: FilePath, fileName: Text(1000) }),
    summary: 'Write a compact copy of the workspace to a new file (VACUUM INTO) and continue in it.',
  },
  'backup.list': { input: Empty, output: z.array(BackupInfo), summary: 'Automatic and manual backups of the open workspace, newest first.' },
  'backup.create': { input: Empty, output: BackupInfo, summary: 'Back up the open workspace now (SQLite online backup).' },
  'backup.restore': {
    input: z.object({ name: Text(400).min(1) }).strict(),
    output: z.object({ restored: BackupInfo, safetyBackup: BackupInfo }),
    summary: 'Replace the workspace with a backup, after backing up the current state first.',
  },
} as const satisfies Record<string, MethodSpec>;
