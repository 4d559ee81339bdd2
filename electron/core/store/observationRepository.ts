import type { Observation, ObservationFlag } from '../../../shared/api/schemas';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

/** The editable content of one cell. */
export interface ObservationFields {
  value: number | null;
  growthReportedPct: number | null;
  rankReported: number | null;
  flags: readonly ObservationFlag[];
  note: string | null;
  source: string | null;
}

export interface CellKey {
  indicatorId: number;
  regionId: number;
  period: string;
}

export interface VersionRow {
  id: number;
  indicator_id: number;
  region_id: number;
  indicator_code: string;
  region_code: string;
  unit: string;
  period: string;
  value: number | null;
  growth_reported_pct: number | null;
  rank_reported: number | null;
  flags: string;
  note: string | null;
  source: string | null;
  from_seq: number;
  to_seq: number | null;
  recorded_at: string;
}

export interface AsOfFilter {
  /** The seq asked for is the working seq: its visible versions are exactly the open ones. */
  isWorking?: boolean;
  indicatorId?: number;
  regionId?: number;
  period?: string;
  category?: string;
}

/** The open version of a cell as a write needs it: its id and content. */
export interface OpenVersion {
  id: number;
  fields: ObservationFields;
}

/** One cell write, resolved: the open version it replaces (if any) and the new content (null: delete). */
export interface ResolvedWrite {
  key: CellKey;
  /** The open version before the batch (ignored for a repeat). */
  currentId: number | undefined;
  fields: ObservationFields | null;
  /** The same cell was written earlier in the batch: its open version is looked up when written. */
  repeat?: boolean;
}

/**
 * One cell whose content differs between two snapshots: its version at the lower and at the higher
 * seq (null: absent there). `fields` are filled only when asked for.
 */
export interface DiffCell {
  indicatorId: number;
  regionId: number;
  indicatorCode: string;
  regionCode: string;
  unit: string;
  period: string;
  low: DiffSide | null;
  high: DiffSide | null;
}

export interface DiffSide {
  versionId: number;
  value: number | null;
  growthReportedPct: number | null;
  rankReported: number | null;
  fields?: ObservationFields;
}

const SELECT_VERSION = `
  SELECT ov.id, ov.indicator_id, ov.region_id, i.code AS indicator_code, r.code AS region_code, i.unit,
         ov.period, ov.value, ov.growth_reported_pct, ov.rank_reported, ov.flags, ov.note, ov.source,
         ov.from_seq, ov.to_seq, ov.recorded_at
  FROM observation_version ov
  JOIN indicator i ON i.id = ov.indicator_id
  JOIN region r ON r.id = ov.region_id`;

/**
 * The columns of a version read in bulk (as arrays: better-sqlite3 makes row objects slowly; codes
 * and units come from the catalogue in JS). Positions are the V_* constants below.
 */
const VERSION_COLUMNS = (alias: string) =>
  ['id', 'indicator_id', 'region_id', 'period', 'value', 'growth_reported_pct', 'rank_reported', 'flags', 'note', 'source', 'from_seq', 'to_seq', 'recorded_at']
    .map((column) => `${alias}.${column}`)
    .join(', ');
const V_ID = 0;
const V_INDICATOR = 1;
const V_REGION = 2;
const V_PERIOD = 3;
const V_VALUE = 4;
const V_GROWTH = 5;
const V_RANK = 6;
const V_FLAGS = 7;
const V_NOTE = 8;
const V_SOURCE = 9;
const V_FROM = 10;
const V_TO = 11;
const V_RECORDED = 12;
type RawVersion = (string | number | null)[];

/**
 * The id of the version of cell `c` visible at `seq`, if any: the last version opened at or before
 * `seq` (one seek, backwards, in the covering index observation_version_key). It is visible unless
 * it was closed by then, which the caller tests on the row.
 */
function versionAt(seq: string): string {
  return `(SELECT v.id FROM observation_version v
      WHERE v.indicator_id = c.indicator_id AND v.region_id = c.region_id AND v.period = c.period AND v.from_seq <= ${seq}
      ORDER BY v.from_seq DESC, v.id DESC LIMIT 1)`;
}

/** The conditions on `cell c` that select the working copy's cells for a filter. */
export function workingConditions(filter: Omit<AsOfFilter, 'isWorking'>): string[] {
  const conditions = ['c.open_id IS NOT NULL'];
  if (filter.indicatorId !== undefined) conditions.push('c.indicator_id = @indicatorId');
  if (filter.regionId !== undefined) conditions.push('c.region_id = @regionId');
  if (filter.period !== undefined) conditions.push('c.period = @period');
  if (filter.category !== undefined) conditions.push('c.indicator_id IN (SELECT id FROM indicator WHERE category = @category)');
  return conditions;
}

function visibleAt(alias: string, seq: string): string {
  return `(${alias}.to_seq IS NULL OR ${alias}.to_seq > ${seq})`;
}

export function parseFlags(text: string): ObservationFlag[] {
  return text === '' ? [] : (text.split(',') as ObservationFlag[]);
}

interface CatalogCodes {
  indicators: Map<number, { code: string; unit: string; rank: number }>;
  regions: Map<number, { code: string; rank: number }>;
}

/** Versions of observations: every write closes the open version and opens a new one. */
export class ObservationRepository {
  private readonly statements;
  private readonly asOfCache = new Map<string, Statement<unknown[], RawVersion>>();

  constructor(private readonly db: Db) {
    this.statements = {
      // A cell's open version is the one its row in `cell` names (migration 008).
      open: db.prepare<[number, number, string], VersionRow>(
        `${SELECT_VERSION} JOIN cell c ON c.open_id = ov.id WHERE c.indicator_id = ? AND c.region_id = ? AND c.period = ?`,
      ),
      openFields: db
        .prepare<[number, number, string], RawVersion>(
          `SELECT ${VERSION_COLUMNS('ov')} FROM cell c JOIN observation_version ov ON ov.id = c.open_id WHERE c.indicator_id = ? AND c.region_id = ? AND c.period = ?`,
        )
        .raw(),
      // Within a write, before `cell` is brought up to date: the cell's versions in the key index.
      openFieldsInWrite: db
        .prepare<[number, number, string], RawVersion>(
          `SELECT ${VERSION_COLUMNS('ov')} FROM observation_version ov
           WHERE ov.indicator_id = ? AND ov.region_id = ? AND ov.period = ? AND ov.to_seq IS NULL ORDER BY ov.id DESC LIMIT 1`,
        )
        .raw(),
      openOfIndicator: db
        .prepare<[number], RawVersion>(`SELECT ${VERSION_COLUMNS('ov')} FROM cell c JOIN observation_version ov ON ov.id = c.open_id WHERE c.indicator_id = ?`)
        .raw(),
      close: db.prepare<[number, number]>('UPDATE observation_version SET to_seq = ? WHERE id = ?'),
      // Each cell given a version after id ? names it as open (new cells are added): one statement per write, not one per version.
      openCells: db.prepare<[number]>(
        `INSERT INTO cell (indicator_id, region_id, period, open_id)
           SELECT indicator_id, region_id, period, id FROM observation_version WHERE id > ? AND to_seq IS NULL
         ON CONFLICT (indicator_id, region_id, period) DO UPDATE SET open_id = excluded.open_id`,
      ),
      // A deleted cell keeps its row (its history) without an open version.
      closeCell: db.prepare<[number, number, string]>('UPDATE cell SET open_id = NULL WHERE indicator_id = ? AND region_id = ? AND period = ?'),
      changedBetween: db.prepare<{ from: number; to: number }, RawVersion>(ObservationRepository.changedBetweenSql).raw(),
      diffWide: db.prepare<{ low: number; high: number }, RawVersion>(ObservationRepository.diffSql('wide', false)).raw(),
      diffNarrow: db.prepare<{ low: number; high: number }, RawVersion>(ObservationRepository.diffSql('narrow', false)).raw(),
      diffWideContent: db.prepare<{ low: number; high: number }, RawVersion>(ObservationRepository.diffSql('wide', true)).raw(),
      diffNarrowContent: db.prepare<{ low: number; high: number }, RawVersion>(ObservationRepository.diffSql('narrow', true)).raw(),
      firstIdAfter: db
        .prepare<[number], number>('SELECT id FROM observation_version WHERE from_seq > ? ORDER BY from_seq, id LIMIT 1')
        .pluck(),
      maxId: db.prepare<[], number | null>('SELECT MAX(id) FROM observation_version').pluck(),
      cellCount: db.prepare<[], number>('SELECT COUNT(*) FROM cell').pluck(),
      history: db.prepare<[number, number, string], VersionRow>(
        `${SELECT_VERSION} WHERE ov.indicator_id = ? AND ov.region_id = ? AND ov.period = ? ORDER BY ov.id`,
      ),
      countOpen: db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM cell WHERE open_id IS NOT NULL'),
      // Counts open versions only up to a limit: enough to compare with a bound, without reading them all.
      countOpenUpTo: db.prepare<[number], number>('SELECT COUNT(*) FROM (SELECT 1 FROM cell WHERE open_id IS NOT NULL LIMIT ?)').pluck(),
      indicatorOrder: db.prepare<[], [number, string, string]>('SELECT id, code, unit FROM indicator ORDER BY sort_order, code').raw(),
      regionOrder: db.prepare<[], [number, string]>('SELECT id, code FROM region ORDER BY sort_order, code').raw(),
    };
  }

  /** Versions opened or closed in (@from, @to]; exported for EXPLAIN QUERY PLAN tests. */
  static readonly changedBetweenSql = `SELECT ${VERSION_COLUMNS('ov')} FROM observation_version ov
    WHERE (ov.from_seq > @from AND ov.from_seq <= @to) OR (ov.to_seq > @from AND ov.to_seq <= @to)
    ORDER BY ov.indicator_id, ov.region_id, ov.period, ov.id`;

  /**
   * The cells whose content differs between @low and @high, each with its visible version at both:
   * two backward seeks per cell in the covering cell-key index. `wide` compares every cell; `narrow`
   * only the cells with a version opened or closed in (@low, @high], found through the from_seq and
   * to_seq indexes. Content is compared in SQL, so equal cells never reach JS. Exported for EXPLAIN
   * QUERY PLAN tests.
   */
  static diffSql(range: 'wide' | 'narrow', withContent: boolean): string {
    const cells =
      range === 'wide'
        ? 'cell'
        : `(SELECT DISTINCT indicator_id, region_id, period FROM observation_version
            WHERE (from_seq > @low AND from_seq <= @high) OR (to_seq > @low AND to_seq <= @high))`;
    const side = (alias: string) =>
      [`${alias}.id`, `${alias}.value`, `${alias}.growth_reported_pct`, `${alias}.rank_reported`, ...(withContent ? [`${alias}.flags`, `${alias}.note`, `${alias}.source`] : [])].join(', ');
    const same = ['value', 'growth_reported_pct', 'rank_reported', 'flags', 'note', 'source'].map((column) => `a.${column} IS b.${column}`).join(' AND ');
    return `SELECT p.indicator_id, p.region_id, p.period, ${side('a')}, ${side('b')}
      FROM (SELECT c.indicator_id, c.region_id, c.period, ${versionAt('@low')} AS low_id, ${versionAt('@high')} AS high_id FROM ${cells} c) p
      LEFT JOIN observation_version a ON a.id = p.low_id AND ${visibleAt('a', '@low')}
      LEFT JOIN observation_version b ON b.id = p.high_id AND ${visibleAt('b', '@high')}
      WHERE a.id IS NOT b.id AND NOT (${same})
      ORDER BY p.indicator_id, p.region_id, p.period`;
  }

  /**
   * The SQL of the as-of query for a filter shape; exported for EXPLAIN QUERY PLAN tests. Rows come
   * unordered: `asOf` sorts them in catalogue order.
   */
  static asOfSql(filter: AsOfFilter): string {
    if (filter.isWorking) {
      // The working copy is every cell's open version (migration 008): one rowid lookup per cell.
      return `SELECT ${VERSION_COLUMNS('ov')} FROM cell c JOIN observation_version ov ON ov.id = c.open_id WHERE ${workingConditions(filter).join(' AND ')}`;
    }
    // A snapshot: per cell, one seek for its version at @seq (see versionAt), not a scan of every
    // version opened before @seq.
    const conditions = [visibleAt('ov', '@seq')];
    if (filter.indicatorId !== undefined) conditions.push('c.indicator_id = @indicatorId');
    if (filter.regionId !== undefined) conditions.push('c.region_id = @regionId');
    if (filter.period !== undefined) conditions.push('c.period = @period');
    if (filter.category !== undefined) conditions.push('c.indicator_id IN (SELECT id FROM indicator WHERE category = @category)');
    return `SELECT ${VERSION_COLUMNS('ov')} FROM cell c JOIN observation_version ov ON ov.id = ${versionAt('@seq')}
      WHERE ${conditions.join(' AND ')}`;
  }

  private catalogCodes(): CatalogCodes {
    const indicators = new Map<number, { code: string; unit: string; rank: number }>();
    this.statements.indicatorOrder.all().forEach(([id, code, unit], rank) => indicators.set(id, { code, unit, rank }));
    const regions = new Map<number, { code: string; rank: number }>();
    this.statements.regionOrder.all().forEach(([id, code], rank) => regions.set(id, { code, rank }));
    return { indicators, regions };
  }

  private rawAsOf(seq: number, filter: AsOfFilter): RawVersion[] {
    const sql = ObservationRepository.asOfSql(filter);
    let statement = this.asOfCache.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[], RawVersion>(sql).raw();
      this.asOfCache.set(sql, statement);
    }
    const { isWorking: _isWorking, ...parameters } = filter;
    const bound = filter.isWorking ? parameters : { seq, ...parameters };
    // A statement without parameters refuses an (empty) parameter object.
    return statement.all(...(Object.keys(bound).length > 0 ? [bound] : []));
  }

  /** Every observation as known at snapshot `seq` (the working seq gives the working copy), in catalogue order. */
  asOf(seq: number, filter: AsOfFilter = {}): VersionRow[] {
    const codes = this.catalogCodes();
    return sortInCatalogOrder(this.rawAsOf(seq, filter), codes).map((raw) => toVersionRow(raw, codes));
  }

  /** `asOf` as the API's observations, built directly from the stored rows. */
  observationsAsOf(seq: number, filter: AsOfFilter = {}): Observation[] {
    const codes = this.catalogCodes();
    const rows = sortInCatalogOrder(this.rawAsOf(seq, filter), codes);
    const result = new Array<Observation>(rows.length);
    for (let index = 0; index < rows.length; index += 1) {
      const raw = rows[index]!;
      const indicator = codes.indicators.get(raw[V_INDICATOR] as number)!;
      result[index] = {
        versionId: raw[V_ID] as number,
        indicatorCode: indicator.code,
        regionCode: codes.regions.get(raw[V_REGION] as number)!.code,
        period: raw[V_PERIOD] as string,
        value: raw[V_VALUE] as number | null,
        unit: indicator.unit,
        growthReportedPct: raw[V_GROWTH] as number | null,
        rankReported: raw[V_RANK] as number | null,
        flags: parseFlags(raw[V_FLAGS] as string),
        note: raw[V_NOTE] as string | null,
        source: raw[V_SOURCE] as string | null,
        fromSeq: raw[V_FROM] as number,
      };
    }
    return result;
  }

  /** Versions opened or closed in (from, to]: the raw material of a narrow diff, in cell-key order. */
  changedBetween(from: number, to: number): VersionRow[] {
    const codes = this.catalogCodes();
    return this.statements.changedBetween.all({ from, to }).map((raw) => toVersionRow(raw, codes));
  }

  /**
   * The cells whose content differs between snapshots `low` and `high` (low <= high), in cell-key
   * order, each with its version at both. A narrow range (few versions opened in it) is compared on
   * the cells it touched, a wide one on every cell: neither reads every version in between.
   * `withContent` adds flags, note and source (a restore writes them back).
   */
  diffCells(low: number, high: number, withContent = false): DiffCell[] {
    const codes = this.catalogCodes();
    const wide = this.versionsOpenedBetween(low, high) * 2 > this.statements.cellCount.get()!;
    const s = this.statements;
    const statement = wide ? (withContent ? s.diffWideContent : s.diffWide) : withContent ? s.diffNarrowContent : s.diffNarrow;
    const width = withContent ? 7 : 4;
    const side = (raw: RawVersion, at: number): DiffSide | null => {
      if (raw[at] === null) return null;
      const result: DiffSide = { versionId: raw[at] as number, value: raw[at + 1] as number | null, growthReportedPct: raw[at + 2] as number | null, rankReported: raw[at + 3] as number | null };
      if (withContent) {
        result.fields = {
          value: result.value,
          growthReportedPct: result.growthReportedPct,
          rankReported: result.rankReported,
          flags: parseFlags(raw[at + 4] as string),
          note: raw[at + 5] as string | null,
          source: raw[at + 6] as string | null,
        };
      }
      return result;
    };
    return statement.all({ low, high }).map((raw): DiffCell => {
      const indicator = codes.indicators.get(raw[0] as number);
      return {
        indicatorId: raw[0] as number,
        regionId: raw[1] as number,
        indicatorCode: indicator?.code ?? '',
        regionCode: codes.regions.get(raw[1] as number)?.code ?? '',
        unit: indicator?.unit ?? '',
        period: raw[2] as string,
        low: side(raw, 3),
        high: side(raw, 3 + width),
      };
    });
  }

  /**
   * About how many versions were opened in (low, high]: versions are written at the working seq,
   * which only grows, so ids follow from_seq and two seeks bound the range.
   */
  private versionsOpenedBetween(low: number, high: number): number {
    const end = (seq: number) => this.statements.firstIdAfter.get(seq) ?? (this.statements.maxId.get() ?? 0) + 1;
    return end(high) - end(low);
  }

  history(key: CellKey): VersionRow[] {
    return this.statements.history.all(key.indicatorId, key.regionId, key.period);
  }

  openVersion(key: CellKey): VersionRow | undefined {
    return this.statements.open.get(key.indicatorId, key.regionId, key.period);
  }

  /** The open version of one cell: its id and content. */
  openFields(key: CellKey): OpenVersion | undefined {
    const raw = this.statements.openFields.get(key.indicatorId, key.regionId, key.period);
    return raw ? { id: raw[V_ID] as number, fields: rawFields(raw) } : undefined;
  }

  /** The open versions of some indicators, by cell: one index range per indicator, for bulk writes. */
  openFieldsOf(indicatorIds: Iterable<number>): CellMap<OpenVersion> {
    const open = new CellMap<OpenVersion>();
    for (const indicatorId of indicatorIds) {
      for (const raw of this.statements.openOfIndicator.iterate(indicatorId)) {
        open.set({ indicatorId: raw[V_INDICATOR] as number, regionId: raw[V_REGION] as number, period: raw[V_PERIOD] as string }, { id: raw[V_ID] as number, fields: rawFields(raw) });
      }
    }
    return open;
  }

  countWorking(): number {
    return this.statements.countOpen.get()?.count ?? 0;
  }

  /** Whether the working copy holds at most `limit` cells; reads at most `limit + 1` of them. */
  isWorkingAtMost(limit: number): boolean {
    return this.statements.countOpenUpTo.get(limit + 1)! <= limit;
  }

  /**
   * Writes a cell in the working copy: closes its open version at `seq` and opens a new one.
   * `fields === null` deletes the cell (closes it without a successor). Call inside a transaction.
   */
  write(key: CellKey, fields: ObservationFields | null, seq: number, changeSetId: number, recordedAt: string): void {
    this.writeMany([{ key, currentId: this.openFields(key)?.id, fields }], seq, changeSetId, recordedAt);
  }

  /**
   * Writes resolved cells: at most one UPDATE (closing the open version) and one INSERT per cell,
   * both prepared, no read (but for a cell written twice in one batch). Call inside a transaction.
   * A large write goes in cell-key order (the cells of one indicator and region together, each
   * cell's writes in their order), so that the key index and `cell` grow in a few places instead
   * of all over: a long table lists regions before indicators.
   */
  writeMany(writes: readonly ResolvedWrite[], seq: number, changeSetId: number, recordedAt: string, onProgress?: (done: number) => void): void {
    const ordered = writes.length >= KEY_ORDER_FROM ? inKeyOrder(writes) : writes;
    const { close } = this.statements;
    const { single, batch } = this.insertStatements(seq, changeSetId, recordedAt);
    const lastIdBefore = this.statements.maxId.get() ?? 0;
    let inserted = 0;
    // New versions wait here and go in INSERT_BATCH at a time, in their order (so they get the ids
    // they would get one by one). A cell's open version is closed before its new one is inserted, so
    // that a cell never has two: a cell not yet written in this batch has no version waiting, and
    // before a cell's second write the waiting ones are inserted and its open one is looked up.
    // `cell.open_id` is brought up to date once, at the end.
    const waiting: InsertParameter[] = [];
    const insertWaiting = () => {
      for (let at = 0; at < waiting.length; at += INSERT_COLUMNS) single.run(...waiting.slice(at, at + INSERT_COLUMNS));
      waiting.length = 0;
    };
    const deleted: CellKey[] = [];
    const restoreCache = ordered.length >= LARGE_WRITE ? this.growPageCache(ordered.length) : undefined;
    try {
      for (const { key, currentId, fields, repeat } of ordered) {
        if (repeat) insertWaiting();
        const open = repeat ? this.statements.openFieldsInWrite.get(key.indicatorId, key.regionId, key.period)?.[V_ID] : currentId;
        if (open !== undefined) close.run(seq, open as number);
        if (fields === null) {
          deleted.push(key);
          continue;
        }
        waiting.push(key.indicatorId, key.regionId, key.period, fields.value, fields.growthReportedPct, fields.rankReported, fields.flags.join(','), fields.note, fields.source);
        inserted += 1;
        if (waiting.length === INSERT_BATCH * INSERT_COLUMNS) {
          batch().run(...waiting);
          waiting.length = 0;
          if (onProgress && inserted % PROGRESS_EVERY === 0) onProgress(inserted);
        }
      }
      insertWaiting();
      // Deleted cells first: a cell deleted and written again in the batch is open again below.
      for (const key of deleted) this.statements.closeCell.run(key.indicatorId, key.regionId, key.period);
      if (inserted > 0) this.statements.openCells.run(lastIdBefore);
    } finally {
      restoreCache?.();
    }
  }

  /**
   * INSERT statements for one write: its seq, change set and time are the same for every version,
   * so they are written into the SQL once instead of bound a million times (they are numbers and an
   * ISO time, checked here, never text from a file). The multi-row one is prepared only for a write
   * that fills it: a single edit does not pay for it.
   */
  private insertStatements(seq: number, changeSetId: number, recordedAt: string): { single: Statement<InsertParameter[]>; batch: () => Statement<InsertParameter[]> } {
    if (!Number.isSafeInteger(seq) || !Number.isSafeInteger(changeSetId) || !/^[0-9T:.Z+-]+$/.test(recordedAt)) {
      throw new Error(`Not a version's seq, change set and time: ${seq}, ${changeSetId}, ${recordedAt}`);
    }
    const sqlFor = (rows: number) =>
      `INSERT INTO observation_version (indicator_id, region_id, period, value, growth_reported_pct, rank_reported,
         flags, note, source, from_seq, change_set_id, recorded_at)
       VALUES ${Array.from({ length: rows }, () => `(?, ?, ?, ?, ?, ?, ?, ?, ?, ${seq}, ${changeSetId}, '${recordedAt}')`).join(', ')}`;
    let batch: Statement<InsertParameter[]> | undefined;
    return { single: this.db.prepare<InsertParameter[]>(sqlFor(1)), batch: () => (batch ??= this.db.prepare<InsertParameter[]>(sqlFor(INSERT_BATCH))) };
  }

  /**
   * Lets a large write keep the pages it touches in memory (about 300 bytes of table and indexes per
   * version) instead of spilling them to the WAL and reading them back before the commit; gives the
   * memory back after.
   */
  private growPageCache(versions: number): () => void {
    const before = this.db.pragma('cache_size', { simple: true }) as number;
    const neededKiB = Math.min(1_048_576, Math.ceil((versions * 300) / 1024));
    const beforeKiB = before < 0 ? -before : (before * 4096) / 1024;
    if (neededKiB <= beforeKiB) return () => undefined;
    this.db.pragma(`cache_size = -${neededKiB}`);
    return () => this.db.pragma(`cache_size = ${before}`);
  }
}

/** Cells of a large write grouped by indicator and region in key order, keeping each cell's writes in their order. */
function inKeyOrder(writes: readonly ResolvedWrite[]): ResolvedWrite[] {
  const groups = new Map<number, ResolvedWrite[]>();
  for (const write of writes) {
    const row = rowOf(write.key);
    let group = groups.get(row);
    if (!group) groups.set(row, (group = []));
    group.push(write);
  }
  const ordered: ResolvedWrite[] = [];
  for (const row of [...groups.keys()].sort((a, b) => a - b)) for (const write of groups.get(row)!) ordered.push(write);
  return ordered;
}

/** Bound columns of one inserted version, and versions per multi-row INSERT (576 parameters, far below SQLite's limit). */
const INSERT_COLUMNS = 9;
const INSERT_BATCH = 64;
/** Versions between two progress reports of a write (a multiple of INSERT_BATCH). */
const PROGRESS_EVERY = 64 * 1024;
/** Writes from this size go in cell-key order. */
const KEY_ORDER_FROM = 4096;
/** Writes from this size get a page cache large enough for them. */
const LARGE_WRITE = 50_000;
type InsertParameter = number | string | null;

/** A cell's indicator and region as one number (exact: region ids are given one by one and stay far below 2^22). */
function rowOf(key: CellKey): number {
  if (key.regionId >= 4_194_304 || key.regionId < 0) throw new RangeError(`Region id ${key.regionId} is outside what a cell map can key.`);
  return key.indicatorId * 4_194_304 + key.regionId;
}

/**
 * A map keyed by cell: one small map of periods per indicator and region. A million cells keyed by
 * one joined string each (as before) spent most of a bulk write's JS time building and hashing the
 * strings.
 */
export class CellMap<V> {
  private readonly rows = new Map<number, Map<string, V>>();

  get(key: CellKey): V | undefined {
    return this.rows.get(rowOf(key))?.get(key.period);
  }

  has(key: CellKey): boolean {
    return this.rows.get(rowOf(key))?.has(key.period) ?? false;
  }

  set(key: CellKey, value: V): this {
    const row = rowOf(key);
    let periods = this.rows.get(row);
    if (!periods) this.rows.set(row, (periods = new Map()));
    periods.set(key.period, value);
    return this;
  }
}

function rawFields(raw: RawVersion): ObservationFields {
  return {
    value: raw[V_VALUE] as number | null,
    growthReportedPct: raw[V_GROWTH] as number | null,
    rankReported: raw[V_RANK] as number | null,
    flags: parseFlags(raw[V_FLAGS] as string),
    note: raw[V_NOTE] as string | null,
    source: raw[V_SOURCE] as string | null,
  };
}

function toVersionRow(raw: RawVersion, codes: CatalogCodes): VersionRow {
  const indicator = codes.indicators.get(raw[V_INDICATOR] as number);
  return {
    id: raw[V_ID] as number,
    indicator_id: raw[V_INDICATOR] as number,
    region_id: raw[V_REGION] as number,
    indicator_code: indicator?.code ?? '',
    region_code: codes.regions.get(raw[V_REGION] as number)?.code ?? '',
    unit: indicator?.unit ?? '',
    period: raw[V_PERIOD] as string,
    value: raw[V_VALUE] as number | null,
    growth_reported_pct: raw[V_GROWTH] as number | null,
    rank_reported: raw[V_RANK] as number | null,
    flags: raw[V_FLAGS] as string,
    note: raw[V_NOTE] as string | null,
    source: raw[V_SOURCE] as string | null,
    from_seq: raw[V_FROM] as number,
    to_seq: raw[V_TO] as number | null,
    recorded_at: raw[V_RECORDED] as string,
  };
}

/**
 * Indicator (sort order, code), region (sort order, code), period: the order of every table. Each
 * row gets one numeric key (ranks of its indicator, region and period), so the sort compares numbers.
 */
function sortInCatalogOrder(rows: RawVersion[], codes: CatalogCodes): RawVersion[] {
  const periods = [...new Set(rows.map((raw) => raw[V_PERIOD] as string))].sort();
  const periodRank = new Map(periods.map((period, rank) => [period, rank]));
  const regionCount = codes.regions.size + 1;
  const indicatorCount = codes.indicators.size;
  const keys = new Float64Array(rows.length);
  for (let index = 0; index < rows.length; index += 1) {
    const raw = rows[index]!;
    const indicator = codes.indicators.get(raw[V_INDICATOR] as number)?.rank ?? indicatorCount;
    const region = codes.regions.get(raw[V_REGION] as number)?.rank ?? regionCount - 1;
    keys[index] = (indicator * regionCount + region) * periods.length + periodRank.get(raw[V_PERIOD] as string)!;
  }
  const order = Uint32Array.from(rows.keys());
  order.sort((a, b) => keys[a]! - keys[b]!);
  return Array.from(order, (index) => rows[index]!);
}

/** The fields of a stored version, for change-set inverses and comparisons. */
export function fieldsOf(row: VersionRow): ObservationFields {
  return {
    value: row.value,
    growthReportedPct: row.growth_reported_pct,
    rankReported: row.rank_reported,
    flags: parseFlags(row.flags),
    note: row.note,
    source: row.source,
  };
}
