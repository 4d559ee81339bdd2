import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/api/errors';
import type { Indicator, Region, Snapshot } from '../../../shared/api/schemas';
import { columnLetter } from '../../../shared/import/address';
import type { DetectedTable } from '../../../shared/import/detect';
import { extractObservations, type Extraction, type MappingProblem, type PlannedObservation } from '../../../shared/import/extract';
import { IMPORTED_CATEGORY, ImportMapping } from '../../../shared/import/mapping';
import { proposeMapping, type ProposedImport } from '../../../shared/import/propose';
import type { CommitResult, DetectedTableSummary, ImportCounts, ImportFileInfo, InspectResult, PreviewResult, PreviewRow, SheetPreview, TemplateApplyResult, TemplateSummary } from '../../../shared/import/results';
import { applyTemplate } from '../../../shared/import/template';
import type { WorkbookCells } from '../../../shared/import/types';
import { roundToSignificant } from '../../../shared/units';
import { fieldsOf, type ObservationFields } from '../store/observationRepository';
import { TemplateRepository } from '../store/templateRepository';
import type { CellWrite, Workspace } from '../workspace';
import type { TextEncodingChoice } from './decode';
import { importFailures } from './failures';
import type { ReadLimits } from './limits';
import { readWorkbookFile, type ReadControl } from './runner';

const PREVIEW_ROWS = 40;
const PREVIEW_COLUMNS = 40;

export interface ImportServiceOptions {
  readonly limits?: Partial<ReadLimits>;
  /** The worker script; undefined finds the built one, null reads in-process. */
  readonly workerScript?: string | null;
}

export interface FileRequest {
  readonly path: string;
  readonly encoding?: TextEncodingChoice;
}

interface Plan {
  readonly extraction: Extraction;
  readonly rows: (PreviewRow & { readonly planned: PlannedObservation; readonly current: ObservationFields | null })[];
  readonly problems: MappingProblem[];
  readonly creates: { indicators: Indicator[]; regions: Region[] };
  readonly counts: ImportCounts;
}

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return roundToSignificant(a, 15) === roundToSignificant(b, 15);
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
  const columnCount = sheet.rows.reduce((width, row) => Math.max(width, row.length), 0);
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

/**
 * Import and templates over one open workspace: reads files (off-thread where the worker is
 * built), proposes and checks mappings, previews against the working copy, and commits one
 * change set in one transaction. The last file read is kept so that inspect → preview → commit
 * reads it once.
 */
export class ImportService {
  private cached: { key: string; workbook: WorkbookCells; size: number } | undefined;

  constructor(
    private readonly workspace: () => Workspace,
    private readonly options: ImportServiceOptions = {},
  ) {}

  private templates(): TemplateRepository {
    return new TemplateRepository(this.workspace().db);
  }

  /** Reads a file (or returns the one read last, when it has not changed on disk). */
  async load(request: FileRequest, control: Omit<ReadControl, 'workerScript'> = {}): Promise<{ workbook: WorkbookCells; file: ImportFileInfo }> {
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
      const workbook = await readWorkbookFile(absolute, { encoding, limits: this.options.limits }, { ...control, workerScript: this.options.workerScript });
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

  async inspect(request: FileRequest & { sheet?: string }, control: Omit<ReadControl, 'workerScript'> = {}): Promise<InspectResult> {
    const { workbook, file } = await this.load(request, control);
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

  private plan(workbook: WorkbookCells, mapping: ImportMapping): Plan {
    const workspace = this.workspace();
    const catalog = this.catalogView();
    const problems: MappingProblem[] = [];
    const existingIndicators = new Map(workspace.catalog.indicators().map((indicator) => [indicator.code, indicator]));
    const existingRegions = new Map(workspace.catalog.regions().map((region) => [region.code, region]));
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
    const rows: Plan['rows'] = [];
    const counts = { new: 0, changed: 0, unchanged: 0 };
    for (const planned of extraction.observations) {
      const indicator = existingIndicators.get(planned.indicatorCode);
      const region = existingRegions.get(planned.regionCode);
      const stored = indicator && region ? workspace.observations.openVersion({ indicatorId: indicator.id, regionId: region.id, period: planned.period }) : undefined;
      const current: ObservationFields | null = stored ? fieldsOf(stored) : null;
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
      rows.push({
        status,
        indicatorCode: planned.indicatorCode,
        regionCode: planned.regionCode,
        period: planned.period,
        unit: indicator?.unit ?? createdIndicators.get(planned.indicatorCode)?.unit ?? '',
        oldValue: current?.value ?? null,
        newValue: next.value,
        oldGrowthReportedPct: current?.growthReportedPct ?? null,
        newGrowthReportedPct: next.growthReportedPct,
        oldRankReported: current?.rankReported ?? null,
        newRankReported: next.rankReported,
        address: planned.address,
        convertedFrom: planned.convertedFrom,
        planned,
        current,
      });
    }
    // A new region's parent that is itself new is created with it.
    for (const code of [...usedRegions]) {
      let parent = createdRegions.get(code)?.parentCode ?? null;
      while (parent && createdRegions.has(parent) && !usedRegions.has(parent)) {
        usedRegions.add(parent);
        parent = createdRegions.get(parent)?.parentCode ?? null;
      }
    }
    return {
      extraction,
      rows,
      problems,
      creates: {
        indicators: mapping.create.indicators.filter((indicator) => usedIndicators.has(indicator.code)),
        regions: mapping.create.regions.filter((region) => usedRegions.has(region.code)),
      },
      counts: {
        ...counts,
        rejected: extraction.rejected.length,
        rejectedFigures: extraction.rejected.reduce((total, rejection) => total + rejection.cells, 0),
        skipped: extraction.skipped.length,
        figures: extraction.figureCount,
      },
    };
  }

  async preview(request: FileRequest & { mapping: ImportMapping; rowLimit?: number }): Promise<PreviewResult> {
    const { workbook, file } = await this.load(request);
    const plan = this.plan(workbook, request.mapping);
    const limit = request.rowLimit ?? 2000;
    const order = { changed: 0, new: 1, unchanged: 2 } as const;
    const sorted = [...plan.rows].sort((a, b) => order[a.status] - order[b.status]);
    return {
      file,
      counts: plan.counts,
      rows: sorted.slice(0, limit).map(({ planned: _planned, current: _current, ...row }) => row),
      rowsTruncated: sorted.length > limit,
      rejected: plan.extraction.rejected,
      skipped: plan.extraction.skipped,
      problems: plan.problems,
      creates: plan.creates,
    };
  }

  async commit(request: FileRequest & { mapping: ImportMapping; snapshot?: boolean | string; onRejected?: 'skip' | 'abort'; signal?: AbortSignal }): Promise<CommitResult> {
    const { workbook, file } = await this.load(request, { signal: request.signal });
    const workspace = this.workspace();
    const plan = this.plan(workbook, request.mapping);
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
    if (request.signal?.aborted) throw importFailures.cancelled(file.fileName);
    const writes: CellWrite[] = plan.rows
      .filter((row) => row.status !== 'unchanged')
      .map((row) => ({
        indicatorCode: row.indicatorCode,
        regionCode: row.regionCode,
        period: row.period,
        fields: {
          value: row.newValue,
          growthReportedPct: row.newGrowthReportedPct,
          rankReported: row.newRankReported,
          flags: row.current?.flags ?? [],
          note: row.current?.note ?? null,
          source: (request.mapping.source ?? `${file.fileName} ${row.address}`).slice(0, 4000),
        },
      }));
    let snapshot: Snapshot | null = null;
    let changeSetId: number | null = null;
    workspace.db.transaction(() => {
      const categories = workspace.catalog.categories();
      if (plan.creates.indicators.some((indicator) => indicator.category === IMPORTED_CATEGORY.code) && !categories.some((category) => category.code === IMPORTED_CATEGORY.code)) {
        workspace.catalog.addCategory(IMPORTED_CATEGORY, categories.length);
      }
      let regionOrder = workspace.catalog.regions().length;
      const pending = [...plan.creates.regions];
      // Parents before children.
      while (pending.length > 0) {
        const index = pending.findIndex((region) => !region.parentCode || !pending.some((other) => other.code === region.parentCode));
        const [region] = pending.splice(Math.max(0, index), 1);
        workspace.catalog.addRegion(region!, regionOrder++);
      }
      let indicatorOrder = workspace.catalog.indicators().length;
      for (const indicator of plan.creates.indicators) workspace.catalog.addIndicator(indicator, indicatorOrder++);
      if (writes.length > 0) changeSetId = workspace.writeCells(writes, { kind: 'import', label: `导入 ${file.fileName} / Import ${file.fileName}`.slice(0, 500) });
      if (request.snapshot) {
        const label = typeof request.snapshot === 'string' ? request.snapshot : freeSnapshotLabel(workspace, file.fileName.replace(/\.[A-Za-z0-9]{2,5}$/, ''));
        snapshot = workspace.createSnapshot({ label, kind: 'import', sourceFile: file.path, note: `${plan.counts.new} new, ${plan.counts.changed} changed, ${plan.counts.unchanged} unchanged` });
      }
    })();
    return {
      file,
      changeSetId,
      counts: plan.counts,
      created: { indicators: plan.creates.indicators.map((indicator) => indicator.code), regions: plan.creates.regions.map((region) => region.code) },
      snapshot,
      rejected: plan.extraction.rejected,
      skipped: plan.extraction.skipped,
    };
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
    const { workbook, file } = await this.load(request);
    const proposed = this.propose(workbook);
    const applied = applyTemplate(template.mapping, proposed, this.catalogView());
    return { template: template.name, file, mapping: applied.mapping, mismatches: applied.mismatches, proposals: proposed.proposals };
  }
}
