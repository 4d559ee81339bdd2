/**
 * The import worker's side of the engine: one ImportEngine per thread, so the workbook a request
 * read and the plan it checked stay here for the next request (inspect → preview → commit). Each
 * request opens its own connection to the workspace and closes it when it ends: between requests
 * the thread holds no lock and no view of a file the app may since have replaced.
 */
import { setIntegrityCheckOnOpen, setNativeBinding } from '../store/open';
import { Workspace } from '../workspace';
import { ImportEngine, type EngineCall, type EngineResults } from './engine';
import type { ReadLimits } from './limits';

export interface EngineRequest {
  readonly workspacePath: string;
  /** The better-sqlite3 build the app loads (the packaged Electron app's); undefined: the default. */
  readonly nativeBinding?: string;
  readonly limits?: Partial<ReadLimits>;
  /** The app connection's revision of the workspace: a plan checked at another revision is checked again. */
  readonly revision: string | null;
  readonly call: EngineCall;
}

export interface EngineProgress {
  readonly phase: 'reading' | 'parsing' | 'detecting' | 'checking' | 'writing';
  readonly done: number;
  readonly total: number;
}

let engine: ImportEngine | undefined;
let current: { workspace: Workspace; revision: string | null } | undefined;

export async function runEngineRequest(request: EngineRequest, onProgress: (progress: EngineProgress) => void): Promise<EngineResults[EngineCall['method']]> {
  setNativeBinding(request.nativeBinding);
  // The app's connection checked the file when it opened it; this one opens it again for each
  // request, and checks it again only before writing to it (as the commit always did).
  setIntegrityCheckOnOpen(request.call.method === 'commit');
  const workspace = Workspace.open(request.workspacePath);
  current = { workspace, revision: request.revision };
  const opened = current;
  engine ??= new ImportEngine(
    () => {
      if (!current) throw new Error('import engine: no workspace is open in the worker');
      return current.workspace;
    },
    { limits: request.limits, revision: () => current?.revision ?? null },
  );
  try {
    return await engine.run(request.call, {
      report: (phase, done, total) => {
        if (phase === 'reading' || phase === 'parsing' || phase === 'detecting' || phase === 'checking' || phase === 'writing') onProgress({ phase, done, total });
      },
      // Cancel terminates this thread; there is nothing to look at here.
      check: () => undefined,
    });
  } finally {
    if (current === opened) current = undefined;
    workspace.close();
  }
}
