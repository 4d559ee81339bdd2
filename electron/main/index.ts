// The Electron main process: lifecycle and wiring only. Decisions live in the pure modules beside
// this file (security, appProtocol, menuTemplate, ipcHandlers, runtimePaths), tested under Node.
import { app, BrowserWindow, dialog, Menu, protocol, session, type MessageBoxOptions } from 'electron';
import { AUTO_BACKUP_INTERVAL_MS, createBackend, type Backend } from '../core/backend';
import { serveAppRequest } from './appProtocol';
import { registerIpc, sendMenuCommand } from './ipc';
import { buildMenuTemplate, menuLanguageFor, type MenuLanguage } from './menuTemplate';
import { aboutText, startupFailureText } from './messages';
import { nativeBindingPath, preloadPath, rendererRoot, workspacePathFromArgv } from './runtimePaths';
import { APP_SCHEME, APP_SCHEME_REGISTRATION, entryUrl, trustedOrigins } from './security';
import { createMainWindow, hardenSession, hardenWebContents } from './window';

const isDevelopment = !app.isPackaged;
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const origins = trustedOrigins({ isPackaged: app.isPackaged, devServerUrl });

// Both must happen before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_REGISTRATION]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
let language: MenuLanguage = 'en';

function openMainWindow(): void {
  const window = createMainWindow({
    preloadPath: preloadPath(app.getAppPath()),
    isDevelopment,
    url: entryUrl({ isPackaged: app.isPackaged, devServerUrl }),
    title: language === 'zh-CN' ? '对标 Yardstick' : 'Yardstick',
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
}

function registerAppProtocol(): void {
  const root = rendererRoot(app.getAppPath());
  protocol.handle(APP_SCHEME, async (request) => {
    try {
      const response = await serveAppRequest(root, { url: request.url, method: request.method });
      return new Response(response.body, { status: response.status, headers: response.headers });
    } catch (error) {
      console.error('[app protocol] failed to serve', request.url.slice(0, 200), error);
      return new Response('Internal error', { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
  });
}

function showAbout(): void {
  const text = aboutText(language, {
    app: app.getVersion(),
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
  });
  const options = { type: 'info', title: text.title, message: text.message, detail: text.detail, buttons: ['OK'] } satisfies MessageBoxOptions;
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

/**
 * Opens the workspace named on the command line, else the sample (created on first launch).
 * Returns what to tell the user when that failed.
 */
function openStartupWorkspace(target: Backend): ReturnType<typeof startupFailureText> | null {
  const requested = workspacePathFromArgv(process.argv, app.isPackaged);
  const first = target.openAtStartup(requested);
  if (first.ok) return null;
  console.error('[startup] could not open', requested ?? 'the sample workspace', first.error);
  const fallback = requested ? target.openAtStartup() : first;
  return startupFailureText(language, { path: requested, ...first.error }, requested !== undefined && fallback.ok);
}

function start(): void {
  language = menuLanguageFor(app.getLocale());
  hardenSession(session.defaultSession, origins);
  registerAppProtocol();

  backend = createBackend({
    transport: 'electron',
    appVersion: app.getVersion(),
    dataDir: app.getPath('userData'),
    nativeBinding: nativeBindingPath({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath }),
    autoBackupIntervalMs: AUTO_BACKUP_INTERVAL_MS,
  });
  const startupFailure = openStartupWorkspace(backend);

  registerIpc({
    backend,
    getMainWindow: () => mainWindow,
    language,
    defaultDirectory: () => app.getPath('documents'),
    origins,
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        language,
        platform: process.platform,
        isDevelopment,
        sendCommand: (command) => sendMenuCommand(mainWindow, command),
        showAbout,
      }),
    ),
  );

  openMainWindow();
  if (startupFailure && mainWindow) {
    void dialog.showMessageBox(mainWindow, { type: 'warning', ...startupFailure });
  }
}

if (!app.requestSingleInstanceLock()) {
  // Another Yardstick is running: it gets 'second-instance' and comes to the front.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origins));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && backend && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app.on('will-quit', () => {
    backend?.close();
    backend = null;
  });
  app.whenReady().then(start).catch((error: unknown) => {
    console.error('[startup] failed', error);
    dialog.showErrorBox('Yardstick', `Yardstick could not start / 对标无法启动:\n${String(error)}`);
    app.exit(1);
  });
}
