import path from 'node:path';
import { AppFailure } from '../../../shared/api/errors';
import { ImportMapping } from '../../../shared/import/mapping';
import type { CommitResult, ImportJobPhase, ImportProgress, InspectResult, PreviewResult, TemplateApplyResult, TemplateSummary } from '../../../shared/import/results';
import { applyTemplate } from '../../../shared/import/template';
import { TemplateRepository } from '../store/templateRepository';
import type { Workspace } from '../workspace';
import type { CommitRequest, EngineCall, EngineJob, EngineResults, FileRequest, ImportEngine, InspectRequest, PreviewRequest } from './engine';
import { importFailures } from './failures';
import type { ReadLimits } from './limits';
import { defaultWorkerScript, ENGINE_WORKER_LIMITS, PersistentWorker } from './runner';

export type { FileRequest } from './engine';

/** Finished jobs are remembered this long, so that a late progress poll still learns the outcome. */
const JOB_MEMORY_MS = 10 * 60_000;

export interface ImportServiceOptions {
  readonly limits?: Partial<ReadLimits>;
  /** The worker script; undefined finds the built one, null reads and writes in-process. */
  readonly workerScript?: string | null;
  /** The better-sqlite3 build the worker's connection loads (the packaged app's). */
  readonly nativeBinding?: string;
}

interface JobState {
  readonly id: string;
  phase: ImportJobPhase;
  done: number;
  total: number;
  readonly controller: AbortController;
  finishedAt: number | null;
  message: string | null;
  messageZh: string | null;
}

/** Request-scoped view of a job: where it is, and whether the user stopped it. */
class JobHandle implements EngineJob {
  constructor(
    private readonly state: JobState,
    private readonly fileName: () => string,
  ) {}

  get signal(): AbortSignal {
    return this.state.controller.signal;
  }

  /** Throws IMPORT_CANCELLED once Cancel was asked for. */
  check(): void {
    if (this.state.controller.signal.aborted) throw importFailures.cancelled(this.fileName());
  }

  /** Milliseconds spent in each phase, printed to stderr when YARDSTICK_IMPORT_TIMINGS is set (benchmarks). */
  private readonly timings: [ImportJobPhase, number][] = [];
  private phaseStart = performance.now();

  private enter(phase: ImportJobPhase): void {
    if (phase === this.state.phase) return;
    const now = performance.now();
    this.timings.push([this.state.phase, now - this.phaseStart]);
    this.phaseStart = now;
  }

  report(phase: ImportJobPhase, done: number, total: number): void {
    this.enter(phase);
    this.state.phase = phase;
    this.state.done = done;
    this.state.total = total;
  }

  finish(outcome: 'done' | 'failed' | 'cancelled', error?: unknown): void {
    this.enter(outcome);
    if (process.env.YARDSTICK_IMPORT_TIMINGS) process.stderr.write(`import timings: ${this.timings.map(([phase, ms]) => `${phase} ${Math.round(ms)} ms`).join(', ')}\n`);
    this.state.phase = outcome;
    this.state.finishedAt = Date.now();
    if (outcome === 'done') this.state.done = this.state.total;
    if (error instanceof AppFailure) {
      this.state.message = error.message;
      this.state.messageZh = error.messageZh;
    }
  }
}

/**
 * Import and templates over one open workspace. The work on the file (reading, detecting, checking
 * a mapping against the working copy, writing one change set in one transaction) is the import
 * engine's (engine.ts); where the worker is built it runs in one worker thread kept between
 * requests, on the worker's own connection, so the file's cells and the plan never cross to this
 * thread and Cancel can stop any step (a write is then rolled back). Without the worker (unit
 * tests) the engine runs here. Each request may carry a job id for `progress` and `cancel`.
 */
export class ImportService {
  private local: ImportEngine | undefined;
  private remote: PersistentWorker | undefined;
  private readonly jobs = new Map<string, JobState>();

  constructor(
    private readonly workspace: () => Workspace,
    private readonly options: ImportServiceOptions = {},
  ) {}

  private templates(): TemplateRepository {
    return new TemplateRepository(this.workspace().db);
  }

  private workerScript(): string | null {
    return this.options.workerScript === undefined ? defaultWorkerScript() : this.options.workerScript;
  }

  private jobState(id: string): JobState {
    const now = Date.now();
    for (const [key, job] of this.jobs) if (job.finishedAt !== null && now - job.finishedAt > JOB_MEMORY_MS) this.jobs.delete(key);
    let state = this.jobs.get(id);
    if (!state || state.finishedAt !== null) {
      // A Cancel that arrived before its request (both are in flight at once) still counts.
      const isCancelledEarly = state?.phase === 'cancelled' && state.finishedAt !== null && state.total === -1;
      state = { id, phase: 'queued', done: 0, total: 0, controller: new AbortController(), finishedAt: null, message: null, messageZh: null };
      if (isCancelledEarly) state.controller.abort();
      this.jobs.set(id, state);
    }
    return state;
  }

  /** Runs `work` as job `id` (or an anonymous one), recording how it ended. */
  private async runJob<T>(id: string | undefined, fileName: string, work: (job: JobHandle) => Promise<T>): Promise<T> {
    const state = id === undefined ? { id: '', phase: 'queued' as const, done: 0, total: 0, controller: new AbortController(), finishedAt: null, message: null, messageZh: null } : this.jobState(id);
    const job = new JobHandle(state, () => fileName);
    try {
      job.check();
      const value = await work(job);
      job.finish('done');
      return value;
    } catch (error) {
      job.finish(error instanceof AppFailure && error.code === 'IMPORT_CANCELLED' ? 'cancelled' : 'failed', error);
      throw error;
    }
  }

  /** Runs one engine request for `job`: in the worker thread where it is built, else here. */
  private async engine<M extends EngineCall['method']>(call: Extract<EngineCall, { method: M }>, job: JobHandle): Promise<EngineResults[M]> {
    const workspace = this.workspace();
    const script = this.workerScript();
    if (!script) {
      const { ImportEngine } = await import('./engine');
      this.local ??= new ImportEngine(this.workspace, { limits: this.options.limits, revision: () => this.workspace().revision() });
      return this.local.run(call, job);
    }
    if (this.remote?.script !== script) {
      void this.remote?.stop();
      this.remote = new PersistentWorker(script, ENGINE_WORKER_LIMITS);
    }
    const fileName = path.basename(call.request.path);
    return this.remote.run<EngineResults[M]>(
      { kind: 'engine', request: { workspacePath: workspace.filePath, nativeBinding: this.options.nativeBinding, limits: this.options.limits, revision: workspace.revision(), call } },
      { signal: job.signal, onProgress: (progress) => job.report(progress.phase, progress.done, progress.total) },
      () => importFailures.cancelled(fileName),
    );
  }

  /** Where job `id` is; a job not started yet (its request still on the way) is "queued". */
  progress(id: string): ImportProgress {
    const state = this.jobs.get(id);
    if (!state) return { job: id, phase: 'queued', done: 0, total: 0, message: null, messageZh: null };
    return { job: id, phase: state.phase, done: state.done, total: Math.max(0, state.total), message: state.message, messageZh: state.messageZh };
  }

  /**
   * Stops job `id`: a read or check stops where it is, a write is rolled back whole. Nothing is
   * written either way. False when the job had already finished.
   */
  cancel(id: string): { cancelled: boolean } {
    const state = this.jobs.get(id);
    if (!state) {
      // Its request has not arrived yet: remember the Cancel for it.
      this.jobs.set(id, { id, phase: 'cancelled', done: 0, total: -1, controller: new AbortController(), finishedAt: Date.now(), message: null, messageZh: null });
      return { cancelled: true };
    }
    if (state.finishedAt !== null) return { cancelled: false };
    state.controller.abort();
    return { cancelled: true };
  }

  async inspect(request: InspectRequest): Promise<InspectResult> {
    return this.runJob(request.job, path.basename(request.path), (job) => this.engine({ method: 'inspect', request }, job));
  }

  async preview(request: PreviewRequest): Promise<PreviewResult> {
    return this.runJob(request.job, path.basename(request.path), (job) => this.engine({ method: 'preview', request }, job));
  }

  async commit(request: CommitRequest): Promise<CommitResult> {
    return this.runJob(request.job, path.basename(request.path), async (job) => {
      const { result, cellCount, timings } = await this.engine({ method: 'commit', request }, job);
      if (this.workerScript()) {
        // The app's own connection notes the import, so that "changed since" checks (automatic backups) see it.
        this.workspace().setMeta('import.last', JSON.stringify({ file: result.file.path, changeSetId: result.changeSetId, at: new Date().toISOString() }));
      }
      if (process.env.YARDSTICK_IMPORT_TIMINGS) {
        process.stderr.write(`import write: transaction ${Math.round(timings.totalMs)} ms, Workspace.writeCells ${Math.round(timings.writeCellsMs)} ms for ${cellCount} cells\n`);
      }
      return result;
    });
  }

  saveTemplate(name: string, mapping: ImportMapping, sourceFile: string | null): TemplateSummary {
    const stored = this.templates().save({ name: name.trim(), mappingJson: JSON.stringify(mapping), sourceFile }, new Date().toISOString());
    return this.summarise(stored);
  }

  private summarise(stored: { name: string; mappingJson: string; sourceFile: string | null; createdAt: string; updatedAt: string }): TemplateSummary {
    const mapping = ImportMapping.parse(JSON.parse(stored.mappingJson));
    return { name: stored.name, sourceFile: stored.sourceFile, createdAt: stored.createdAt, updatedAt: stored.updatedAt, tableCount: mapping.tables.length, mapping };
  }

  listTemplates(): TemplateSummary[] {
    return this.templates()
      .list()
      .map((stored) => this.summarise(stored));
  }

  private template(name: string): TemplateSummary {
    const stored = this.templates().byName(name.trim());
    if (!stored) {
      const known = this.templates()
        .list()
        .map((template) => template.name);
      throw new AppFailure(
        'TEMPLATE_NOT_FOUND',
        `No import template "${name}".${known.length ? ` Saved templates: ${known.join(', ')}.` : ' No templates are saved yet.'}`,
        `没有名为“${name}”的导入模板。${known.length ? `已保存的模板：${known.join('、')}。` : '尚未保存任何模板。'}`,
        { name, known },
      );
    }
    return this.summarise(stored);
  }

  deleteTemplate(name: string): boolean {
    return this.templates().remove(name.trim());
  }

  async applyTemplate(request: FileRequest & { name: string }): Promise<TemplateApplyResult> {
    const template = this.template(request.name);
    const { file, proposed } = await this.runJob(request.job, path.basename(request.path), (job) => this.engine({ method: 'propose', request }, job));
    const catalog = this.workspace().catalog.catalog();
    const applied = applyTemplate(template.mapping, proposed, { indicators: catalog.indicators, regions: catalog.regions });
    return { template: template.name, file, mapping: applied.mapping, mismatches: applied.mismatches, proposals: proposed.proposals };
  }
}
