// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { YardstickBridge } from '../../../shared/api/bridge';
import { createBridgeClient, createHttpClient, readEnvelope, TOKEN_HEADER } from './client';
import { takeLaunchToken } from './token';

const workspace = {
  path: '/tmp/w.sqlite', fileName: 'w.sqlite', schemaVersion: 1, workingSeq: 2,
  lastSnapshot: null, observationCount: 3, isSample: true,
};
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('createHttpClient', () => {
  it('posts the input with the token and returns the validated value', async () => {
    const fetch = vi.fn(async () => json({ ok: true, value: workspace }));
    const client = createHttpClient('secret', fetch, 'http://127.0.0.1:9');
    const result = await client('workspace.info', {});
    expect(result).toEqual({ ok: true, value: workspace });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:9/api/workspace.info');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)[TOKEN_HEADER]).toBe('secret');
    expect(init.body).toBe('{}');
  });

  it('passes a backend error through, in both languages', async () => {
    const error = { code: 'UNAUTHORIZED', message: 'Bad token', messageZh: '令牌无效' };
    const client = createHttpClient('wrong', async () => json({ ok: false, error }, 401));
    expect(await client('catalog.get', {})).toEqual({ ok: false, error });
  });

  it('turns a network failure and an unreadable answer into error values', async () => {
    const offline = createHttpClient('t', async () => {
      throw new TypeError('Failed to fetch');
    });
    const result = await offline('app.info', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('Failed to fetch');
    const html = createHttpClient('t', async () => new Response('<html>', { status: 500 }));
    expect((await html('app.info', {})).ok).toBe(false);
    const wrongShape = createHttpClient('t', async () => json({ ok: true, value: { fileName: 3 } }));
    const shape = await wrongShape('workspace.info', {});
    expect(shape.ok === false && shape.error.code).toBe('TRANSPORT');
  });
});

describe('readEnvelope of series.columns', () => {
  const columns = (value: unknown[]) => ({
    count: value.length, indicatorCodes: ['gdp'], units: ['亿元'], regionCodes: ['331100'], periods: ['2024'],
    indicator: [0, value.length], region: [0, value.length], period: [0, value.length], versionId: [1, value.length], fromSeq: [1, value.length],
    value, growthReportedPct: { rows: [], values: [] }, rankReported: { rows: [], values: [] }, extras: [],
  });

  it('accepts a figure or null per row, and refuses any other value with the method named', async () => {
    expect(await readEnvelope('series.columns', { ok: true, value: columns([1.5, null, -3]) })).toEqual({ ok: true, value: columns([1.5, null, -3]) });
    for (const bad of [[1, '2', 3], [1, {}], [true], 'not a column']) {
      const value = Array.isArray(bad) ? columns(bad) : { ...columns([1]), value: bad };
      const result = await readEnvelope('series.columns', { ok: true, value });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain('series.columns');
    }
  });
});

describe('methods outside the launch\'s areas', () => {
  it('are checked against their schemas too, loaded on first use', async () => {
    expect(await readEnvelope('chart.list', { ok: true, value: [] })).toEqual({ ok: true, value: [] });
    const wrong = await readEnvelope('chart.list', { ok: true, value: [{ name: 3 }] });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.code).toBe('TRANSPORT');
  });
});

describe('createBridgeClient', () => {
  it('invokes the bridge and validates the envelope', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: workspace }));
    const bridge: YardstickBridge = { transport: 'electron', invoke, chooseFile: async () => null, onMenuCommand: () => () => undefined };
    expect(await createBridgeClient(bridge)('workspace.info', {})).toEqual({ ok: true, value: workspace });
    expect(invoke).toHaveBeenCalledWith('workspace.info', {});
  });
});

describe('takeLaunchToken', () => {
  it('takes the token from the hash, keeps it for the session and clears the address bar', () => {
    window.history.replaceState(null, '', '/index.html#token=abc123');
    expect(takeLaunchToken(window.location, window.sessionStorage, window.history)).toBe('abc123');
    expect(window.location.hash).toBe('');
    expect(takeLaunchToken(window.location, window.sessionStorage, window.history)).toBe('abc123');
  });
});
