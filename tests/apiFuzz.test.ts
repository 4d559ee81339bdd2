import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, methodNames, type MethodName } from '../shared/api/contract';
import { createBackend, createWorkspace, type Backend } from '../electron/core/backend';
import { makeTempDir } from '../electron/core/testing/tempDir';
import { handleInvoke } from '../electron/main/ipcHandlers';
import { APP_ORIGIN } from '../electron/main/security';
import { TOKEN_HEADER } from '../electron/server/host';
import { serve } from '../electron/server/serve';
import type { RunningHost } from '../electron/server/host';

// Every method of the contract, called with wrong types, missing fields and huge strings over each
// transport: each call answers with an error value (never a throw or a crash) and the backend keeps working.

const HUGE = 'x'.repeat(200_000);
const WRONG_VALUES: readonly unknown[] = [12345, true, [], { nested: 1 }, HUGE, -1e308, null];

/** Malformed inputs for one method: wrong top-level shapes, and each field set to wrong values. */
function badInputs(method: MethodName): unknown[] {
  const schema = contract[method].input as z.ZodType;
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
  const inputs: unknown[] = ['a string', 42, [1, 2], { unexpectedField: HUGE }];
  for (const field of Object.keys(shape)) {
    for (const value of WRONG_VALUES) {
      const input = { [field]: value };
      // Skip inputs that the schema accepts (e.g. null for a nullable field): those are not malformed.
      if (!schema.safeParse(input).success) inputs.push(input);
    }
  }
  return inputs.filter((input) => !schema.safeParse(input).success);
}

let temp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let host: RunningHost;

beforeAll(async () => {
  temp = makeTempDir();
  const file = path.join(temp.dir, 'ws.sqlite');
  createWorkspace(file, true).close();
  backend = createBackend({ transport: 'cli', appVersion: 'test', dataDir: path.join(temp.dir, 'data') });
  backend.openAtStartup(file);
  host = await serve({ workspace: path.join(temp.dir, 'http.sqlite'), createSample: true, appVersion: 'test' });
});
afterAll(async () => {
  backend.close();
  await host.close();
  temp.cleanup();
});

function post(method: string, body: string): Promise<{ status: number; json: { ok: boolean; error?: { code: string } } }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: host.port, path: `/api/${encodeURIComponent(method)}`, method: 'POST', headers: { [TOKEN_HEADER]: host.token, 'content-type': 'application/json' } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const trustedSender = { frameUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true };

describe.each(methodNames)('%s with malformed input', (method) => {
  const inputs = badInputs(method);

  it('is refused as a validation error in core (the CLI transport)', async () => {
    for (const input of inputs) {
      const result = await backend.dispatch(method, input);
      expect(result.ok, JSON.stringify(input).slice(0, 80)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('VALIDATION');
    }
  });

  it('is refused as a validation error over IPC', async () => {
    for (const input of inputs.slice(0, 12)) {
      const result = await handleInvoke(backend, trustedSender, method, input);
      expect(result.ok === false && result.error.code).toBe('VALIDATION');
    }
  });

  it('is refused as a validation error over HTTP', async () => {
    for (const input of inputs.slice(0, 12)) {
      const reply = await post(method, JSON.stringify(input));
      expect(reply.status).toBe(200);
      expect(reply.json.ok).toBe(false);
      expect(reply.json.error?.code).toBe('VALIDATION');
    }
  });
});

describe('after the malformed calls', () => {
  it('every transport still answers a valid call', async () => {
    expect((await backend.dispatch('workspace.info', {})).ok).toBe(true);
    expect((await handleInvoke(backend, trustedSender, 'catalog.get', {})).ok).toBe(true);
    expect((await post('series.query', JSON.stringify({ indicator: 'industrial_value_added', region: '331100' }))).json.ok).toBe(true);
  });

  it('refuses unknown and hostile method names on every transport', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'x'.repeat(10_000), '../../etc/passwd']) {
      expect((await backend.dispatch(name, {})).ok).toBe(false);
      expect((await handleInvoke(backend, trustedSender, name, {})).ok).toBe(false);
      expect((await post(name.slice(0, 2000), '{}')).json.error?.code).toBe('UNKNOWN_METHOD');
    }
    expect((await handleInvoke(backend, trustedSender, 42, {})).ok).toBe(false);
  });
});
