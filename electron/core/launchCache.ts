import os from 'node:os';
import { AppFailure, type Result } from '../../shared/api/errors';
import { LAUNCH_HEAD } from '../../shared/editing/columns';
import type { Backend } from './backend';
import { defaultWorkerScript, runInWorker } from './import/runner';
import type { Workspace } from './workspace';

/**
 * The launch's reads, kept as the JSON text sent for as long as the workspace is unchanged: the
 * working copy's `series.columns` answer (what the table and the overview need, and at 200,000
 * observations about half a second of query, encoding and output validation), the table's
 * first answer, `series.head` (a small working copy whole, from the former; a large one's first
 * rows, read ahead so that the page draws them while the whole is read), and the launch's other
 * reads (LAUNCH_READS).
 *
 * The answer is keyed by the open workspace (a workspace opened, restored or saved-as is another
 * object), the count of rows this connection has written (every edit, paste, undo, import, restore
 * or catalogue change moves it, committed or not), and SQLite's data_version (which moves when another
 * connection, such as an import worker's, commits to the file). A key that moves while the answer is
 * computed leaves nothing stored. So a cached answer is only ever one computed from the state the
 * workspace is in now.
 */
export interface LaunchCache {
  /**
   * The JSON envelope to send for a request the launch makes, or null to dispatch as usual:
   * - `series.columns` for the whole working copy;
   * - the launch's `series.head`: for a small working copy, the cached `series.columns` answer as a
   *   whole table; for a large one, its first rows read ahead (see warm);
   * - each of LAUNCH_READS, without input, read ahead.
   * Each only for the workspace in its present state.
   */
  lookup(method: string, input: unknown): Promise<string | null>;
  /**
   * Reads ahead now what is not cached (the host calls it once the workspace is open): LAUNCH_READS
   * and a large working copy's first rows on this thread; the whole working copy off the host's
   * thread when the cache was given a way to, so the page and its scripts are served meanwhile, or
   * else on it when it is small.
   */
  warm(): Promise<void>;
}

/**
 * The launch's other requests, each without input: read ahead with the table's first answer and
 * answered from memory. The page sends them with `series.head`, and the host answers them one after
 * another on its thread. At 200,000 observations `app.info` counts the working copy (15–40 ms in a
 * quiet process), and while the page loads Chromium takes both cores of the benchmark machine: the
 * four took 171–542 ms from the first asked to the last answered (five launches), 18–41 ms from memory.
 */
export const LAUNCH_READS: ReadonlySet<string> = new Set(['app.info', 'catalog.get', 'snapshot.list']);

/** Answers read ahead on the host's thread, by method, for the workspace in the state `key` names. */
interface AheadEntry {
  workspace: Workspace;
  key: string;
  texts: Map<string, string>;
}

interface Entry {
  workspace: Workspace;
  key: string;
  text: string;
}

/** How every successful envelope begins (JSON.stringify of `{ ok: true, value }`). */
const OK_PREFIX = '{"ok":true,"value":';

/** An input with nothing in it: the working copy, all of it, for series.columns (filters and snapshots are not kept). */
function isEmptyInput(input: unknown): boolean {
  return typeof input === 'object' && input !== null && !Array.isArray(input) && Object.keys(input).length === 0;
}

function keyOf(workspace: Workspace): string {
  const dataVersion = workspace.db.pragma('data_version', { simple: true }) as number;
  return `${workspace.revision() ?? 'unchanged'}|${dataVersion}`;
}

/**
 * Computes the working copy's `series.columns` envelope (JSON text) for the workspace file at a
 * path, off the host's thread. The host passes one that runs in a worker thread; without one the
 * cache computes on the host's thread.
 */
export type OffThreadColumns = (workspacePath: string) => Promise<string>;

/** An answer being computed off the thread, for the workspace in the state `key` names. */
interface Pending {
  workspace: Workspace;
  key: string;
  text: Promise<string | null>;
}

export function createLaunchCache(backend: Backend, offThread?: OffThreadColumns): LaunchCache {
  let entry: Entry | null = null;
  let pending: Pending | null = null;
  /** LAUNCH_READS and a large working copy's `series.head`, read ahead. */
  let ahead: AheadEntry | null = null;

  /** Whether a kept or pending answer is that of `workspace` in the state `key` names. */
  const isFor = (item: { workspace: Workspace; key: string } | null, workspace: Workspace, key: string): boolean =>
    item !== null && item.workspace === workspace && item.key === key;
  /** Whether `workspace` is still the open one and in the state `key` names. */
  const isCurrent = (workspace: Workspace, key: string): boolean => backend.current() === workspace && keyOf(workspace) === key;

  async function compute(): Promise<string | null> {
    const workspace = backend.current();
    if (!workspace) return null;
    const key = keyOf(workspace);
    if (entry && isFor(entry, workspace, key)) return entry.text;
    entry = null;
    // An answer on its way from the worker serves if nothing has been written since it was asked for.
    if (pending && isFor(pending, workspace, key)) {
      const text = await pending.text;
      if (text !== null && isCurrent(workspace, key)) return text;
      return compute();
    }
    const result = await backend.dispatch('series.columns', {});
    const text = JSON.stringify(result);
    // A failure is not kept; an answer only if nothing was written meanwhile (the handler runs
    // synchronously, so this is a safeguard).
    if (result.ok && isCurrent(workspace, key)) entry = { workspace, key, text };
    return text;
  }

  /**
   * Asks the worker for the answer. Its connection reads the file at some moment after the key
   * was taken; if the key has not moved by the time it answers, nothing was committed in between
   * (an edit moves the revision, another connection's commit moves data_version), so the answer is
   * that of the state the key names. Otherwise, or on a failure, nothing is kept.
   */
  function warmOffThread(workspace: Workspace, run: OffThreadColumns): Promise<void> {
    const key = keyOf(workspace);
    const asked: Pending = {
      workspace,
      key,
      text: run(workspace.filePath).then(
        (text) => (text.startsWith(OK_PREFIX) ? text : null),
        (error: unknown) => {
          console.error('[yardstick] reading the working copy off the thread failed; reading it on request instead:', error);
          return null;
        },
      ),
    };
    pending = asked;
    return asked.text.then((text) => {
      if (pending === asked) pending = null;
      if (text !== null && isCurrent(workspace, key)) entry = { workspace, key, text };
    });
  }

  /** The launch's own request (shared/editing/columns.ts), the only one read ahead. */
  const isLaunchHead = (input: unknown): boolean => {
    if (typeof input !== 'object' || input === null) return false;
    const { rows, over, ...rest } = input as Record<string, unknown>;
    return rows === LAUNCH_HEAD.rows && over === LAUNCH_HEAD.over && Object.keys(rest).length === 0;
  };

  /**
   * Reads LAUNCH_READS and, for a large working copy, its first rows (about 0.1 s at 200,000) on
   * this thread; none is kept if any fails or the workspace changes meanwhile.
   */
  async function warmAhead(workspace: Workspace, isLarge: boolean): Promise<void> {
    const key = keyOf(workspace);
    const requests = [...LAUNCH_READS].map((method): [string, unknown] => [method, {}]);
    if (isLarge) requests.push(['series.head', LAUNCH_HEAD]);
    const texts = new Map<string, string>();
    for (const [method, input] of requests) {
      const result = await backend.dispatch(method, input);
      if (!result.ok) return;
      texts.set(method, JSON.stringify(result));
    }
    if (isCurrent(workspace, key)) ahead = { workspace, key, texts };
  }

  /** A read-ahead answer for the workspace in its present state, if there is one. */
  function readAhead(method: string): string | null {
    const workspace = backend.current();
    return workspace && ahead && isFor(ahead, workspace, keyOf(workspace)) ? (ahead.texts.get(method) ?? null) : null;
  }

  /** The launch's `series.head`: a small working copy whole, from the cached series.columns answer; a large one's first rows, read ahead. */
  async function head(input: unknown): Promise<string | null> {
    const workspace = backend.current();
    if (!workspace || !isLaunchHead(input)) return null;
    if (!workspace.observations.isWorkingAtMost(LAUNCH_HEAD.over)) return readAhead('series.head');
    // The whole table: the envelope `{"ok":true,"value":COLUMNS}` becomes `{"ok":true,"value":{"complete":true,"columns":COLUMNS}}`.
    const text = await compute();
    return text?.startsWith(OK_PREFIX) ? `${OK_PREFIX}{"complete":true,"columns":${text.slice(OK_PREFIX.length, -1)}}}` : null;
  }

  return {
    lookup: async (method, input) => {
      if (method === 'series.columns') return isEmptyInput(input) ? compute() : null;
      if (method === 'series.head') return head(input);
      return LAUNCH_READS.has(method) && isEmptyInput(input) ? readAhead(method) : null;
    },
    warm: async () => {
      const workspace = backend.current();
      if (!workspace) return;
      const key = keyOf(workspace);
      // The worker, if there is one, starts reading the whole first, so that a page asking for it
      // meanwhile waits for that read instead of reading again here. Without a worker a large working
      // copy is not read ahead: its first rows must not wait on this thread behind the whole of it
      // (about half a second at 200,000), which the page asks for once they are drawn.
      const offThreadRead = offThread && !isFor(entry, workspace, key) && !isFor(pending, workspace, key) ? warmOffThread(workspace, offThread) : null;
      const isLarge = !workspace.observations.isWorkingAtMost(LAUNCH_HEAD.over);
      await warmAhead(workspace, isLarge);
      // compute() serves a kept answer and waits for one on its way.
      if (offThreadRead) await offThreadRead;
      else if (!isLarge) await compute();
    },
  };
}

/** runInWorker's cancellation error; the launch's read is never cancelled. */
const cancelled = (): AppFailure => new AppFailure('INTERNAL', 'Reading the working copy was cancelled.', '读取工作副本已取消。');

/**
 * Reads the working copy's columns in the import worker thread (a `columns` request, see
 * launchColumns.ts) on a machine with cores to spare; undefined (the cache computes on its own
 * thread) with two cores or fewer, or when no worker is built (unit tests, a dev tree).
 *
 * Why not always: while the page loads, Chromium's own threads (script compile, the page, raster)
 * take most of two cores. On the two-core benchmark machine the worker, which also loads its code
 * and opens its own connection, answered later than the host's thread did (200,000 observations,
 * first rows after the Table tab: median 2,778 ms with the worker against 2,383 ms without, five
 * alternating launches each; at 2,000: 1,776 against 1,701 ms). With more cores it runs beside
 * the page, and the host (or the desktop app's app:// files) is never held back by the read.
 */
export function workerColumns(
  options: { readonly workerScript?: string | null; readonly nativeBinding?: string; readonly cores?: number } = {},
): OffThreadColumns | undefined {
  if ((options.cores ?? os.availableParallelism()) <= 2) return undefined;
  const script = options.workerScript === undefined ? defaultWorkerScript() : options.workerScript;
  if (!script) return undefined;
  return (workspacePath) => runInWorker<string>(script, { kind: 'columns', workspacePath, nativeBinding: options.nativeBinding }, {}, cancelled);
}

/**
 * The backend's dispatch with the launch's `series.columns` answered from the cache, for a transport
 * that sends values rather than text (the desktop app's IPC).
 */
export function withLaunchCache(backend: Pick<Backend, 'dispatch'>, cache: LaunchCache): Pick<Backend, 'dispatch'> {
  return {
    dispatch: async (method, input) => {
      const cached = await cache.lookup(method, input);
      return cached === null ? backend.dispatch(method, input) : (JSON.parse(cached) as Result<unknown>);
    },
  };
}
