import { z } from 'zod';
import { AppErrorSchema, describeValidation, type AppError, type Result } from './errors';
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
} from './schemas';

interface MethodSpec {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
  /** One line for the method table in the README and `yardstick --help`. */
  readonly summary: string;
}

const Empty = z.object({}).strict();

/** The one place a backend method is declared. Every transport validates input against it. */
export const contract = {
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

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** Implementation of every method, written once in core and mounted by each transport. */
export type Handlers = { [M in MethodName]: (input: MethodParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };

/** The client side: what the renderer's API module and tests call. */
export type ApiClient = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** Parses a raw payload for a method; a validation failure is an error value, never a throw. */
export function parseInput<M extends MethodName>(method: M, raw: unknown): Result<MethodParsedInput<M>> {
  const parsed = contract[method].input.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as MethodParsedInput<M> };
  const described = describeValidation(parsed.error);
  return { ok: false, error: { code: 'VALIDATION', ...described } };
}

/** Schema of a transport's response envelope, for clients that parse what comes over the wire. */
export const ResultEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorSchema }),
]);

export type { AppError, Result };
