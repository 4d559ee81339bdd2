import type { ObservationFlag } from '../../../shared/api/schemas';
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

const SELECT_VERSION = `
  SELECT ov.id, ov.indicator_id, ov.region_id, i.code AS indicator_code, r.code AS region_code, i.unit,
         ov.period, ov.value, ov.growth_reported_pct, ov.rank_reported, ov.flags, ov.note, ov.source,
         ov.from_seq, ov.to_seq, ov.recorded_at
  FROM observation_version ov
  JOIN indicator i ON i.id = ov.indicator_id
  JOIN region r ON r.id = ov.region_id`;

/** Visible at snapshot S: opened at or before S and not closed by S. */
const VISIBLE_AT = 'ov.from_seq <= @seq AND (ov.to_seq IS NULL OR ov.to_seq > @seq)';

export function parseFlags(text: string): ObservationFlag[] {
  return text === '' ? [] : (text.split(',') as ObservationFlag[]);
}

/** Versions of observations: every write closes the open version and opens a new one. */
export class ObservationRepository {
  private readonly statements;
  private readonly asOfCache = new Map<string, ReturnType<Db['prepare']>>();

  constructor(private readonly db: Db) {
    this.statements = {
      open: db.prepare<[number, number, string], VersionRow>(
        `${SELECT_VERSION} WHERE ov.indicator_id = ? AND ov.region_id = ? AND ov.period = ? AND ov.to_seq IS NULL`,
      ),
      close: db.prepare('UPDATE observation_version SET to_seq = ? WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO observation_version (indicator_id, region_id, period, value, growth_reported_pct, rank_reported,
           flags, note, source, from_seq, change_set_id, recorded_at)
         VALUES (@indicatorId, @regionId, @period, @value, @growthReportedPct, @rankReported,
           @flags, @note, @source, @seq, @changeSetId, @recordedAt)`,
      ),
      changedBetween: db.prepare<{ from: number; to: number }, VersionRow>(ObservationRepository.changedBetweenSql),
      history: db.prepare<[number, number, string], VersionRow>(
        `${SELECT_VERSION} WHERE ov.indicator_id = ? AND ov.region_id = ? AND ov.period = ? ORDER BY ov.id`,
      ),
      countOpen: db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM observation_version WHERE to_seq IS NULL'),
    };
  }

  /** Versions opened or closed in (@from, @to]; exported for EXPLAIN QUERY PLAN tests. */
  static readonly changedBetweenSql = `${SELECT_VERSION}
    WHERE (ov.from_seq > @from AND ov.from_seq <= @to) OR (ov.to_seq > @from AND ov.to_seq <= @to)
    ORDER BY ov.indicator_id, ov.region_id, ov.period, ov.id`;

  /** The SQL of the as-of query for a filter shape; exported for EXPLAIN QUERY PLAN tests. */
  static asOfSql(filter: AsOfFilter): string {
    // The working copy is every open version (to_seq IS NULL): the partial index answers it directly,
    // where the interval test would read every version ever opened.
    const conditions = [filter.isWorking ? 'ov.to_seq IS NULL' : VISIBLE_AT];
    if (filter.indicatorId !== undefined) conditions.push('ov.indicator_id = @indicatorId');
    if (filter.regionId !== undefined) conditions.push('ov.region_id = @regionId');
    if (filter.period !== undefined) conditions.push('ov.period = @period');
    if (filter.category !== undefined) conditions.push('i.category = @category');
    return `${SELECT_VERSION} WHERE ${conditions.join(' AND ')} ORDER BY i.sort_order, i.code, r.sort_order, r.code, ov.period`;
  }

  /** Every observation as known at snapshot `seq` (the working seq gives the working copy). */
  asOf(seq: number, filter: AsOfFilter = {}): VersionRow[] {
    const sql = ObservationRepository.asOfSql(filter);
    let statement = this.asOfCache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.asOfCache.set(sql, statement);
    }
    const { isWorking: _isWorking, ...parameters } = filter;
    return statement.all(filter.isWorking ? parameters : { seq, ...parameters }) as VersionRow[];
  }

  /** Versions opened or closed in (from, to]: the raw material of a diff. */
  changedBetween(from: number, to: number): VersionRow[] {
    return this.statements.changedBetween.all({ from, to });
  }

  history(key: CellKey): VersionRow[] {
    return this.statements.history.all(key.indicatorId, key.regionId, key.period);
  }

  openVersion(key: CellKey): VersionRow | undefined {
    return this.statements.open.get(key.indicatorId, key.regionId, key.period);
  }

  countWorking(): number {
    return this.statements.countOpen.get()?.count ?? 0;
  }

  /**
   * Writes a cell in the working copy: closes its open version at `seq` and opens a new one.
   * `fields === null` deletes the cell (closes it without a successor). Call inside a transaction.
   */
  write(key: CellKey, fields: ObservationFields | null, seq: number, changeSetId: number, recordedAt: string): void {
    const current = this.openVersion(key);
    if (current) this.statements.close.run(seq, current.id);
    if (fields === null) return;
    this.statements.insert.run({
      ...key,
      value: fields.value,
      growthReportedPct: fields.growthReportedPct,
      rankReported: fields.rankReported,
      flags: fields.flags.join(','),
      note: fields.note,
      source: fields.source,
      seq,
      changeSetId,
      recordedAt,
    });
  }
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
