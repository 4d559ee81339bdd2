import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../shared/api/errors';
import { backupsToDelete, DEFAULT_BACKUP_POLICY, type BackupPolicy } from '../../shared/backupPolicy';
import type { Workspace } from './workspace';

export interface BackupInfo {
  name: string;
  path: string;
  takenAt: string;
  bytes: number;
}

const STAMP = /\.(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.sqlite$/;

function stampOf(time: number): string {
  return new Date(time).toISOString().replace(/[:.]/g, '-');
}

function timeOf(name: string): number | undefined {
  const match = STAMP.exec(name);
  if (!match) return undefined;
  const [date, time] = match[1]!.split('T') as [string, string];
  const [h, m, s, ms] = time.replace('Z', '').split('-');
  return Date.parse(`${date}T${h}:${m}:${s}.${ms}Z`);
}

/** Online backups of workspaces, kept thinned in a folder per workspace under the data folder. */
export class BackupStore {
  constructor(
    private readonly dataDir: string,
    private readonly policy: BackupPolicy = DEFAULT_BACKUP_POLICY,
  ) {}

  /** One folder per workspace file, named after it and its full path (two "ws.sqlite" never mix). */
  folderFor(workspacePath: string): string {
    const digest = crypto.createHash('sha256').update(path.resolve(workspacePath)).digest('hex').slice(0, 10);
    return path.join(this.dataDir, 'backups', `${path.basename(workspacePath, '.sqlite')}-${digest}`);
  }

  list(workspacePath: string): BackupInfo[] {
    const folder = this.folderFor(workspacePath);
    if (!fs.existsSync(folder)) return [];
    return fs
      .readdirSync(folder)
      .flatMap((name) => {
        const takenAt = timeOf(name);
        if (takenAt === undefined) return [];
        const file = path.join(folder, name);
        return [{ name, path: file, takenAt: new Date(takenAt).toISOString(), bytes: fs.statSync(file).size }];
      })
      .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  }

  /** SQLite's online backup: consistent while the workspace stays open and in use. Thins afterwards. */
  async create(workspace: Workspace, now = Date.now()): Promise<BackupInfo> {
    const folder = this.folderFor(workspace.filePath);
    fs.mkdirSync(folder, { recursive: true });
    const name = `${path.basename(workspace.filePath, '.sqlite')}.${stampOf(now)}.sqlite`;
    const target = path.join(folder, name);
    await workspace.db.backup(target);
    this.thin(workspace.filePath, now);
    return this.list(workspace.filePath).find((b) => b.name === name)!;
  }

  private thin(workspacePath: string, now: number): void {
    const entries = this.list(workspacePath).map((b) => ({ name: b.name, takenAt: Date.parse(b.takenAt) }));
    const offset = new Date(now).getTimezoneOffset();
    for (const name of backupsToDelete(entries, now, this.policy, offset)) {
      fs.rmSync(path.join(this.folderFor(workspacePath), name), { force: true });
    }
  }

  /** The backup file of this workspace with this name, or a clear failure. */
  find(workspacePath: string, name: string): BackupInfo {
    const found = this.list(workspacePath).find((b) => b.name === name);
    if (!found) {
      throw new AppFailure(
        'FILE_NOT_FOUND',
        `No backup named "${name}" for ${path.basename(workspacePath)}. Choose one from the backup list.`,
        `${path.basename(workspacePath)} 没有名为“${name}”的备份。请从备份列表中选择。`,
        { name },
      );
    }
    return found;
  }
}

/**
 * Puts a backup in place of a workspace file. The backup is copied beside the workspace and
 * checked by opening it first; then the copy is renamed over the workspace (atomic on one disk).
 * The caller closes the workspace before and reopens it after.
 */
export function replaceWithBackup(workspacePath: string, backupPath: string, check: (file: string) => void): void {
  const staging = `${workspacePath}.restoring-${process.pid}.sqlite`;
  fs.copyFileSync(backupPath, staging);
  try {
    check(staging);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(staging + suffix, { force: true });
    for (const suffix of ['-wal', '-shm']) fs.rmSync(workspacePath + suffix, { force: true });
    fs.renameSync(staging, workspacePath);
  } finally {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(staging + suffix, { force: true });
  }
}
