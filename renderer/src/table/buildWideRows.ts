/**
 * The wide table's model: one row per indicator × region, one column per period. Pure (no React,
 * no AG Grid), so it is tested without a browser and could move to shared/grid unchanged.
 */
import type { Catalog, Indicator, Observation, ObservationFlag, Region } from '../../../shared/api/schemas';
import { chooseDisplayUnit, formatNumber, formatPercent, RATE_DECIMALS, toDisplayValue } from '../../../shared/format';
import type { DisplayUnit, Language } from '../../../shared/format';
import { comparePeriods, periodLabel } from '../../../shared/periods';
import { convert, findUnit } from '../../../shared/units';
import { patchOf } from '../editing/patches';
import { matchesQuery } from '../navigator/matchesQuery';

export interface WideFilter {
  readonly categoryCode: string | null;
  readonly indicatorCode: string | null;
  readonly regionCode: string | null;
  /** Quick search over codes and names of the indicator and the region. */
  readonly search?: string;
  /** Only this period's column. */
  readonly period?: string | null;
  /** Empty period columns to show besides those with data (for typing or pasting new figures). */
  readonly extraPeriods?: readonly string[];
  /** Empty rows to show besides those with data (an indicator or region just added). */
  readonly extraRows?: readonly { readonly indicatorCode: string; readonly regionCode: string }[];
  /**
   * Periods labelled year-to-date whatever the rows hold: a table drawn from its first rows
   * (series.head) labels its columns as the whole table does.
   */
  readonly ytdPeriods?: readonly string[];
}

export interface PeriodColumn {
  readonly period: string;
  readonly label: string;
}

export interface WideCell {
  /** The value in the row's display unit (what the cell shows, used for sorting). */
  readonly value: number | null;
  readonly text: string;
  readonly flags: readonly ObservationFlag[];
  readonly note: string | null;
}

export interface WideRow {
  /** `${indicatorCode}|${regionCode}`: stable across reloads, snapshots and languages. */
  readonly id: string;
  readonly indicatorCode: string;
  readonly regionCode: string;
  readonly indicatorName: string;
  readonly regionName: string;
  readonly unitLabel: string;
  /** The indicator's unit (what is stored) and the unit the row shows, for reading typed figures. */
  readonly storedUnit: string;
  readonly displayUnit: string;
  readonly cells: Readonly<Record<string, WideCell>>;
  /** The row's own latest period (rows of one table may end in different years). */
  readonly latestPeriod: PeriodColumn | null;
  /** Growth reported for the row's latest period, in percent. */
  readonly latestGrowth: number | null;
  readonly latestGrowthText: string;
  /** Rank among the province's cities reported for the row's latest period (1 = first). */
  readonly latestRank: number | null;
}

export interface WideTable {
  readonly periods: readonly PeriodColumn[];
  /** The latest period when every row ends in it (the growth header names it), otherwise null. */
  readonly commonLatestPeriod: PeriodColumn | null;
  readonly rows: readonly WideRow[];
}

/** Shown where the source printed no figure. */
export const MISSING = '—';

export function rowId(indicatorCode: string, regionCode: string): string {
  return `${indicatorCode}|${regionCode}`;
}

function isKept(observation: Pick<Observation, 'indicatorCode' | 'regionCode'>, indicator: Indicator | undefined, filter: WideFilter): boolean {
  if (filter.indicatorCode && observation.indicatorCode !== filter.indicatorCode) return false;
  if (filter.regionCode && observation.regionCode !== filter.regionCode) return false;
  if (filter.categoryCode && indicator?.category !== filter.categoryCode) return false;
  return true;
}

/** The quick search: the text appears in the code or a name of the indicator or of the region. */
export function matchesSearch(query: string | undefined, indicator: Indicator | undefined, region: Region | undefined): boolean {
  if (!query || query.trim() === '') return true;
  return (indicator !== undefined && matchesQuery(indicator, query)) || (region !== undefined && matchesQuery(region, query));
}

/** A value in the row's unit: one row's values may be stored in different units of one dimension. */
function inUnit(value: number, from: string, to: string): number {
  const converted = convert(value, from, to);
  return converted.ok ? converted.value : value;
}

/**
 * A cell whose text is formatted when first read: a table of 200,000 figures shows a few hundred
 * at a time, and formatting numbers is most of the cost of building it.
 */
class FormattedCell implements WideCell {
  private shown: number | null | undefined = undefined;
  private formatted: string | null = null;

  constructor(
    private readonly observation: Observation,
    private readonly display: DisplayUnit,
    private readonly language: Language,
    private readonly isRate: boolean,
  ) {}

  get value(): number | null {
    if (this.shown === undefined) {
      const { value, unit } = this.observation;
      this.shown = value === null ? null : toDisplayValue(value, unit, this.display);
    }
    return this.shown;
  }

  get text(): string {
    if (this.formatted === null) {
      const { value, language, isRate } = this;
      this.formatted = value === null ? MISSING : isRate ? formatNumber(value, language, RATE_DECIMALS, RATE_DECIMALS) : formatNumber(value, language);
    }
    return this.formatted;
  }

  get flags(): readonly ObservationFlag[] {
    return this.observation.flags;
  }

  get note(): string | null {
    return this.observation.note;
  }
}

function formatCell(observation: Observation, display: DisplayUnit, language: Language, isRate: boolean): WideCell {
  return new FormattedCell(observation, display, language, isRate);
}

/** The largest absolute value of a list in `unitCode`, or null when none has a value. */
function largestOf(list: readonly Observation[], unitCode: string): number | null {
  let largest: number | null = null;
  for (const observation of list) {
    if (observation.value === null) continue;
    const value = Math.abs(observation.unit === unitCode ? observation.value : inUnit(observation.value, observation.unit, unitCode));
    if (largest === null || value > largest) largest = value;
  }
  return largest;
}

/**
 * The magnitude that chooses a row's display unit (only the largest value counts): its own values;
 * for a row without any (Zhejiang's level is not printed, only its growth) those of its
 * indicator's other rows, then one stored unit, so it does not fall back to 元.
 */
function magnitudesOf(group: readonly Observation[], peers: readonly Observation[] | (() => readonly Observation[]), unitCode: string): number[] {
  // Only money moves between 元, 万元 and 亿元 with the size of the figures.
  if (findUnit(unitCode)?.dimension !== 'money') return [1];
  const own = largestOf(group, unitCode);
  if (own !== null) return [own];
  const fromPeers = largestOf(typeof peers === 'function' ? peers() : peers, unitCode);
  return fromPeers !== null ? [fromPeers] : [1];
}

/** The unit a row of one indicator and region shows its values in (both table layouts agree). */
export function rowDisplayUnit(group: readonly Observation[], peers: readonly Observation[] | (() => readonly Observation[]), unitCode: string, language: Language): DisplayUnit {
  return chooseDisplayUnit(unitCode, magnitudesOf(group, peers, unitCode), language);
}

interface RowContext {
  readonly indicator: Indicator | undefined;
  readonly region: Region | undefined;
  /** The indicator's observations in every row, asked for only by a row without values of its own. */
  readonly peers: () => readonly Observation[];
  readonly periods: ReadonlyMap<string, PeriodColumn & { readonly order: number }>;
  readonly language: Language;
}

function columnOf(column: (PeriodColumn & { readonly order: number }) | undefined): PeriodColumn | null {
  return column ? { period: column.period, label: column.label } : null;
}

/**
 * A row whose cells are made when first read: the grid reads those of the rows it draws (and all of
 * them only to sort by a period), so 200,000 figures make a few thousand cells at first, not 200,000.
 */
class LazyRow implements WideRow {
  private built: Readonly<Record<string, WideCell>> | null = null;

  constructor(
    readonly id: string,
    readonly indicatorCode: string,
    readonly regionCode: string,
    readonly indicatorName: string,
    readonly regionName: string,
    readonly unitLabel: string,
    readonly storedUnit: string,
    readonly displayUnit: string,
    readonly latestPeriod: PeriodColumn | null,
    readonly latestGrowth: number | null,
    readonly latestGrowthText: string,
    readonly latestRank: number | null,
    private readonly group: readonly Observation[],
    private readonly display: DisplayUnit,
    private readonly language: Language,
    private readonly isRate: boolean,
  ) {}

  get cells(): Readonly<Record<string, WideCell>> {
    if (!this.built) {
      const cells: Record<string, WideCell> = {};
      for (const observation of this.group) cells[observation.period] = formatCell(observation, this.display, this.language, this.isRate);
      this.built = cells;
    }
    return this.built;
  }
}

function buildRow(group: readonly Observation[], { indicator, region, peers, periods, language }: RowContext): WideRow {
  const first = group[0]!;
  const unitCode = indicator?.unit ?? first.unit;
  const display = rowDisplayUnit(group, peers, unitCode, language);
  const dimension = findUnit(unitCode)?.dimension;
  const isRate = dimension === 'rate' || dimension === 'rate_difference';
  let latest = first;
  let latestOrder = -1;
  for (const observation of group) {
    const order = periods.get(observation.period)?.order ?? -1;
    if (order > latestOrder) {
      latest = observation;
      latestOrder = order;
    }
  }
  const latestGrowth = latest.growthReportedPct;
  return new LazyRow(
    rowId(first.indicatorCode, first.regionCode),
    first.indicatorCode,
    first.regionCode,
    indicator ? (language === 'zh' ? indicator.nameZh : indicator.nameEn) : first.indicatorCode,
    region ? (language === 'zh' ? region.nameZh : region.nameEn) : first.regionCode,
    display.label,
    unitCode,
    display.code,
    columnOf(periods.get(latest.period)),
    latestGrowth,
    latestGrowth === null ? MISSING : formatPercent(latestGrowth, language),
    latest.rankReported,
    group,
    display,
    language,
    isRate,
  );
}

/** A row without figures yet, for typing into: named like the others, in its indicator's unit. */
function buildEmptyRow(indicatorCode: string, regionCode: string, { indicator, region, peers, language }: RowContext): WideRow {
  const unitCode = indicator?.unit ?? '';
  const display = rowDisplayUnit([], peers, unitCode, language);
  return {
    id: rowId(indicatorCode, regionCode),
    indicatorCode,
    regionCode,
    indicatorName: indicator ? (language === 'zh' ? indicator.nameZh : indicator.nameEn) : indicatorCode,
    regionName: region ? (language === 'zh' ? region.nameZh : region.nameEn) : regionCode,
    unitLabel: display.label,
    storedUnit: unitCode,
    displayUnit: display.code,
    cells: {},
    latestPeriod: null,
    latestGrowth: null,
    latestGrowthText: MISSING,
    latestRank: null,
  };
}

export function pushTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

interface CachedRow {
  readonly group: readonly Observation[];
  readonly row: WideRow;
}

/**
 * Rows built before, by catalog and by language and columns: after an edit only the rows whose
 * observations changed are built again, and the grid, which compares rows by identity, redraws only those.
 */
const ROW_CACHES = new WeakMap<Catalog, { key: string; rows: Map<string, CachedRow> }>();

function rowCache(catalog: Catalog, key: string): Map<string, CachedRow> {
  const existing = ROW_CACHES.get(catalog);
  if (existing?.key === key) return existing.rows;
  const rows = new Map<string, CachedRow>();
  ROW_CACHES.set(catalog, { key, rows });
  return rows;
}

function isSameGroup(a: readonly Observation[], b: readonly Observation[]): boolean {
  return a.length === b.length && a.every((observation, index) => observation === b[index]);
}

/** What one build saw, so that the next, after an edit, rebuilds only the rows the edit touched. */
interface Build {
  readonly catalog: Catalog;
  readonly filter: WideFilter;
  readonly language: Language;
  readonly table: WideTable;
  /** The observations of each row shown, by row id. */
  readonly groups: ReadonlyMap<string, readonly Observation[]>;
  readonly periodByCode: ReadonlyMap<string, PeriodColumn & { readonly order: number }>;
  readonly ytdPeriods: ReadonlySet<string>;
  /** Rows built on every build: empty ones and those without values (their unit comes from their peers). */
  readonly alwaysBuilt: ReadonlySet<string>;
  readonly cacheKey: string;
}

const BUILDS = new WeakMap<readonly Observation[], Build>();

function commonLatestOf(rows: readonly WideRow[]): PeriodColumn | null {
  // Rows without figures yet (just added) end nowhere and do not change the growth header.
  const withFigures = rows.filter((row) => row.latestPeriod !== null);
  const ends = new Set(withFigures.map((row) => row.latestPeriod?.period));
  return ends.size === 1 ? (withFigures[0]?.latestPeriod ?? null) : null;
}

function hasValues(group: readonly Observation[]): boolean {
  return group.some((observation) => observation.value !== null);
}

/**
 * The table after an edit, from the table before it: only the rows holding edited cells (and those
 * always built) are built again. Null when the edit changes the table's shape (a new row or period,
 * a removed figure, a period filter), which a full build handles.
 */
function patchedBuild(observations: readonly Observation[], catalog: Catalog, filter: WideFilter, language: Language): WideTable | null {
  const patch = patchOf(observations);
  const last = patch && BUILDS.get(patch.base);
  if (!patch || !last || last.catalog !== catalog || last.filter !== filter || last.language !== language || filter.period) return null;
  const indicators = new Map(catalog.indicators.map((indicator) => [indicator.code, indicator]));
  const regions = new Map(catalog.regions.map((region) => [region.code, region]));
  const groups = new Map(last.groups);
  const touched = new Set<string>();
  for (const change of patch.changes) {
    const id = rowId(change.indicatorCode, change.regionCode);
    const indicator = indicators.get(change.indicatorCode);
    const group = groups.get(id);
    if (!group) {
      // A row the filters leave out stays out; a row they keep is new to the table.
      if (isKept(change, indicator, filter) && matchesSearch(filter.search, indicator, regions.get(change.regionCode))) return null;
      continue;
    }
    if (!change.next || !last.periodByCode.has(change.period)) return null;
    // A year-to-date figure in a period that had none would rename the period's column.
    if (indicator?.accumulation === 'ytd' && !last.ytdPeriods.has(change.period)) return null;
    const next = [...group];
    const index = next.findIndex((observation) => observation.period === change.period);
    if (index >= 0) next[index] = change.next;
    else next.push(change.next);
    groups.set(id, next);
    touched.add(id);
  }
  const cache = rowCache(catalog, last.cacheKey);
  const peersCache = new Map<string, readonly Observation[]>();
  const peersOf = (indicatorCode: string): readonly Observation[] => {
    let peers = peersCache.get(indicatorCode);
    if (!peers) {
      const prefix = `${indicatorCode}|`;
      peers = [...groups].filter(([id]) => id.startsWith(prefix)).flatMap(([, group]) => group);
      peersCache.set(indicatorCode, peers);
    }
    return peers;
  };
  const alwaysBuilt = new Set(last.alwaysBuilt);
  const rows = last.table.rows.map((row) => {
    if (!touched.has(row.id) && !last.alwaysBuilt.has(row.id)) return row;
    const context = {
      indicator: indicators.get(row.indicatorCode),
      region: regions.get(row.regionCode),
      peers: () => peersOf(row.indicatorCode),
      periods: last.periodByCode,
      language,
    };
    const group = groups.get(row.id);
    if (!group) return buildEmptyRow(row.indicatorCode, row.regionCode, context);
    const built = buildRow(group, context);
    if (hasValues(group)) {
      cache.set(row.id, { group, row: built });
      alwaysBuilt.delete(row.id);
    } else alwaysBuilt.add(row.id);
    return built;
  });
  const table = { periods: last.table.periods, commonLatestPeriod: commonLatestOf(rows), rows };
  BUILDS.set(observations, { ...last, table, groups, alwaysBuilt });
  return table;
}

/**
 * Rows in catalog order (indicator, then region) and period columns in chronological order. After
 * an edit (observations that applyEdits made from those of the previous build) only the edited rows
 * are built again.
 */
export function buildWideRows(observations: readonly Observation[], catalog: Catalog, filter: WideFilter, language: Language): WideTable {
  // The table shown again (back from another view, which made a new filter object): the same table.
  const last = BUILDS.get(observations);
  if (last && last.catalog === catalog && last.language === language && isSameFilter(last.filter, filter)) return last.table;
  return patchedBuild(observations, catalog, filter, language) ?? buildFully(observations, catalog, filter, language);
}

function isSameFilter(a: WideFilter, b: WideFilter): boolean {
  return (
    a === b ||
    (a.categoryCode === b.categoryCode &&
      a.indicatorCode === b.indicatorCode &&
      a.regionCode === b.regionCode &&
      (a.search ?? '') === (b.search ?? '') &&
      (a.period ?? null) === (b.period ?? null) &&
      a.extraPeriods === b.extraPeriods &&
      a.extraRows === b.extraRows &&
      a.ytdPeriods === b.ytdPeriods)
  );
}

function buildFully(observations: readonly Observation[], catalog: Catalog, filter: WideFilter, language: Language): WideTable {
  const indicatorIndex = new Map(catalog.indicators.map((indicator, index) => [indicator.code, index]));
  const regionIndex = new Map(catalog.regions.map((region, index) => [region.code, index]));
  const groups = new Map<string, Observation[]>();
  const groupsByIndicator = new Map<string, Observation[][]>();
  const ytdPeriods = new Set<string>(filter.ytdPeriods);
  const periodCodes = new Set<string>();
  /** The group a row's observations go to, or null when the filters leave the row out. */
  const groupFor = (observation: Observation, indicator: Indicator | undefined): Observation[] | null => {
    if (!isKept(observation, indicator, filter)) return null;
    const id = rowId(observation.indicatorCode, observation.regionCode);
    let group = groups.get(id);
    if (group) return group;
    if (filter.search && !matchesSearch(filter.search, indicator, catalog.regions[regionIndex.get(observation.regionCode) ?? -1])) return null;
    group = [];
    groups.set(id, group);
    pushTo(groupsByIndicator, observation.indicatorCode, group);
    return group;
  };
  // Observations come in cell-key order, so a row's figures follow one another: the row is looked
  // up once per run, not once per figure (200,000 figures make 5,000 rows).
  let runIndicator: string | null = null;
  let runRegion: string | null = null;
  let runIndicatorEntry: Indicator | undefined;
  let runGroup: Observation[] | null = null;
  for (const observation of observations) {
    if (observation.indicatorCode !== runIndicator || observation.regionCode !== runRegion) {
      runIndicator = observation.indicatorCode;
      runRegion = observation.regionCode;
      runIndicatorEntry = catalog.indicators[indicatorIndex.get(observation.indicatorCode) ?? -1];
      runGroup = groupFor(observation, runIndicatorEntry);
    }
    if (!runGroup) continue;
    if (filter.period && observation.period !== filter.period) continue;
    runGroup.push(observation);
    periodCodes.add(observation.period);
    if (runIndicatorEntry?.accumulation === 'ytd') ytdPeriods.add(observation.period);
  }
  // A row whose figures the period filter left out is not shown.
  for (const [id, group] of groups) if (group.length === 0) groups.delete(id);
  const emptyRows = (filter.extraRows ?? []).filter((extra) => {
    if (groups.has(rowId(extra.indicatorCode, extra.regionCode))) return false;
    const indicator = catalog.indicators[indicatorIndex.get(extra.indicatorCode) ?? -1];
    const region = catalog.regions[regionIndex.get(extra.regionCode) ?? -1];
    return indicator !== undefined && region !== undefined && isKept({ indicatorCode: extra.indicatorCode, regionCode: extra.regionCode }, indicator, filter) && matchesSearch(filter.search, indicator, region);
  });
  const peersCache = new Map<string, readonly Observation[]>();
  const peersOf = (indicatorCode: string): readonly Observation[] => {
    let peers = peersCache.get(indicatorCode);
    if (!peers) peersCache.set(indicatorCode, (peers = (groupsByIndicator.get(indicatorCode) ?? []).flat()));
    return peers;
  };
  // Empty columns are offered only beside data (a table of no rows says so instead).
  if (groups.size > 0 || emptyRows.length > 0) for (const extra of filter.extraPeriods ?? []) if (!filter.period || filter.period === extra) periodCodes.add(extra);
  const periods = [...periodCodes]
    .sort(comparePeriods)
    .map((period) => ({ period, label: periodLabel(period, language, ytdPeriods.has(period) ? 'ytd' : 'point') }));
  const periodByCode = new Map(periods.map((column, order) => [column.period, { ...column, order }]));
  const cacheKey = `${language}|${periods.map((p) => `${p.period}=${p.label}`).join(',')}`;
  const cache = rowCache(catalog, cacheKey);
  const alwaysBuilt = new Set<string>();
  const position = (code: string, index: Map<string, number>) => index.get(code) ?? Number.MAX_SAFE_INTEGER;
  const keys: { readonly indicatorCode: string; readonly regionCode: string }[] = [...groups.values()].map((group) => group[0]!);
  const rows = [...keys, ...emptyRows]
    .sort(
      (a, b) =>
        position(a.indicatorCode, indicatorIndex) - position(b.indicatorCode, indicatorIndex) ||
        position(a.regionCode, regionIndex) - position(b.regionCode, regionIndex) ||
        rowId(a.indicatorCode, a.regionCode).localeCompare(rowId(b.indicatorCode, b.regionCode)),
    )
    .map((first) => {
      const id = rowId(first.indicatorCode, first.regionCode);
      const group = groups.get(id);
      const context = {
        indicator: catalog.indicators[indicatorIndex.get(first.indicatorCode) ?? -1],
        region: catalog.regions[regionIndex.get(first.regionCode) ?? -1],
        peers: () => peersOf(first.indicatorCode),
        periods: periodByCode,
        language,
      };
      if (!group) {
        alwaysBuilt.add(id);
        return buildEmptyRow(first.indicatorCode, first.regionCode, context);
      }
      const cached = cache.get(id);
      if (cached && isSameGroup(cached.group, group)) return cached.row;
      const row = buildRow(group, context);
      // A row without values of its own takes its unit from its peers: it is rebuilt every time.
      if (hasValues(group)) cache.set(id, { group, row });
      else alwaysBuilt.add(id);
      return row;
    });
  const table = { periods, commonLatestPeriod: commonLatestOf(rows), rows };
  BUILDS.set(observations, { catalog, filter, language, table, groups, periodByCode, ytdPeriods, alwaysBuilt, cacheKey });
  return table;
}
