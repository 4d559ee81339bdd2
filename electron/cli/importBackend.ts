import { contract, parseInput, type MethodName } from '../../shared/api/contract';
import { AppFailure, type Result } from '../../shared/api/errors';
import { importExportMethods } from '../../shared/api/methods/importExport';
import { toAppError } from '../core/appError';
import type { Backend } from '../core/backend';
import { importExportHandlers } from '../core/handlers/importExport';
import type { HandlerContext } from '../core/handlers/context';
import { setNativeBinding } from '../core/store/open';
import { Workspace } from '../core/workspace';
import { APP_VERSION } from '../../shared/version';

type ImportMethod = keyof typeof importExportMethods;

function isImportMethod(method: string): method is ImportMethod {
  return Object.hasOwn(importExportMethods, method);
}

/**
 * A backend with only the import and export methods, for `yardstick import` and `export`: the
 * same handlers and the same contract checks on input and output as the full backend, without
 * loading the chart, deck and revision-report libraries (a few seconds of start-up) that those
 * commands never use.
 */
export function createImportBackend(): Backend {
  let workspace: Workspace | undefined;
  setNativeBinding(undefined);
  const requireWorkspace = (): Workspace => {
    if (!workspace) throw new AppFailure('NO_WORKSPACE', 'No workspace is open. Open or create one first.', '尚未打开工作区。请先打开或新建工作区。');
    return workspace;
  };
  const context: HandlerContext = {
    options: { transport: 'cli', appVersion: APP_VERSION, dataDir: '' },
    requireWorkspace,
    replace: (next) => {
      workspace?.close();
      workspace = next;
      return next.info();
    },
    current: () => workspace,
    openSample: () => {
      throw new AppFailure('NO_WORKSPACE', 'Name a workspace file.', '请指定工作区文件。');
    },
  };
  const handlers = importExportHandlers(context);
  const run = async <M extends ImportMethod & MethodName>(method: M, raw: unknown): Promise<Result<unknown>> => {
    const input = parseInput(method, raw);
    if (!input.ok) return input;
    try {
      const handler = handlers[method] as (value: unknown) => unknown;
      return { ok: true, value: contract[method].output.parse(await handler(input.value)) };
    } catch (error) {
      return { ok: false, error: toAppError(error, method) };
    }
  };
  return {
    async dispatch(method, rawInput) {
      if (!isImportMethod(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method "${method.slice(0, 100)}".`, messageZh: `未知的方法“${method.slice(0, 100)}”。` } };
      return run(method, rawInput);
    },
    openAtStartup(filePath) {
      try {
        if (!filePath) throw new AppFailure('NO_WORKSPACE', 'Name a workspace file.', '请指定工作区文件。');
        return { ok: true, value: context.replace(Workspace.open(filePath)) };
      } catch (error) {
        return { ok: false, error: toAppError(error) };
      }
    },
    current: () => workspace,
    close() {
      workspace?.close();
      workspace = undefined;
    },
  };
}
