import { z } from 'zod';
import { ImportMapping } from '../../import/mapping';
import {
  CommitResult,
  ExportFormat,
  ExportResult,
  ImportEncoding,
  ImportJobId,
  ImportProgress,
  InspectResult,
  PreviewResult,
  TemplateApplyResult,
  TemplateSummary,
} from '../../import/results';
import { Code, FilePath, SnapshotRef, Text } from '../schemas';
import type { MethodSpec } from './spec';

const TemplateName = Text(200).trim().min(1);
const RejectedLimit = z.number().int().min(0).max(1_000_000).default(2000);

/** Importing spreadsheets (inspect → preview → commit, templates) and exporting data. */
export const importExportMethods = {
  'import.inspect': {
    input: z.object({ path: FilePath, sheet: Text(200).optional(), encoding: ImportEncoding.default('auto'), job: ImportJobId.optional() }).strict(),
    output: InspectResult,
    summary: 'Read a spreadsheet (xlsx, xls, ods, csv, tsv): its sheets, first rows, detected tables and a proposed mapping.',
  },
  'import.preview': {
    input: z
      .object({
        path: FilePath,
        mapping: ImportMapping,
        encoding: ImportEncoding.default('auto'),
        rowLimit: z.number().int().min(0).max(100_000).default(2000),
        /** At most this many rejected and skipped rows are listed; `counts` has them all. */
        rejectedLimit: RejectedLimit,
        job: ImportJobId.optional(),
      })
      .strict(),
    output: PreviewResult,
    summary: 'What an import would do: new, changed (old → new), unchanged and rejected rows, each rejection with its cell address.',
  },
  'import.commit': {
    input: z
      .object({
        path: FilePath,
        mapping: ImportMapping,
        encoding: ImportEncoding.default('auto'),
        /** true: a snapshot named after the file; a string: that label. */
        snapshot: z.union([z.boolean(), Text(200).trim().min(1)]).default(false),
        /** "skip" imports the accepted rows and reports the rejected; "abort" writes nothing when any row is rejected. */
        onRejected: z.enum(['skip', 'abort']).default('skip'),
        rejectedLimit: RejectedLimit,
        job: ImportJobId.optional(),
      })
      .strict(),
    output: CommitResult,
    summary: 'Import a file as one undoable change set in one transaction, optionally followed by a snapshot named after it.',
  },
  'import.progress': {
    input: z.object({ job: ImportJobId }).strict(),
    output: ImportProgress,
    summary: 'How far an import job (inspect, preview or commit started with that job id) has come: phase, done and total.',
  },
  'import.cancel': {
    input: z.object({ job: ImportJobId }).strict(),
    output: z.object({ cancelled: z.boolean() }),
    summary: 'Cancel an import job: a read stops, a commit is rolled back whole; nothing is written.',
  },
  'importTemplate.save': {
    input: z.object({ name: TemplateName, mapping: ImportMapping, sourceFile: FilePath.optional() }).strict(),
    output: TemplateSummary,
    summary: 'Save an import mapping as a named template (replacing one of the same name).',
  },
  'importTemplate.list': { input: z.object({}).strict(), output: z.array(TemplateSummary), summary: 'Saved import templates, by name.' },
  'importTemplate.apply': {
    input: z.object({ name: TemplateName, path: FilePath, encoding: ImportEncoding.default('auto'), job: ImportJobId.optional() }).strict(),
    output: TemplateApplyResult,
    summary: 'Fit a saved template to a new file of the same shape; extra or missing columns are reported, not guessed.',
  },
  'importTemplate.delete': {
    input: z.object({ name: TemplateName }).strict(),
    output: z.object({ deleted: z.boolean() }),
    summary: 'Delete a saved import template.',
  },
  'export.write': {
    input: z
      .object({
        path: FilePath,
        format: ExportFormat,
        snapshot: SnapshotRef.optional(),
        indicator: Text(200).optional(),
        region: Text(200).optional(),
        period: Text(20).optional(),
        category: Code.optional(),
        overwrite: z.boolean().default(false),
      })
      .strict(),
    output: ExportResult,
    summary: 'Export observations (working copy or a snapshot) as xlsx (units in headers, sources sheet) or csv (UTF-8 with BOM).',
  },
} as const satisfies Record<string, MethodSpec>;
