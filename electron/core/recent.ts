// The list of recently opened workspace files. It lives outside every workspace (a JSON file in the
// user's data folder), so it survives opening another file and is the same for every workspace.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** How many files the list keeps, most recent first. */
export const RECENT_LIMIT = 10;

/** The name of the list in the data folder (Electron's userData, or the browser edition's data folder). */
export const RECENT_FILE_NAME = 'recent-workspaces.json';

export interface RecentEntry {
  /** Absolute path as it was opened (symbolic links resolved when the file existed). */
  readonly path: string;
  readonly fileName: string;
  /** ISO time the file was last opened or saved. */
  readonly openedAt: string;
}

export interface RecentWorkspace extends RecentEntry {
  /** False when the file is no longer there (moved, deleted, a drive not mounted). */
  readonly exists: boolean;
}

/** The same file however it was named: resolved, links followed, case folded where the file system folds it. */
export function recentKey(filePath: string, platform: NodeJS.Platform = process.platform): string {
  const resolved = resolvePath(filePath);
  return platform === 'win32' || platform === 'darwin' ? resolved.toLowerCase() : resolved;
}

function resolvePath(filePath: string): string {
  const absolute = path.resolve(filePath);
  try {
    return fs.realpathSync.native(absolute);
  } catch {
    return absolute;
  }
}

function isEntry(value: unknown): value is RecentEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { path: filePath, fileName, openedAt } = value as Record<string, unknown>;
  return typeof filePath === 'string' && filePath.length > 0 && filePath.length <= 4096 && typeof fileName === 'string' && typeof openedAt === 'string';
}

/** Adds `filePath` at the top, dropping an older entry for the same file and anything past the limit. Pure. */
export function withOpened(entries: readonly RecentEntry[], filePath: string, now: Date, platform: NodeJS.Platform = process.platform): RecentEntry[] {
  const resolved = resolvePath(filePath);
  const key = recentKey(resolved, platform);
  const opened: RecentEntry = { path: resolved, fileName: path.basename(resolved), openedAt: now.toISOString() };
  return [opened, ...entries.filter((entry) => recentKey(entry.path, platform) !== key)].slice(0, RECENT_LIMIT);
}

/**
 * The recent list in one JSON file. Every call reads the file afresh (the desktop menu and the
 * renderer may ask in turn) and every change is written to a temporary file that is then renamed
 * over the list, so a crash mid-write leaves the old list or the new one, never half of either.
 * A damaged or missing list reads as empty; a failure to write never stops a workspace from opening.
 */
export class RecentWorkspaces {
  constructor(
    readonly listPath: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** The stored entries, most recent first, each with whether its file still exists. */
  list(): RecentWorkspace[] {
    return this.read().map((entry) => ({ ...entry, exists: isFile(entry.path) }));
  }

  /** Records that `filePath` was opened (or saved as) now. */
  remember(filePath: string, now = new Date()): void {
    this.write(withOpened(this.read(), filePath, now, this.platform));
  }

  /** remember(), for callers that must go on when the list cannot be written: the failure is logged. */
  rememberSafely(filePath: string): void {
    try {
      this.remember(filePath);
    } catch (error) {
      console.error('[yardstick] could not update the recent-workspaces list:', this.listPath, error);
    }
  }

  /** Removes one file from the list (however it is spelled); returns what remains. */
  forget(filePath: string): RecentWorkspace[] {
    const key = recentKey(filePath, this.platform);
    const entries = this.read();
    const kept = entries.filter((entry) => recentKey(entry.path, this.platform) !== key && entry.path !== filePath);
    if (kept.length !== entries.length) this.write(kept);
    return this.list();
  }

  /** Removes every entry whose file is gone; returns what remains. */
  forgetMissing(): RecentWorkspace[] {
    const entries = this.read();
    const kept = entries.filter((entry) => isFile(entry.path));
    if (kept.length !== entries.length) this.write(kept);
    return this.list();
  }

  clear(): RecentWorkspace[] {
    this.write([]);
    return [];
  }

  private read(): RecentEntry[] {
    let text: string;
    try {
      text = fs.readFileSync(this.listPath, 'utf8');
    } catch {
      return [];
    }
    try {
      const parsed: unknown = JSON.parse(text);
      const entries: unknown = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'workspaces') : undefined;
      return Array.isArray(entries) ? entries.filter(isEntry).slice(0, RECENT_LIMIT) : [];
    } catch {
      return [];
    }
  }

  private write(entries: readonly RecentEntry[]): void {
    fs.mkdirSync(path.dirname(this.listPath), { recursive: true });
    const temporary = `${this.listPath}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      fs.writeFileSync(temporary, `${JSON.stringify({ version: 1, workspaces: entries }, null, 2)}\n`, { encoding: 'utf8', flush: true });
      fs.renameSync(temporary, this.listPath);
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      throw error;
    }
  }
}

function isFile(filePath: string): boolean {
  try {
    return fs.statSync(filePath).isFile();
  } catch {
    return false;
  }
}
