/**
 * Figures derived on read, never stored: growth computed from levels, the gap to a comparator
 * region in percentage points, the share of the parent region, the rank among peer regions.
 */
import type { Catalog, Observation, Region } from '../api/schemas';
import { yearsEarlier } from '../periods';
import { convert, findUnit, roundToSignificant } from '../units';

/** `indicator|region|period`: how a cell is named across the editing code. */
export function cellKey(indicatorCode: string, regionCode: string, period: string): string {
  return `${indicatorCode}|${regionCode}|${period}`;
}

export function observationCellKey(observation: Pick<Observation, 'indicatorCode' | 'regionCode' | 'period'>): string {
  return cellKey(observation.indicatorCode, observation.regionCode, observation.period);
}

/** Observations by cell, and peer regions, built once per change of the data. */
export interface ObservationIndex {
  /** The observation of one cell, if any. */
  readonly cell: (indicatorCode: string, regionCode: string, period: string) => Observation | undefined;
  readonly regions: ReadonlyMap<string, Region>;
  /** Regions with the same parent and level, the region itself included. */
  readonly peersOf: (regionCode: string) => readonly Region[];
}

export function indexObservations(observations: readonly Observation[], catalog: Pick<Catalog, 'regions'>): ObservationIndex {
  // Nested maps by indicator, region and period: 200,000 observations are indexed without a key string each.
  const byCell = new Map<string, Map<string, Map<string, Observation>>>();
  for (const observation of observations) {
    let regions = byCell.get(observation.indicatorCode);
    if (!regions) byCell.set(observation.indicatorCode, (regions = new Map()));
    let periods = regions.get(observation.regionCode);
    if (!periods) regions.set(observation.regionCode, (periods = new Map()));
    periods.set(observation.period, observation);
  }
  const regions = new Map(catalog.regions.map((region) => [region.code, region]));
  const groups = new Map<string, Region[]>();
  for (const region of catalog.regions) {
    const group = `${region.parentCode ?? ''}|${region.level}`;
    const list = groups.get(group);
    if (list) list.push(region);
    else groups.set(group, [region]);
  }
  return {
    cell: (indicatorCode, regionCode, period) => byCell.get(indicatorCode)?.get(regionCode)?.get(period),
    regions,
    peersOf: (regionCode) => {
      const region = regions.get(regionCode);
      return region ? (groups.get(`${region.parentCode ?? ''}|${region.level}`) ?? [region]) : [];
    },
  };
}

/** Kinds whose values add up and whose levels imply a growth rate. */
export function isAdditiveKind(kind: string): boolean {
  return kind === 'level' || kind === 'flow' || kind === 'count';
}

/** The value of `other` expressed in `unit`, or null when the units do not convert. */
export function valueIn(other: Observation, unit: string): number | null {
  if (other.value === null) return null;
  if (other.unit === unit) return other.value;
  const converted = convert(other.value, other.unit, unit);
  return converted.ok ? converted.value : null;
}

/** The same cell a year earlier (2024M11 → 2023M11), when present. */
export function previousYear(observation: Observation, index: ObservationIndex): Observation | undefined {
  const earlier = yearsEarlier(observation.period);
  return earlier ? index.cell(observation.indicatorCode, observation.regionCode, earlier) : undefined;
}

/** Year-on-year growth in percent implied by this level and last year's, or null without both. */
export function growthComputed(observation: Observation, index: ObservationIndex): number | null {
  if (observation.value === null) return null;
  const kind = findUnit(observation.unit)?.dimension;
  if (kind === 'rate' || kind === 'rate_difference' || kind === 'rank') return null;
  const before = previousYear(observation, index);
  const base = before ? valueIn(before, observation.unit) : null;
  if (base === null || base <= 0) return null;
  return roundToSignificant((observation.value / base - 1) * 100, 12);
}

/** Growth as reported, otherwise as implied by the levels. */
export function growthOf(observation: Observation, index: ObservationIndex): number | null {
  return observation.growthReportedPct ?? growthComputed(observation, index);
}

/** The comparator a gap is measured against: the region's parent by default, or one chosen region. */
export type Comparator = { readonly kind: 'parent' } | { readonly kind: 'region'; readonly regionCode: string };

export function comparatorRegion(regionCode: string, comparator: Comparator, index: ObservationIndex): string | null {
  if (comparator.kind === 'region') return comparator.regionCode === regionCode ? null : comparator.regionCode;
  return index.regions.get(regionCode)?.parentCode ?? null;
}

/** Growth of this cell minus growth of the comparator's cell, in percentage points. */
export function gapToComparator(observation: Observation, comparator: Comparator, index: ObservationIndex): number | null {
  const other = comparatorRegion(observation.regionCode, comparator, index);
  if (!other) return null;
  const theirs = index.cell(observation.indicatorCode, other, observation.period);
  const mine = growthOf(observation, index);
  const their = theirs ? growthOf(theirs, index) : null;
  if (mine === null || their === null) return null;
  return roundToSignificant(mine - their, 12);
}

/** This region's value as a percentage of its parent region's, for additive indicators. */
export function shareOfParent(observation: Observation, index: ObservationIndex): number | null {
  if (observation.value === null) return null;
  const parent = index.regions.get(observation.regionCode)?.parentCode;
  if (!parent) return null;
  const whole = index.cell(observation.indicatorCode, parent, observation.period);
  const wholeValue = whole ? valueIn(whole, observation.unit) : null;
  if (wholeValue === null || wholeValue <= 0) return null;
  return roundToSignificant((observation.value / wholeValue) * 100, 12);
}

export interface PeerRank {
  readonly rank: number;
  /** How many peers have the figure the rank is taken over. */
  readonly of: number;
}

/** Descending rank (1 = largest; ties share the better rank) of `mine` among `values`. */
export function rankAmong(mine: number, values: readonly number[]): number {
  return 1 + values.filter((value) => value > mine).length;
}

/** Rank of this region's value among its peers (the province's cities) that have a value. */
export function rankAmongPeers(observation: Observation, index: ObservationIndex): PeerRank | null {
  if (observation.value === null) return null;
  const values: number[] = [];
  for (const peer of index.peersOf(observation.regionCode)) {
    const other = index.cell(observation.indicatorCode, peer.code, observation.period);
    const value = other ? valueIn(other, observation.unit) : null;
    if (value !== null) values.push(value);
  }
  if (values.length < 2) return null;
  return { rank: rankAmong(observation.value, values), of: values.length };
}
