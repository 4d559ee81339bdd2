/**
 * `series.columns`: the observations of `series.query` column by column, for the table. The working
 * copy (what the table edits, and the largest answer) is read in one statement over the cells and
 * their open versions, in key order, with SQLite building each column as a JSON array: no row objects are made on the
 * way. A snapshot goes through `Workspace.querySeries` and is encoded afterwards.
 */
import type { ObservationColumns, TableHead } from '../../shared/api/methods/editing';
import type { SeriesQuery } from '../../shared/api/schemas';
import { encodeColumns, encodeSparse, encodeSteps } from '../../shared/editing/columns';
import { parsePeriod } from '../../shared/periods';
import { parseFlags, workingConditions } from './store/observationRepository';
import type { Workspace } from './workspace';

interface ColumnRow {
  indicator: string;
  region: string;
  period: string;
  value: string;
  growth: string;
  rank: string;
  versionId: string;
  fromSeq: string;
  /** Ids of the versions with flags, a note or a source (few, as a rule). */
  extraIds: string;
}

interface ExtraRow {
  id: number;
  flags: string;
  note: string | null;
  source: string | null;
}

interface Filter {
  indicatorId?: number;
  /** A JSON array of indicator ids (the table's first rows). */
  indicatorIds?: string;
  regionId?: number;
  period?: string;
  category?: string;
}

function conditionsOf(filter: Filter): string[] {
  const conditions = workingConditions(filter);
  if (filter.indicatorIds !== undefined) conditions.push('c.indicator_id IN (SELECT value FROM json_each(@indicatorIds))');
  return conditions;
}

/** Open versions (the working copy), in cell-key order; exported for the EXPLAIN QUERY PLAN test. */
export function openVersionsSql(filter: Filter): string {
  return `SELECT ov.id, ov.indicator_id, ov.region_id, ov.period, ov.value, ov.growth_reported_pct, ov.rank_reported, ov.flags, ov.note, ov.source, ov.from_seq
    FROM cell c JOIN observation_version ov ON ov.id = c.open_id WHERE ${conditionsOf(filter).join(' AND ')} ORDER BY c.indicator_id, c.region_id, c.period`;
}

function columnsSql(filter: Filter): string {
  return `SELECT json_group_array(indicator_id) AS indicator, json_group_array(region_id) AS region, json_group_array(period) AS period,
      json_group_array(value) AS value, json_group_array(growth_reported_pct) AS growth, json_group_array(rank_reported) AS rank,
      json_group_array(id) AS versionId, json_group_array(from_seq) AS fromSeq,
      json_group_array(id) FILTER (WHERE flags <> '' OR note IS NOT NULL OR source IS NOT NULL) AS extraIds
    FROM (${openVersionsSql(filter)})`;
}

/**
 * The flags, notes and sources of the versions the columns' scan found to have any (placed by
 * version id): read by id, instead of a second scan of the working copy (about 0.1 s at 200,000).
 */
const EXTRAS_SQL = 'SELECT id, flags, note, source FROM observation_version WHERE id IN (SELECT value FROM json_each(?))';

/** Replaces each stored id by its position in a dictionary of codes. */
function toDictionary(ids: readonly number[], codeOf: ReadonlyMap<number, string>): { codes: string[]; indexes: number[] } {
  const positions = new Map<number, number>();
  const codes: string[] = [];
  const indexes = new Array<number>(ids.length);
  for (let row = 0; row < ids.length; row += 1) {
    const id = ids[row]!;
    let position = positions.get(id);
    if (position === undefined) {
      position = codes.length;
      positions.set(id, position);
      codes.push(codeOf.get(id) ?? String(id));
    }
    indexes[row] = position;
  }
  return { codes, indexes };
}

function stringDictionary(values: readonly string[]): { values: string[]; indexes: number[] } {
  const positions = new Map<string, number>();
  const distinct: string[] = [];
  const indexes = new Array<number>(values.length);
  for (let row = 0; row < values.length; row += 1) {
    const value = values[row]!;
    let position = positions.get(value);
    if (position === undefined) {
      position = distinct.length;
      positions.set(value, position);
      distinct.push(value);
    }
    indexes[row] = position;
  }
  return { values: distinct, indexes };
}

/**
 * The row of each of `ids` in `versionIds`. Both are in the scan's order (the FILTERed array is a
 * subsequence of the whole), so one walk finds them all: no map of every version (200,000 entries
 * took about 45 ms at launch for a handful of notes).
 */
function rowsOf(ids: readonly number[], versionIds: readonly number[]): Map<number, number> {
  const rows = new Map<number, number>();
  let row = 0;
  for (const id of ids) {
    while (row < versionIds.length && versionIds[row] !== id) row += 1;
    if (row < versionIds.length) rows.set(id, row);
  }
  return rows;
}

/** The observations `query` selects, as columns (same filters and snapshot rules as series.query). */
export function queryColumns(workspace: Workspace, query: SeriesQuery): ObservationColumns {
  const { seq } = workspace.resolveSnapshot(query.snapshot);
  if (seq !== workspace.snapshots.workingSeq()) return encodeColumns(workspace.querySeries(query));
  const filter: Filter = {};
  if (query.indicator) filter.indicatorId = workspace.findIndicator(query.indicator).id;
  if (query.region) filter.regionId = workspace.findRegion(query.region).id;
  if (query.period) {
    // An unreadable period is refused by querySeries with its bilingual message.
    const period = parsePeriod(query.period);
    if (!period) return encodeColumns(workspace.querySeries(query));
    filter.period = period.code;
  }
  if (query.category) filter.category = query.category;
  return workingColumns(workspace, filter);
}

function workingColumns(workspace: Workspace, filter: Filter): ObservationColumns {
  // A statement without parameters refuses an (empty) parameter object.
  const parameters: unknown[] = Object.keys(filter).length > 0 ? [filter] : [];
  const row = workspace.db.prepare<unknown[], ColumnRow>(columnsSql(filter)).get(...parameters);
  const indicators = workspace.catalog.indicators();
  const unitOf = new Map(indicators.map((indicator) => [indicator.code, indicator.unit]));
  const indicatorIds = JSON.parse(row?.indicator ?? '[]') as number[];
  const regionIds = JSON.parse(row?.region ?? '[]') as number[];
  const indicator = toDictionary(indicatorIds, new Map(indicators.map((item) => [item.id, item.code])));
  const region = toDictionary(regionIds, new Map(workspace.catalog.regions().map((item) => [item.id, item.code])));
  const period = stringDictionary(JSON.parse(row?.period ?? '[]') as string[]);
  const versionId = JSON.parse(row?.versionId ?? '[]') as number[];
  const extraIds = row?.extraIds ?? '[]';
  const extras = extraIds === '[]' ? [] : workspace.db.prepare<[string], ExtraRow>(EXTRAS_SQL).all(extraIds);
  const rowOfVersion = rowsOf(JSON.parse(extraIds) as number[], versionId);
  const value = JSON.parse(row?.value ?? '[]') as (number | null)[];
  return {
    count: value.length,
    indicatorCodes: indicator.codes,
    units: indicator.codes.map((code) => unitOf.get(code) ?? ''),
    regionCodes: region.codes,
    periods: period.values,
    indicator: encodeSteps(indicator.indexes),
    region: encodeSteps(region.indexes),
    period: encodeSteps(period.indexes),
    versionId: encodeSteps(versionId),
    fromSeq: encodeSteps(JSON.parse(row?.fromSeq ?? '[]') as number[]),
    value,
    growthReportedPct: encodeSparse(JSON.parse(row?.growth ?? '[]') as (number | null)[]),
    rankReported: encodeSparse(JSON.parse(row?.rank ?? '[]') as (number | null)[]),
    extras: extras.map((extra) => ({
      row: rowOfVersion.get(extra.id) ?? 0,
      flags: parseFlags(extra.flags),
      note: extra.note,
      source: extra.source,
    })),
  };
}

/** Rows (regions with figures) of one indicator in the working copy: a walk of its cell keys. */
const INDICATOR_ROWS_SQL = 'SELECT COUNT(DISTINCT region_id) AS count FROM cell WHERE indicator_id = ? AND open_id IS NOT NULL';
const ROW_COUNT_SQL = 'SELECT COUNT(*) AS count FROM (SELECT 1 FROM cell WHERE open_id IS NOT NULL GROUP BY indicator_id, region_id)';
const PERIODS_SQL = 'SELECT DISTINCT period FROM cell WHERE open_id IS NOT NULL';
/** Periods of the year-to-date indicators: a walk of their own cell keys (a join over every cell took 0.16 s at 200,000). */
const YTD_PERIODS_SQL = `SELECT DISTINCT period FROM cell WHERE open_id IS NOT NULL AND indicator_id IN (SELECT id FROM indicator WHERE accumulation = 'ytd')`;

/**
 * `series.head`: the wide table's launch. A working copy of at most `over` observations whole; a
 * larger one's first `rows` rows, for the page to draw while the whole loads (at 200,000
 * observations about 0.1 s here, against half a second for the whole). Whole indicators, taken in
 * catalog order (the table's row order) until they make `rows` rows: a row's rank among its peers,
 * its share of its parent region and its growth need the indicator's other regions and periods,
 * and get them. The periods and the row count are the whole table's, so the first screen has the
 * columns and the row heights the table will keep.
 */
export function queryHead(workspace: Workspace, { rows, over }: { rows: number; over: number }): TableHead {
  if (workspace.observations.isWorkingAtMost(over)) return { complete: true, columns: workingColumns(workspace, {}) };
  const indicatorRows = workspace.db.prepare<[number], { count: number }>(INDICATOR_ROWS_SQL);
  const ids: number[] = [];
  let taken = 0;
  for (const indicator of workspace.catalog.indicators()) {
    if (taken >= rows) break;
    const count = indicatorRows.get(indicator.id)?.count ?? 0;
    if (count === 0) continue;
    ids.push(indicator.id);
    taken += count;
  }
  const ytd = new Set(workspace.db.prepare<[], string>(YTD_PERIODS_SQL).pluck().all());
  const periods = workspace.db.prepare<[], string>(PERIODS_SQL).pluck().all();
  return {
    complete: false,
    columns: workingColumns(workspace, { indicatorIds: JSON.stringify(ids) }),
    periods: periods.map((period) => ({ period, ytd: ytd.has(period) })),
    rowCount: workspace.db.prepare<[], number>(ROW_COUNT_SQL).pluck().get() ?? 0,
  };
}
