import { z } from 'zod';
import {
  AppInfo,
  Catalog,
  CellHistory,
  FilePath,
  Observation,
  ObservationKey,
  SeriesQuery,
  Snapshot,
  SnapshotDiff,
  SnapshotRef,
  Text,
  WorkspaceInfo,
} from '../schemas';
import type { MethodSpec } from './spec';

const Empty = z.object({}).strict();

/** One file of the recent list; `exists` is false when the file is gone (shown, not opened). */
export const RecentWorkspace = z.object({ path: FilePath, fileName: Text(400), openedAt: Text(40), exists: z.boolean() });
export type RecentWorkspace = z.infer<typeof RecentWorkspace>;

/** Workspace files, the catalogue, series and snapshots. */
export const foundationMethods = {
  'app.info': { input: Empty, output: AppInfo, summary: 'Version, transport and the open workspace.' },
  'workspace.info': { input: Empty, output: WorkspaceInfo, summary: 'The open workspace.' },
  'workspace.open': {
    input: z.object({ path: FilePath }).strict(),
    output: WorkspaceInfo,
    summary: 'Open an existing workspace file; it is checked before anything is written.',
  },
  'workspace.create': {
    input: z.object({ path: FilePath, sample: z.boolean().default(false) }).strict(),
    output: WorkspaceInfo,
    summary: 'Create a new workspace file, empty or with the Lishui 2024 sample.',
  },
  'workspace.openSample': {
    input: Empty,
    output: WorkspaceInfo,
    summary: 'Open the Lishui 2024 sample workspace in the data folder, creating it on first use.',
  },
  'workspace.recent': {
    input: Empty,
    output: z.array(RecentWorkspace).max(10),
    summary: 'Recently opened workspace files, most recent first (at most 10), each marked when the file is gone.',
  },
  'workspace.forgetRecent': {
    input: z.union([z.object({ path: FilePath }).strict(), z.object({ missing: z.literal(true) }).strict(), z.object({ all: z.literal(true) }).strict()]),
    output: z.array(RecentWorkspace).max(10),
    summary: 'Remove one file, every missing file or all files from the recent list; returns what remains.',
  },
  'catalog.get': { input: Empty, output: Catalog, summary: 'Categories, indicators and regions.' },
  'series.query': {
    input: SeriesQuery.strict(),
    output: z.array(Observation),
    summary: 'Observations as of a snapshot (default: the working copy), filtered by indicator, region, period.',
  },
  'snapshot.list': { input: Empty, output: z.array(Snapshot), summary: 'Snapshots, oldest first.' },
  'snapshot.create': {
    input: z.object({ label: Text(200).trim().min(1), note: Text(2000).optional() }).strict(),
    output: Snapshot,
    summary: 'Freeze the working copy as a named snapshot.',
  },
  'snapshot.diff': {
    input: z.object({ from: SnapshotRef, to: SnapshotRef }).strict(),
    output: SnapshotDiff,
    summary: 'Observations added, removed or changed between two snapshots (or a snapshot and "working").',
  },
  'observation.history': {
    input: ObservationKey.strict(),
    output: CellHistory,
    summary: 'Every version of one cell with the snapshot that first held it.',
  },
} as const satisfies Record<string, MethodSpec>;
