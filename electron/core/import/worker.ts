/**
 * Entry of the import worker thread: reads one file into cells off the main (UI) thread. The
 * build bundles it as out/main/importWorker.js; runner.ts starts it and terminates it on cancel.
 */
import { parentPort } from 'node:worker_threads';
import { AppFailure } from '../../../shared/api/errors';
import { readSpreadsheetFile, type ReadOptions } from './readFile';

export interface WorkerRequest {
  readonly path: string;
  readonly options: ReadOptions;
}

export type WorkerResponse = { ok: true; value: ReturnType<typeof readSpreadsheetFile> } | { ok: false; error: ReturnType<AppFailure['toError']> | { code: 'INTERNAL'; message: string } };

if (parentPort) {
  const port = parentPort;
  port.on('message', (request: WorkerRequest) => {
    let response: WorkerResponse;
    try {
      response = { ok: true, value: readSpreadsheetFile(request.path, request.options) };
    } catch (error) {
      response = error instanceof AppFailure ? { ok: false, error: error.toError() } : { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) } };
    }
    port.postMessage(response);
  });
}
