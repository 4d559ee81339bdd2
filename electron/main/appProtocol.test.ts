import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAppProtocolPath, serveAppRequest } from './appProtocol';
import { CONTENT_SECURITY_POLICY } from './security';

let base: string;
let root: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'yardstick-protocol-'));
  root = path.join(base, 'out', 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>对标</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'do not serve');
  fs.writeFileSync(path.join(base, 'out', 'renderer-secret.txt'), 'sibling with the same prefix');
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const TRAVERSALS = [
  'app://yardstick/../../etc/passwd',
  'app://yardstick/%2e%2e/%2e%2e/etc/passwd',
  'app://yardstick/%2E%2E/secret.txt',
  'app://yardstick/.%2E/secret.txt',
  'app://yardstick/assets/../../secret.txt',
  'app://yardstick/..\\..\\secret.txt',
  'app://yardstick/..%2f..%2fsecret.txt',
  'app://yardstick/..%2F..%2F..%2Fetc%2Fpasswd',
  'app://yardstick/%2e%2e%2f%2e%2e%2fsecret.txt',
  'app://yardstick/assets/..%2f..%2f..%2fsecret.txt',
  'app://yardstick/..%5c..%5csecret.txt',
  'app://yardstick/%252e%252e%252fsecret.txt',
  'app://yardstick/index.html%00.js',
  'app://yardstick/C:%2fWindows%2fwin.ini',
  'app://yardstick/%2fetc%2fpasswd',
  'app://yardstick/..%2frenderer-secret.txt',
  'app://yardstick/%E0%A4%A',
  'app://yardstick/CON',
  'app://yardstick/assets/nul.txt',
];

describe('resolveAppProtocolPath', () => {
  it('maps our URLs into the renderer folder, "/" to index.html', () => {
    expect(resolveAppProtocolPath(root, 'app://yardstick/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppProtocolPath(root, 'app://yardstick/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppProtocolPath(root, 'app://yardstick/assets/index-abc123.js?v=1#x')).toBe(path.join(root, 'assets', 'index-abc123.js'));
    expect(resolveAppProtocolPath(root, 'app://yardstick/fonts/%E6%80%9D%E6%BA%90.woff2')).toBe(path.join(root, 'fonts', '思源.woff2'));
  });

  it.each(TRAVERSALS)('rejects %s', (url) => {
    expect(resolveAppProtocolPath(root, url)).toBeNull();
  });

  it('rejects other schemes, hosts, ports and credentials', () => {
    for (const url of ['file:///etc/passwd', 'https://yardstick/index.html', 'app://other/index.html', 'app://yardstick:8080/index.html', 'app://u:p@yardstick/index.html', 'garbage']) {
      expect(resolveAppProtocolPath(root, url)).toBeNull();
    }
  });

  it('applies the same rules with Windows paths', () => {
    const windowsRoot = 'C:\\Program Files\\Yardstick\\resources\\app.asar\\out\\renderer';
    expect(resolveAppProtocolPath(windowsRoot, 'app://yardstick/assets/a.js', path.win32)).toBe(`${windowsRoot}\\assets\\a.js`);
    for (const url of ['app://yardstick/..%5c..%5c..%5cwin.ini', 'app://yardstick/C:%5cWindows%5cwin.ini', 'app://yardstick/%5c%5cserver%5cshare', 'app://yardstick/..%2f..%2fapp.asar']) {
      expect(resolveAppProtocolPath(windowsRoot, url, path.win32)).toBeNull();
    }
  });
});

describe('serveAppRequest', () => {
  it('serves index.html with the CSP header and a content type', async () => {
    const response = await serveAppRequest(root, { url: 'app://yardstick/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(new TextDecoder().decode(response.body ?? new Uint8Array())).toContain('对标');
  });

  it.each(TRAVERSALS)('answers 403 and reads nothing for %s', async (url) => {
    const response = await serveAppRequest(root, { url, method: 'GET' });
    expect(response.status).toBe(403);
    expect(new TextDecoder().decode(response.body ?? new Uint8Array())).not.toContain('do not serve');
  });

  it('answers 404 for missing files and folders, 405 for writes', async () => {
    expect((await serveAppRequest(root, { url: 'app://yardstick/missing.js', method: 'GET' })).status).toBe(404);
    expect((await serveAppRequest(root, { url: 'app://yardstick/assets', method: 'GET' })).status).toBe(404);
    expect((await serveAppRequest(root, { url: 'app://yardstick/index.html', method: 'POST' })).status).toBe(405);
  });

  it('sends headers without a body for HEAD', async () => {
    const response = await serveAppRequest(root, { url: 'app://yardstick/assets/index-abc123.js', method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(response.body).toBeNull();
  });

  it('knows the content types Vite emits', () => {
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.WOFF2')).toBe('font/woff2');
    expect(contentTypeFor('a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
