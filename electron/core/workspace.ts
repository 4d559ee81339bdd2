import path from 'node:path';
import { AppFailure } from '../../shared/api/errors';
import type {
  Category,
  CellHistory,
  Indicator,
  Region,
  DiffRow,
  Observation,
  ObservationKey,
  SeriesQuery,
  Snapshot,
  SnapshotDiff,
  SnapshotRef,
  WorkspaceInfo,
} from '../../shared/api/schemas';
import { matchByName, type Nameable } from '../../shared/match';
import { parsePeriod } from '../../shared/periods';
import { CatalogRepository, type StoredIndicator, type StoredRegion } from './store/catalogRepository';
import type { ChangeCells } from './store/changeSetCodec';
import { ChangeSetRepository, type ChangeSetState, type ChangeSetSummary } from './store/changeSetRepository';
import { LATEST_SCHEMA_VERSION } from './store/migrations';
import {
  CellMap,
  ObservationRepository,
  parseFlags,
  type AsOfFilter,
  type CellKey,
  type ObservationFields,
  type OpenVersion,
  type ResolvedWrite,
  type VersionRow,
} from './store/observationRepository';
import { createWorkspaceFile, openWorkspaceFile, type Db } from './store/open';
import { SnapshotRepository, type NewSnapshot } from './store/snapshotRepository';

/** A cell addressed by codes, as imports and the sample write it. */
export interface CellWrite {
  indicatorCode: string;
  regionCode: string;
  period: string;
  fields: ObservationFields | null;
}

/** A change to some fields of one cell; `remove` deletes the cell from the working copy. */
export interface CellEdit {
  indicatorCode: string;
  regionCode: string;
  period: string;
  fields: Partial<ObservationFields>;
  remove?: boolean;
}

/** How change sets name a cell: by codes, so that they stay readable and portable. */
interface CellCodes {
  indicator: string;
  region: string;
  period: string;
}

/** A cell write resolved against the catalogue and the working copy. */
interface Resolved extends ResolvedWrite {
  /** The cell's content before this write (earlier writes of the same batch included). */
  before: ObservationFields | null;
}

/** The writes of one change set, resolved, with the codes of the ids they use (as change sets name cells). */
interface Resolution {
  readonly writes: readonly Resolved[];
  readonly indicatorCode: (id: number) => string;
  readonly regionCode: (id: number) => string;
}

/** A change set of no cells (a catalogue entry added on its own). */
const NO_CELLS: Resolution = { writes: [], indicatorCode: String, regionCode: String };

/** From this many cells on, a write reads the open versions of its indicators in one pass instead of one lookup per cell. */
const BULK_WRITE = 256;

const EMPTY_FIELDS: ObservationFields = { value: null, growthReportedPct: null, rankReported: null, flags: [], note: null, source: null };

function summaryOf(changeSet: { id: number; kind: string; label: string; createdAt: string; forward: unknown[] }, state: ChangeSetState): ChangeSetSummary {
  return { id: changeSet.id, kind: changeSet.kind, label: changeSet.label, createdAt: changeSet.createdAt, state, cellCount: changeSet.forward.length };
}

const WORKING_NAMES = new Set(['working', '工作副本', 'current']);

function now(): string {
  return new Date().toISOString();
}

function toObservation(row: VersionRow): Observation {
  return {
    versionId: row.id,
    indicatorCode: row.indicator_code,
    regionCode: row.region_code,
    period: row.period,
    value: row.value,
    unit: row.unit,
    growthReportedPct: row.growth_reported_pct,
    rankReported: row.rank_reported,
    flags: parseFlags(row.flags),
    note: row.note,
    source: row.source,
    fromSeq: row.from_seq,
  };
}

/** One open workspace file: the domain operations over its repositories. */
export class Workspace {
  readonly catalog: CatalogRepository;
  readonly observations: ObservationRepository;
  readonly snapshots: SnapshotRepository;
  readonly changeSets: ChangeSetRepository;

  private constructor(
    readonly db: Db,
    readonly filePath: string,
  ) {
    this.catalog = new CatalogRepository(db);
    this.observations = new ObservationRepository(db);
    this.snapshots = new SnapshotRepository(db);
    this.changeSets = new ChangeSetRepository(db);
  }

  static open(filePath: string): Workspace {
    return new Workspace(openWorkspaceFile(filePath), path.resolve(filePath));
  }

  /** Creates a workspace; `seed` fills it inside the schema's transaction, so a failure leaves no file. */
  static create(filePath: string, seed?: (workspace: Workspace) => void): Workspace {
    let created: Workspace | undefined;
    const db = createWorkspaceFile(filePath, seed ? (rawDb) => seed((created = new Workspace(rawDb, path.resolve(filePath)))) : undefined);
    return created ?? new Workspace(db, path.resolve(filePath));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  getMeta(key: string): string | undefined {
    const row = this.db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key);
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  info(): WorkspaceInfo {
    return {
      path: this.filePath,
      fileName: path.basename(this.filePath),
      schemaVersion: LATEST_SCHEMA_VERSION,
      workingSeq: this.snapshots.workingSeq(),
      lastSnapshot: this.snapshots.last() ?? null,
      observationCount: this.observations.countWorking(),
      isSample: this.getMeta('origin') === 'sample',
    };
  }

  /** Resolves "working", a seq number (or its digits) or a label to a sequence number. */
  resolveSnapshot(ref: SnapshotRef | undefined): { seq: number; label: string } {
    const working = this.snapshots.workingSeq();
    if (ref === undefined || (typeof ref === 'string' && WORKING_NAMES.has(ref.trim().toLowerCase()))) {
      return { seq: working, label: 'working' };
    }
    const asNumber = typeof ref === 'number' ? ref : /^\d+$/.test(ref.trim()) ? Number(ref.trim()) : undefined;
    const snapshot = asNumber !== undefined ? this.snapshots.bySeq(asNumber) : this.snapshots.byLabel(ref as string);
    if (asNumber === working) return { seq: working, label: 'working' };
    if (!snapshot) {
      const known = this.snapshots.list().map((s) => `${s.seq} ${s.label}`);
      throw new AppFailure(
        'SNAPSHOT_NOT_FOUND',
        `No snapshot "${ref}". Use a number or label from the snapshot list, or "working".${known.length ? ` Known: ${known.join('; ')}` : ''}`,
        `没有快照“${ref}”。请使用快照列表中的编号或名称，或“working”（工作副本）。${known.length ? `现有：${known.join('；')}` : ''}`,
        { ref, known },
      );
    }
    return { seq: snapshot.seq, label: snapshot.label };
  }

  findIndicator(query: string): StoredIndicator {
    return this.findOne(query, this.catalog.indicators(), 'INDICATOR_NOT_FOUND', 'indicator', '指标');
  }

  findRegion(query: string): StoredRegion {
    return this.findOne(query, this.catalog.regions(), 'REGION_NOT_FOUND', 'region', '地区');
  }

  private findOne<T extends Nameable>(
    query: string,
    items: readonly T[],
    code: 'INDICATOR_NOT_FOUND' | 'REGION_NOT_FOUND',
    nounEn: string,
    nounZh: string,
  ): T {
    const match = matchByName(query, items);
    if (match.kind === 'found') return match.item;
    if (match.kind === 'ambiguous') {
      const names = match.candidates.slice(0, 10).map((c) => `${c.code} ${c.nameZh} (${c.nameEn})`);
      throw new AppFailure(
        'AMBIGUOUS_QUERY',
        `"${query}" matches more than one ${nounEn}: ${names.join('; ')}. Use the code.`,
        `“${query}”匹配到多个${nounZh}：${names.join('；')}。请使用代码。`,
        { query, candidates: match.candidates.map((c) => c.code) },
      );
    }
    throw new AppFailure(
      code,
      `No ${nounEn} matches "${query}". Use a code or a Chinese or English name from the catalogue.`,
      `没有与“${query}”匹配的${nounZh}。请使用目录中的代码、中文名或英文名。`,
      { query },
    );
  }

  private parsePeriodOrFail(text: string): string {
    const period = parsePeriod(text);
    if (!period) {
      throw new AppFailure(
        'PERIOD_UNPARSEABLE',
        `"${text}" is not a period. Write a year (2024), a quarter (2024Q3) or a month (2024M11).`,
        `“${text}”不是有效的期别。请写年份（2024）、季度（2024Q3）或月份（2024M11）。`,
        { period: text },
      );
    }
    return period.code;
  }

  querySeries(query: SeriesQuery): Observation[] {
    const { seq } = this.resolveSnapshot(query.snapshot);
    const filter: AsOfFilter = { isWorking: seq === this.snapshots.workingSeq() };
    if (query.indicator) filter.indicatorId = this.findIndicator(query.indicator).id;
    if (query.region) filter.regionId = this.findRegion(query.region).id;
    if (query.period) filter.period = this.parsePeriodOrFail(query.period);
    if (query.category) filter.category = query.category;
    return this.observations.observationsAsOf(seq, filter);
  }

  /**
   * Writes cells to the working copy as one change set, in one transaction. A user action ends
   * the redo stack; undo and redo themselves apply stored change sets through `applyStored`.
   * Catalogue entries added through `catalog.add*` earlier in the same transaction (an import's new
   * regions and indicators) are recorded with the change set: undo removes them, redo restores them.
   */
  writeCells(writes: readonly CellWrite[], changeSet: { kind: string; label: string }, onProgress?: (done: number) => void): number {
    this.forgetCatalogOfEndedTransactions();
    return this.db.transaction(() => this.writeResolved(this.resolveWrites(writes, (index) => writes[index]!.fields), changeSet, onProgress))();
  }

  /** Edits some fields of cells, keeping the others as they are; a cell without a value yet is created. */
  editCells(edits: readonly CellEdit[], changeSet: { kind: string; label: string }): number {
    this.forgetCatalogOfEndedTransactions();
    return this.db.transaction(() =>
      this.writeResolved(
        this.resolveWrites(edits, (index, before) => {
          const edit = edits[index]!;
          return edit.remove ? null : { ...(before ?? EMPTY_FIELDS), ...edit.fields };
        }),
        changeSet,
      ),
    )();
  }

  private writeResolved({ writes: resolved, indicatorCode, regionCode }: Resolution, changeSet: { kind: string; label: string }, onProgress?: (done: number) => void): number {
    const seq = this.snapshots.workingSeq();
    const recordedAt = now();
    const cells: ChangeCells = {
      count: resolved.length,
      indicator: (index) => indicatorCode(resolved[index]!.key.indicatorId),
      region: (index) => regionCode(resolved[index]!.key.regionId),
      period: (index) => resolved[index]!.key.period,
      before: (index) => resolved[index]!.before,
      after: (index) => resolved[index]!.fields,
    };
    const changeSetId = this.changeSets.record({ ...changeSet, seq, cells, createdAt: recordedAt, catalog: this.catalog.takeCreated() });
    this.changeSets.discardRedo();
    this.observations.writeMany(resolved, seq, changeSetId, recordedAt, onProgress);
    return changeSetId;
  }

  /**
   * Entries added by `catalog.add*` belong to the change set written in the same transaction; one
   * that outlived its transaction (added without writing cells) belongs to none.
   */
  private forgetCatalogOfEndedTransactions(): void {
    if (!this.db.inTransaction) this.catalog.forgetAllCreated();
  }

  /** Takes back the most recent change set still done; null when there is nothing to undo. */
  undo(): ChangeSetSummary | null {
    this.forgetCatalogOfEndedTransactions();
    return this.db.transaction(() => {
      const last = this.changeSets.lastDone<CellCodes, ObservationFields>();
      if (!last) return null;
      this.applyStored(last.inverse, last.id);
      if (last.catalog) this.catalog.removeCreated(last.catalog);
      this.changeSets.setState(last.id, 'undone');
      return summaryOf(last, 'undone');
    })();
  }

  /** Applies again the most recently undone change set; null when there is nothing to redo. */
  redo(): ChangeSetSummary | null {
    this.forgetCatalogOfEndedTransactions();
    return this.db.transaction(() => {
      const next = this.changeSets.nextUndone<CellCodes, ObservationFields>();
      if (!next) return null;
      if (next.catalog) this.catalog.restoreCreated(next.catalog);
      this.applyStored(next.forward, next.id);
      this.changeSets.setState(next.id, 'done');
      return summaryOf(next, 'done');
    })();
  }

  private applyStored(writes: readonly { key: CellCodes; fields: ObservationFields | null }[], changeSetId: number): void {
    const seq = this.snapshots.workingSeq();
    const cells = writes.map(({ key }) => ({ indicatorCode: key.indicator, regionCode: key.region, period: key.period }));
    this.observations.writeMany(this.resolveWrites(cells, (index) => writes[index]!.fields).writes, seq, changeSetId, now());
  }

  /**
   * Makes the working copy equal to snapshot `ref` again, as one undoable change set. Nothing is
   * deleted: the versions written since stay in the cells' history.
   */
  restore(ref: SnapshotRef): { snapshot: { seq: number; label: string }; changeSetId: number | null; cellCount: number } {
    this.forgetCatalogOfEndedTransactions();
    return this.db.transaction(() => {
      const target = this.resolveSnapshot(ref);
      const working = this.snapshots.workingSeq();
      if (target.seq === working) return { snapshot: target, changeSetId: null, cellCount: 0 };
      // Every cell whose content differs, with its content at the target (snapshots lie below the working seq).
      const writes: CellWrite[] = this.observations.diffCells(target.seq, working, true).map((cell) => ({
        indicatorCode: cell.indicatorCode,
        regionCode: cell.regionCode,
        period: cell.period,
        fields: cell.low?.fields ?? null,
      }));
      if (writes.length === 0) return { snapshot: target, changeSetId: null, cellCount: 0 };
      const changeSetId = this.writeCells(writes, { kind: 'restore', label: `恢复到快照“${target.label}” / Restore snapshot "${target.label}"` });
      return { snapshot: target, changeSetId, cellCount: writes.length };
    })();
  }

  private readonly instance = `${process.pid}-${Math.random().toString(36).slice(2)}`;

  /** Changes since this file was opened, as a token; null while nothing has changed. */
  revision(): string | null {
    const changes = (this.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    return changes === 0 ? null : `${this.instance}:${changes}`;
  }

  /**
   * Adds an indicator after checking that its code is new and its category and parent exist, as one
   * undoable change set of no cells that records the entry: undo removes it again, redo puts it back.
   */
  addIndicator(indicator: Indicator): Indicator {
    this.forgetCatalogOfEndedTransactions();
    return this.db.transaction(() => {
      const catalog = this.catalog.catalog();
      this.assertNewCode(indicator.code, catalog.indicators, '指标', 'indicator');
      if (!catalog.categories.some((c) => c.code === indicator.category)) throw this.unknownReference('category', indicator.category);
      if (indicator.parentCode && !catalog.indicators.some((i) => i.code === indicator.parentCode)) throw this.unknownReference('parent indicator', indicator.parentCode);
      this.catalog.addIndicator(indicator, catalog.indicators.length);
      this.writeResolved(NO_CELLS, { kind: 'catalog', label: `新增指标“${indicator.nameZh}” / Add indicator "${indicator.nameEn}"` });
      return indicator;
    })();
  }

  /** Adds a region after checking that its code is new and its parent exists, undoably as `addIndicator`. */
  addRegion(region: Region): Region {
    this.forgetCatalogOfEndedTransactions();
    return this.db.transaction(() => {
      const regions = this.catalog.regions();
      this.assertNewCode(region.code, regions, '地区', 'region');
      if (region.parentCode && !regions.some((r) => r.code === region.parentCode)) throw this.unknownReference('parent region', region.parentCode);
      this.catalog.addRegion(region, regions.length);
      this.writeResolved(NO_CELLS, { kind: 'catalog', label: `新增地区“${region.nameZh}” / Add region "${region.nameEn}"` });
      return region;
    })();
  }

  /** Adds a category, undoably as `addIndicator`. */
  addCategory(category: Category): Category {
    this.forgetCatalogOfEndedTransactions();
    return this.db.transaction(() => {
      const categories = this.catalog.categories();
      this.assertNewCode(category.code, categories, '类别', 'category');
      this.catalog.addCategory(category, categories.length);
      this.writeResolved(NO_CELLS, { kind: 'catalog', label: `新增类别“${category.nameZh}” / Add category "${category.nameEn}"` });
      return category;
    })();
  }

  private assertNewCode(code: string, existing: readonly { code: string }[], nounZh: string, nounEn: string): void {
    if (existing.some((item) => item.code === code)) {
      throw new AppFailure('VALIDATION', `The ${nounEn} code "${code}" is already used. Choose another code.`, `${nounZh}代码“${code}”已被使用。请换一个代码。`, { code });
    }
  }

  private unknownReference(what: string, code: string): AppFailure {
    return new AppFailure('VALIDATION', `Unknown ${what} "${code}". Add it first or choose an existing one.`, `未知的引用“${code}”（${what}）。请先添加，或选择已有的。`, { code });
  }

  /** Writes a compact, consistent copy of the workspace to a new file (VACUUM INTO). */
  saveCopy(targetPath: string): void {
    this.db.prepare('VACUUM INTO ?').run(targetPath);
  }

  recentChangeSets(limit = 50): ChangeSetSummary[] {
    return this.changeSets.recent(limit);
  }

  /**
   * Resolves cells by codes to keys and reads their content before the write: one prepared lookup per
   * cell, or, for a large write, the open versions of its indicators in one pass. `after` gives each
   * cell's new content from its content before (earlier writes of the same cell in the batch included).
   * The codes of the ids come back with them, from the same reading of the catalogue.
   */
  private resolveWrites(
    cells: readonly { indicatorCode: string; regionCode: string; period: string }[],
    after: (index: number, before: ObservationFields | null) => ObservationFields | null,
  ): Resolution {
    const indicatorList = this.catalog.indicators();
    const regionList = this.catalog.regions();
    const indicators = new Map(indicatorList.map((i) => [i.code, i]));
    const regions = new Map(regionList.map((r) => [r.code, r]));
    const periods = new Map<string, string>();
    const keys = cells.map((cell): CellKey => {
      const indicator = indicators.get(cell.indicatorCode);
      const region = regions.get(cell.regionCode);
      if (!indicator) throw this.missing('INDICATOR_NOT_FOUND', cell.indicatorCode);
      if (!region) throw this.missing('REGION_NOT_FOUND', cell.regionCode);
      let period = periods.get(cell.period);
      if (period === undefined) periods.set(cell.period, (period = this.parsePeriodOrFail(cell.period)));
      return { indicatorId: indicator.id, regionId: region.id, period };
    });
    let open: CellMap<OpenVersion> | undefined;
    if (keys.length >= BULK_WRITE && this.observations.isWorkingAtMost(8 * keys.length)) {
      open = this.observations.openFieldsOf(new Set(keys.map((key) => key.indicatorId)));
    }
    // Content of cells already written in this batch.
    const written = new CellMap<ObservationFields | null>();
    const writes = keys.map((key, index): Resolved => {
      const repeat = written.has(key);
      let before: ObservationFields | null;
      let currentId: number | undefined;
      if (repeat) before = written.get(key)!;
      else {
        const current = open ? open.get(key) : this.observations.openFields(key);
        before = current?.fields ?? null;
        currentId = current?.id;
      }
      const fields = after(index, before);
      written.set(key, fields);
      return { key, before, currentId, fields, repeat };
    });
    const indicatorCodes = new Map(indicatorList.map((i) => [i.id, i.code]));
    const regionCodes = new Map(regionList.map((r) => [r.id, r.code]));
    return { writes, indicatorCode: (id) => indicatorCodes.get(id)!, regionCode: (id) => regionCodes.get(id)! };
  }

  private missing(code: 'INDICATOR_NOT_FOUND' | 'REGION_NOT_FOUND', value: string): AppFailure {
    const noun = code === 'INDICATOR_NOT_FOUND' ? ['indicator', '指标'] : ['region', '地区'];
    return new AppFailure(code, `Unknown ${noun[0]} code "${value}".`, `未知的${noun[1]}代码“${value}”。`, { code: value });
  }

  createSnapshot(snapshot: NewSnapshot): Snapshot {
    const label = snapshot.label.trim();
    return this.db.transaction(() => {
      if (this.snapshots.byLabel(label)) {
        throw new AppFailure(
          'SNAPSHOT_LABEL_TAKEN',
          `A snapshot named "${label}" already exists. Choose another label.`,
          `已有名为“${label}”的快照。请换一个名称。`,
          { label },
        );
      }
      return this.snapshots.insert({ ...snapshot, label }, this.observations.countWorking(), now());
    })();
  }

  diff(fromRef: SnapshotRef, toRef: SnapshotRef): SnapshotDiff {
    const from = this.resolveSnapshot(fromRef);
    const to = this.resolveSnapshot(toRef);
    const [low, high] = from.seq <= to.seq ? [from.seq, to.seq] : [to.seq, from.seq];
    const rows: DiffRow[] = [];
    for (const cell of this.observations.diffCells(low, high)) {
      const [before, after] = from.seq <= to.seq ? [cell.low, cell.high] : [cell.high, cell.low];
      rows.push({
        change: !before ? 'added' : !after ? 'removed' : 'changed',
        indicatorCode: cell.indicatorCode,
        regionCode: cell.regionCode,
        period: cell.period,
        unit: cell.unit,
        oldValue: before?.value ?? null,
        newValue: after?.value ?? null,
        oldGrowthReportedPct: before?.growthReportedPct ?? null,
        newGrowthReportedPct: after?.growthReportedPct ?? null,
        oldRankReported: before?.rankReported ?? null,
        newRankReported: after?.rankReported ?? null,
      });
    }
    return { from, to, rows };
  }

  history(query: ObservationKey): CellHistory {
    const indicator = this.findIndicator(query.indicator);
    const region = this.findRegion(query.region);
    const period = this.parsePeriodOrFail(query.period);
    const working = this.snapshots.workingSeq();
    const versions = this.observations.history({ indicatorId: indicator.id, regionId: region.id, period }).map((row) => {
      // A version first appears in the snapshot of its from_seq, unless it was replaced within that seq.
      const isEverFrozen = row.from_seq < working && (row.to_seq === null || row.to_seq > row.from_seq);
      const { versionId, value, growthReportedPct, rankReported, flags, note, source, fromSeq } = toObservation(row);
      return {
        versionId,
        value,
        growthReportedPct,
        rankReported,
        flags,
        note,
        source,
        fromSeq,
        toSeq: row.to_seq,
        firstSnapshotLabel: isEverFrozen ? (this.snapshots.bySeq(row.from_seq)?.label ?? null) : null,
        recordedAt: row.recorded_at,
      };
    });
    return { indicatorCode: indicator.code, regionCode: region.code, period, unit: indicator.unit, versions };
  }
}
