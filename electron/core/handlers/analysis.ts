import { AppFailure } from '../../../shared/api/errors';
import type { HandlersOf } from '../../../shared/api/contract';
import type { analysisMethods, BriefResult, Overview, OverviewCard, PinSettings, TransformedSeries } from '../../../shared/api/methods/analysis';
import type { Observation } from '../../../shared/api/schemas';
import { buildBrief, findGapIndicators, type Brief, type BriefComparator, type BriefObservation } from '../../../shared/brief';
import { briefFailures, partExceedsWhole, type CheckFailure } from '../../../shared/brief/checks';
import { formatWithUnit } from '../../../shared/format';
import { comparePeriods, parsePeriod, periodLabel, spanLabel, yearsEarlier } from '../../../shared/periods';
import { matchPinyin } from '../../../shared/pinyin';
import { searchCatalog } from '../../../shared/search';
import { applyTransform, growthKey, parseTransform, resultUnitLabel, type SeriesWithGrowth } from '../../../shared/transform';
import { additivityOf, aggregate, storedPoints, type AggregateTarget } from '../../../shared/ytd';
import type { StoredIndicator, StoredRegion } from '../store/catalogRepository';
import type { Workspace } from '../workspace';
import type { HandlerContext } from './context';

/** How many recent periods an overview card carries for its sparkline. */
const RECENT_PERIODS = 12;

/**
 * Finds an indicator or region as the foundation does (code, Chinese, English); when that finds
 * nothing, a search by pinyin ("lsh" → 丽水) that has one clear best hit is accepted.
 */
function resolve<T extends StoredIndicator | StoredRegion>(workspace: Workspace, query: string, kind: 'indicator' | 'region'): T {
  try {
    return (kind === 'indicator' ? workspace.findIndicator(query) : workspace.findRegion(query)) as T;
  } catch (error) {
    if (!(error instanceof AppFailure) || !error.code.endsWith('_NOT_FOUND')) throw error;
    const catalog = kind === 'indicator' ? { regions: [], indicators: workspace.catalog.indicators() } : { regions: workspace.catalog.regions(), indicators: [] };
    const hits = searchCatalog(query, catalog, { kinds: [kind], limit: 2, pinyin: matchPinyin });
    if (hits.length === 1 || (hits.length === 2 && hits[0]!.score > hits[1]!.score)) return hits[0]!.item as T;
    throw error;
  }
}

function periodOrFail(text: string): string {
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

/** The province and the nation above a region (a province's own comparator is the nation). */
function ancestors(region: StoredRegion, regions: ReadonlyMap<string, StoredRegion>): { province?: StoredRegion; nation?: StoredRegion } {
  const found: { province?: StoredRegion; nation?: StoredRegion } = {};
  let current = region.parentCode ? regions.get(region.parentCode) : undefined;
  for (let depth = 0; current && depth < 10; depth += 1) {
    if (current.level === 'province' && !found.province) found.province = current;
    if (current.level === 'nation' && !found.nation) found.nation = current;
    current = current.parentCode ? regions.get(current.parentCode) : undefined;
  }
  return found;
}

const asBrief = (o: Observation | undefined): BriefObservation | null =>
  o ? { value: o.value, growthReportedPct: o.growthReportedPct, rankReported: o.rankReported, flags: o.flags } : null;

/** Reads everything the brief of one cell needs, as of snapshot `seq`, and builds it. */
function briefOf(workspace: Workspace, indicator: StoredIndicator, region: StoredRegion, period: string, seq: number): Brief {
  const indicators = workspace.catalog.indicators();
  const regions = new Map(workspace.catalog.regions().map((r) => [r.code, r]));
  const yearAgo = yearsEarlier(period)!;
  const cell = (indicatorCode: string, regionCode: string, at: string) =>
    workspace.querySeries({ indicator: indicatorCode, region: regionCode, period: at, snapshot: seq })[0];
  const allRegions = workspace.querySeries({ indicator: indicator.code, period, snapshot: seq });
  const allRegionsYearAgo = workspace.querySeries({ indicator: indicator.code, period: yearAgo, snapshot: seq });
  const at = (list: readonly Observation[], regionCode: string) => list.find((o) => o.regionCode === regionCode);

  const gapIndicators = findGapIndicators(indicator.code, indicators);
  const { province, nation } = ancestors(region, regions);
  const comparator = (target: StoredRegion | undefined, gapCode: string | undefined): BriefComparator | null => {
    if (!target) return null;
    const gap = gapCode ? cell(gapCode, region.code, period) : undefined;
    return {
      region: target,
      observation: asBrief(at(allRegions, target.code)),
      yearAgoValue: at(allRegionsYearAgo, target.code)?.value ?? null,
      storedGap: gap && gap.value !== null ? { indicatorCode: gapCode!, value: gap.value } : null,
    };
  };

  const peers = [...regions.values()]
    .filter((r) => r.parentCode !== null && r.parentCode === region.parentCode && r.level === region.level)
    .map((r) => ({ regionCode: r.code, growthReportedPct: at(allRegions, r.code)?.growthReportedPct ?? null }));

  const parentIndicator = indicator.parentCode ? indicators.find((i) => i.code === indicator.parentCode) : undefined;
  const previousSnapshot = seq > 1 ? workspace.snapshots.bySeq(seq - 1) : undefined;

  return buildBrief({
    indicator,
    region,
    period,
    observation: asBrief(at(allRegions, region.code)),
    yearAgoValue: at(allRegionsYearAgo, region.code)?.value ?? null,
    province: comparator(province, gapIndicators.province),
    nation: comparator(nation, gapIndicators.nation),
    peers,
    rankScope: allRegions.some((o) => o.regionCode !== region.code && (o.regionCode === province?.code || peers.some((p) => p.regionCode === o.regionCode))) ? 'peers' : 'unknown',
    parent: parentIndicator
      ? {
          indicator: parentIndicator,
          observation: asBrief(cell(parentIndicator.code, region.code, period)),
          yearAgoValue: cell(parentIndicator.code, region.code, yearAgo)?.value ?? null,
        }
      : null,
    revision: previousSnapshot
      ? { snapshotLabel: previousSnapshot.label, previous: asBrief(workspace.querySeries({ indicator: indicator.code, region: region.code, period, snapshot: previousSnapshot.seq })[0]) }
      : null,
  });
}

/** One overview card: the latest period the region has a figure for. */
function cardOf(workspace: Workspace, indicator: StoredIndicator, region: StoredRegion, seq: number, indicators: readonly StoredIndicator[]): OverviewCard {
  const series = workspace
    .querySeries({ indicator: indicator.code, region: region.code, snapshot: seq })
    .filter((o) => o.value !== null || o.growthReportedPct !== null || o.rankReported !== null)
    .sort((a, b) => comparePeriods(a.period, b.period));
  const latest = series.at(-1);
  const empty: OverviewCard = {
    indicatorCode: indicator.code,
    nameZh: indicator.nameZh,
    nameEn: indicator.nameEn,
    unit: indicator.unit,
    accumulation: indicator.accumulation,
    period: null,
    periodLabel: null,
    value: null,
    valueText: null,
    growthPct: null,
    growthBasis: null,
    growthComputedPct: null,
    rank: null,
    gapProvincePp: null,
    gapNationPp: null,
    recent: [],
    failures: [],
    hasFailure: false,
    brief: { zh: `${region.nameZh}暂无${indicator.nameZh}数据。`, en: `The workspace holds no figures for ${indicator.nameEn} in ${region.nameEn}.` },
  };
  if (!latest) return empty;

  const brief = briefOf(workspace, indicator, region, latest.period, seq);
  const fact = (key: string) => brief.facts.find((f) => f.key === key);
  const growth = fact('growth') ?? fact('growth_computed');
  const frequency = parsePeriod(latest.period)!.frequency;
  const recent = series
    .filter((o) => parsePeriod(o.period)!.frequency === frequency)
    .slice(-RECENT_PERIODS)
    .map((o) => ({
      period: o.period,
      labelZh: periodLabel(o.period, 'zh', indicator.accumulation),
      labelEn: periodLabel(o.period, 'en', indicator.accumulation),
      value: o.value,
      growthReportedPct: o.growthReportedPct,
    }));

  const failures: CheckFailure[] = briefFailures(brief.warnings);
  const named = (i: StoredIndicator) => {
    const o = workspace.querySeries({ indicator: i.code, region: region.code, period: latest.period, snapshot: seq })[0];
    return { nameZh: i.nameZh, nameEn: i.nameEn, unit: i.unit, value: o?.value ?? null, flags: o?.flags ?? [] };
  };
  const self = { nameZh: indicator.nameZh, nameEn: indicator.nameEn, unit: indicator.unit, value: latest.value, flags: latest.flags };
  const parent = indicator.parentCode ? indicators.find((i) => i.code === indicator.parentCode) : undefined;
  const checks = [
    ...(parent ? [partExceedsWhole(self, named(parent))] : []),
    ...indicators.filter((i) => i.parentCode === indicator.code).map((child) => partExceedsWhole(named(child), self)),
  ];
  for (const failure of checks) if (failure) failures.push(failure);

  return {
    ...empty,
    period: latest.period,
    periodLabel: { zh: periodLabel(latest.period, 'zh', indicator.accumulation), en: periodLabel(latest.period, 'en', indicator.accumulation) },
    value: latest.value,
    valueText: latest.value === null ? null : { zh: formatWithUnit(latest.value, indicator.unit, 'zh'), en: formatWithUnit(latest.value, indicator.unit, 'en') },
    growthPct: growth?.value ?? null,
    growthBasis: growth ? (growth.basis === 'reported' ? 'reported' : 'computed_from_levels') : null,
    growthComputedPct: fact('growth_computed')?.value ?? null,
    rank: fact('rank')?.value ?? null,
    gapProvincePp: fact('gap_province')?.value ?? null,
    gapNationPp: fact('gap_nation')?.value ?? null,
    recent,
    failures,
    hasFailure: failures.length > 0,
    brief: { zh: brief.zh, en: brief.en },
  };
}

/** The region the overview is about: meta "homeRegion", else the city (or county) with the most observations. */
function homeRegion(workspace: Workspace, seq: number): StoredRegion {
  const regions = workspace.catalog.regions();
  const configured = workspace.getMeta('homeRegion');
  const byCode = configured ? regions.find((r) => r.code === configured) : undefined;
  if (byCode) return byCode;
  const counts = new Map<string, number>();
  for (const o of workspace.querySeries({ snapshot: seq })) counts.set(o.regionCode, (counts.get(o.regionCode) ?? 0) + 1);
  const local = regions.filter((r) => r.level === 'city' || r.level === 'county' || r.level === 'zone');
  const best = [...(local.length > 0 ? local : regions)].sort((a, b) => (counts.get(b.code) ?? 0) - (counts.get(a.code) ?? 0))[0];
  if (!best) throw new AppFailure('REGION_NOT_FOUND', 'The workspace has no regions yet.', '工作区中还没有地区。');
  return best;
}

function pinnedIndicators(workspace: Workspace, indicators: readonly StoredIndicator[]): StoredIndicator[] {
  let codes: unknown;
  try {
    codes = JSON.parse(workspace.getMeta('pinned') ?? '[]');
  } catch {
    codes = [];
  }
  if (!Array.isArray(codes)) return [];
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  return codes.flatMap((code) => (typeof code === 'string' && byCode.has(code) ? [byCode.get(code)!] : []));
}

/** A stored series of one indicator and region, aggregated; with the reported growth of the stored spans. */
function aggregatedSeries(workspace: Workspace, indicator: StoredIndicator, regionCode: string, seq: number, target: AggregateTarget): SeriesWithGrowth {
  const observations = workspace.querySeries({ indicator: indicator.code, region: regionCode, snapshot: seq });
  const stored = storedPoints(observations, indicator.accumulation);
  const growthByPeriod = new Map(observations.map((o) => [parsePeriod(o.period)?.code, o.growthReportedPct]));
  return {
    unit: indicator.unit,
    points: aggregate(stored, additivityOf(indicator.kind, indicator.accumulation), target),
    reportedGrowth: new Map(stored.map((p) => [growthKey(p.period, p.startMonth), growthByPeriod.get(p.period) ?? null])),
  };
}

export function analysisHandlers(context: HandlerContext): HandlersOf<typeof analysisMethods> {
  const { requireWorkspace } = context;
  return {
    'brief.get': ({ indicator: indicatorQuery, region: regionQuery, period: periodText, snapshot, lang }): BriefResult => {
      const workspace = requireWorkspace();
      const resolved = workspace.resolveSnapshot(snapshot);
      const indicator = resolve<StoredIndicator>(workspace, indicatorQuery, 'indicator');
      const region = resolve<StoredRegion>(workspace, regionQuery, 'region');
      const period = periodOrFail(periodText);
      const brief = briefOf(workspace, indicator, region, period, resolved.seq);
      return {
        indicatorCode: indicator.code,
        regionCode: region.code,
        period,
        snapshot: resolved,
        title: brief.title,
        zh: brief.zh,
        en: brief.en,
        text: lang === 'en' ? brief.en : brief.zh,
        facts: [...brief.facts],
        warnings: [...brief.warnings],
      };
    },

    'overview.get': ({ snapshot, region: regionQuery }): Overview => {
      const workspace = requireWorkspace();
      const resolved = workspace.resolveSnapshot(snapshot);
      const region = regionQuery ? resolve<StoredRegion>(workspace, regionQuery, 'region') : homeRegion(workspace, resolved.seq);
      const indicators = workspace.catalog.indicators();
      return {
        region: { code: region.code, nameZh: region.nameZh, nameEn: region.nameEn },
        snapshot: resolved,
        cards: pinnedIndicators(workspace, indicators).map((indicator) => cardOf(workspace, indicator, region, resolved.seq, indicators)),
      };
    },

    'overview.setPins': ({ indicators: codes, region: regionQuery }): PinSettings => {
      const workspace = requireWorkspace();
      const known = new Map(workspace.catalog.indicators().map((indicator) => [indicator.code, indicator]));
      const unknown = codes.filter((code) => !known.has(code));
      if (unknown.length > 0) {
        throw new AppFailure(
          'INDICATOR_NOT_FOUND',
          `No indicator with the code ${unknown.join(', ')} in this workspace; nothing was pinned. Pin indicators from the catalogue.`,
          `工作区中没有代码为 ${unknown.join('、')} 的指标，置顶未改动。请从指标目录中选择。`,
          { codes: unknown },
        );
      }
      const region = regionQuery ? resolve<StoredRegion>(workspace, regionQuery, 'region') : undefined;
      // Both settings in one transaction: the overview never sees the new pins with the old region.
      workspace.db.transaction(() => {
        workspace.setMeta('pinned', JSON.stringify(codes));
        if (region) workspace.setMeta('homeRegion', region.code);
      })();
      const home = region ?? homeRegion(workspace, workspace.resolveSnapshot(undefined).seq);
      return { indicators: [...codes], region: { code: home.code, nameZh: home.nameZh, nameEn: home.nameEn } };
    },

    'series.transform': (input): TransformedSeries => {
      const workspace = requireWorkspace();
      const { seq } = workspace.resolveSnapshot(input.snapshot);
      const indicator = resolve<StoredIndicator>(workspace, input.indicator, 'indicator');
      const region = resolve<StoredRegion>(workspace, input.region, 'region');
      const transform = parseTransform(input.transform)!;
      const target = input.aggregate as AggregateTarget;
      const own = aggregatedSeries(workspace, indicator, region.code, seq, target);

      let against: TransformedSeries['against'];
      let parent: SeriesWithGrowth | undefined;
      let comparator: SeriesWithGrowth | undefined;
      if (transform.kind === 'share') {
        const of = input.shareOf ?? (indicator.parentCode ? 'indicator' : 'region');
        if (of === 'indicator' && indicator.parentCode) {
          const whole = workspace.findIndicator(indicator.parentCode);
          parent = aggregatedSeries(workspace, whole, region.code, seq, target);
          against = { kind: 'indicator', code: whole.code };
        } else if (of === 'region' && region.parentCode) {
          parent = aggregatedSeries(workspace, indicator, region.parentCode, seq, target);
          against = { kind: 'region', code: region.parentCode };
        }
      }
      if (transform.kind === 'gap') {
        const regions = new Map(workspace.catalog.regions().map((r) => [r.code, r]));
        const { province, nation } = ancestors(region, regions);
        const other = input.comparator ? resolve<StoredRegion>(workspace, input.comparator, 'region') : region.level === 'province' ? nation : province;
        if (other) {
          comparator = aggregatedSeries(workspace, indicator, other.code, seq, target);
          against = { kind: 'region', code: other.code };
        }
      }

      const result = applyTransform(transform, { ...own, parent, comparator });
      return {
        indicatorCode: indicator.code,
        regionCode: region.code,
        aggregate: target,
        transform: result.transform,
        unit: result.unit === 'index' || result.unit === '%' || result.unit === 'pp' ? result.unit : indicator.unit,
        unitLabel: { zh: resultUnitLabel(result.unit, 'zh', result.base), en: resultUnitLabel(result.unit, 'en', result.base) },
        ...(result.base ? { base: result.base } : {}),
        ...(against ? { against } : {}),
        points: result.points.map((p) => ({
          period: p.period,
          startMonth: p.startMonth,
          labelZh: spanLabel(p.period, p.startMonth, 'zh'),
          labelEn: spanLabel(p.period, p.startMonth, 'en'),
          value: p.value,
          reason: p.reason ? { ...p.reason, periods: [...p.reason.periods] } : null,
          ...(p.reportedGrowthPct !== undefined ? { reportedGrowthPct: p.reportedGrowthPct } : {}),
          ...(p.basis ? { basis: p.basis } : {}),
        })),
      };
    },

    'catalog.search': ({ query, kinds, limit }) => {
      const workspace = requireWorkspace();
      const catalog = { regions: workspace.catalog.regions(), indicators: workspace.catalog.indicators() };
      return searchCatalog(query, catalog, { kinds, limit, pinyin: matchPinyin }).map((hit) => ({
        kind: hit.kind,
        code: hit.item.code,
        nameZh: hit.item.nameZh,
        nameEn: hit.item.nameEn,
        matchedBy: hit.matchedBy,
        score: hit.score,
      }));
    },
  };
}
