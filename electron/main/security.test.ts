import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_RESPONSE_HEADERS,
  APP_SCHEME_REGISTRATION,
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  entryUrl,
  isAllowedNavigation,
  isPermissionGranted,
  isTrustedSender,
  originOf,
  secureWebPreferences,
  shouldBlockRequest,
  shouldOpenExternally,
  trustedOrigins,
} from './security';

describe('webPreferences', () => {
  it('isolates and sandboxes the page, with no Node, webviews or insecure content', () => {
    const preferences = secureWebPreferences({ preloadPath: '/app/out/preload/index.cjs', isDevelopment: false });
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('allows developer tools only in development', () => {
    expect(secureWebPreferences({ preloadPath: 'p', isDevelopment: true }).devTools).toBe(true);
  });
});

describe('app:// scheme', () => {
  it('is standard and secure but neither CORS-readable by others nor CSP-exempt', () => {
    expect(APP_SCHEME_REGISTRATION.scheme).toBe('app');
    expect(APP_SCHEME_REGISTRATION.privileges).toMatchObject({ standard: true, secure: true, corsEnabled: false, bypassCSP: false, allowServiceWorkers: false });
    expect(APP_ENTRY_URL).toBe('app://yardstick/index.html');
  });
});

describe('Content-Security-Policy', () => {
  const directive = (name: string) => CONTENT_SECURITY_POLICY.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${name} `));

  it("has default-src 'self' and scripts only from our origin", () => {
    expect(directive('default-src')).toBe("default-src 'self'");
    expect(directive('script-src')).toBe("script-src 'self'");
  });

  it('never allows eval, inline scripts or remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(directive('script-src')).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|wss?:/);
  });

  it('forbids plugins, frames, base rewriting and form posts', () => {
    for (const name of ['object-src', 'frame-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(CSP_DIRECTIVES[name]).toEqual(["'none'"]);
    }
  });

  it('is sent with every app:// response, with nosniff', () => {
    expect(APP_RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(APP_RESPONSE_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('origins', () => {
  it('computes app:// origins by hand (Node says "null" for them)', () => {
    expect(originOf('app://yardstick/index.html#/table')).toBe(APP_ORIGIN);
    expect(originOf('APP://YARDSTICK/x')).toBe(APP_ORIGIN);
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('not a url')).toBeNull();
    expect(originOf(null)).toBeNull();
    expect(originOf('app://user:pw@yardstick/')).toBeNull();
  });

  it('trusts the dev server only unpackaged and only on loopback http', () => {
    expect(trustedOrigins({ isPackaged: true, devServerUrl: 'http://localhost:5173' })).toEqual([APP_ORIGIN]);
    expect(trustedOrigins({ isPackaged: false, devServerUrl: 'http://localhost:5173/' })).toEqual([APP_ORIGIN, 'http://localhost:5173']);
    expect(trustedOrigins({ isPackaged: false, devServerUrl: 'http://evil.example:5173' })).toEqual([APP_ORIGIN]);
    expect(trustedOrigins({ isPackaged: false, devServerUrl: 'https://127.0.0.1:5173' })).toEqual([APP_ORIGIN]);
    expect(trustedOrigins({ isPackaged: false })).toEqual([APP_ORIGIN]);
  });

  it('loads app://yardstick/index.html unless a trusted dev server is set', () => {
    expect(entryUrl({ isPackaged: true, devServerUrl: 'http://localhost:5173' })).toBe(APP_ENTRY_URL);
    expect(entryUrl({ isPackaged: false, devServerUrl: 'http://localhost:5173' })).toBe('http://localhost:5173');
    expect(entryUrl({ isPackaged: false, devServerUrl: 'http://example.com' })).toBe(APP_ENTRY_URL);
  });
});

describe('navigation', () => {
  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/#token=abc',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'app://other-host/index.html',
    'app://yardstick.evil.example/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('is refused for %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('stays possible within our own pages', () => {
    expect(isAllowedNavigation('app://yardstick/index.html')).toBe(true);
  });

  it('never opens links externally: the allowlist is empty', () => {
    expect(shouldOpenExternally('https://www.lishui.gov.cn/')).toBe(false);
    expect(shouldOpenExternally('http://example.com/')).toBe(false);
    expect(shouldOpenExternally('file:///etc/passwd', ['file://'])).toBe(false);
    expect(shouldOpenExternally('https://stats.example/', ['https://stats.example'])).toBe(true);
  });
});

describe('IPC sender check', () => {
  const ours = { frameUrl: 'app://yardstick/index.html#/table', isMainFrame: true, isOurWindow: true };

  it('accepts the main frame of our window on app://yardstick', () => {
    expect(isTrustedSender(ours)).toBe(true);
  });

  it.each([
    ['no sender frame', null],
    ['undefined sender', undefined],
    ['a destroyed frame (no URL)', { ...ours, frameUrl: null }],
    ['a sub-frame', { ...ours, isMainFrame: false }],
    ['another window', { ...ours, isOurWindow: false }],
    ['a web page', { ...ours, frameUrl: 'https://evil.example/' }],
    ['a local file', { ...ours, frameUrl: 'file:///tmp/x.html' }],
    ['another app host', { ...ours, frameUrl: 'app://other/index.html' }],
    ['about:blank', { ...ours, frameUrl: 'about:blank' }],
    ['the dev server when it is not trusted', { ...ours, frameUrl: 'http://localhost:5173/' }],
  ])('rejects %s', (_name, sender) => {
    expect(isTrustedSender(sender)).toBe(false);
  });

  it('accepts the dev server only when it is among the trusted origins', () => {
    const dev = { ...ours, frameUrl: 'http://localhost:5173/' };
    expect(isTrustedSender(dev, [APP_ORIGIN, 'http://localhost:5173'])).toBe(true);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'hid', 'serial', 'usb', 'display-capture', 'unknown'])(
    'denies %s even to our own page',
    (permission) => {
      expect(isPermissionGranted(permission, 'app://yardstick/index.html')).toBe(false);
    },
  );

  it('lets only our own page write to the clipboard', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://yardstick/index.html')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://yardstick')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', undefined)).toBe(false);
  });
});

describe('network requests', () => {
  it('blocks every http(s)/ws request in a packaged app', () => {
    expect(shouldBlockRequest('https://example.com/font.woff2')).toBe(true);
    expect(shouldBlockRequest('http://127.0.0.1:8080/api/app.info')).toBe(true);
    expect(shouldBlockRequest('wss://example.com/socket')).toBe(true);
  });

  it('lets the trusted dev server and its HMR socket through in development', () => {
    const origins = [APP_ORIGIN, 'http://localhost:5173'];
    expect(shouldBlockRequest('http://localhost:5173/src/main.tsx', origins)).toBe(false);
    expect(shouldBlockRequest('ws://localhost:5173/', origins)).toBe(false);
    expect(shouldBlockRequest('http://localhost:5174/', origins)).toBe(true);
  });

  it('leaves our own scheme alone', () => {
    expect(shouldBlockRequest('app://yardstick/assets/index.js')).toBe(false);
  });
});
