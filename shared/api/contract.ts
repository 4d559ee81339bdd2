import type { z } from 'zod';
import { describeValidation, type AppError, type Result } from './errors';

import type { MethodSpec } from './methods/spec';
import { foundationMethods } from './methods/foundation';
import { editingMethods } from './methods/editing';
import { projectionMethods } from './methods/projections';
import { analysisMethods } from './methods/analysis';
import { importExportMethods } from './methods/importExport';
import { chartMethods } from './methods/charts';
import { snapshotMethods } from './methods/snapshots';

/**
 * The one place a backend method is declared: each area of the product keeps its methods in
 * shared/api/methods/<area>.ts, and this map joins them. Every transport validates against it.
 */
export const contract = {
  ...foundationMethods,
  ...editingMethods,
  ...analysisMethods,
  ...projectionMethods,
  ...importExportMethods,
  ...snapshotMethods,
  ...chartMethods,
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** Implementations of a group of methods (one area's map from shared/api/methods). */
export type HandlersOf<Methods extends Record<string, MethodSpec>> = {
  [M in keyof Methods]: (input: z.output<Methods[M]['input']>) => z.output<Methods[M]['output']> | Promise<z.output<Methods[M]['output']>>;
};

/** Implementation of every method, written once in core and mounted by each transport. */
export type Handlers = HandlersOf<Contract>;

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

export { ResultEnvelope } from './envelope';

export type { AppError, Result };
