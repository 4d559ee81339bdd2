import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../core/testing/tempDir';
import { MAX_BODY_BYTES, TOKEN_HEADER, type RunningHost } from './host';
import { serve } from './serve';

let temp: ReturnType<typeof makeTempDir>;
let host: RunningHost;

beforeAll(async () => {
  temp = makeTempDir();
  const staticDir = path.join(temp.dir, 'renderer');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Yardstick</title>');
  fs.writeFileSync(path.join(temp.dir, 'secret.txt'), 'not for the browser');
  host = await serve({ workspace: path.join(temp.dir, 'ws.sqlite'), createSample: true, staticDir, appVersion: 'test' });
});
afterAll(async () => {
  await host.close();
  temp.cleanup();
});

interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

function request(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: pathname, method: options.method ?? 'GET', headers: options.headers, setHost: !options.headers?.host },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  request(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, ...headers },
    body: JSON.stringify(body),
  });

describe('the browser edition host', () => {
  it('listens on 127.0.0.1 only and puts the token in the URL fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.launchUrl).toBe(`${host.url}#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a contract call with the headline figure', async () => {
    const reply = await api('series.query', { indicator: 'industrial_value_added', region: '331100', period: '2024' });
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body);
    expect(result.ok).toBe(true);
    expect(result.value[0]).toMatchObject({ value: 471.78, unit: 'billion yuan', growthReportedPct: 9.3 });
  });

  it('returns a validation error as data for a wrong input', async () => {
    const result = JSON.parse((await api('series.query', { indicator: 42, bogus: true })).body);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(result.error.message).toMatch(/indicator/);
  });

  it('refuses a missing or wrong token', async () => {
    for (const token of [undefined, 'wrong', `${host.token}x`]) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token !== undefined) headers[TOKEN_HEADER] = token;
      const reply = await request('/api/catalog.get', { method: 'POST', headers, body: '{}' });
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body).error.code).toBe('UNAUTHORIZED');
    }
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const rebinding = await api('catalog.get', {}, { host: `evil.example:${host.port}` });
    expect(rebinding.status).toBe(403);
    const foreign = await api('catalog.get', {}, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('refuses an oversized body', async () => {
    const reply = await request('/api/catalog.get', {
      method: 'POST',
      headers: { [TOKEN_HEADER]: host.token },
      body: Buffer.alloc(MAX_BODY_BYTES + 10, 0x20),
    });
    expect(reply.status).toBe(413);
  });

  it('accepts a paste of 12,000 cells, a body well over the old 1 MB limit', async () => {
    const regions = (JSON.parse((await api('catalog.get', {})).body).value.regions as { code: string; level: string }[])
      .filter((region) => region.level === 'city')
      .slice(0, 10)
      .map((region) => region.code);
    expect(regions).toHaveLength(10);
    const cells = regions.flatMap((region) =>
      Array.from({ length: 1200 }, (_, index) => ({
        indicator: 'industrial_value_added',
        region,
        period: `${1950 + Math.floor(index / 12)}M${String((index % 12) + 1).padStart(2, '0')}`,
        value: index + 0.5,
        source: '粘贴自《2024年1-11月统计月报》'.padEnd(60, '·'),
      })),
    );
    const body = JSON.stringify({ kind: 'paste', cells });
    expect(Buffer.byteLength(body)).toBeGreaterThan(2 * 1024 * 1024);
    const reply = await request('/api/cells.edit', { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token }, body });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { kind: 'paste', cellCount: 12_000 } });
    const stored = JSON.parse((await api('series.query', { indicator: 'industrial_value_added', region: regions[3], period: '2049M12' })).body);
    expect(stored.value[0]).toMatchObject({ value: 1199.5 });
  });

  it('answers 413 to a streamed body as soon as it passes the limit, without reading the rest', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const outcome = await new Promise<{ status: number; sentBytes: number }>((resolve, reject) => {
      let sentBytes = 0;
      let isAnswered = false;
      const req = http.request(
        { host: '127.0.0.1', port: host.port, path: '/api/catalog.get', method: 'POST', headers: { [TOKEN_HEADER]: host.token, 'transfer-encoding': 'chunked' } },
        (res) => {
          isAnswered = true;
          res.resume();
          resolve({ status: res.statusCode ?? 0, sentBytes });
          req.destroy();
        },
      );
      req.on('error', (error) => (isAnswered ? undefined : reject(error)));
      // No Content-Length: the host only learns the size by counting what arrives.
      const pump = () => {
        while (!isAnswered && sentBytes < 4 * MAX_BODY_BYTES) {
          sentBytes += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!isAnswered) req.end();
      };
      pump();
    });
    expect(outcome.status).toBe(413);
    // The answer came long before the client had sent four times the limit.
    expect(outcome.sentBytes).toBeLessThan(2 * MAX_BODY_BYTES);
  });

  it('serves the renderer with a CSP and nothing outside it', async () => {
    const index = await request('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const reply = await request(attempt);
      expect(reply.status, attempt).not.toBe(200);
      expect(reply.body).not.toContain('not for the browser');
    }
  });
});
