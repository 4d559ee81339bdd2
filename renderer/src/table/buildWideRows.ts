/**
 * The wide table's model: one row per indicator × region, one column per period. Pure (no React,
 * no AG Grid), so it is tested without a browser and could move to shared/grid unchanged.
 */
import type { Catalog, Indicator, Observation, ObservationFlag, Region } from '../../../shared/api/schemas';
import { chooseDisplayUnit, formatNumber, formatPercent, RATE_DECIMALS, toDisplayValue } from '../../../shared/format';
import type { DisplayUnit, Language } from '../../../shared/format';
import { comparePeriods, periodLabel } from '../../../shared/periods';
import { convert, findUnit } from '../../../shared/units';
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

function isKept(observation: Observation, indicator: Indicator | undefined, filter: WideFilter): boolean {
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

/**
 * Magnitudes that choose a row's display unit: its own values; for a row without any (Zhejiang's
 * level is not printed, only its growth) those of its indicator's other rows, then one stored unit,
 * so it does not fall back to 元.
 */
function magnitudesOf(group: readonly Observation[], peers: readonly Observation[], unitCode: string): number[] {
  const valuesOf = (list: readonly Observation[]) =>
    list.flatMap((o) => (o.value === null ? [] : [inUnit(o.value, o.unit, unitCode)]));
  const own = valuesOf(group);
  if (own.length > 0) return own;
  const fromPeers = valuesOf(peers);
  return fromPeers.length > 0 ? fromPeers : [1];
}

/** The unit a row of one indicator and region shows its values in (both table layouts agree). */
export function rowDisplayUnit(group: readonly Observation[], peers: readonly Observation[], unitCode: string, language: Language): DisplayUnit {
  return chooseDisplayUnit(unitCode, magnitudesOf(group, peers, unitCode), language);
}

interface RowContext {
  readonly indicator: Indicator | undefined;
  readonly region: Region | undefined;
  readonly peers: readonly Observation[];
  readonly periods: ReadonlyMap<string, PeriodColumn & { readonly order: number }>;
  readonly language: Language;
}

function columnOf(column: (PeriodColumn & { readonly order: number }) | undefined): PeriodColumn | null {
  return column ? { period: column.period, label: column.label } : null;
}

function buildRow(group: readonly Observation[], { indicator, region, peers, periods, language }: RowContext): WideRow {
  const first = group[0]!;
  const unitCode = indicator?.unit ?? first.unit;
  const display = rowDisplayUnit(group, peers, unitCode, language);
  const dimension = findUnit(unitCode)?.dimension;
  const isRate = dimension === 'rate' || dimension === 'rate_difference';
  const cells: Record<string, WideCell> = {};
  for (const observation of group) cells[observation.period] = formatCell(observation, display, language, isRate);
  const order = (observation: Observation) => periods.get(observation.period)?.order ?? -1;
  const latest = group.reduce((a, b) => (order(a) >= order(b) ? a : b));
  const latestGrowth = latest.growthReportedPct;
  return {
    id: rowId(first.indicatorCode, first.regionCode),
    indicatorCode: first.indicatorCode,
    regionCode: first.regionCode,
    indicatorName: indicator ? (language === 'zh' ? indicator.nameZh : indicator.nameEn) : first.indicatorCode,
    regionName: region ? (language === 'zh' ? region.nameZh : region.nameEn) : first.regionCode,
    unitLabel: display.label,
    storedUnit: unitCode,
    displayUnit: display.code,
    cells,
    latestPeriod: columnOf(periods.get(latest.period)),
    latestGrowth,
    latestGrowthText: latestGrowth === null ? MISSING : formatPercent(latestGrowth, language),
    latestRank: latest.rankReported,
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

/** Rows in catalog order (indicator, then region) and period columns in chronological order. */
export function buildWideRows(observations: readonly Observation[], catalog: Catalog, filter: WideFilter, language: Language): WideTable {
  const indicatorIndex = new Map(catalog.indicators.map((indicator, index) => [indicator.code, index]));
  const regionIndex = new Map(catalog.regions.map((region, index) => [region.code, index]));
  const groups = new Map<string, Observation[]>();
  const byIndicator = new Map<string, Observation[]>();
  const ytdPeriods = new Set<string>();
  const periodCodes = new Set<string>();
  const searched = new Map<string, boolean>();
  for (const observation of observations) {
    const indicator = catalog.indicators[indicatorIndex.get(observation.indicatorCode) ?? -1];
    if (!isKept(observation, indicator, filter)) continue;
    if (filter.period && observation.period !== filter.period) continue;
    const id = rowId(observation.indicatorCode, observation.regionCode);
    if (filter.search) {
      let isFound = searched.get(id);
      if (isFound === undefined) {
        isFound = matchesSearch(filter.search, indicator, catalog.regions[regionIndex.get(observation.regionCode) ?? -1]);
        searched.set(id, isFound);
      }
      if (!isFound) continue;
    }
    pushTo(groups, id, observation);
    pushTo(byIndicator, observation.indicatorCode, observation);
    periodCodes.add(observation.period);
    if (indicator?.accumulation === 'ytd') ytdPeriods.add(observation.period);
  }
  // Empty columns are offered only beside data (a table of no rows says so instead).
  if (groups.size > 0) for (const extra of filter.extraPeriods ?? []) if (!filter.period || filter.period === extra) periodCodes.add(extra);
  const periods = [...periodCodes]
    .sort(comparePeriods)
    .map((period) => ({ period, label: periodLabel(period, language, ytdPeriods.has(period) ? 'ytd' : 'point') }));
  const periodByCode = new Map(periods.map((column, order) => [column.period, { ...column, order }]));
  const cache = rowCache(catalog, `${language}|${periods.map((p) => `${p.period}=${p.label}`).join(',')}`);
  const position = (code: string, index: Map<string, number>) => index.get(code) ?? Number.MAX_SAFE_INTEGER;
  const rows = [...groups.values()]
    .map((group) => group[0]!)
    .sort(
      (a, b) =>
        position(a.indicatorCode, indicatorIndex) - position(b.indicatorCode, indicatorIndex) ||
        position(a.regionCode, regionIndex) - position(b.regionCode, regionIndex) ||
        rowId(a.indicatorCode, a.regionCode).localeCompare(rowId(b.indicatorCode, b.regionCode)),
    )
    .map((first) => {
      const id = rowId(first.indicatorCode, first.regionCode);
      const group = groups.get(id)!;
      const cached = cache.get(id);
      if (cached && isSameGroup(cached.group, group)) return cached.row;
      const row = buildRow(group, {
        indicator: catalog.indicators[indicatorIndex.get(first.indicatorCode) ?? -1],
        region: catalog.regions[regionIndex.get(first.regionCode) ?? -1],
        peers: byIndicator.get(first.indicatorCode) ?? [],
        periods: periodByCode,
        language,
      });
      // A row without values of its own takes its unit from its peers: it is rebuilt every time.
      if (group.some((observation) => observation.value !== null)) cache.set(id, { group, row });
      return row;
    });
  const ends = new Set(rows.map((row) => row.latestPeriod?.period));
  const commonLatestPeriod = ends.size === 1 ? (rows[0]?.latestPeriod ?? null) : null;
  return { periods, commonLatestPeriod, rows };
}
