/**
 * What the table's transformation bar asks for, and the series.transform requests it turns into.
 * Pure: the order of processing (period aggregation, then one transformation) is the backend's
 * (shared/transform); this module only names the request.
 */
import type { Catalog, Indicator, Observation } from '../../../shared/api/schemas';
import { parsePeriod } from '../../../shared/periods';
import { transformText } from '../../../shared/transform';
import type { Comparison, Transform, TransformKind } from '../../../shared/transform';
import type { AggregateTarget } from '../../../shared/ytd';

export const TRANSFORM_KINDS: readonly TransformKind[] = ['level', 'change', 'pct', 'yoy', 'pp', 'index', 'share', 'cagr', 'gap'];
export const AGGREGATES: readonly AggregateTarget[] = ['none', 'single', 'ytd', 'quarter', 'year'];

/** The bar's choices; parameters of kinds not chosen are kept so switching back restores them. */
export interface TransformSettings {
  readonly aggregate: AggregateTarget;
  readonly kind: TransformKind;
  /** For change and pp. */
  readonly against: Comparison;
  /** For index: the base period; null = the earliest year the data has. */
  readonly base: string | null;
  /** For cagr. */
  readonly years: number;
  /** For share: the parent region or indicator; auto lets the backend choose (the indicator's parent first). */
  readonly shareOf: 'auto' | 'region' | 'indicator';
  /** For gap: a region code; null lets the backend choose (the province, or the nation for a province). */
  readonly comparator: string | null;
}

export const DEFAULT_TRANSFORM_SETTINGS: TransformSettings = {
  aggregate: 'none',
  kind: 'level',
  against: 'previous',
  base: null,
  years: 5,
  shareOf: 'auto',
  comparator: null,
};

/** Anything but levels as released: the table then shows computed values, read-only. */
export function isTransformActive(settings: TransformSettings): boolean {
  return settings.kind !== 'level' || settings.aggregate !== 'none';
}

/** The transformation as the API's text ("yoy", "index:2020", "cagr:5"). */
export function transformOf(settings: TransformSettings, defaultBase: string): string {
  const transform: Transform = (() => {
    switch (settings.kind) {
      case 'change':
      case 'pp':
        return { kind: settings.kind, against: settings.against };
      case 'index':
        return { kind: 'index', base: settings.base ?? defaultBase };
      case 'cagr':
        return { kind: 'cagr', years: settings.years };
      default:
        return { kind: settings.kind };
    }
  })();
  return transformText(transform);
}

/** One series.transform call. */
export interface SeriesRequest {
  readonly indicator: string;
  readonly region: string;
  readonly aggregate: AggregateTarget;
  readonly transform: string;
  readonly comparator?: string;
  readonly shareOf?: 'region' | 'indicator';
  readonly snapshot?: number;
}

/** A request and what its rows are: the chosen aggregation, or the stored year-to-date values shown beside single months. */
export interface PlannedSeries {
  readonly key: string;
  readonly role: 'primary' | 'companion';
  readonly request: SeriesRequest;
}

export function requestKey(request: SeriesRequest): string {
  return JSON.stringify([request.snapshot ?? 'working', request.indicator, request.region, request.aggregate, request.transform, request.comparator ?? '', request.shareOf ?? '']);
}

/**
 * The calls for the series on screen. Single months of a year-to-date indicator come with the
 * year-to-date values as released, so the table shows both.
 */
export function planRequests(
  series: readonly { readonly indicator: Indicator; readonly regionCode: string }[],
  settings: TransformSettings,
  snapshot: 'working' | number,
  defaultBase: string,
): PlannedSeries[] {
  const transform = transformOf(settings, defaultBase);
  const common = {
    transform,
    ...(settings.kind === 'gap' && settings.comparator ? { comparator: settings.comparator } : {}),
    ...(settings.kind === 'share' && settings.shareOf !== 'auto' ? { shareOf: settings.shareOf } : {}),
    ...(snapshot === 'working' ? {} : { snapshot }),
  };
  return series.flatMap(({ indicator, regionCode }) => {
    const primary: SeriesRequest = { indicator: indicator.code, region: regionCode, aggregate: settings.aggregate, ...common };
    const planned: PlannedSeries[] = [{ key: requestKey(primary), role: 'primary', request: primary }];
    if (settings.aggregate === 'single' && indicator.accumulation === 'ytd') {
      const stored: SeriesRequest = { ...primary, aggregate: 'none' };
      planned.unshift({ key: requestKey(stored), role: 'companion', request: stored });
    }
    return planned;
  });
}

/** The base of an index when none is chosen: the earliest year among the periods on screen. */
export function earliestYear(periods: Iterable<string>, fallback: string): string {
  let earliest: number | undefined;
  for (const code of periods) {
    const year = parsePeriod(code)?.year;
    if (year !== undefined && (earliest === undefined || year < earliest)) earliest = year;
  }
  return earliest === undefined ? fallback : String(earliest);
}

/** The navigator's selection; null means "all". */
export interface SeriesFilter {
  readonly categoryCode: string | null;
  readonly indicatorCode: string | null;
  readonly regionCode: string | null;
}

/** The indicator × region series the table shows for a selection, in catalog order, and the periods they hold. */
export function seriesOnScreen(
  observations: readonly Observation[],
  catalog: Catalog,
  filter: SeriesFilter,
): { series: { indicator: Indicator; regionCode: string }[]; periods: Set<string> } {
  const indicators = new Map(catalog.indicators.map((indicator) => [indicator.code, indicator]));
  const wanted = new Map<string, Set<string>>();
  const periods = new Set<string>();
  for (const observation of observations) {
    const indicator = indicators.get(observation.indicatorCode);
    if (!indicator) continue;
    if (filter.indicatorCode && indicator.code !== filter.indicatorCode) continue;
    if (filter.categoryCode && indicator.category !== filter.categoryCode) continue;
    if (filter.regionCode && observation.regionCode !== filter.regionCode) continue;
    const regions = wanted.get(indicator.code) ?? new Set<string>();
    regions.add(observation.regionCode);
    wanted.set(indicator.code, regions);
    periods.add(observation.period);
  }
  // Catalog order first, then regions the catalog does not know, in the order they were met:
  // linear in regions per indicator (a catalog of a thousand regions is common after imports).
  const catalogRegions = catalog.regions.map((region) => region.code);
  const known = new Set(catalogRegions);
  const series: { indicator: Indicator; regionCode: string }[] = [];
  for (const indicator of catalog.indicators) {
    const regions = wanted.get(indicator.code);
    if (!regions) continue;
    for (const regionCode of catalogRegions) if (regions.has(regionCode)) series.push({ indicator, regionCode });
    for (const regionCode of regions) if (!known.has(regionCode)) series.push({ indicator, regionCode });
  }
  return { series, periods };
}

/** The base of an index when the data on screen has no period at all. */
export const FALLBACK_BASE = '2020';
