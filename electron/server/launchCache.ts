import type { Backend } from '../core/backend';
import type { Workspace } from '../core/workspace';

/**
 * The working copy's `series.columns` answer (what the table and the overview need at launch, and
 * at 200,000 observations about a second of query, encoding and output validation), kept as the
 * JSON text sent, for as long as the workspace is unchanged.
 *
 * The answer is keyed by the open workspace (a workspace opened, restored or saved-as is another
 * object), the count of rows this connection has written (every edit, paste, undo, import, restore
 * or catalogue change moves it, committed or not), and SQLite's data_version (which moves when another
 * connection, such as an import worker's, commits to the file). A key that moves while the answer is
 * computed leaves nothing stored. So a cached answer is only ever one computed from the state the
 * workspace is in now.
 */
export interface LaunchCache {
  /** The JSON envelope to send for `series.columns` with this input, or null to dispatch as usual. */
  answer(input: unknown): Promise<string | null>;
  /** Computes the answer now if it is not cached (the host calls it once the workspace is open). */
  warm(): Promise<void>;
}

interface Entry {
  workspace: Workspace;
  key: string;
  text: string;
}

/** The working copy, all of it: the only query the launch sends (filters and snapshots are not kept). */
function isWholeWorkingCopy(input: unknown): boolean {
  return typeof input === 'object' && input !== null && !Array.isArray(input) && Object.keys(input).length === 0;
}

function keyOf(workspace: Workspace): string {
  const dataVersion = workspace.db.pragma('data_version', { simple: true }) as number;
  return `${workspace.revision() ?? 'unchanged'}|${dataVersion}`;
}

export function createLaunchCache(backend: Backend): LaunchCache {
  let entry: Entry | null = null;

  async function compute(): Promise<string | null> {
    const workspace = backend.current();
    if (!workspace) return null;
    const key = keyOf(workspace);
    if (entry && entry.workspace === workspace && entry.key === key) return entry.text;
    entry = null;
    const result = await backend.dispatch('series.columns', {});
    const text = JSON.stringify(result);
    // A failure is not kept; an answer only if nothing was written meanwhile (the handler runs
    // synchronously, so this is a safeguard).
    if (result.ok && backend.current() === workspace && keyOf(workspace) === key) entry = { workspace, key, text };
    return text;
  }

  return {
    answer: (input) => (isWholeWorkingCopy(input) ? compute() : Promise.resolve(null)),
    warm: async () => {
      await compute();
    },
  };
}
