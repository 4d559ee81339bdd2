import { z } from 'zod';
import { Code, FilePath, Indicator, Region, Snapshot, Text } from '../api/schemas';
import { ImportMapping, Proposals, RowSpan } from './mapping';

/** Schemas of what the import methods return; the shapes mirror shared/import's types. */

export const CellValueSchema = z.union([z.string(), z.number(), z.null()]);

export const ImportFormat = z.enum(['xlsx', 'xls', 'ods', 'csv', 'tsv', 'html']);

/** Text encodings a csv/tsv may be read with ("gb18030" also re-reads a legacy .xls as GBK). */
export const ImportEncoding = z.enum(['auto', 'utf-8', 'utf-16le', 'utf-16be', 'gb18030']);

export const ImportFileInfo = z.object({
  path: FilePath,
  fileName: Text(1000),
  format: ImportFormat,
  encoding: Text(40).nullable(),
  size: z.number().int().nonnegative(),
  /** What the reader corrected ("re-decoded as GBK"). */
  notes: z.array(Text(2000)),
});
export type ImportFileInfo = z.infer<typeof ImportFileInfo>;

export const SheetPreview = z.object({
  name: Text(200),
  rowCount: z.number().int().nonnegative(),
  columnCount: z.number().int().nonnegative(),
  /** The first rows as stored (merged ranges' other cells empty), for the wizard's grid. */
  rows: z.array(z.array(CellValueSchema)),
  /** Merged ranges within those rows, 0-based inclusive. */
  merges: z.array(z.object({ startRow: z.number().int(), startColumn: z.number().int(), endRow: z.number().int(), endColumn: z.number().int() })),
});
export type SheetPreview = z.infer<typeof SheetPreview>;

export const FoundPeriodSchema = z.object({
  code: Code,
  accumulation: z.enum(['point', 'ytd']),
  text: Text(200),
  source: z.enum(['title', 'fileName']),
});

export const DetectedColumnSummary = z.object({
  column: Text(3),
  header: Text(500),
  nameZh: Text(500),
  nameEn: Text(500),
  unit: Text(40).nullable(),
  period: Code.nullable(),
  kind: z.enum(['value', 'growth', 'rank', 'text', 'empty']),
});

/** A table the detection found, for the wizard to show what it read and why. */
export const DetectedTableSummary = z.object({
  sheet: Text(200),
  indexInSheet: z.number().int().nonnegative(),
  title: Text(2000),
  titleEn: Text(2000),
  isContinuation: z.boolean(),
  tableUnit: Text(40).nullable(),
  titleRows: z.array(z.number().int().positive()),
  headerRows: RowSpan.nullable(),
  dataRows: RowSpan,
  layout: z.enum(['wide', 'long']),
  labelColumn: Text(3),
  alternateLabelColumn: Text(3).nullable(),
  labelKind: z.enum(['region', 'period']),
  columnsCarry: z.enum(['indicator', 'period']),
  period: FoundPeriodSchema.nullable(),
  columns: z.array(DetectedColumnSummary),
  notes: z.array(Text(4000)),
});
export type DetectedTableSummary = z.infer<typeof DetectedTableSummary>;

export const ImportNoteSchema = z.object({ table: z.number().int().nullable(), message: Text(4000), messageZh: Text(4000) });

export const InspectResult = z.object({
  file: ImportFileInfo,
  sheets: z.array(SheetPreview),
  tables: z.array(DetectedTableSummary),
  /** The detected mapping, ready to preview; null when no table of figures was found. */
  mapping: ImportMapping.nullable(),
  /** New indicators and regions the mapping would need; copy them into mapping.create to confirm. */
  proposals: Proposals,
  notes: z.array(ImportNoteSchema),
});
export type InspectResult = z.infer<typeof InspectResult>;

export const RejectionSchema = z.object({
  code: z.enum([
    'NOT_A_NUMBER',
    'PERCENT_IN_VALUE',
    'BAD_RANK',
    'NO_LABEL',
    'UNKNOWN_REGION',
    'AMBIGUOUS_REGION',
    'NO_REGION',
    'UNKNOWN_INDICATOR',
    'NO_INDICATOR',
    'NO_UNIT',
    'UNIT_MISMATCH',
    'NO_PERIOD',
    'BAD_PERIOD',
    'DUPLICATE',
  ]),
  address: Text(400),
  table: z.number().int().nonnegative(),
  row: z.number().int().positive().nullable(),
  column: Text(3).nullable(),
  label: Text(1000).nullable(),
  value: Text(1000).nullable(),
  cells: z.number().int().nonnegative(),
  reason: Text(4000),
  reasonZh: Text(4000),
});

export const SkippedRowSchema = z.object({
  kind: z.enum(['total', 'subtotal', 'memberOf', 'section', 'unmapped']),
  address: Text(400),
  table: z.number().int().nonnegative(),
  row: z.number().int().positive(),
  label: Text(1000),
  reason: Text(4000),
  reasonZh: Text(4000),
});

export const MappingProblemSchema = z.object({ table: z.number().int().nullable(), message: Text(4000), messageZh: Text(4000) });

export const PreviewStatus = z.enum(['new', 'changed', 'unchanged']);

/** One observation the import would write, with what the workspace holds now. */
export const PreviewRow = z.object({
  status: PreviewStatus,
  indicatorCode: Code,
  regionCode: Code,
  period: Code,
  unit: Text(40),
  oldValue: z.number().nullable(),
  newValue: z.number().nullable(),
  oldGrowthReportedPct: z.number().nullable(),
  newGrowthReportedPct: z.number().nullable(),
  oldRankReported: z.number().int().nullable(),
  newRankReported: z.number().int().nullable(),
  address: Text(400),
  /** The unit the figure was printed in, when it was converted. */
  convertedFrom: Text(40).nullable(),
});
export type PreviewRow = z.infer<typeof PreviewRow>;

export const ImportCounts = z.object({
  new: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  /** Rejection entries (a cell, a row or a whole column each). */
  rejected: z.number().int().nonnegative(),
  /** Figures kept out by those rejections. */
  rejectedFigures: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  /** Figures read from mapped columns. */
  figures: z.number().int().nonnegative(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const PreviewResult = z.object({
  file: ImportFileInfo,
  counts: ImportCounts,
  /** New and changed rows first; at most `rowLimit` rows. */
  rows: z.array(PreviewRow),
  rowsTruncated: z.boolean(),
  rejected: z.array(RejectionSchema),
  skipped: z.array(SkippedRowSchema),
  /** Problems of the mapping itself; while there are any, commit refuses. */
  problems: z.array(MappingProblemSchema),
  /** Confirmed new indicators and regions the import would create. */
  creates: z.object({ indicators: z.array(Indicator), regions: z.array(Region) }),
});
export type PreviewResult = z.infer<typeof PreviewResult>;

export const CommitResult = z.object({
  file: ImportFileInfo,
  /** The undoable change set, or null when nothing needed writing. */
  changeSetId: z.number().int().nullable(),
  counts: ImportCounts,
  created: z.object({ indicators: z.array(Code), regions: z.array(Code) }),
  snapshot: Snapshot.nullable(),
  rejected: z.array(RejectionSchema),
  skipped: z.array(SkippedRowSchema),
});
export type CommitResult = z.infer<typeof CommitResult>;

export const TemplateSummary = z.object({
  name: Text(200),
  sourceFile: Text(4096).nullable(),
  createdAt: Text(40),
  updatedAt: Text(40),
  tableCount: z.number().int().nonnegative(),
  mapping: ImportMapping,
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const TemplateMismatchSchema = z.object({
  kind: z.enum(['missingTable', 'extraTable', 'missingColumn', 'extraColumn', 'layout']),
  table: z.number().int().nonnegative(),
  column: Text(3).nullable(),
  header: Text(2000),
  message: Text(4000),
  messageZh: Text(4000),
});

export const TemplateApplyResult = z.object({
  template: Text(200),
  file: ImportFileInfo,
  /** The template's mapping fitted to this file; null when none of its tables is in the file. */
  mapping: ImportMapping.nullable(),
  mismatches: z.array(TemplateMismatchSchema),
  proposals: Proposals,
});
export type TemplateApplyResult = z.infer<typeof TemplateApplyResult>;

/** A job id the caller picks for one inspect, preview or commit, to ask for its progress or cancel it. */
export const ImportJobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ (at most 64)');

/**
 * Where an import job is: reading the file (bytes), parsing it (characters of a csv), detecting
 * tables, checking rows against the workspace, writing (rows); then done, failed or cancelled.
 */
export const ImportJobPhase = z.enum(['queued', 'reading', 'parsing', 'detecting', 'checking', 'writing', 'done', 'failed', 'cancelled']);
export type ImportJobPhase = z.infer<typeof ImportJobPhase>;

export const ImportProgress = z.object({
  job: ImportJobId,
  phase: ImportJobPhase,
  /** Units of the phase done so far, of `total` (0 when the phase cannot tell). */
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
  /** Why a failed job failed. */
  message: Text(4000).nullable(),
  messageZh: Text(4000).nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

export const ExportFormat = z.enum(['xlsx', 'csv']);

export const ExportResult = z.object({
  path: FilePath,
  format: ExportFormat,
  observationCount: z.number().int().nonnegative(),
  snapshot: z.object({ seq: z.number().int(), label: Text(200) }),
});
export type ExportResult = z.infer<typeof ExportResult>;
