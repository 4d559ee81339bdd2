import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AUTO_BACKUP_INTERVAL_MS, createBackend, createWorkspace } from '../core/backend';
import { RECENT_FILE_NAME } from '../core/recent';
import { startHost, type RunningHost } from './host';

export interface ServeOptions {
  /** Workspace file; the sample in the user's data folder when absent. */
  workspace?: string;
  port?: number;
  /** Create the sample workspace at `workspace` when that file does not exist yet. */
  createSample?: boolean;
  staticDir?: string;
  appVersion: string;
  /** Where the sample, backups and the recent-workspaces list live; the platform's data folder by default. */
  dataDir?: string;
}

/** The platform's per-user data folder for Yardstick (what Electron's userData would be). */
export function defaultDataDir(): string {
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Yardstick');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Yardstick');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'yardstick');
}

/**
 * The built renderer. The bundler may place this code in out/main or in out/main/chunks, so look
 * for the folder that holds index.html rather than trusting one relative path.
 */
export function defaultStaticDir(from = __dirname): string {
  const candidates = [path.join(from, '..', 'renderer'), path.join(from, '..', '..', 'renderer'), path.join(from, '..', '..', 'out', 'renderer')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? candidates[0]!;
}

/** Opens the workspace and serves the browser edition; the caller prints `launchUrl`. */
export async function serve(options: ServeOptions): Promise<RunningHost> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const backend = createBackend({
    transport: 'http',
    appVersion: options.appVersion,
    dataDir,
    autoBackupIntervalMs: AUTO_BACKUP_INTERVAL_MS,
    recentFile: path.join(dataDir, RECENT_FILE_NAME),
  });
  if (options.workspace && options.createSample && !fs.existsSync(options.workspace)) {
    createWorkspace(options.workspace, true).close();
  }
  const opened = backend.openAtStartup(options.workspace);
  if (!opened.ok) throw Object.assign(new Error(opened.error.message), { appError: opened.error });
  const host = await startHost({
    backend,
    staticDir: options.staticDir ?? defaultStaticDir(),
    port: options.port,
  });
  const close = host.close;
  return {
    ...host,
    close: async () => {
      await close();
      backend.close();
    },
  };
}
