import { z } from 'zod';
import { Category, Code, FilePath, Indicator, ObservationFlag, Region, SnapshotRef, Text } from '../schemas';
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
  'catalog.addIndicator': {
    input: z.object({ indicator: Indicator.strict() }).strict(),
    output: Indicator,
    summary: 'Add an indicator (its category and parent must exist; the code must be new).',
  },
  'catalog.addRegion': {
    input: z.object({ region: Region.strict() }).strict(),
    output: Region,
    summary: 'Add a region (its parent must exist; the code must be new).',
  },
  'catalog.addCategory': {
    input: z.object({ category: Category.strict() }).strict(),
    output: Category,
    summary: 'Add a category of indicators (the code must be new).',
  },
  'edit.undo': { input: Empty, output: ChangeSetSummary.nullable(), summary: 'Undo the most recent change set (survives a restart).' },
  'edit.redo': { input: Empty, output: ChangeSetSummary.nullable(), summary: 'Redo the most recently undone change set.' },
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
