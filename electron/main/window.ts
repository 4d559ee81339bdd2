// Electron glue for windows and sessions; every decision comes from security.ts.
import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import {
  isAllowedNavigation,
  isPermissionGranted,
  secureWebPreferences,
  shouldBlockRequest,
  shouldOpenExternally,
} from './security';

/** Denies permissions (except clipboard writes from our page), devices and network requests. */
export function hardenSession(target: Session, origins: readonly string[]): void {
  target.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, origins));
  });
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, details.requestingUrl ?? requestingOrigin, origins),
  );
  target.setDevicePermissionHandler(() => false);
  target.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (details, callback) => {
    callback({ cancel: shouldBlockRequest(details.url, origins) });
  });
}

/** Applied to every webContents the app creates (app 'web-contents-created'), not only ours. */
export function hardenWebContents(contents: WebContents, origins: readonly string[]): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (shouldOpenExternally(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (!isAllowedNavigation(event.url, origins)) {
      event.preventDefault();
      console.warn('[security] navigation refused:', event.url.slice(0, 200));
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
}

export function createMainWindow(options: { preloadPath: string; isDevelopment: boolean; url: string; title: string }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: options.title,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences({ preloadPath: options.preloadPath, isDevelopment: options.isDevelopment }),
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error('[window] renderer process gone:', details.reason, details.exitCode);
  });
  void window.loadURL(options.url).catch((error: unknown) => {
    console.error('[window] could not load', options.url, error);
  });
  return window;
}
