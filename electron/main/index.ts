// The Electron main process: lifecycle and wiring only. Decisions live in the pure modules beside
// this file (security, appProtocol, menuTemplate, ipcHandlers, runtimePaths), tested under Node.
import { app, BrowserWindow, dialog, Menu, protocol, session, type MessageBoxOptions } from 'electron';
import path from 'node:path';
import { contract } from '../../shared/api/contract';
import { AUTO_BACKUP_INTERVAL_MS, createBackend, type Backend } from '../core/backend';
import { createLaunchCache, withLaunchCache, workerColumns } from '../core/launchCache';
import { RECENT_FILE_NAME } from '../core/recent';
import { serveAppRequest } from './appProtocol';
import { registerIpc, sendMenuCommand } from './ipc';
import { buildMenuTemplate, menuLanguageFor, routeEditAction, type EditAction, type MenuLanguage, type RecentMenuEntry } from './menuTemplate';
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
/** Whether focus in the window is in a text field (the renderer reports it); decides Edit › Undo. */
let isTextFocused = false;

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

/** Edit › Undo/Redo: the text field's own undo while one has focus, else the workspace's log. */
function runEditAction(action: EditAction): void {
  const route = routeEditAction(action, isTextFocused);
  if (route.kind === 'command') return sendMenuCommand(mainWindow, route.command);
  const contents = mainWindow?.webContents;
  if (!contents || contents.isDestroyed()) return;
  if (action === 'undo') contents.undo();
  else contents.redo();
}

/** The recent files as the backend reports them; none when it cannot say. */
async function recentFiles(): Promise<RecentMenuEntry[]> {
  const result = await backend?.dispatch('workspace.recent', {});
  const parsed = result?.ok ? contract['workspace.recent'].output.safeParse(result.value) : undefined;
  return parsed?.success ? parsed.data : [];
}

/** (Re)builds the application menu; File › Open Recent follows the recent list. */
async function refreshMenu(): Promise<void> {
  const recent = await recentFiles();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        language,
        platform: process.platform,
        isDevelopment,
        sendCommand: (command, argument) => sendMenuCommand(mainWindow, command, argument),
        showAbout,
        recent,
        forgetRecent: (request) => void backend?.dispatch('workspace.forgetRecent', request).then(refreshMenuLogged),
        editAction: runEditAction,
      }),
    ),
  );
}

function refreshMenuLogged(): void {
  refreshMenu().catch((error: unknown) => console.error('[menu] could not rebuild the menu', error));
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

  const nativeBinding = nativeBindingPath({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath });
  backend = createBackend({
    transport: 'electron',
    appVersion: app.getVersion(),
    dataDir: app.getPath('userData'),
    nativeBinding,
    autoBackupIntervalMs: AUTO_BACKUP_INTERVAL_MS,
    recentFile: path.join(app.getPath('userData'), RECENT_FILE_NAME),
  });
  const startupFailure = openStartupWorkspace(backend);
  // The launch's reads start once the window is on its way (see LaunchCache.warm): the app's info,
  // the catalogue, the snapshots and a large working copy's first rows on this thread, and the whole
  // working copy in a worker thread where there are cores to spare, else on this thread when it is
  // small (see workerColumns). The renderer's first requests are answered from them.
  const launchCache = createLaunchCache(backend, workerColumns({ nativeBinding }));
  setImmediate(() => void launchCache.warm().catch((error: unknown) => console.error('[startup] reading the working copy ahead failed:', error)));

  registerIpc({
    backend: withLaunchCache(backend, launchCache),
    getMainWindow: () => mainWindow,
    language,
    // Save and export dialogs start next to the open workspace.
    defaultDirectory: () => {
      const open = backend?.current();
      return open ? path.dirname(open.filePath) : app.getPath('documents');
    },
    origins,
    onRecentChanged: refreshMenuLogged,
    onTextFocus: (focused) => {
      isTextFocused = focused;
    },
  });

  refreshMenuLogged();
  // A file may vanish while the app is in the background: Open Recent marks it when the app comes back.
  app.on('browser-window-focus', refreshMenuLogged);

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
