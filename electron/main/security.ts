// Every security decision of the desktop shell, as data and pure functions. This module must not
// import 'electron' (not even types): vitest runs it under plain Node, and the glue in window.ts and
// ipc.ts checks these shapes against Electron's own types where they are used.

/** The custom scheme the renderer is served from; never file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'yardstick';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * How `app://` is registered before `ready`. Standard + secure gives it a real origin, storage
 * and relative URLs; corsEnabled stays off so no other origin can read from it.
 */
export const APP_SCHEME_REGISTRATION = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
    corsEnabled: false,
    bypassCSP: false,
    allowServiceWorkers: false,
    stream: false,
  },
} as const;

/** webPreferences of every window we open: isolated, sandboxed, no Node in the page. */
export function secureWebPreferences(options: { preloadPath: string; isDevelopment: boolean }) {
  return {
    preload: options.preloadPath,
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
    safeDialogs: true,
    spellcheck: false,
    devTools: options.isDevelopment,
  } as const;
}

/**
 * Content-Security-Policy sent with every app:// response. Styles allow 'unsafe-inline' because
 * AG Grid and ECharts inject style elements at run time; scripts never do.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'child-src': ["'none'"],
  'media-src': ["'none'"],
  'manifest-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/** Headers added to every response of the app:// protocol. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

/**
 * The origin of a URL, computed by hand: Node's URL gives "null" for schemes it does not know as
 * special (app:), while Chromium, where app:// is registered as standard, gives "app://yardstick".
 */
export function originOf(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/**
 * Origins whose pages may talk to main: app://yardstick, plus the electron-vite dev server only
 * when running unpackaged and only when it is on loopback http.
 */
export function trustedOrigins(options: { isPackaged: boolean; devServerUrl?: string | undefined }): readonly string[] {
  const origins = [APP_ORIGIN];
  if (!options.isPackaged && options.devServerUrl) {
    const devOrigin = loopbackHttpOrigin(options.devServerUrl);
    if (devOrigin) origins.push(devOrigin);
  }
  return origins;
}

/** The page the main window loads: app://yardstick/index.html, or the trusted dev server. */
export function entryUrl(options: { isPackaged: boolean; devServerUrl?: string | undefined }): string {
  if (!options.isPackaged && options.devServerUrl && loopbackHttpOrigin(options.devServerUrl)) return options.devServerUrl;
  return APP_ENTRY_URL;
}

function loopbackHttpOrigin(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:') return null;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)) return null;
  return parsed.origin;
}

export function isTrustedUrl(url: string | null | undefined, origins: readonly string[] = [APP_ORIGIN]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}

/**
 * Whether a window may navigate to `url`. Only our own pages; everything else (http, https, file,
 * data, javascript, another app:// host) is refused. Links never open inside the app.
 */
export function isAllowedNavigation(url: string, origins: readonly string[] = [APP_ORIGIN]): boolean {
  return isTrustedUrl(url, origins);
}

/**
 * https origins whose links are handed to the system browser (window.open or target=_blank).
 * Empty: the analysts' laptops are offline and the app links nowhere.
 */
export const EXTERNAL_LINK_ALLOWLIST: readonly string[] = [];

export function shouldOpenExternally(url: string, allowlist: readonly string[] = EXTERNAL_LINK_ALLOWLIST): boolean {
  if (!url.startsWith('https://')) return false;
  const origin = originOf(url);
  return origin !== null && allowlist.includes(origin);
}

/** What main knows about the frame behind an IPC call. */
export interface SenderFacts {
  /** event.senderFrame?.url; null when the frame is gone. */
  readonly frameUrl: string | null | undefined;
  /** The frame is a top-level frame (no parent). */
  readonly isMainFrame: boolean;
  /** The webContents is the one of our main window. */
  readonly isOurWindow: boolean;
}

/** The sender check done before anything else on every IPC call. */
export function isTrustedSender(sender: SenderFacts | null | undefined, origins: readonly string[] = [APP_ORIGIN]): boolean {
  if (!sender) return false;
  return sender.isOurWindow && sender.isMainFrame && isTrustedUrl(sender.frameUrl, origins);
}

/**
 * Web permissions our own page may use; every other permission, and every request from any other
 * origin, is denied. The async clipboard's write needs this one ("copy the briefing sentence",
 * "copy chart"); Chromium asks for it before each navigator.clipboard.write.
 */
export const GRANTED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

export function isPermissionGranted(
  permission: string,
  requestingUrl: string | null | undefined,
  origins: readonly string[] = [APP_ORIGIN],
): boolean {
  return GRANTED_PERMISSIONS.includes(permission) && isTrustedUrl(requestingUrl, origins);
}

const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

/**
 * Whether the session should cancel a request: anything on the network except the loopback dev
 * server in development. A second line behind the CSP.
 */
export function shouldBlockRequest(url: string, origins: readonly string[] = [APP_ORIGIN]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (!NETWORK_SCHEMES.has(parsed.protocol)) return false;
  if (parsed.protocol === 'ws:') {
    // Vite's HMR socket lives on the dev server's host and port.
    return !origins.includes(`http://${parsed.host}`);
  }
  return !isTrustedUrl(url, origins);
}
