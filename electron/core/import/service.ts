import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/api/errors';
import type { Indicator, Region } from '../../../shared/api/schemas';
import { columnLetter } from '../../../shared/import/address';
import type { DetectedTable } from '../../../shared/import/detect';
import { extractObservations, type Extraction, type MappingProblem, type PlannedObservation } from '../../../shared/import/extract';
import { IMPORTED_CATEGORY, ImportMapping } from '../../../shared/import/mapping';
import { proposeMapping, type ProposedImport } from '../../../shared/import/propose';
import type { CommitResult, DetectedTableSummary, ImportCounts, ImportFileInfo, ImportJobPhase, ImportProgress, InspectResult, PreviewResult, PreviewRow, SheetPreview, TemplateApplyResult, TemplateSummary } from '../../../shared/import/results';
import { applyTemplate } from '../../../shared/import/template';
import type { WorkbookCells } from '../../../shared/import/types';
import { roundToSignificant } from '../../../shared/units';
import { fieldsOf, type ObservationFields } from '../store/observationRepository';
import { TemplateRepository } from '../store/templateRepository';
import type { Workspace } from '../workspace';
import { emptyWrites, writeIntoWorkspace, type CommitOutcome, type CommitPayload } from './commitWrite';
import type { TextEncodingChoice } from './decode';
import { importFailures } from './failures';
import type { ReadLimits } from './limits';
import type { ReadProgress } from './readFile';
import { defaultWorkerScript, readWorkbookFile, runInWorker } from './runner';

const PREVIEW_ROWS = 40;
const PREVIEW_COLUMNS = 40;
/** Rows compared with the workspace between two looks at the clock (progress, Cancel). */
const CHECK_CHUNK = 20_000;
/** An indicator with at least this many rows in a file has its stored cells read in one query. */
const BULK_LOOKUP_ROWS = 500;
/** Finished jobs are remembered this long, so that a late progress poll still learns the outcome. */
const JOB_MEMORY_MS = 10 * 60_000;

export interface ImportServiceOptions {
  readonly limits?: Partial<ReadLimits>;
  /** The worker script; undefined finds the built one, null reads and writes in-process. */
  readonly workerScript?: string | null;
  /** The better-sqlite3 build the worker's connection loads (the packaged app's). */
  readonly nativeBinding?: string;
}

export interface FileRequest {
  readonly path: string;
  readonly encoding?: TextEncodingChoice;
  /** A job id chosen by the caller: `progress(job)` reports on the request and `cancel(job)` stops it. */
  readonly job?: string;
}

/** One observation of the plan, kept small: a million of them are held between preview and commit. */
interface PlanRow {
  readonly status: PreviewRow['status'];
  readonly planned: PlannedObservation;
  readonly current: ObservationFields | null;
  readonly newValue: number | null;
  readonly newGrowthReportedPct: number | null;
  readonly newRankReported: number | null;
}

interface Plan {
  readonly extraction: Extraction;
  readonly rows: PlanRow[];
  /** Unit of each indicator code, existing or created, for the preview rows. */
  readonly units: ReadonlyMap<string, string>;
  readonly problems: MappingProblem[];
  readonly creates: { indicators: Indicator[]; regions: Region[] };
  readonly counts: ImportCounts;
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

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return roundToSignificant(a, 15) === roundToSignificant(b, 15);
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function summariseTable(table: DetectedTable): DetectedTableSummary {
  return {
    sheet: table.sheet,
    indexInSheet: table.indexInSheet,
    title: table.title.slice(0, 2000),
    titleEn: table.titleEn.slice(0, 2000),
    isContinuation: table.isContinuation,
    tableUnit: table.tableUnit,
    titleRows: table.titleRows.map((row) => row + 1),
    headerRows: table.headerRows ? { first: table.headerRows.first + 1, last: table.headerRows.last + 1 } : null,
    dataRows: { first: table.dataRows.first + 1, last: table.dataRows.last + 1 },
    layout: table.layout,
    labelColumn: columnLetter(table.labelColumn),
    alternateLabelColumn: table.alternateLabelColumn === null ? null : columnLetter(table.alternateLabelColumn),
    labelKind: table.labelKind,
    columnsCarry: table.columnsCarry,
    period: table.period ? { code: table.period.code, accumulation: table.period.accumulation, text: table.period.text.slice(0, 200), source: table.period.source } : null,
    columns: table.columns.map((column) => ({
      column: columnLetter(column.column),
      header: column.header.slice(0, 500),
      nameZh: column.nameZh.slice(0, 500),
      nameEn: column.nameEn.slice(0, 500),
      unit: column.unit,
      period: column.period?.code ?? null,
      kind: column.kind,
    })),
    notes: table.notes.map((note) => note.slice(0, 4000)),
  };
}

function sheetPreview(sheet: WorkbookCells['sheets'][number]): SheetPreview {
  let columnCount = 0;
  for (const row of sheet.rows) if (row.length > columnCount) columnCount = row.length;
  return {
    name: sheet.name,
    rowCount: sheet.rows.length,
    columnCount,
    rows: sheet.rows.slice(0, PREVIEW_ROWS).map((row) => row.slice(0, PREVIEW_COLUMNS).map((cell) => (typeof cell === 'string' ? cell.slice(0, 1000) : cell))),
    merges: sheet.merges.filter((merge) => merge.startRow < PREVIEW_ROWS && merge.startColumn < PREVIEW_COLUMNS),
  };
}

/** A label not yet taken: "17-2 各市国民经济主要指标（2020年）", then "… (2)". */
function freeSnapshotLabel(workspace: Workspace, base: string): string {
  const root = base.slice(0, 190) || 'import';
  let label = root;
  for (let suffix = 2; workspace.snapshots.byLabel(label); suffix += 1) label = `${root} (${suffix})`;
  return label;
}

function previewRow(row: PlanRow, units: ReadonlyMap<string, string>): PreviewRow {
  const { planned, current } = row;
  return {
    status: row.status,
    indicatorCode: planned.indicatorCode,
    regionCode: planned.regionCode,
    period: planned.period,
    unit: units.get(planned.indicatorCode) ?? '',
    oldValue: current?.value ?? null,
    newValue: row.newValue,
    oldGrowthReportedPct: current?.growthReportedPct ?? null,
    newGrowthReportedPct: row.newGrowthReportedPct,
    oldRankReported: current?.rankReported ?? null,
    newRankReported: row.newRankReported,
    address: planned.address,
    convertedFrom: planned.convertedFrom,
  };
}

/** New and changed rows first, then unchanged ones, at most `limit`, without sorting them all. */
function firstRows(plan: Plan, limit: number): PreviewRow[] {
  const picked: PreviewRow[] = [];
  for (const status of ['changed', 'new', 'unchanged'] as const) {
    for (const row of plan.rows) {
      if (picked.length >= limit) return picked;
      if (row.status === status) picked.push(previewRow(row, plan.units));
    }
  }
  return picked;
}

/** Request-scoped view of a job: where it is, and whether the user stopped it. */
class JobHandle {
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

  readProgress = (progress: ReadProgress): void => this.report(progress.phase, progress.done, progress.total);

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
 * Import and templates over one open workspace: reads files (off-thread where the worker is
 * built), proposes and checks mappings, previews against the working copy, and commits one
 * change set in one transaction (on the worker's own connection where it is built, so the app
 * stays responsive and Cancel can stop the write: the transaction is then rolled back). The last
 * file read and the last plan are kept, so inspect → preview → commit reads and checks once.
 * Each request may carry a job id for `progress` and `cancel`.
 */
export class ImportService {
  private cached: { key: string; workbook: WorkbookCells; size: number } | undefined;
  private cachedPlan: { key: string; plan: Plan } | undefined;
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

  /** Reads a file (or returns the one read last, when it has not changed on disk). */
  async load(request: FileRequest, job?: JobHandle): Promise<{ workbook: WorkbookCells; file: ImportFileInfo }> {
    const absolute = path.resolve(request.path);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      throw new AppFailure('FILE_NOT_FOUND', `${absolute} does not exist. Check the path.`, `${absolute} 不存在。请检查路径。`, { path: absolute });
    }
    const encoding = request.encoding ?? 'auto';
    const key = `${absolute}|${stat.mtimeMs}|${stat.size}|${encoding}`;
    if (this.cached?.key !== key) {
      job?.report('reading', 0, stat.size);
      const workbook = await readWorkbookFile(absolute, { encoding, limits: this.options.limits }, { signal: job?.signal, onProgress: job?.readProgress, workerScript: this.workerScript() });
      this.cached = { key, workbook, size: stat.size };
      this.cachedPlan = undefined;
    }
    const { workbook, size } = this.cached;
    return {
      workbook,
      file: { path: absolute, fileName: workbook.fileName, format: workbook.format, encoding: workbook.encoding, size, notes: [...workbook.notes] },
    };
  }

  private catalogView() {
    const catalog = this.workspace().catalog.catalog();
    return { indicators: catalog.indicators, regions: catalog.regions, categories: catalog.categories };
  }

  private propose(workbook: WorkbookCells, sheet?: string): ProposedImport {
    if (sheet !== undefined && !workbook.sheets.some((candidate) => candidate.name === sheet)) {
      throw new AppFailure(
        'IMPORT_MAPPING_INVALID',
        `${workbook.fileName} has no sheet "${sheet}". Sheets: ${workbook.sheets.map((s) => s.name).join(', ')}.`,
        `${workbook.fileName} 中没有工作表“${sheet}”。现有工作表：${workbook.sheets.map((s) => s.name).join('、')}。`,
        { sheet, sheets: workbook.sheets.map((s) => s.name) },
      );
    }
    return proposeMapping(workbook, this.catalogView(), sheet === undefined ? {} : { sheet });
  }

  async inspect(request: FileRequest & { sheet?: string }): Promise<InspectResult> {
    return this.runJob(request.job, path.basename(request.path), async (job) => {
      const { workbook, file } = await this.load(request, job);
      job.report('detecting', 0, 0);
      await nextTurn();
      job.check();
      const proposed = this.propose(workbook, request.sheet);
      return {
        file,
        sheets: workbook.sheets.map(sheetPreview),
        tables: proposed.detected.map(summariseTable),
        mapping: proposed.mapping,
        proposals: proposed.proposals,
        notes: [...proposed.notes],
      };
    });
  }

  /**
   * What each planned observation holds now: one query per indicator for the indicators a file
   * brings many rows of, one indexed look-up per row for the others.
   */
  private storedFieldsReader(observations: readonly PlannedObservation[]): (planned: PlannedObservation) => ObservationFields | null {
    const workspace = this.workspace();
    const indicators = new Map(workspace.catalog.indicators().map((indicator) => [indicator.code, indicator]));
    const regions = new Map(workspace.catalog.regions().map((region) => [region.code, region]));
    const perIndicator = new Map<string, number>();
    for (const planned of observations) perIndicator.set(planned.indicatorCode, (perIndicator.get(planned.indicatorCode) ?? 0) + 1);
    // By region code, then period: no key string is built per row.
    const bulk = new Map<string, Map<string, Map<string, ObservationFields>>>();
    const seq = workspace.snapshots.workingSeq();
    for (const [code, count] of perIndicator) {
      const indicator = indicators.get(code);
      if (!indicator || count < BULK_LOOKUP_ROWS) continue;
      const stored = new Map<string, Map<string, ObservationFields>>();
      for (const row of workspace.observations.asOf(seq, { isWorking: true, indicatorId: indicator.id })) {
        let periods = stored.get(row.region_code);
        if (!periods) stored.set(row.region_code, (periods = new Map()));
        periods.set(row.period, fieldsOf(row));
      }
      bulk.set(code, stored);
    }
    return (planned) => {
      const stored = bulk.get(planned.indicatorCode);
      if (stored) return stored.get(planned.regionCode)?.get(planned.period) ?? null;
      const indicator = indicators.get(planned.indicatorCode);
      const region = regions.get(planned.regionCode);
      const version = indicator && region ? workspace.observations.openVersion({ indicatorId: indicator.id, regionId: region.id, period: planned.period }) : undefined;
      return version ? fieldsOf(version) : null;
    };
  }

  private async plan(workbook: WorkbookCells, fileKey: string, mapping: ImportMapping, job: JobHandle): Promise<Plan> {
    const workspace = this.workspace();
    const key = `${fileKey}|${workspace.filePath}|${workspace.revision() ?? ''}|${JSON.stringify(mapping)}`;
    if (this.cachedPlan?.key === key) return this.cachedPlan.plan;
    job.report('checking', 0, 0);
    await nextTurn();
    job.check();
    const catalog = this.catalogView();
    const problems: MappingProblem[] = [];
    const existingIndicators = new Map(catalog.indicators.map((indicator) => [indicator.code, indicator]));
    const existingRegions = new Map(catalog.regions.map((region) => [region.code, region]));
    const createdRegionCodes = new Set(mapping.create.regions.map((region) => region.code));
    for (const indicator of mapping.create.indicators) {
      if (existingIndicators.has(indicator.code)) {
        problems.push({ table: null, message: `Indicator code "${indicator.code}" already exists; give the new indicator another code.`, messageZh: `指标代码“${indicator.code}”已存在；请为新指标另取代码。` });
      }
      if (indicator.category !== IMPORTED_CATEGORY.code && !catalog.categories.some((category) => category.code === indicator.category)) {
        problems.push({ table: null, message: `Category "${indicator.category}" of new indicator ${indicator.code} does not exist.`, messageZh: `新指标 ${indicator.code} 的分类“${indicator.category}”不存在。` });
      }
    }
    for (const region of mapping.create.regions) {
      if (existingRegions.has(region.code)) {
        problems.push({ table: null, message: `Region code "${region.code}" already exists; give the new region another code.`, messageZh: `地区代码“${region.code}”已存在；请为新地区另取代码。` });
      }
      if (region.parentCode !== null && !existingRegions.has(region.parentCode) && !createdRegionCodes.has(region.parentCode)) {
        problems.push({ table: null, message: `Parent region "${region.parentCode}" of new region ${region.code} does not exist.`, messageZh: `新地区 ${region.code} 的上级地区“${region.parentCode}”不存在。` });
      }
    }
    const extraction = extractObservations(workbook, mapping, catalog);
    problems.push(...extraction.problems);
    const createdIndicators = new Map(mapping.create.indicators.map((indicator) => [indicator.code, indicator]));
    const createdRegions = new Map(mapping.create.regions.map((region) => [region.code, region]));
    const usedIndicators = new Set<string>();
    const usedRegions = new Set<string>();
    const rows: PlanRow[] = [];
    const counts = { new: 0, changed: 0, unchanged: 0 };
    const observations = extraction.observations;
    const total = observations.length;
    job.report('checking', 0, total);
    await nextTurn();
    job.check();
    const storedFields = this.storedFieldsReader(observations);
    for (let start = 0; start < total; start += CHECK_CHUNK) {
      const end = Math.min(total, start + CHECK_CHUNK);
      for (let index = start; index < end; index += 1) {
        const planned = observations[index]!;
        const current = storedFields(planned);
        const next = {
          value: planned.value === undefined ? (current?.value ?? null) : planned.value,
          growthReportedPct: planned.growthReportedPct === undefined ? (current?.growthReportedPct ?? null) : planned.growthReportedPct,
          rankReported: planned.rankReported === undefined ? (current?.rankReported ?? null) : planned.rankReported,
        };
        const status: PreviewRow['status'] = !current
          ? 'new'
          : sameNumber(current.value, next.value) && sameNumber(current.growthReportedPct, next.growthReportedPct) && sameNumber(current.rankReported, next.rankReported)
            ? 'unchanged'
            : 'changed';
        counts[status] += 1;
        if (status !== 'unchanged') {
          if (createdIndicators.has(planned.indicatorCode)) usedIndicators.add(planned.indicatorCode);
          if (createdRegions.has(planned.regionCode)) usedRegions.add(planned.regionCode);
        }
        rows.push({ status, planned, current, newValue: next.value, newGrowthReportedPct: next.growthReportedPct, newRankReported: next.rankReported });
      }
      job.report('checking', end, total);
      await nextTurn();
      job.check();
    }
    // A new region's parent that is itself new is created with it.
    for (const code of [...usedRegions]) {
      let parent = createdRegions.get(code)?.parentCode ?? null;
      while (parent && createdRegions.has(parent) && !usedRegions.has(parent)) {
        usedRegions.add(parent);
        parent = createdRegions.get(parent)?.parentCode ?? null;
      }
    }
    const units = new Map<string, string>();
    for (const indicator of [...mapping.create.indicators, ...catalog.indicators]) units.set(indicator.code, indicator.unit);
    const plan: Plan = {
      extraction,
      rows,
      units,
      problems,
      creates: {
        indicators: mapping.create.indicators.filter((indicator) => usedIndicators.has(indicator.code)),
        regions: mapping.create.regions.filter((region) => usedRegions.has(region.code)),
      },
      counts: {
        ...counts,
        rejected: extraction.rejected.length,
        rejectedFigures: extraction.rejected.reduce((sum, rejection) => sum + rejection.cells, 0),
        skipped: extraction.skipped.length,
        figures: extraction.figureCount,
      },
    };
    this.cachedPlan = { key, plan };
    return plan;
  }

  private fileKey(file: ImportFileInfo): string {
    return this.cached?.key ?? `${file.path}|${file.size}`;
  }

  async preview(request: FileRequest & { mapping: ImportMapping; rowLimit?: number; rejectedLimit?: number }): Promise<PreviewResult> {
    return this.runJob(request.job, path.basename(request.path), async (job) => {
      const { workbook, file } = await this.load(request, job);
      const plan = await this.plan(workbook, this.fileKey(file), request.mapping, job);
      const limit = request.rowLimit ?? 2000;
      const listLimit = request.rejectedLimit ?? 2000;
      return {
        file,
        counts: plan.counts,
        rows: firstRows(plan, limit),
        rowsTruncated: plan.rows.length > limit,
        rejected: plan.extraction.rejected.slice(0, listLimit),
        skipped: plan.extraction.skipped.slice(0, listLimit),
        problems: plan.problems,
        creates: plan.creates,
      };
    });
  }

  async commit(request: FileRequest & { mapping: ImportMapping; snapshot?: boolean | string; onRejected?: 'skip' | 'abort'; rejectedLimit?: number }): Promise<CommitResult> {
    return this.runJob(request.job, path.basename(request.path), async (job) => {
      const { workbook, file } = await this.load(request, job);
      const workspace = this.workspace();
      const plan = await this.plan(workbook, this.fileKey(file), request.mapping, job);
      if (plan.problems.length > 0) {
        throw new AppFailure(
          'IMPORT_MAPPING_INVALID',
          `The mapping cannot be applied: ${plan.problems.map((problem) => problem.message).join(' ')} Nothing was imported.`,
          `映射无法应用：${plan.problems.map((problem) => problem.messageZh).join('')}未导入任何数据。`,
          { problems: plan.problems },
        );
      }
      if (plan.extraction.rejected.length > 0 && request.onRejected === 'abort') {
        throw new AppFailure(
          'IMPORT_REJECTED',
          `${plan.extraction.rejected.length} rows or cells of ${file.fileName} were rejected, so nothing was imported. First: ${plan.extraction.rejected[0]!.address} ${plan.extraction.rejected[0]!.reason}`,
          `${file.fileName} 中有 ${plan.extraction.rejected.length} 处行或单元格被拒绝，因此未导入任何数据。第一处：${plan.extraction.rejected[0]!.address} ${plan.extraction.rejected[0]!.reasonZh}`,
          { rejected: plan.extraction.rejected.slice(0, 200) },
        );
      }
      job.check();
      const writes = emptyWrites();
      const defaultSource = request.mapping.source?.slice(0, 4000);
      for (const row of plan.rows) {
        if (row.status === 'unchanged') continue;
        writes.indicatorCode.push(row.planned.indicatorCode);
        writes.regionCode.push(row.planned.regionCode);
        writes.period.push(row.planned.period);
        writes.value.push(row.newValue);
        writes.growthReportedPct.push(row.newGrowthReportedPct);
        writes.rankReported.push(row.newRankReported);
        writes.flags.push(row.current ? row.current.flags.join(',') : '');
        writes.note.push(row.current?.note ?? null);
        writes.source.push(defaultSource ?? `${file.fileName} ${row.planned.address}`.slice(0, 4000));
      }
      const payload: Omit<CommitPayload, 'workspacePath'> = {
        nativeBinding: this.options.nativeBinding,
        writes,
        indicators: plan.creates.indicators,
        regions: plan.creates.regions,
        label: `导入 ${file.fileName} / Import ${file.fileName}`.slice(0, 500),
        snapshot: request.snapshot
          ? {
              label: typeof request.snapshot === 'string' ? request.snapshot : freeSnapshotLabel(workspace, file.fileName.replace(/\.[A-Za-z0-9]{2,5}$/, '')),
              sourceFile: file.path,
              note: `${plan.counts.new} new, ${plan.counts.changed} changed, ${plan.counts.unchanged} unchanged`,
            }
          : null,
      };
      job.report('writing', 0, writes.indicatorCode.length);
      const script = this.workerScript();
      let outcome: CommitOutcome;
      if (script) {
        // Off the main thread on the worker's own connection: Cancel terminates it, which rolls the transaction back.
        outcome = await runInWorker<CommitOutcome>(script, { kind: 'commit', payload: { ...payload, workspacePath: workspace.filePath } }, { signal: job.signal, onProgress: job.readProgress }, () =>
          importFailures.cancelled(file.fileName),
        );
        // The app's own connection notes the import, so that "changed since" checks (automatic backups) see it.
        workspace.setMeta('import.last', JSON.stringify({ file: file.path, changeSetId: outcome.changeSetId, at: new Date().toISOString() }));
      } else {
        await nextTurn();
        job.check();
        outcome = writeIntoWorkspace(workspace, payload, job.readProgress);
      }
      this.cachedPlan = undefined;
      if (process.env.YARDSTICK_IMPORT_TIMINGS) {
        const { openMs, unpackMs, writeCellsMs } = outcome.timings;
        process.stderr.write(`import write: open ${Math.round(openMs)} ms, unpack ${Math.round(unpackMs)} ms, Workspace.writeCells ${Math.round(writeCellsMs)} ms for ${writes.indicatorCode.length} cells\n`);
      }
      const listLimit = request.rejectedLimit ?? 2000;
      return {
        file,
        changeSetId: outcome.changeSetId,
        counts: plan.counts,
        created: { indicators: plan.creates.indicators.map((indicator) => indicator.code), regions: plan.creates.regions.map((region) => region.code) },
        snapshot: outcome.snapshot,
        rejected: plan.extraction.rejected.slice(0, listLimit),
        skipped: plan.extraction.skipped.slice(0, listLimit),
      };
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
    const { workbook, file } = await this.runJob(request.job, path.basename(request.path), (job) => this.load(request, job));
    const proposed = this.propose(workbook);
    const applied = applyTemplate(template.mapping, proposed, this.catalogView());
    return { template: template.name, file, mapping: applied.mapping, mismatches: applied.mismatches, proposals: proposed.proposals };
  }
}
