import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/api/errors';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

/** PRAGMA application_id of a Yardstick workspace: ASCII "YARD". */
export const YARDSTICK_APPLICATION_ID = 0x59415244;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type Db = Database.Database;

let nativeBinding: string | undefined;

/**
 * The packaged desktop app loads better-sqlite3's Electron build from its resources (built at
 * packaging time); under Node the default build is used.
 */
export function setNativeBinding(bindingPath: string | undefined): void {
  nativeBinding = bindingPath;
}

function openDatabase(file: string, options: Database.Options = {}): Db {
  return new Database(file, nativeBinding ? { ...options, nativeBinding } : options);
}

let isIntegrityChecked = true;

/**
 * Whether opening a workspace runs SQLite's integrity check (it reads the whole file: seconds for a
 * large workspace). Per thread: only the import worker turns it off, for the requests that only
 * read the file the app has opened, and so checked, already.
 */
export function setIntegrityCheckOnOpen(isChecked: boolean): void {
  isIntegrityChecked = isChecked;
}

/** Opens an existing workspace: every check runs before anything is written to the file. */
export function openWorkspaceFile(filePath: string): Db {
  const absolute = path.resolve(filePath);
  assertSqliteFile(absolute);
  let db: Db | undefined;
  try {
    db = openDatabase(absolute, { fileMustExist: true });
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== YARDSTICK_APPLICATION_ID) {
      throw new AppFailure(
        'NOT_A_WORKSPACE',
        `${absolute} is an SQLite database but not a Yardstick workspace. Open a .sqlite file created by Yardstick, or create a new workspace.`,
        `${absolute} 是 SQLite 数据库，但不是对标工作区。请打开由对标创建的 .sqlite 文件，或新建工作区。`,
        { path: absolute },
      );
    }
    if (userVersion > LATEST_SCHEMA_VERSION) {
      throw new AppFailure(
        'WORKSPACE_TOO_NEW',
        `${absolute} was written by a newer Yardstick (schema ${userVersion}; this version reads up to ${LATEST_SCHEMA_VERSION}). Update Yardstick to open it; the file was not changed.`,
        `${absolute} 由更新版本的对标写入（结构版本 ${userVersion}，本版本最高支持 ${LATEST_SCHEMA_VERSION}）。请升级对标后再打开；文件未被修改。`,
        { path: absolute, schemaVersion: userVersion, supported: LATEST_SCHEMA_VERSION },
      );
    }
    if (isIntegrityChecked) {
      const problems = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
      if (problems.length !== 1 || problems[0]?.integrity_check !== 'ok') throw corrupt(absolute, problems.slice(0, 5));
    }
    configure(db);
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw translateSqliteError(error, absolute);
  }
}

/** Creates a new, empty workspace file; `seed` runs inside the same transaction as the schema. */
export function createWorkspaceFile(filePath: string, seed?: (db: Db) => void): Db {
  const absolute = path.resolve(filePath);
  if (fs.existsSync(absolute)) {
    throw new AppFailure(
      'FILE_EXISTS',
      `${absolute} already exists. Choose another name, or open the existing file.`,
      `${absolute} 已存在。请换一个文件名，或直接打开该文件。`,
      { path: absolute },
    );
  }
  const folder = path.dirname(absolute);
  if (!fs.existsSync(folder)) {
    throw new AppFailure(
      'FILE_NOT_FOUND',
      `The folder ${folder} does not exist. Create it first or choose another location.`,
      `文件夹 ${folder} 不存在。请先创建，或选择其他位置。`,
      { path: folder },
    );
  }
  const db = openDatabase(absolute);
  try {
    db.pragma(`application_id = ${YARDSTICK_APPLICATION_ID}`);
    configure(db);
    migrate(db, seed);
    return db;
  } catch (error) {
    db.close();
    // A half-made workspace is worse than none: remove what this call created.
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(absolute + suffix, { force: true });
    throw error;
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // WAL with synchronous=FULL: a committed edit survives power loss, not only a process kill.
  db.pragma('synchronous = FULL');
  // Reads through a memory map instead of one read() call per page: an as-of or a diff of a large
  // workspace touches pages all over the file, and on a busy machine each system call is costly.
  // Writes still go through the WAL, so a crash or a kill is as safe as before.
  db.pragma('mmap_size = 1073741824');
  // A page cache of up to 64 MB (SQLite's default is 2 MB): a large write keeps its index pages in
  // memory instead of spilling them to the WAL and reading them back (1M new cells: 33 s → 22 s).
  db.pragma('cache_size = -65536');
  // Statement journals (SQLite keeps one for each multi-row INSERT, to undo just that statement if
  // a row fails) and temporary sorts stay in memory instead of a file in /var/tmp: a million-cell
  // import wrote that file about 300,000 times, a system call each.
  db.pragma('temp_store = MEMORY');
}

/** Runs every migration above the file's user_version, each in its own transaction; `seed` joins the last one. */
export function migrate(db: Db, seed?: (db: Db) => void): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
      if (migration.version === LATEST_SCHEMA_VERSION && seed) seed(db);
    })();
  }
}

function assertSqliteFile(absolute: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    throw new AppFailure(
      'FILE_NOT_FOUND',
      `${absolute} does not exist. Check the path, or create a new workspace there.`,
      `${absolute} 不存在。请检查路径，或在该位置新建工作区。`,
      { path: absolute },
    );
  }
  if (!stat.isFile()) {
    throw new AppFailure('NOT_SQLITE', `${absolute} is a folder, not a workspace file.`, `${absolute} 是文件夹，不是工作区文件。`, {
      path: absolute,
    });
  }
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const handle = fs.openSync(absolute, 'r');
  let read = 0;
  try {
    read = fs.readSync(handle, header, 0, header.length, 0);
  } finally {
    fs.closeSync(handle);
  }
  if (read < header.length || !header.equals(SQLITE_HEADER)) {
    throw new AppFailure(
      'NOT_SQLITE',
      `${absolute} is not an SQLite database${stat.size === 0 ? ' (the file is empty)' : ''}. A Yardstick workspace is a .sqlite file; to bring in a spreadsheet, use Import.`,
      `${absolute} 不是 SQLite 数据库${stat.size === 0 ? '（文件为空）' : ''}。对标工作区是 .sqlite 文件；表格数据请使用“导入”。`,
      { path: absolute, size: stat.size },
    );
  }
}

function corrupt(absolute: string, problems: unknown[]): AppFailure {
  return new AppFailure(
    'WORKSPACE_CORRUPT',
    `${absolute} is damaged (SQLite integrity check failed). Restore it from a backup; the file was not changed.`,
    `${absolute} 已损坏（SQLite 完整性检查未通过）。请从备份恢复；文件未被修改。`,
    { path: absolute, problems },
  );
}

function translateSqliteError(error: unknown, absolute: string): unknown {
  if (error instanceof AppFailure) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_INDEX') return corrupt(absolute, [String(error)]);
  if (code === 'SQLITE_NOTADB') {
    return new AppFailure('NOT_SQLITE', `${absolute} is not an SQLite database.`, `${absolute} 不是 SQLite 数据库。`, { path: absolute });
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') {
    return new AppFailure(
      'WORKSPACE_READ_ONLY',
      `${absolute} cannot be opened for writing. Check the file's permissions or copy it to a writable folder.`,
      `${absolute} 无法以可写方式打开。请检查文件权限，或复制到可写的文件夹。`,
      { path: absolute },
    );
  }
  return error;
}
