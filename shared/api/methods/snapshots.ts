import { z } from 'zod';
import { Code, FilePath, SnapshotRef, Text } from '../schemas';
import type { MethodSpec } from './spec';

export const RevisionReportResult = z.object({
  path: FilePath,
  rowCount: z.number().int().nonnegative(),
  from: z.object({ seq: z.number().int(), label: Text(200) }),
  to: z.object({ seq: z.number().int(), label: Text(200) }),
});
export type RevisionReportResult = z.infer<typeof RevisionReportResult>;

/** Revision reports between snapshots, beyond the diff itself (foundation.ts). */
export const snapshotMethods = {
  'snapshot.exportDiff': {
    input: z
      .object({
        from: SnapshotRef,
        to: SnapshotRef,
        path: FilePath,
        indicator: Code.optional(),
        region: Code.optional(),
        language: z.enum(['zh', 'en']).default('zh'),
        overwrite: z.boolean().default(false),
      })
      .strict(),
    output: RevisionReportResult,
    summary: 'Write the revision report between two snapshots (or a snapshot and "working") to an xlsx file.',
  },
} as const satisfies Record<string, MethodSpec>;
