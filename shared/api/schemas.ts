import { z } from 'zod';

/** Bounded text: every string that crosses a process boundary has a length limit. */
export const Text = (max = 1000) => z.string().max(max);
const Code = z.string().min(1).max(64);
const FilePath = z.string().min(1).max(4096);

export const RegionLevel = z.enum(['nation', 'province', 'city', 'county', 'zone']);
export const IndicatorKind = z.enum(['level', 'flow', 'rate', 'count', 'share']);
export const AccumulationSchema = z.enum(['point', 'ytd']);

/** Flags on an observation. `as_printed` marks a figure kept exactly as a self-contradicting source printed it. */
export const ObservationFlag = z.enum(['preliminary', 'estimated', 'revised', 'lower_bound', 'as_printed']);
export type ObservationFlag = z.infer<typeof ObservationFlag>;

export const Region = z.object({
  code: Code,
  nameZh: Text(200),
  nameEn: Text(200),
  level: RegionLevel,
  parentCode: Code.nullable(),
});
export type Region = z.infer<typeof Region>;

export const Indicator = z.object({
  code: Code,
  nameZh: Text(200),
  nameEn: Text(200),
  unit: Text(40),
  kind: IndicatorKind,
  accumulation: AccumulationSchema,
  category: Code,
  parentCode: Code.nullable(),
  sourceNote: Text(2000).nullable(),
});
export type Indicator = z.infer<typeof Indicator>;

export const Category = z.object({ code: Code, nameZh: Text(200), nameEn: Text(200) });
export type Category = z.infer<typeof Category>;

export const Catalog = z.object({
  categories: z.array(Category),
  indicators: z.array(Indicator),
  regions: z.array(Region),
});
export type Catalog = z.infer<typeof Catalog>;

/** One observation as visible at a snapshot (or in the working copy). */
export const Observation = z.object({
  versionId: z.number().int(),
  indicatorCode: Code,
  regionCode: Code,
  period: Code,
  value: z.number().nullable(),
  unit: Text(40),
  growthReportedPct: z.number().nullable(),
  rankReported: z.number().int().nullable(),
  flags: z.array(ObservationFlag),
  note: Text(2000).nullable(),
  source: Text(4000).nullable(),
  fromSeq: z.number().int(),
});
export type Observation = z.infer<typeof Observation>;

export const SnapshotKind = z.enum(['manual', 'import', 'restore']);
export const Snapshot = z.object({
  seq: z.number().int().positive(),
  label: Text(200),
  createdAt: Text(40),
  kind: SnapshotKind,
  sourceFile: Text(4096).nullable(),
  note: Text(2000).nullable(),
  observationCount: z.number().int().nonnegative(),
});
export type Snapshot = z.infer<typeof Snapshot>;

/** A snapshot by sequence number or label, or "working" for the working copy. */
export const SnapshotRef = z.union([z.number().int().positive(), Text(200).min(1)]);
export type SnapshotRef = z.infer<typeof SnapshotRef>;

export const WorkspaceInfo = z.object({
  path: FilePath,
  fileName: Text(1000),
  schemaVersion: z.number().int(),
  workingSeq: z.number().int().positive(),
  lastSnapshot: Snapshot.nullable(),
  observationCount: z.number().int().nonnegative(),
  isSample: z.boolean(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

export const AppInfo = z.object({
  version: Text(40),
  schemaVersion: z.number().int(),
  transport: z.enum(['electron', 'http', 'cli']),
  workspace: WorkspaceInfo.nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const SeriesQuery = z.object({
  indicator: Text(200).optional(),
  region: Text(200).optional(),
  period: Text(20).optional(),
  category: Code.optional(),
  snapshot: SnapshotRef.optional(),
});
export type SeriesQuery = z.infer<typeof SeriesQuery>;

export const ObservationKey = z.object({
  indicator: Text(200).min(1),
  region: Text(200).min(1),
  period: Text(20).min(1),
});
export type ObservationKey = z.infer<typeof ObservationKey>;

export const DiffChange = z.enum(['added', 'removed', 'changed']);
export const DiffRow = z.object({
  change: DiffChange,
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
});
export type DiffRow = z.infer<typeof DiffRow>;

export const SnapshotDiff = z.object({
  from: z.object({ seq: z.number().int(), label: Text(200) }),
  to: z.object({ seq: z.number().int(), label: Text(200) }),
  rows: z.array(DiffRow),
});
export type SnapshotDiff = z.infer<typeof SnapshotDiff>;

export const HistoryEntry = z.object({
  versionId: z.number().int(),
  value: z.number().nullable(),
  growthReportedPct: z.number().nullable(),
  rankReported: z.number().int().nullable(),
  flags: z.array(ObservationFlag),
  note: Text(2000).nullable(),
  source: Text(4000).nullable(),
  fromSeq: z.number().int(),
  toSeq: z.number().int().nullable(),
  /** Label of the first snapshot that contains this version, or null while only in the working copy. */
  firstSnapshotLabel: Text(200).nullable(),
  recordedAt: Text(40),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const CellHistory = z.object({
  indicatorCode: Code,
  regionCode: Code,
  period: Code,
  unit: Text(40),
  versions: z.array(HistoryEntry),
});
export type CellHistory = z.infer<typeof CellHistory>;

export { Code, FilePath };
