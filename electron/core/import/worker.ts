/**
 * Entry of the import worker thread: reads one file into cells, or writes one planned import into
 * the workspace on the worker's own connection, off the main (UI) thread. The build bundles it as
 * out/main/importWorker.js; runner.ts starts it, relays its progress, and terminates it on cancel
 * (a write stopped that way never commits: closing the connection rolls its transaction back).
 */
import { parentPort } from 'node:worker_threads';
import { AppFailure } from '../../../shared/api/errors';
import type { CommitOutcome, CommitPayload } from './commitWrite';
import type { ReadOptions, ReadProgress, readSpreadsheetFile } from './readFile';

export type WorkerRequest =
  | { readonly kind: 'read'; readonly path: string; readonly options: ReadOptions }
  | { readonly kind: 'commit'; readonly payload: CommitPayload };

type Failure = ReturnType<AppFailure['toError']> | { code: 'INTERNAL'; message: string };

export type WorkerResponse =
  | { kind: 'progress'; progress: ReadProgress }
  | { kind: 'result'; ok: true; value: ReturnType<typeof readSpreadsheetFile> | CommitOutcome }
  | { kind: 'result'; ok: false; error: Failure };

function failureOf(error: unknown): Failure {
  return error instanceof AppFailure ? error.toError() : { code: 'INTERNAL', message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
}

if (parentPort) {
  const port = parentPort;
  port.on('message', async (request: WorkerRequest) => {
    const onProgress = (progress: ReadProgress) => port.postMessage({ kind: 'progress', progress } satisfies WorkerResponse);
    let response: WorkerResponse;
    try {
      // Each kind loads only what it needs: a commit does not load the spreadsheet readers, nor a read the store.
      const value =
        request.kind === 'commit'
          ? (await import('./commitWrite')).writePlannedImport(request.payload, onProgress)
          : (await import('./readFile')).readSpreadsheetFile(request.path, request.options, onProgress);
      response = { kind: 'result', ok: true, value };
    } catch (error) {
      response = { kind: 'result', ok: false, error: failureOf(error) };
    }
    port.postMessage(response);
  });
}
