import { AppFailure } from '../../../shared/api/errors';
import type { ChartResolved } from '../../../shared/api/methods/charts';
import type { Observation, ObservationFlag, SnapshotRef } from '../../../shared/api/schemas';
import type { ChartChrome } from '../../../shared/charts/chrome';
import type { ChartData, Names, PeriodPoint, RegionEntry } from '../../../shared/charts/data';
import { describeChartGaps } from '../../../shared/charts';
import type { ChartSpec } from '../../../shared/charts/spec';
import { chartWords } from '../../../shared/charts/text';
import { comparePeriods, parsePeriod, periodLabel } from '../../../shared/periods';
import { contributionToGrowth } from '../../../shared/projections/contribution';
import type { ProjectionResult } from '../../../shared/projections/schema';
import { convert } from '../../../shared/units';
import type { StoredIndicator, StoredRegion } from '../store/catalogRepository';
import type { Workspace } from '../workspace';

/** Runs a projection the way `projection.run` does (the projections handler owns that logic). */
export type RunProjection = (input: { spec: NonNullable<ChartSpec['projection']> } | { scenario: string }) => Promise<ProjectionResult> | ProjectionResult;

const names = (item: { nameZh: string; nameEn: string }): Names => ({ zh: item.nameZh, en: item.nameEn });

function period(code: string, indicator: StoredIndicator): Names {
  return { zh: periodLabel(code, 'zh', indicator.accumulation), en: periodLabel(code, 'en', indicator.accumulation) };
}

/** The region charts are about: meta "homeRegion", else the city with the most observations. */
export function homeRegion(workspace: Workspace): StoredRegion {
  const regions = workspace.catalog.regions();
  const configured = workspace.getMeta('homeRegion');
  const byCode = configured ? regions.find((r) => r.code === configured) : undefined;
  if (byCode) return byCode;
  const counts = new Map<string, number>();
  for (const o of workspace.querySeries({})) counts.set(o.regionCode, (counts.get(o.regionCode) ?? 0) + 1);
  const local = regions.filter((r) => r.level === 'city' || r.level === 'county' || r.level === 'zone');
  const best = [...(local.length > 0 ? local : regions)].sort((a, b) => (counts.get(b.code) ?? 0) - (counts.get(a.code) ?? 0))[0];
  if (!best) throw new AppFailure('REGION_NOT_FOUND', 'The workspace has no regions yet.', '工作区中还没有地区。');
  return best;
}

function ancestor(region: StoredRegion, regions: readonly StoredRegion[], level: StoredRegion['level']): StoredRegion | undefined {
  let current: StoredRegion | undefined = region;
  for (let guard = 0; current && guard < 10; guard += 1) {
    if (current.level === level && current !== region) return current;
    current = current.parentCode ? regions.find((r) => r.code === current!.parentCode) : undefined;
  }
  return undefined;
}

function entryOf(region: StoredRegion, observation: Observation | undefined): RegionEntry {
  return {
    code: region.code,
    name: names(region),
    level: region.level,
    value: observation?.value ?? null,
    growthPct: observation?.growthReportedPct ?? null,
    rankReported: observation?.rankReported ?? null,
    flags: observation?.flags ?? [],
  };
}

/** Everything a chart spec needs from one workspace at one snapshot. */
class Resolver {
  readonly regions: StoredRegion[];
  readonly own: StoredRegion;
  readonly seq: number;
  readonly snapshotLabel: string;
  readonly sources = new Set<string>();

  constructor(
    readonly workspace: Workspace,
    readonly spec: ChartSpec,
  ) {
    this.regions = workspace.catalog.regions();
    this.own = spec.region ? workspace.findRegion(spec.region) : homeRegion(workspace);
    const snapshot = workspace.resolveSnapshot(spec.snapshot);
    this.seq = snapshot.seq;
    this.snapshotLabel = snapshot.label === 'working' ? chartWords(spec.lang).working : snapshot.label;
  }

  indicator(): StoredIndicator {
    return this.workspace.findIndicator(this.spec.indicator!);
  }

  observations(indicator: StoredIndicator, snapshot: SnapshotRef = this.seq): Observation[] {
    return this.workspace.querySeries({ indicator: indicator.code, snapshot });
  }

  note(observations: Iterable<Observation | undefined>): void {
    for (const o of observations) if (o?.source) this.sources.add(o.source);
  }

  regionList(queries: readonly string[]): StoredRegion[] {
    return queries.map((q) => this.workspace.findRegion(q));
  }

  /** The cities (or counties) beside the own region under the same parent, the own one included. */
  peers(): StoredRegion[] {
    if (this.spec.regions?.length) {
      const listed = this.regionList(this.spec.regions);
      return listed.some((r) => r.code === this.own.code) ? listed : [this.own, ...listed];
    }
    return this.regions.filter((r) => r.level === this.own.level && r.parentCode === this.own.parentCode);
  }

  /** The period asked for, else the latest period with a figure for the own region (else for anyone). */
  period(observations: readonly Observation[]): string {
    if (this.spec.period) {
      const parsed = parsePeriod(this.spec.period);
      if (!parsed) {
        throw new AppFailure('PERIOD_UNPARSEABLE', `"${this.spec.period}" is not a period. Write a year (2024), a quarter (2024Q3) or a month (2024M11).`, `“${this.spec.period}”不是有效的期别。请写年份（2024）、季度（2024Q3）或月份（2024M11）。`, {
          period: this.spec.period,
        });
      }
      return parsed.code;
    }
    const has = (o: Observation) => o.value !== null || o.growthReportedPct !== null;
    const own = observations.filter((o) => o.regionCode === this.own.code && has(o)).map((o) => o.period);
    const all = own.length > 0 ? own : observations.filter(has).map((o) => o.period);
    const latest = all.sort(comparePeriods).at(-1);
    if (!latest) {
      const indicator = this.indicator();
      throw new AppFailure('VALIDATION', `${indicator.nameEn} has no figures in this version of the workspace yet.`, `此版本的工作区中还没有“${indicator.nameZh}”的数据。`, { indicator: indicator.code });
    }
    return latest;
  }

  inRange(code: string): boolean {
    const { from, to } = this.spec;
    return (!from || comparePeriods(code, from) >= 0) && (!to || comparePeriods(code, to) <= 0);
  }

  points(observations: readonly Observation[], indicator: StoredIndicator): PeriodPoint[] {
    return observations
      .filter((o) => this.inRange(o.period))
      .sort((a, b) => comparePeriods(a.period, b.period))
      .map((o) => ({ period: o.period, label: period(o.period, indicator), value: o.value, growthPct: o.growthReportedPct, flags: o.flags }));
  }
}

function valueGrowth(r: Resolver): ChartData {
  const indicator = r.indicator();
  const own = r.observations(indicator).filter((o) => o.regionCode === r.own.code);
  r.note(own);
  return { kind: 'valueGrowth', indicator: names(indicator), region: names(r.own), unit: indicator.unit, points: r.points(own, indicator) };
}

function growthComparison(r: Resolver): ChartData {
  const indicator = r.indicator();
  const observations = r.observations(indicator);
  const code = r.period(observations);
  const at = (region: StoredRegion) => observations.find((o) => o.regionCode === region.code && o.period === code);
  const comparators = r.spec.regions?.length
    ? r.regionList(r.spec.regions).filter((region) => region.code !== r.own.code)
    : [ancestor(r.own, r.regions, 'province'), ancestor(r.own, r.regions, 'nation')].filter((x): x is StoredRegion => x !== undefined);
  const regions = [r.own, ...comparators];
  r.note(regions.map(at));
  return { kind: 'growthComparison', indicator: names(indicator), period: period(code, indicator), ownCode: r.own.code, entries: regions.map((region) => entryOf(region, at(region))) };
}

function ranking(r: Resolver): ChartData {
  const indicator = r.indicator();
  const measure = r.spec.measure ?? (indicator.kind === 'rate' || indicator.kind === 'share' ? 'value' : 'growth');
  const observations = r.observations(indicator);
  const code = r.period(observations);
  const at = (region: StoredRegion) => observations.find((o) => o.regionCode === region.code && o.period === code);
  const peers = r.peers();
  const entries = peers.map((region) => entryOf(region, at(region)));
  r.note(peers.map(at));
  const measured = entries.map((e) => (measure === 'growth' ? e.growthPct : e.value)).filter((v): v is number => v !== null);
  const averages: { label: Names; value: number }[] = [];
  const province = ancestor(r.own, r.regions, 'province');
  const provinceCell = province ? at(province) : undefined;
  const provinceValue = measure === 'growth' ? provinceCell?.growthReportedPct : null;
  if (province && provinceValue !== null && provinceValue !== undefined) {
    averages.push({ label: { zh: `${province.nameZh}平均`, en: `${province.nameEn} average` }, value: provinceValue });
    r.note([provinceCell]);
  }
  if (measured.length >= 2) {
    const words = { zh: chartWords('zh').peerAverage, en: chartWords('en').peerAverage };
    averages.push({ label: words, value: measured.reduce((sum, v) => sum + v, 0) / measured.length });
  }
  return {
    kind: 'ranking',
    indicator: names(indicator),
    period: period(code, indicator),
    measure,
    unit: measure === 'growth' ? '%' : indicator.unit,
    ownCode: r.own.code,
    entries,
    peerCount: peers.length,
    averages,
  };
}

function vintages(r: Resolver): ChartData {
  const indicator = r.indicator();
  const measure = r.spec.measure ?? 'value';
  const snapshots = r.workspace.snapshots.list();
  const refs: SnapshotRef[] = r.spec.snapshots?.length ? r.spec.snapshots : [...snapshots.map((s) => s.seq), 'working'];
  const series = refs.map((ref) => {
    const resolved = r.workspace.resolveSnapshot(ref);
    const own = r.observations(indicator, resolved.seq).filter((o) => o.regionCode === r.own.code);
    r.note(own);
    const isWorking = resolved.label === 'working';
    const label: Names = isWorking ? { zh: chartWords('zh').working, en: chartWords('en').working } : { zh: resolved.label, en: resolved.label };
    return { label, isWorking, points: r.points(own, indicator), seq: resolved.seq };
  });
  // The working copy is drawn only when it differs from the last snapshot: otherwise it is the same line twice.
  const same = (a: PeriodPoint[], b: PeriodPoint[]) => JSON.stringify(a) === JSON.stringify(b);
  const kept = series.filter((v, index) => !(v.isWorking && !r.spec.snapshots?.length && index > 0 && same(v.points, series[index - 1]!.points)));
  return {
    kind: 'vintages',
    indicator: names(indicator),
    region: names(r.own),
    measure,
    unit: measure === 'growth' ? '%' : indicator.unit,
    vintages: kept.map(({ label, isWorking, points }) => ({ label, isWorking, points })),
  };
}

function waterfall(r: Resolver): ChartData {
  const total = r.indicator();
  const mode = r.spec.mode ?? 'contribution';
  const parts = r.spec.parts?.length ? r.spec.parts.map((q) => r.workspace.findIndicator(q)) : r.workspace.catalog.indicators().filter((i) => i.parentCode === total.code);
  if (parts.length === 0) {
    throw new AppFailure(
      'VALIDATION',
      `${total.nameEn} has no part indicators in the catalogue; name the parts with "parts".`,
      `“${total.nameZh}”在目录中没有下级指标；请用 parts 指定构成指标。`,
      { indicator: total.code },
    );
  }
  const totalObservations = r.observations(total).filter((o) => o.regionCode === r.own.code);
  const code = r.period(totalObservations);
  const prior = parsePeriod(code) ? `${parsePeriod(code)!.year - 1}${code.slice(4)}` : code;
  const cell = (indicator: StoredIndicator, when: string) =>
    r.workspace.querySeries({ indicator: indicator.code, region: r.own.code, period: when, snapshot: r.seq })[0];
  const totalNow = cell(total, code);
  if (!totalNow || totalNow.value === null) {
    throw new AppFailure('VALIDATION', `${total.nameEn} has no value for ${r.own.nameEn} in ${code}.`, `${r.own.nameZh}${code}年没有“${total.nameZh}”的数值。`, { indicator: total.code, period: code });
  }
  const totalPrior = cell(total, prior);
  r.note([totalNow, totalPrior]);
  const inTotalUnit = (value: number | null, unit: string): number | null => {
    if (value === null || unit === totalNow.unit) return value;
    const converted = convert(value, unit, totalNow.unit);
    return converted.ok ? converted.value : null;
  };
  const totalLevel = { value: totalNow.value, priorValue: totalPrior?.value ?? null, growthPct: totalNow.growthReportedPct };
  const partValues = parts.map((part) => {
    const now = cell(part, code);
    const before = cell(part, prior);
    r.note([now, before]);
    const flags: ObservationFlag[] = now?.flags ?? [];
    if (!now || now.value === null) return { name: names(part), value: null, flags };
    if (mode === 'composition') return { name: names(part), value: inTotalUnit(now.value, now.unit), flags };
    const result = contributionToGrowth(
      { value: inTotalUnit(now.value, now.unit)!, priorValue: inTotalUnit(before?.value ?? null, now.unit), growthPct: now.growthReportedPct },
      totalLevel,
    );
    return { name: names(part), value: result.kind === 'refused' ? null : result.contributionPp, flags };
  });
  const missing = partValues.filter((p) => p.value === null).map((p) => p.name.zh);
  if (missing.length > 0) {
    throw new AppFailure(
      'VALIDATION',
      `Cannot ${mode === 'contribution' ? 'compute the contribution of' : 'show'} ${missing.join(', ')} for ${code}: a value (and a prior value or growth rate) is missing.`,
      `无法${mode === 'contribution' ? '计算' : '显示'}${missing.join('、')}${code}年的${mode === 'contribution' ? '增长贡献' : '构成'}：缺少数值（及上年数值或增速）。`,
      { missing, period: code },
    );
  }
  let totalValue: number = totalNow.value;
  if (mode === 'contribution') {
    const growth = contributionToGrowth(totalLevel, totalLevel);
    if (growth.kind !== 'contribution') {
      throw new AppFailure('VALIDATION', `${total.nameEn} has no growth for ${code}.`, `“${total.nameZh}”${code}年没有增速。`, { indicator: total.code });
    }
    totalValue = growth.totalGrowthPct;
  }
  return {
    kind: 'waterfall',
    mode,
    indicator: names(total),
    region: names(r.own),
    period: period(code, total),
    unit: mode === 'contribution' ? 'pp' : totalNow.unit,
    parts: partValues.map((p) => ({ name: p.name, value: p.value!, flags: p.flags })),
    total: {
      name: mode === 'contribution' ? { zh: `${total.nameZh}增速`, en: `${total.nameEn} growth` } : names(total),
      value: totalValue,
      flags: totalNow.flags,
    },
  };
}

function scatter(r: Resolver): ChartData {
  const indicator = r.indicator();
  const observations = r.observations(indicator);
  const code = r.period(observations);
  const at = (region: StoredRegion) => observations.find((o) => o.regionCode === region.code && o.period === code);
  const peers = r.peers();
  r.note(peers.map(at));
  const province = ancestor(r.own, r.regions, 'province');
  const provinceGrowth = province ? at(province)?.growthReportedPct : undefined;
  return {
    kind: 'scatter',
    indicator: names(indicator),
    period: period(code, indicator),
    unit: indicator.unit,
    ownCode: r.own.code,
    entries: peers.map((region) => entryOf(region, at(region))),
    reference: province && provinceGrowth !== null && provinceGrowth !== undefined ? { label: names(province), growthPct: provinceGrowth } : null,
  };
}

/** Resolves a chart spec against the workspace: the figures, the frame and the sources behind them. */
export async function resolveChart(
  workspace: Workspace | undefined,
  spec: ChartSpec,
  runProjection: RunProjection,
  size: { width?: number; height?: number } = {},
): Promise<ChartResolved> {
  const chromeBase: ChartChrome = {
    lang: spec.lang,
    theme: spec.theme,
    title: spec.title ?? null,
    subtitle: spec.subtitle ?? null,
    note: spec.note ?? null,
    ...(size.width ? { width: size.width } : {}),
    ...(size.height ? { height: size.height } : {}),
  };
  if (spec.kind === 'projectionFan') {
    const result = await runProjection(spec.scenario ? { scenario: spec.scenario } : { spec: spec.projection! });
    const source = result.base.source.kind === 'workspace' && workspace ? workspace.catalog.indicators().find((i) => i.code === (result.base.source as { indicatorCode: string }).indicatorCode)?.sourceNote : null;
    const data: ChartData = { kind: 'projectionFan', result };
    return {
      data,
      chrome: { ...chromeBase, sourceNote: source ?? null, snapshotLabel: workspace ? chartWords(spec.lang).working : null },
      sources: [...result.briefing[spec.lang]],
      gaps: [],
    };
  }
  if (!workspace) throw new AppFailure('NO_WORKSPACE', 'No workspace is open. Open or create one first.', '尚未打开工作区。请先打开或新建工作区。');
  const resolver = new Resolver(workspace, spec);
  const build = { valueGrowth, growthComparison, ranking, vintages, waterfall, scatter }[spec.kind];
  const data = build(resolver);
  const indicator = resolver.indicator();
  return {
    data,
    chrome: { ...chromeBase, sourceNote: indicator.sourceNote, snapshotLabel: spec.kind === 'vintages' ? null : resolver.snapshotLabel },
    sources: [...resolver.sources],
    gaps: describeChartGaps(data, spec.lang),
  };
}
