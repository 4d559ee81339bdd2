/**
 * Entry of the import worker thread: reads one file into cells (`read`), runs one request of the
 * import engine (`engine`: inspect, preview, commit), or reads the working copy's columns for the
 * browser edition's launch (`columns`), on the worker's own connection, off the main
 * (UI) thread. The build bundles it as out/main/importWorker.js; runner.ts starts it, relays its
 * progress, and terminates it on cancel (a write stopped that way never commits: closing the
 * connection rolls its transaction back). An engine worker stays up between requests, keeping the
 * workbook and plan of the file being imported, so that they never cross to the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { AppFailure } from '../../../shared/api/errors';
import type { ImportJobPhase } from '../../../shared/import/results';
import type { EngineRequest } from './engineHost';
import type { ReadOptions } from './readFile';

export type WorkerRequest =
  | { readonly kind: 'read'; readonly path: string; readonly options: ReadOptions }
  | { readonly kind: 'engine'; readonly request: EngineRequest }
  /** The working copy's `series.columns` envelope, as JSON text (electron/core/launchColumns.ts). */
  | { readonly kind: 'columns'; readonly workspacePath: string; readonly nativeBinding?: string };

type Failure = ReturnType<AppFailure['toError']> | { code: 'INTERNAL'; message: string };

/** Progress of a worker's request: `done` of `total` units of the phase. */
export interface WorkerProgress {
  readonly phase: ImportJobPhase;
  readonly done: number;
  readonly total: number;
}

export type WorkerResponse = { kind: 'progress'; progress: WorkerProgress } | { kind: 'result'; ok: true; value: unknown } | { kind: 'result'; ok: false; error: Failure };

function failureOf(error: unknown): Failure {
  return error instanceof AppFailure ? error.toError() : { code: 'INTERNAL', message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
}

if (parentPort) {
  const port = parentPort;
  port.on('message', async (request: WorkerRequest) => {
    const onProgress = (progress: WorkerProgress) => port.postMessage({ kind: 'progress', progress } satisfies WorkerResponse);
    let response: WorkerResponse;
    try {
      // Each kind loads only what it needs.
      const value =
        request.kind === 'engine'
          ? await (await import('./engineHost')).runEngineRequest(request.request, onProgress)
          : request.kind === 'columns'
            ? (await import('../launchColumns')).workingCopyColumnsText(request.workspacePath, request.nativeBinding)
            : (await import('./readFile')).readSpreadsheetFile(request.path, request.options, onProgress);
      response = { kind: 'result', ok: true, value };
    } catch (error) {
      response = { kind: 'result', ok: false, error: failureOf(error) };
    }
    port.postMessage(response);
  });
}
