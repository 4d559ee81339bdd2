import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/api/errors';
import type { Indicator, Region } from '../../../shared/api/schemas';
import { columnLetter, sheetReference } from '../../../shared/import/address';
import type { DetectedTable } from '../../../shared/import/detect';
import { extractObservations, type Extraction, type MappingProblem, type PlannedObservation } from '../../../shared/import/extract';
import { IMPORTED_CATEGORY, type ImportMapping } from '../../../shared/import/mapping';
import { proposeMapping, type ProposedImport } from '../../../shared/import/propose';
import type { CommitResult, DetectedTableSummary, ImportCounts, ImportFileInfo, ImportJobPhase, InspectResult, PreviewResult, PreviewRow, SheetPreview } from '../../../shared/import/results';
import type { WorkbookCells } from '../../../shared/import/types';
import { roundToSignificant } from '../../../shared/units';
import { fieldsOf, type ObservationFields } from '../store/observationRepository';
import type { CellWrite, Workspace } from '../workspace';
import { writeIntoWorkspace, type CommitOutcome } from './commitWrite';
import type { TextEncodingChoice } from './decode';
import type { ReadLimits } from './limits';
import { readDelimitedText, readFileBytes, type ReadOptions } from './readText';
import { sniffContainer } from './sniff';

/**
 * The import's work on one file: read it, detect its tables, check a mapping against the working
 * copy and write it. The app runs it in the import worker thread (engineHost.ts), on the worker's
 * own connection, so the workbook and the plan (a million rows of a large csv) stay in that thread
 * and only summaries, previews and counts cross to the app; tests run it in-process.
 * The last file read and the last plan are kept, so inspect → preview → commit reads and checks once.
 */

const PREVIEW_ROWS = 40;
const PREVIEW_COLUMNS = 40;
/** Rows compared with the workspace between two looks at the clock (progress, Cancel). */
const CHECK_CHUNK = 20_000;
/** An indicator with at least this many rows in a file has its stored cells read in one query. */
const BULK_LOOKUP_ROWS = 500;

export interface FileRequest {
  readonly path: string;
  readonly encoding?: TextEncodingChoice;
  /** A job id chosen by the caller: `progress(job)` reports on the request and `cancel(job)` stops it. */
  readonly job?: string;
}

export type InspectRequest = FileRequest & { readonly sheet?: string };
export type PreviewRequest = FileRequest & { readonly mapping: ImportMapping; readonly rowLimit?: number; readonly rejectedLimit?: number };
export type CommitRequest = FileRequest & { readonly mapping: ImportMapping; readonly snapshot?: boolean | string; readonly onRejected?: 'skip' | 'abort'; readonly rejectedLimit?: number };

/** What the engine reports and asks of the job it runs for: progress, and whether Cancel was asked for. */
export interface EngineJob {
  report(phase: ImportJobPhase, done: number, total: number): void;
  /** Throws IMPORT_CANCELLED once Cancel was asked for (in the worker, Cancel ends the thread instead). */
  check(): void;
  readonly signal?: AbortSignal;
}

export interface EngineCommit {
  readonly result: CommitResult;
  readonly cellCount: number;
  readonly timings: CommitOutcome['timings'];
}

/** One request to the engine, as the service sends it (to the worker thread, or in-process). */
export type EngineCall =
  | { readonly method: 'inspect'; readonly request: InspectRequest }
  | { readonly method: 'preview'; readonly request: PreviewRequest }
  | { readonly method: 'commit'; readonly request: CommitRequest }
  | { readonly method: 'propose'; readonly request: FileRequest };

export interface EngineResults {
  inspect: InspectResult;
  preview: PreviewResult;
  commit: EngineCommit;
  propose: { file: ImportFileInfo; proposed: ProposedImport };
}

/** The flags of a new cell: one frozen empty list shared by all of them. */
const NO_FLAGS: ObservationFields['flags'] = Object.freeze([]);

const STATUSES = ['new', 'changed', 'unchanged'] as const satisfies readonly PreviewRow['status'][];
const STATUS_CODE: Readonly<Record<PreviewRow['status'], number>> = { new: 0, changed: 1, unchanged: 2 };

/** One observation of the plan with its stored content and the content it would get. */
interface PlanRow {
  readonly status: PreviewRow['status'];
  readonly planned: PlannedObservation;
  readonly current: ObservationFields | null;
  readonly newValue: number | null;
  readonly newGrowthReportedPct: number | null;
  readonly newRankReported: number | null;
}

/**
 * The plan's rows, column by column: a million of them are held between preview and commit, and a
 * million small objects cost the checking phase most of its time in garbage collection. Row i is
 * `observations[i]` of the extraction; its new content follows from the figures and `current`.
 */
interface PlanRows {
  readonly length: number;
  /** Index into STATUSES. */
  readonly status: Uint8Array;
  readonly current: (ObservationFields | null)[];
}

/** A figure the file gives, or else the one the cell already has (a column the file lacks keeps its figures). */
function newFigure(given: number | null | undefined, current: number | null | undefined): number | null {
  return given === undefined ? (current ?? null) : given;
}

function planRow(plan: Plan, index: number): PlanRow {
  const planned = plan.extraction.observations[index]!;
  const current = plan.rows.current[index] ?? null;
  return {
    status: STATUSES[plan.rows.status[index]!]!,
    planned,
    current,
    newValue: newFigure(planned.value, current?.value),
    newGrowthReportedPct: newFigure(planned.growthReportedPct, current?.growthReportedPct),
    newRankReported: newFigure(planned.rankReported, current?.rankReported),
  };
}

interface Plan {
  readonly extraction: Extraction;
  readonly rows: PlanRows;
  /** Unit of each indicator code, existing or created, for the preview rows. */
  readonly units: ReadonlyMap<string, string>;
  readonly problems: MappingProblem[];
  readonly creates: { indicators: Indicator[]; regions: Region[] };
  readonly counts: ImportCounts;
}

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  // Equal numbers round alike: only unequal ones go through roundToSignificant's string round trip.
  return a === b || roundToSignificant(a, 15) === roundToSignificant(b, 15);
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
    const code = STATUS_CODE[status];
    for (let index = 0; index < plan.rows.length; index += 1) {
      if (picked.length >= limit) return picked;
      if (plan.rows.status[index] === code) picked.push(previewRow(planRow(plan, index), plan.units));
    }
  }
  return picked;
}

export interface ImportEngineOptions {
  readonly limits?: Partial<ReadLimits>;
  /** What identifies the workspace's current content for the plan cache (the app connection's revision). */
  readonly revision: () => string | null;
}

export class ImportEngine {
  private cached: { key: string; workbook: WorkbookCells; size: number } | undefined;
  private cachedPlan: { key: string; plan: Plan } | undefined;

  constructor(
    private readonly workspace: () => Workspace,
    private readonly options: ImportEngineOptions,
  ) {}

  private revision(): string | null {
    return this.options.revision();
  }

  run<M extends EngineCall['method']>(call: Extract<EngineCall, { method: M }>, job: EngineJob): Promise<EngineResults[M]>;
  async run(call: EngineCall, job: EngineJob): Promise<EngineResults[EngineCall['method']]> {
    switch (call.method) {
      case 'inspect':
        return this.inspect(call.request, job);
      case 'preview':
        return this.preview(call.request, job);
      case 'commit':
        return this.commit(call.request, job);
      case 'propose': {
        const { workbook, file } = await this.load(call.request, job);
        return { file, proposed: this.propose(workbook) };
      }
    }
  }

  /** Reads a file (or returns the one read last, when it has not changed on disk). */
  async load(request: FileRequest, job: EngineJob): Promise<{ workbook: WorkbookCells; file: ImportFileInfo }> {
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
      // Drop the last file before reading the next: two large workbooks need not fit at once.
      this.cached = undefined;
      this.cachedPlan = undefined;
      job.report('reading', 0, stat.size);
      await nextTurn();
      job.check();
      const options: ReadOptions = { encoding, limits: this.options.limits };
      const onProgress = (progress: { phase: ImportJobPhase; done: number; total: number }) => job.report(progress.phase, progress.done, progress.total);
      const { bytes } = readFileBytes(absolute, options, onProgress);
      // A csv or tsv needs no spreadsheet library: it is loaded only for the other formats.
      const workbook =
        bytes.length > 0 && sniffContainer(bytes) === 'text' ? readDelimitedText(bytes, absolute, options, onProgress) : (await import('./readFile')).readSpreadsheet(bytes, absolute, options, onProgress);
      job.check();
      this.cached = { key, workbook, size: stat.size };
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

  async inspect(request: InspectRequest, job: EngineJob): Promise<InspectResult> {
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

  private async plan(workbook: WorkbookCells, fileKey: string, mapping: ImportMapping, job: EngineJob): Promise<Plan> {
    const workspace = this.workspace();
    const key = `${fileKey}|${workspace.filePath}|${this.revision() ?? ''}|${JSON.stringify(mapping)}`;
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

    const counts = { new: 0, changed: 0, unchanged: 0 };
    const observations = extraction.observations;
    const total = observations.length;
    job.report('checking', 0, total);
    await nextTurn();
    job.check();
    const storedFields = this.storedFieldsReader(observations);
    const rows: PlanRows = { length: total, status: new Uint8Array(total), current: new Array<ObservationFields | null>(total).fill(null) };
    for (let start = 0; start < total; start += CHECK_CHUNK) {
      const end = Math.min(total, start + CHECK_CHUNK);
      for (let index = start; index < end; index += 1) {
        const planned = observations[index]!;
        const current = storedFields(planned);
        // A figure the file does not give keeps the stored one.
        const status: PreviewRow['status'] = !current
          ? 'new'
          : (planned.value === undefined || sameNumber(current.value, planned.value)) &&
              (planned.growthReportedPct === undefined || sameNumber(current.growthReportedPct, planned.growthReportedPct)) &&
              (planned.rankReported === undefined || sameNumber(current.rankReported, planned.rankReported))
            ? 'unchanged'
            : 'changed';
        counts[status] += 1;
        if (status !== 'unchanged') {
          if (createdIndicators.has(planned.indicatorCode)) usedIndicators.add(planned.indicatorCode);
          if (createdRegions.has(planned.regionCode)) usedRegions.add(planned.regionCode);
        }
        rows.status[index] = STATUS_CODE[status];
        rows.current[index] = current;
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

  async preview(request: PreviewRequest, job: EngineJob): Promise<PreviewResult> {
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
  }

  /** Writes the plan as one change set in one transaction on the engine's connection. */
  async commit(request: CommitRequest, job: EngineJob): Promise<EngineCommit> {
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
    const defaultSource = request.mapping.source?.slice(0, 4000);
    const cells: CellWrite[] = [];
    const unchanged = STATUS_CODE.unchanged;
    const { observations } = plan.extraction;
    // "file.csv Sheet!D" once per sheet and column: a cell's source adds only its row number.
    const sourcePrefixes = new Map<string, string[]>();
    const sourceOf = (planned: PlannedObservation): string => {
      let prefixes = sourcePrefixes.get(planned.sheet);
      if (!prefixes) sourcePrefixes.set(planned.sheet, (prefixes = []));
      const prefix = (prefixes[planned.column] ??= `${file.fileName} ${sheetReference(planned.sheet)}!${columnLetter(planned.column)}`);
      return `${prefix}${planned.row + 1}`.slice(0, 4000);
    };
    for (let index = 0; index < plan.rows.length; index += 1) {
      if (plan.rows.status[index] === unchanged) continue;
      // What planRow gives, without a record per row.
      const planned = observations[index]!;
      const current = plan.rows.current[index] ?? null;
      cells.push({
        indicatorCode: planned.indicatorCode,
        regionCode: planned.regionCode,
        period: planned.period,
        fields: {
          value: newFigure(planned.value, current?.value),
          growthReportedPct: newFigure(planned.growthReportedPct, current?.growthReportedPct),
          rankReported: newFigure(planned.rankReported, current?.rankReported),
          // Flags and note the cell already had stay.
          flags: current ? current.flags : NO_FLAGS,
          note: current?.note ?? null,
          // `${file.fileName} ${planned.address}`, built from a shared prefix.
          source: defaultSource ?? sourceOf(planned),
        },
      });
    }
    job.report('writing', 0, cells.length);
    await nextTurn();
    job.check();
    const outcome = writeIntoWorkspace(
      workspace,
      {
        cells,
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
      },
      (progress) => job.report(progress.phase, progress.done, progress.total),
    );
    this.cachedPlan = undefined;
    const listLimit = request.rejectedLimit ?? 2000;
    return {
      cellCount: cells.length,
      timings: outcome.timings,
      result: {
        file,
        changeSetId: outcome.changeSetId,
        counts: plan.counts,
        created: { indicators: plan.creates.indicators.map((indicator) => indicator.code), regions: plan.creates.regions.map((region) => region.code) },
        snapshot: outcome.snapshot,
        rejected: plan.extraction.rejected.slice(0, listLimit),
        skipped: plan.extraction.skipped.slice(0, listLimit),
      },
    };
  }
}
