// The app:// protocol as a pure file server over the built renderer folder. No 'electron' import:
// index.ts wraps the result in a Response inside protocol.handle.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_RESPONSE_HEADERS, APP_SCHEME } from './security';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

// CON, NUL, COM1.txt… name devices, not files, in any folder on Windows.
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

const DOT_DOT_SEGMENT = /(^|[/\\])(\.|%2e){2}([/\\?#]|$)/i;

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Maps `app://yardstick/<path>` to a file inside `root`, or null when the URL is not ours or tries
 * to leave `root`: encoded slashes or backslashes, `..` after percent-decoding, double encoding,
 * drive letters, NUL, Windows device names.
 * `pathApi` lets tests run the Windows rules on any machine.
 */
export function resolveAppProtocolPath(root: string, url: string, pathApi: PathApi = path): string | null {
  // The URL parser would fold `..` (also as %2e%2e) into the path and keep us inside root, but a
  // request that tries it is refused outright rather than answered from somewhere else.
  if (DOT_DOT_SEGMENT.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;

  // Our files never have separators or percent signs in their names: an encoded slash or a
  // double-encoded sequence is an attempt to smuggle a path past the URL parser.
  if (/%2f|%5c/i.test(parsed.pathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || /[\\:%]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((segment) => segment.length > 0);
  if (segments.some((segment) => segment === '..' || segment === '.' || WINDOWS_DEVICE_NAME.test(segment))) return null;
  if (segments.length === 0) segments.push('index.html');

  const resolvedRoot = pathApi.resolve(root);
  const candidate = pathApi.resolve(resolvedRoot, ...segments);
  const relative = pathApi.relative(resolvedRoot, candidate);
  if (relative === '' || relative.startsWith('..') || pathApi.isAbsolute(relative)) return null;
  return candidate;
}

export interface AppProtocolResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array | null;
}

function plain(status: number, text: string): AppProtocolResponse {
  return {
    status,
    headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    body: new TextEncoder().encode(text),
  };
}

/** Answers one app:// request from the files under `root`; never reads outside it. */
export async function serveAppRequest(root: string, request: { url: string; method: string }): Promise<AppProtocolResponse> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const filePath = resolveAppProtocolPath(root, request.url);
  if (filePath === null) return plain(403, 'Forbidden');
  let body: Uint8Array;
  try {
    body = await readFile(filePath);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return plain(404, 'Not found');
    throw error;
  }
  return {
    status: 200,
    headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': contentTypeFor(filePath) },
    body: request.method === 'HEAD' ? null : body,
  };
}
