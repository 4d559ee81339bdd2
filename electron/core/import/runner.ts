import fs from 'node:fs';
import path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { AppFailure } from '../../../shared/api/errors';
import type { WorkbookCells } from '../../../shared/import/types';
import { importFailures } from './failures';
import { DEFAULT_READ_LIMITS } from './limits';
import type { ProgressListener, ReadOptions } from './readFile';
import type { WorkerProgress, WorkerRequest, WorkerResponse } from './worker';

export interface ReadControl {
  /** Aborting terminates the read; the promise rejects with IMPORT_CANCELLED. */
  readonly signal?: AbortSignal;
  readonly onProgress?: ProgressListener;
  /** The bundled worker script; undefined looks for importWorker.js beside the running bundle. */
  readonly workerScript?: string | null;
}

/**
 * The engine thread's young generation: a large import makes many short-lived objects, and a larger
 * nursery scavenges fewer of them (300,000 rows: about 5% less CPU).
 */
export const ENGINE_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 192 };

/** A thread started ahead of its first request, waiting for the PersistentWorker of its script. */
let early: { script: string; worker: Worker; forget: () => void } | undefined;

/**
 * Starts the engine's thread now, for a request that surely follows (the command line's `import`):
 * the thread loads its code (SheetJS, the engine, SQLite) while the program loads the rest of its own.
 * A thread that fails before it is taken is forgotten, and the request starts its own.
 */
export function prestartEngineWorker(script: string | null = defaultWorkerScript()): void {
  if (!script || early) return;
  const worker = new Worker(script, { resourceLimits: ENGINE_WORKER_LIMITS });
  worker.unref();
  const forget = () => {
    if (early?.worker === worker) early = undefined;
  };
  worker.once('error', forget);
  worker.once('exit', forget);
  early = { script, worker, forget };
}

function takeEarlyWorker(script: string, resourceLimits: ResourceLimits | undefined): Worker | undefined {
  if (!early || early.script !== script || resourceLimits !== ENGINE_WORKER_LIMITS) return undefined;
  const { worker, forget } = early;
  early = undefined;
  worker.off('error', forget);
  worker.off('exit', forget);
  return worker;
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

function settledValue<T>(response: Extract<WorkerResponse, { kind: 'result' }>, resolve: (value: T) => void, reject: (error: unknown) => void): void {
  if (response.ok) resolve(response.value as T);
  else if (response.error.code === 'INTERNAL') reject(new Error(`import worker: ${response.error.message}`));
  else {
    const error = response.error as ReturnType<AppFailure['toError']>;
    reject(new AppFailure(error.code, error.message, error.messageZh, error.details));
  }
}

/**
 * Runs one request in a fresh worker thread, relaying its progress; aborting terminates the
 * worker (a write it was doing never commits) and rejects with `cancelled()`.
 */
export function runInWorker<T>(script: string, request: WorkerRequest, control: { signal?: AbortSignal; onProgress?: (progress: WorkerProgress) => void }, cancelled: () => AppFailure): Promise<T> {
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
      settle(() => settledValue(response, resolve, reject));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`import worker exited with code ${code} before answering`))));
    worker.postMessage(request);
  });
}

/**
 * One worker thread kept between requests (the import engine's: it holds the file being imported),
 * running one request at a time. Aborting a request terminates the thread (a write it was doing
 * never commits) and rejects with `cancelled()`; the next request starts a new thread. The thread
 * does not keep the process alive while it waits, and ends after `idleMs` without a request (the
 * file it holds is then read again if asked for).
 */
export class PersistentWorker {
  private worker: Worker | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private idle: NodeJS.Timeout | undefined;

  constructor(
    readonly script: string,
    private readonly resourceLimits?: ResourceLimits,
    private readonly idleMs = 10 * 60_000,
  ) {}

  run<T>(request: WorkerRequest, control: { signal?: AbortSignal; onProgress?: (progress: WorkerProgress) => void }, cancelled: () => AppFailure): Promise<T> {
    const next = this.queue.then(() => this.runNow<T>(request, control, cancelled));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Ends the thread (and with it the file it holds); an unfinished request rejects. */
  stop(): Promise<void> {
    clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = undefined;
    return worker ? worker.terminate().then(() => undefined) : Promise.resolve();
  }

  private runNow<T>(request: WorkerRequest, control: { signal?: AbortSignal; onProgress?: (progress: WorkerProgress) => void }, cancelled: () => AppFailure): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (control.signal?.aborted) {
        reject(cancelled());
        return;
      }
      clearTimeout(this.idle);
      const worker = (this.worker ??= takeEarlyWorker(this.script, this.resourceLimits) ?? new Worker(this.script, this.resourceLimits ? { resourceLimits: this.resourceLimits } : undefined));
      worker.ref();
      let isSettled = false;
      const detach = () => {
        control.signal?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const settle = (step: () => void, isThreadDone: boolean) => {
        if (isSettled) return;
        isSettled = true;
        detach();
        if (!isThreadDone) {
          worker.unref();
          this.idle = setTimeout(() => void this.stop(), this.idleMs);
          this.idle.unref();
          step();
          return;
        }
        if (this.worker === worker) this.worker = undefined;
        // Settle only once the thread is gone: its connection is closed and any open transaction rolled back.
        void worker.terminate().finally(step);
      };
      const onAbort = () => settle(() => reject(cancelled()), true);
      const onMessage = (response: WorkerResponse) => {
        if (response.kind === 'progress') {
          if (!isSettled) control.onProgress?.(response.progress);
          return;
        }
        settle(() => settledValue(response, resolve, reject), false);
      };
      const onError = (error: Error) => settle(() => reject(error), true);
      const onExit = (code: number) => settle(() => reject(new Error(`import worker exited with code ${code} before answering`)), true);
      control.signal?.addEventListener('abort', onAbort, { once: true });
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(request);
    });
  }
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
    const { readSpreadsheetFile } = await import('./readFile');
    const workbook = readSpreadsheetFile(absolute, options, control.onProgress);
    if (control.signal?.aborted) throw importFailures.cancelled(fileName);
    return workbook;
  }
  const onProgress = control.onProgress;
  const relay = onProgress
    ? (progress: WorkerProgress) => {
        if (progress.phase === 'reading' || progress.phase === 'parsing' || progress.phase === 'writing') onProgress({ ...progress, phase: progress.phase });
      }
    : undefined;
  return runInWorker<WorkbookCells>(script, { kind: 'read', path: absolute, options }, { signal: control.signal, onProgress: relay }, () => importFailures.cancelled(fileName));
}
