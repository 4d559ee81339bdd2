/**
 * The long table's model: one row per observation with its reported figures, flags, note and
 * source, and the figures derived on read (growth from levels, gap to a comparator, share of the
 * parent region, rank among peers). Pure, like buildWideRows.
 */
import type { Catalog, Indicator, Observation, ObservationFlag, Region } from '../../../shared/api/schemas';
import { gapToComparator, growthComputed, indexObservations, rankAmongPeers, shareOfParent } from '../../../shared/editing/derived';
import type { Comparator, ObservationIndex, PeerRank } from '../../../shared/editing/derived';
import { formatNumber, formatPercent, RATE_DECIMALS, toDisplayValue } from '../../../shared/format';
import type { Language } from '../../../shared/format';
import { comparePeriods, periodLabel } from '../../../shared/periods';
import { findUnit } from '../../../shared/units';
import { matchesSearch, MISSING, pushTo, rowDisplayUnit, rowId } from './buildWideRows';
import type { WideFilter } from './buildWideRows';

export interface LongRow {
  /** `indicator|region|period`. */
  readonly id: string;
  readonly indicatorCode: string;
  readonly regionCode: string;
  readonly period: string;
  readonly indicatorName: string;
  readonly regionName: string;
  readonly periodLabel: string;
  readonly unitLabel: string;
  readonly storedUnit: string;
  readonly displayUnit: string;
  /** In the display unit. */
  readonly value: number | null;
  readonly valueText: string;
  readonly growthReported: number | null;
  readonly growthComputed: number | null;
  readonly rankReported: number | null;
  readonly peerRank: PeerRank | null;
  /** Growth minus the comparator's growth, in percentage points. */
  readonly gap: number | null;
  /** Percent of the parent region's value. */
  readonly share: number | null;
  readonly flags: readonly ObservationFlag[];
  readonly note: string | null;
  readonly source: string | null;
}

export interface LongTable {
  readonly rows: readonly LongRow[];
}

interface Lookups {
  readonly indicators: ReadonlyMap<string, { indicator: Indicator; index: number }>;
  readonly regions: ReadonlyMap<string, { region: Region; index: number }>;
}

function lookups(catalog: Catalog): Lookups {
  return {
    indicators: new Map(catalog.indicators.map((indicator, index) => [indicator.code, { indicator, index }])),
    regions: new Map(catalog.regions.map((region, index) => [region.code, { region, index }])),
  };
}

function formatValue(value: number | null, unit: string, language: Language): string {
  if (value === null) return MISSING;
  const dimension = findUnit(unit)?.dimension;
  const isRate = dimension === 'rate' || dimension === 'rate_difference';
  return isRate ? formatNumber(value, language, RATE_DECIMALS, RATE_DECIMALS) : formatNumber(value, language);
}

/** Percent and percentage-point figures as the long table shows them. */
export function formatRate(value: number | null, language: Language): string {
  return value === null ? MISSING : formatPercent(value, language);
}

export function formatPoints(value: number | null, language: Language): string {
  if (value === null) return MISSING;
  const text = formatNumber(value, language, RATE_DECIMALS, RATE_DECIMALS);
  return value > 0 ? `+${text}` : text;
}

function buildLongRow(observation: Observation, context: { lookups: Lookups; index: ObservationIndex; comparator: Comparator; language: Language; display: { code: string; label: string } }): LongRow {
  const { lookups: names, index, comparator, language, display } = context;
  const indicator = names.indicators.get(observation.indicatorCode)?.indicator;
  const region = names.regions.get(observation.regionCode)?.region;
  const shown = observation.value === null ? null : toDisplayValue(observation.value, observation.unit, { ...display, separator: '' });
  return {
    id: `${observation.indicatorCode}|${observation.regionCode}|${observation.period}`,
    indicatorCode: observation.indicatorCode,
    regionCode: observation.regionCode,
    period: observation.period,
    indicatorName: indicator ? (language === 'zh' ? indicator.nameZh : indicator.nameEn) : observation.indicatorCode,
    regionName: region ? (language === 'zh' ? region.nameZh : region.nameEn) : observation.regionCode,
    periodLabel: periodLabel(observation.period, language, indicator?.accumulation ?? 'point'),
    unitLabel: display.label,
    storedUnit: indicator?.unit ?? observation.unit,
    displayUnit: display.code,
    value: shown,
    valueText: formatValue(shown, display.code, language),
    growthReported: observation.growthReportedPct,
    growthComputed: growthComputed(observation, index),
    rankReported: observation.rankReported,
    peerRank: rankAmongPeers(observation, index),
    gap: gapToComparator(observation, comparator, index),
    share: shareOfParent(observation, index),
    flags: observation.flags,
    note: observation.note,
    source: observation.source,
  };
}

/** Rows in catalog order (indicator, region) and then by period; derived figures use every observation, filtered or not. */
export function buildLongRows(observations: readonly Observation[], catalog: Catalog, filter: WideFilter, language: Language, comparator: Comparator): LongTable {
  const names = lookups(catalog);
  const index = indexObservations(observations, catalog);
  const groups = new Map<string, Observation[]>();
  const byIndicator = new Map<string, Observation[]>();
  for (const observation of observations) {
    pushTo(byIndicator, observation.indicatorCode, observation);
    const indicator = names.indicators.get(observation.indicatorCode)?.indicator;
    if (filter.indicatorCode && observation.indicatorCode !== filter.indicatorCode) continue;
    if (filter.regionCode && observation.regionCode !== filter.regionCode) continue;
    if (filter.categoryCode && indicator?.category !== filter.categoryCode) continue;
    if (filter.period && observation.period !== filter.period) continue;
    pushTo(groups, rowId(observation.indicatorCode, observation.regionCode), observation);
  }
  const position = (code: string, map: ReadonlyMap<string, { index: number }>) => map.get(code)?.index ?? Number.MAX_SAFE_INTEGER;
  const keys = [...groups.keys()].sort((a, b) => {
    const [ai, ar] = a.split('|') as [string, string];
    const [bi, br] = b.split('|') as [string, string];
    return position(ai, names.indicators) - position(bi, names.indicators) || position(ar, names.regions) - position(br, names.regions) || a.localeCompare(b);
  });
  const rows: LongRow[] = [];
  for (const key of keys) {
    const group = groups.get(key)!;
    const first = group[0]!;
    const indicator = names.indicators.get(first.indicatorCode)?.indicator;
    const region = names.regions.get(first.regionCode)?.region;
    if (!matchesSearch(filter.search, indicator, region)) continue;
    const unitCode = indicator?.unit ?? first.unit;
    const display = rowDisplayUnit(group, byIndicator.get(first.indicatorCode) ?? [], unitCode, language);
    for (const observation of [...group].sort((a, b) => comparePeriods(a.period, b.period))) {
      rows.push(buildLongRow(observation, { lookups: names, index, comparator, language, display }));
    }
  }
  return { rows };
}
