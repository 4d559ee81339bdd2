import type { ApiClient, MethodName, MethodOutput, Result } from '../../../shared/api/contract';
import { ResultEnvelope } from '../../../shared/api/envelope';
import type { YardstickBridge } from '../../../shared/api/bridge';
import { transportError } from './errors';
import { methodSpec } from './methodSpecs';

export const TOKEN_HEADER = 'X-Yardstick-Token';

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Checks what came over the wire against the envelope and the method's output schema. */
export async function readEnvelope<M extends MethodName>(method: M, raw: unknown): Promise<Result<MethodOutput<M>>> {
  const envelope = ResultEnvelope.safeParse(raw);
  if (!envelope.success) return { ok: false, error: transportError('badResponse', method) };
  if (!envelope.data.ok) return envelope.data;
  let spec;
  try {
    spec = await methodSpec(method);
  } catch (cause) {
    return { ok: false, error: transportError('network', cause instanceof Error ? cause.message : undefined) };
  }
  const value = spec.output.safeParse(envelope.data.value);
  if (!value.success) return { ok: false, error: transportError('badResponse', method) };
  return { ok: true, value: value.data as MethodOutput<M> };
}

/** The browser edition: `POST /api/<method>` with the launch token; errors come back as values. */
export function createHttpClient(token: string, fetchImpl: FetchLike, baseUrl = ''): ApiClient {
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
      });
    } catch (cause) {
      return { ok: false, error: transportError('network', cause instanceof Error ? cause.message : undefined) };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return { ok: false, error: transportError('badResponse', `HTTP ${response.status}`) };
    }
    return readEnvelope(method, body);
  };
}

/** The desktop app: the preload's bridge, which main validates against the same contract. */
export function createBridgeClient(bridge: YardstickBridge): ApiClient {
  return async (method, input) => {
    try {
      return readEnvelope(method, await bridge.invoke(method, input ?? {}));
    } catch (cause) {
      return { ok: false, error: transportError('network', cause instanceof Error ? cause.message : undefined) };
    }
  };
}

/** A client for a page opened without a token: every call explains how to get in. */
export function createNoTokenClient(): ApiClient {
  return async () => ({ ok: false, error: transportError('noToken') });
}
