import { contract } from '../../shared/api/contract';
import type { Result } from '../../shared/api/errors';
import { toAppError } from './appError';
import { queryColumns } from './gridQuery';
import { setIntegrityCheckOnOpen, setNativeBinding } from './store/open';
import { Workspace } from './workspace';

/**
 * The answer of `series.columns` for the whole working copy, as the JSON envelope the backend would
 * send, read on a connection of its own. On a machine with more than two cores the hosts run it in
 * a worker thread as they start (see launchCache.ts): at 200,000 observations the query takes the
 * better part of a second, which on the host's own thread holds back the page and its scripts.
 *
 * The file is the one the app has open (and has checked and migrated); this connection only reads,
 * in one read transaction, so the answer is the state of one moment.
 */
export function workingCopyColumnsText(workspacePath: string, nativeBinding?: string): string {
  setNativeBinding(nativeBinding);
  setIntegrityCheckOnOpen(false);
  let result: Result<unknown>;
  let workspace: Workspace | undefined;
  try {
    workspace = Workspace.open(workspacePath);
    const opened = workspace;
    const value = opened.db.transaction(() => queryColumns(opened, {}))();
    result = { ok: true, value: contract['series.columns'].output.parse(value) };
  } catch (error) {
    result = { ok: false, error: toAppError(error, 'series.columns') };
  } finally {
    workspace?.close();
  }
  return JSON.stringify(result);
}
