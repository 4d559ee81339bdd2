import type { Catalog, Indicator, Observation, Region } from '../../../shared/api/schemas';
import { chooseDisplayUnit, type Language } from '../../../shared/format';
import { comparePeriods, parsePeriod } from '../../../shared/periods';
import { findUnit, listUnits } from '../../../shared/units';
import { EMPTY_DRAFT, numberText, parseNumber, toEntryUnit, type ScenarioDraft } from './draft';

/** Which indicators, regions and years of the working copy can be a projection's base, and hints from the same cells. */

function isAnnual(period: string): boolean {
  return parsePeriod(period)?.frequency === 'year';
}

/** A cell a projection can start from: a whole year with a level above zero. */
function isBaseCell(observation: Observation): boolean {
  return observation.value !== null && observation.value > 0 && isAnnual(observation.period);
}

export function findCell(observations: readonly Observation[], indicator: string, region: string, period: string): Observation | undefined {
  return observations.find((o) => o.indicatorCode === indicator && o.regionCode === region && o.period === period);
}

/** Indicators with at least one base cell, in catalogue order. */
export function baseIndicators(catalog: Catalog, observations: readonly Observation[]): Indicator[] {
  const codes = new Set(observations.filter(isBaseCell).map((o) => o.indicatorCode));
  return catalog.indicators.filter((indicator) => codes.has(indicator.code));
}

/** Regions with a base cell of the indicator, in catalogue order. */
export function baseRegions(catalog: Catalog, observations: readonly Observation[], indicator: string): Region[] {
  const codes = new Set(observations.filter((o) => o.indicatorCode === indicator && isBaseCell(o)).map((o) => o.regionCode));
  return catalog.regions.filter((region) => codes.has(region.code));
}

/** Years with a base cell of the indicator and region, latest first. */
export function basePeriods(observations: readonly Observation[], indicator: string, region: string): string[] {
  return observations
    .filter((o) => o.indicatorCode === indicator && o.regionCode === region && isBaseCell(o))
    .map((o) => o.period)
    .sort((a, b) => comparePeriods(b, a));
}

/** The province's reported growth of the same indicator and year: the province growth of the share path. */
export function provinceGrowthHint(catalog: Catalog, observations: readonly Observation[], indicator: string, region: string, period: string): number | undefined {
  const parent = catalog.regions.find((r) => r.code === region)?.parentCode;
  const province = catalog.regions.find((r) => r.code === parent && r.level === 'province');
  if (!province) return undefined;
  return findCell(observations, indicator, province.code, period)?.growthReportedPct ?? undefined;
}

function isShareOfProvince(indicator: Indicator): boolean {
  // Catalogues name a share of the province as such in both languages ("占全省比重", "share of provincial …").
  return indicator.kind === 'share' && (indicator.nameZh.includes('全省') || /provinc/i.test(indicator.nameEn));
}

/** The region's share of the province in that year, read from an indicator named as one. */
export function shareHint(catalog: Catalog, observations: readonly Observation[], region: string, period: string): { indicator: Indicator; sharePct: number } | undefined {
  for (const indicator of catalog.indicators.filter(isShareOfProvince)) {
    const value = findCell(observations, indicator.code, region, period)?.value;
    if (value !== null && value !== undefined && value > 0 && value <= 100) return { indicator, sharePct: value };
  }
  return undefined;
}

/** Regions the backend can read as a peer: the same indicator and year with a level and a reported growth. */
export function peerRegions(catalog: Catalog, observations: readonly Observation[], indicator: string, region: string, period: string): Region[] {
  const codes = new Set(
    observations
      .filter((o) => o.indicatorCode === indicator && o.period === period && o.regionCode !== region && isBaseCell(o) && o.growthReportedPct !== null && o.growthReportedPct > -100)
      .map((o) => o.regionCode),
  );
  return catalog.regions.filter((r) => codes.has(r.code));
}

/** Units a level of `unit` can be typed in: its dimension's units, or just itself when unknown. */
export function entryUnits(unit: string): string[] {
  const known = findUnit(unit);
  if (!known) return [unit];
  const sameDimension = listUnits().filter((candidate) => candidate.dimension === known.dimension);
  // One code per size (亩 and mu are the same unit): the stored one where it is among them.
  const bySize = new Map<number, string>();
  for (const candidate of sameDimension) {
    if (!bySize.has(candidate.factor) || candidate.code === unit) bySize.set(candidate.factor, candidate.code);
  }
  return sameDimension.map((candidate) => candidate.code).filter((code) => [...bySize.values()].includes(code));
}

/** The unit a reader expects levels of this cell in (4717.8 亿元 in Chinese, 471.78 billion yuan in English). */
export function displayUnitFor(unit: string, value: number, language: Language): string {
  return chooseDisplayUnit(unit, [value], language).code;
}

export interface Selection {
  readonly indicator: string | null;
  readonly region: string | null;
}

/**
 * A draft that opens on something real: the navigator's indicator and region when they have a
 * base cell, otherwise the first city cell in catalogue order; its latest year, at its reported growth.
 */
export function defaultDraft(catalog: Catalog, observations: readonly Observation[], selection: Selection, language: Language): ScenarioDraft {
  const indicators = baseIndicators(catalog, observations);
  const indicator = indicators.find((i) => i.code === selection.indicator) ?? indicators[0];
  if (!indicator) return { ...EMPTY_DRAFT, baseKind: 'value', entryUnit: language === 'zh' ? '亿元' : 'billion yuan' };
  const regions = baseRegions(catalog, observations, indicator.code);
  const region = regions.find((r) => r.code === selection.region) ?? regions.find((r) => r.level === 'city') ?? regions[0]!;
  const period = basePeriods(observations, indicator.code, region.code)[0]!;
  const cell = findCell(observations, indicator.code, region.code, period)!;
  const growth = cell.growthReportedPct;
  const rate = (shift: number) => ({ mode: 'constant' as const, constant: growth === null ? '' : numberText(growth + shift), perYear: [] });
  return {
    ...EMPTY_DRAFT,
    indicator: indicator.code,
    region: region.code,
    period,
    entryUnit: displayUnitFor(cell.unit, cell.value!, language),
    rates: { base: rate(0), high: growth === null ? rate(0) : rate(1), low: growth === null ? rate(0) : rate(-1) },
  };
}

/** Indicators whose contribution to their parent can be asked for: both have a level in some region and year. */
export function contributionParts(catalog: Catalog, observations: readonly Observation[]): Indicator[] {
  const hasLevel = new Set(observations.filter((o) => o.value !== null).map((o) => `${o.indicatorCode}|${o.regionCode}|${o.period}`));
  return catalog.indicators.filter(
    (indicator) =>
      indicator.parentCode !== null &&
      observations.some((o) => o.indicatorCode === indicator.code && o.value !== null && hasLevel.has(`${indicator.parentCode}|${o.regionCode}|${o.period}`)),
  );
}

/** Regions and periods where both the part and its parent have a level, latest period first. */
export function contributionCells(observations: readonly Observation[], part: Indicator): { region: string; period: string }[] {
  const parent = new Set(observations.filter((o) => o.indicatorCode === part.parentCode && o.value !== null).map((o) => `${o.regionCode}|${o.period}`));
  return observations
    .filter((o) => o.indicatorCode === part.code && o.value !== null && parent.has(`${o.regionCode}|${o.period}`))
    .map((o) => ({ region: o.regionCode, period: o.period }))
    .sort((a, b) => comparePeriods(b.period, a.period));
}

type BaseChoice = Partial<Pick<ScenarioDraft, 'indicator' | 'region' | 'period'>>;

/**
 * The draft with another indicator, region or year as its base: what no longer fits follows
 * (a region without that indicator, a year without a figure, a unit of another dimension).
 */
export function withBaseChoice(draft: ScenarioDraft, catalog: Catalog, observations: readonly Observation[], choice: BaseChoice, language: Language): ScenarioDraft {
  const indicator = choice.indicator ?? draft.indicator;
  const regions = baseRegions(catalog, observations, indicator);
  const wanted = choice.region ?? draft.region;
  const region = regions.find((r) => r.code === wanted) ?? regions.find((r) => r.level === 'city') ?? regions[0];
  if (!region) return { ...draft, indicator };
  const periods = basePeriods(observations, indicator, region.code);
  const wantedPeriod = choice.period ?? draft.period;
  const period = periods.includes(wantedPeriod) ? wantedPeriod : periods[0]!;
  const cell = findCell(observations, indicator, region.code, period)!;
  const entryUnit = entryUnits(cell.unit).includes(draft.entryUnit) ? draft.entryUnit : displayUnitFor(cell.unit, cell.value!, language);
  const peers = peerRegions(catalog, observations, indicator, region.code, period);
  const peerRegion = peers.some((r) => r.code === draft.peerRegion) ? draft.peerRegion : (peers[0]?.code ?? '');
  return { ...draft, baseKind: 'workspace', indicator, region: region.code, period, entryUnit, peerRegion };
}

/** Switches the base between the workspace and a typed value, carrying the figure over. */
export function withBaseKind(draft: ScenarioDraft, kind: ScenarioDraft['baseKind'], catalog: Catalog, observations: readonly Observation[], language: Language): ScenarioDraft {
  if (kind === draft.baseKind) return draft;
  if (kind === 'workspace') {
    const fallback = defaultDraft(catalog, observations, { indicator: draft.indicator || null, region: draft.region || null }, language);
    if (!fallback.indicator) return draft;
    return withBaseChoice({ ...draft, indicator: fallback.indicator, region: draft.region || fallback.region }, catalog, observations, {}, language);
  }
  const cell = findCell(observations, draft.indicator, draft.region, draft.period);
  const indicator = catalog.indicators.find((i) => i.code === draft.indicator);
  const year = parsePeriod(draft.period)?.year;
  return {
    ...draft,
    baseKind: 'value',
    baseValue: cell?.value ? numberText(toEntryUnit(cell.value, cell.unit, draft.entryUnit)) : draft.baseValue,
    baseYear: year !== undefined ? String(year) : draft.baseYear,
    baseName: indicator ? (language === 'zh' ? indicator.nameZh : indicator.nameEn) : draft.baseName,
    peerKind: draft.peerKind === 'region' ? 'none' : draft.peerKind,
  };
}

/**
 * The draft as a reader of `to` expects it: levels typed in the unit `from` reads them in
 * (6000 亿元) move to the unit `to` reads them in (600 billion yuan), the same quantities.
 * A unit the user chose that is not `from`'s reading stays as it is.
 */
export function inLanguage(draft: ScenarioDraft, observations: readonly Observation[], from: Language, to: Language): ScenarioDraft {
  const cell = draft.baseKind === 'workspace' ? findCell(observations, draft.indicator, draft.region, draft.period) : undefined;
  const unit = cell?.unit ?? draft.entryUnit;
  const value = cell?.value ?? parseNumber(draft.baseValue);
  if (!unit || value === undefined || value === null || !(value > 0)) return draft;
  const level = cell ? toEntryUnit(value, cell.unit, draft.entryUnit) : value;
  if (displayUnitFor(draft.entryUnit, level, from) !== draft.entryUnit) return draft;
  const entryUnit = displayUnitFor(draft.entryUnit, level, to);
  if (entryUnit === draft.entryUnit) return draft;
  const convert = (text: string) => {
    const number = parseNumber(text);
    return number === undefined || Number.isNaN(number) ? text : numberText(toEntryUnit(number, draft.entryUnit, entryUnit));
  };
  return {
    ...draft,
    entryUnit,
    target: convert(draft.target),
    peerValue: convert(draft.peerValue),
    ...(draft.baseKind === 'value' ? { baseValue: convert(draft.baseValue) } : {}),
  };
}
