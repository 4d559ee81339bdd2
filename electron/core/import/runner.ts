import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppFailure } from '../../../shared/api/errors';
import type { WorkbookCells } from '../../../shared/import/types';
import { importFailures } from './failures';
import { DEFAULT_READ_LIMITS } from './limits';
import { readSpreadsheetFile, type ProgressListener, type ReadOptions } from './readFile';
import type { WorkerRequest, WorkerResponse } from './worker';

export interface ReadControl {
  /** Aborting terminates the read; the promise rejects with IMPORT_CANCELLED. */
  readonly signal?: AbortSignal;
  readonly onProgress?: ProgressListener;
  /** The bundled worker script; undefined looks for importWorker.js beside the running bundle. */
  readonly workerScript?: string | null;
}

/** The built worker (out/main/importWorker.js), or the YARDSTICK_IMPORT_WORKER override; null when neither exists. */
export function defaultWorkerScript(): string | null {
  // Bundled code runs from out/main/chunks/ as well as out/main/: look beside it and one level up.
  const here = typeof __dirname === 'string' ? __dirname : undefined;
  const candidates = [process.env.YARDSTICK_IMPORT_WORKER, here && path.join(here, 'importWorker.js'), here && path.join(here, '..', 'importWorker.js')];
  for (const candidate of candidates) if (candidate && fs.existsSync(candidate)) return candidate;
  return null;
}

function checkSize(filePath: string, options: ReadOptions): void {
  const limit = options.limits?.maxFileBytes ?? DEFAULT_READ_LIMITS.maxFileBytes;
  let size: number;
  try {
    size = fs.statSync(filePath).size;
  } catch {
    throw new AppFailure('FILE_NOT_FOUND', `${filePath} does not exist. Check the path.`, `${filePath} 不存在。请检查路径。`, { path: filePath });
  }
  if (size > limit) throw importFailures.fileTooLarge(path.basename(filePath), size, { ...DEFAULT_READ_LIMITS, ...options.limits, maxFileBytes: limit });
}

/**
 * Runs one request in a fresh worker thread, relaying its progress; aborting terminates the
 * worker (a write it was doing never commits) and rejects with `cancelled()`.
 */
export function runInWorker<T>(script: string, request: WorkerRequest, control: { signal?: AbortSignal; onProgress?: ProgressListener }, cancelled: () => AppFailure): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (control.signal?.aborted) {
      reject(cancelled());
      return;
    }
    const worker = new Worker(script);
    let isSettled = false;
    const settle = (step: () => void) => {
      if (isSettled) return;
      isSettled = true;
      control.signal?.removeEventListener('abort', onAbort);
      // Resolve only once the thread is gone: its connection is closed and any open transaction rolled back.
      void worker.terminate().finally(step);
    };
    const onAbort = () => settle(() => reject(cancelled()));
    control.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (response: WorkerResponse) => {
      if (response.kind === 'progress') {
        if (!isSettled) control.onProgress?.(response.progress);
        return;
      }
      settle(() => {
        if (response.ok) resolve(response.value as T);
        else if (response.error.code === 'INTERNAL') reject(new Error(`import worker: ${response.error.message}`));
        else {
          const error = response.error as ReturnType<AppFailure['toError']>;
          reject(new AppFailure(error.code, error.message, error.messageZh, error.details));
        }
      });
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`import worker exited with code ${code} before answering`))));
    worker.postMessage(request);
  });
}

/**
 * Reads a spreadsheet file into cells in a worker thread, so a large or hostile file never blocks
 * the process that serves the UI. Where no worker script is built (unit tests) it reads in-process.
 */
export async function readWorkbookFile(filePath: string, options: ReadOptions = {}, control: ReadControl = {}): Promise<WorkbookCells> {
  const absolute = path.resolve(filePath);
  const fileName = path.basename(absolute);
  if (control.signal?.aborted) throw importFailures.cancelled(fileName);
  checkSize(absolute, options);
  const script = control.workerScript === undefined ? defaultWorkerScript() : control.workerScript;
  if (!script) {
    const workbook = readSpreadsheetFile(absolute, options, control.onProgress);
    if (control.signal?.aborted) throw importFailures.cancelled(fileName);
    return workbook;
  }
  return runInWorker<WorkbookCells>(script, { kind: 'read', path: absolute, options }, control, () => importFailures.cancelled(fileName));
}
