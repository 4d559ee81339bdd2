import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { AppError } from '../../shared/api/errors';
import type { Backend } from '../core/backend';
import { createLaunchCache, workerColumns } from '../core/launchCache';

export const TOKEN_HEADER = 'x-yardstick-token';
/**
 * Largest API request body accepted. Imports arrive as file paths, but a paste of a large block
 * (cells.edit takes up to 100,000 cells, roughly 200 bytes each as JSON) arrives in the body.
 * Bodies are read as they stream in and refused the moment they pass this size.
 */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** How long a client that sent too much may go on sending (discarded) after its 413, so that it reads the answer. */
const OVERSIZED_GRACE_MS = 2_000;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface HostOptions {
  backend: Backend;
  /** The built renderer (out/renderer); static files need no token, they hold no data. */
  staticDir: string;
  port?: number;
  /** Fixed token for tests; a random one per launch otherwise. */
  token?: string;
  /**
   * Read what a page asks for first once listening, before it asks (default true): a small working
   * copy whole, a large one's first rows, the app's and workspace's info, the catalogue and the
   * snapshots (see electron/core/launchCache.ts). Kept until the workspace changes.
   */
  warmLaunch?: boolean;
}

export interface RunningHost {
  url: string;
  /** The URL to open: the token travels in the fragment, which browsers never send to a server. */
  launchUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** Serves the browser edition on 127.0.0.1 only: the renderer plus `POST /api/<method>`. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  let port = 0;
  const launchCache = createLaunchCache(options.backend, workerColumns());
  const warmLaunch = (): void => void launchCache.warm().catch((error: unknown) => console.error('[yardstick] warming the launch failed:', error));

  const server = http.createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      console.error('[yardstick] request failed:', error);
      if (!response.headersSent) sendJson(response, 500, errorEnvelope('INTERNAL', 'Internal error.', '内部错误。'));
      else response.destroy();
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    // DNS rebinding: only our own loopback host names are served.
    const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    if (!allowedHosts.has(request.headers.host ?? '')) {
      sendJson(response, 403, errorEnvelope('FORBIDDEN', 'Unknown Host header.', '未知的 Host 请求头。'));
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      await handleApi(request, response, url.pathname.slice('/api/'.length));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, errorEnvelope('FORBIDDEN', 'Method not allowed.', '不允许的请求方法。'));
      return;
    }
    serveStatic(response, url.pathname);
  }

  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST') {
      sendJson(response, 405, errorEnvelope('FORBIDDEN', 'Use POST for API calls.', 'API 调用须使用 POST。'));
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      sendJson(response, 403, errorEnvelope('FORBIDDEN', 'Requests from other origins are refused.', '拒绝来自其他来源的请求。'));
      return;
    }
    const presented = request.headers[TOKEN_HEADER];
    if (typeof presented !== 'string' || !safeEqual(presented, token)) {
      sendJson(
        response,
        401,
        errorEnvelope(
          'UNAUTHORIZED',
          'Missing or wrong access token. Open the address printed when Yardstick started (it ends in #token=…).',
          '访问令牌缺失或错误。请打开对标启动时输出的地址（以 #token=… 结尾）。',
        ),
      );
      return;
    }
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === 'too-large') {
      // Say why and close the connection. What the client still sends is discarded unread, and a
      // client that keeps sending is cut off shortly after the answer.
      sendJson(response, 413, errorEnvelope('PAYLOAD_TOO_LARGE', `Request body over ${MAX_BODY_BYTES} bytes.`, `请求体超过 ${MAX_BODY_BYTES} 字节。`), { connection: 'close' });
      request.resume();
      setTimeout(() => request.destroy(), OVERSIZED_GRACE_MS).unref();
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(response, 400, errorEnvelope('VALIDATION', 'The request body is not valid JSON.', '请求体不是有效的 JSON。'));
      return;
    }
    const name = decodeURIComponent(method);
    const cached = await launchCache.lookup(name, input);
    if (cached !== null) {
      sendJsonText(response, 200, cached);
      return;
    }
    const result = await options.backend.dispatch(name, input);
    sendJson(response, 200, result);
  }

  function serveStatic(response: http.ServerResponse, pathname: string): void {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      sendJson(response, 400, errorEnvelope('VALIDATION', 'Bad path.', '路径无效。'));
      return;
    }
    const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = path.resolve(staticRoot, relative);
    if (!isInside(staticRoot, file) || relative.includes('\0')) {
      sendJson(response, 403, errorEnvelope('FORBIDDEN', 'Path outside the application.', '路径超出应用目录。'));
      return;
    }
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      sendJson(response, 404, errorEnvelope('FORBIDDEN', 'Not found.', '未找到。'));
      return;
    }
    response.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    fs.createReadStream(file).pipe(response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  // After the caller has printed the address (its continuation runs first), before a page asks.
  if (options.warmLaunch !== false) setImmediate(warmLaunch);
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

/**
 * Reads a request body as it streams in, keeping at most `limit` bytes: a body declared or found
 * to be larger is 'too-large' as soon as that is known, and reading stops there (the caller answers
 * 413 and closes the connection).
 */
export function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      request.pause();
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.pause();
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks, size)));
    request.on('error', reject);
  });
}

function errorEnvelope(code: AppError['code'], message: string, messageZh: string): { ok: false; error: AppError } {
  return { ok: false, error: { code, message, messageZh } };
}

function sendJson(response: http.ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  sendJsonText(response, status, JSON.stringify(body), extraHeaders);
}

function sendJsonText(response: http.ServerResponse, status: number, text: string, extraHeaders: Record<string, string> = {}): void {
  response.writeHead(status, {
    ...extraHeaders,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(text);
}
