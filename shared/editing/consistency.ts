/**
 * Consistency rules over the figures of one version of the workspace. Each finding names the cell
 * its marker goes on (and the cells it was compared with) and says what is wrong in both languages.
 *
 * - PART_EXCEEDS_WHOLE: a "其中" part (an indicator with a parent) is larger than its whole; for
 *   counts this is exact ("69 honours, including 687 titles"), for amounts within rounding.
 * - PARTS_EXCEED_WHOLE: the parts of one whole together are larger than it.
 * - REGIONS_DISAGREE: the cities of a province add up to more than the province, or, when every
 *   city is there, differ from it by more than the tolerance.
 * - SHARE_OUT_OF_RANGE: a share below 0% or above 100%; GROWTH_OUT_OF_RANGE: growth below −100%.
 * - GROWTH_DISAGREES: growth implied by this year's and last year's levels differs from the growth
 *   reported by more than rounding can explain.
 * - RANK_DISAGREES: a stated rank is beyond the number of peers, or disagrees with the rank the
 *   peers' values (or growth rates) give when every peer has one.
 */
import type { Catalog, Indicator, Observation } from '../api/schemas';
import { formatWithUnit } from '../format';
import type { Language } from '../format';
import { periodLabel } from '../periods';
import { roundToSignificant } from '../units';
import {
  cellKey,
  growthComputed,
  indexObservations,
  isAdditiveKind,
  observationCellKey,
  previousYear,
  rankAmong,
  valueIn,
} from './derived';
import type { ObservationIndex } from './derived';

export type RuleCode =
  | 'PART_EXCEEDS_WHOLE'
  | 'PARTS_EXCEED_WHOLE'
  | 'REGIONS_DISAGREE'
  | 'SHARE_OUT_OF_RANGE'
  | 'GROWTH_OUT_OF_RANGE'
  | 'GROWTH_DISAGREES'
  | 'RANK_DISAGREES';

export type FindingField = 'value' | 'growthReportedPct' | 'rankReported';

export interface CellRef {
  readonly indicatorCode: string;
  readonly regionCode: string;
  readonly period: string;
  readonly field: FindingField;
}

export interface Finding {
  /** Stable across runs for the same problem (rule and cells). */
  readonly id: string;
  readonly rule: RuleCode;
  readonly severity: 'error' | 'warning';
  /** The cell the marker goes on and the problems panel jumps to. */
  readonly cell: CellRef;
  /** The other cells the rule compared it with. */
  readonly related: readonly CellRef[];
  /** A figure flagged as printed by a self-contradicting source: still listed, and said so. */
  readonly isAsPrinted: boolean;
  readonly zh: string;
  readonly en: string;
}

/** Tolerances: relative for sums of amounts, absolute for percentages. */
export const TOLERANCE = {
  /** Sums of parts and of regions may exceed the whole by this fraction (statistical rounding). */
  sumRelative: 0.005,
  /** Growth printed to one decimal: half a unit of the last digit. */
  growthPrinted: 0.05,
} as const;

interface Names {
  indicator(code: string, language: Language): string;
  region(code: string, language: Language): string;
}

function namesOf(catalog: Catalog): Names {
  const indicators = new Map(catalog.indicators.map((i) => [i.code, i]));
  const regions = new Map(catalog.regions.map((r) => [r.code, r]));
  return {
    indicator: (code, language) => {
      const indicator = indicators.get(code);
      return indicator ? (language === 'zh' ? indicator.nameZh : indicator.nameEn) : code;
    },
    region: (code, language) => {
      const region = regions.get(code);
      return region ? (language === 'zh' ? region.nameZh : region.nameEn) : code;
    },
  };
}

function ref(observation: Observation, field: FindingField = 'value'): CellRef {
  return { indicatorCode: observation.indicatorCode, regionCode: observation.regionCode, period: observation.period, field };
}

function isAsPrinted(...observations: (Observation | undefined)[]): boolean {
  return observations.some((o) => o?.flags.includes('as_printed'));
}

function findingId(rule: RuleCode, cell: CellRef): string {
  return `${rule}:${cellKey(cell.indicatorCode, cell.regionCode, cell.period)}:${cell.field}`;
}

/** Half a unit of the last decimal the number is written with (471.78 → 0.005, 69 → 0.5). */
function roundingOf(value: number): number {
  const text = String(roundToSignificant(Math.abs(value), 12));
  if (text.includes('e')) return 0;
  const decimals = text.includes('.') ? text.split('.')[1]!.length : 0;
  return 0.5 * 10 ** -decimals;
}

/** Rounding of a figure, expressed in the unit it is compared in (`converted` is its value there). */
function roundingIn(original: number, converted: number): number {
  return original === 0 ? 0 : roundingOf(original) * Math.abs(converted / original);
}

function amount(observation: Observation, language: Language): string {
  return observation.value === null ? '—' : formatWithUnit(observation.value, observation.unit, language);
}

function asPrintedNote(isPrinted: boolean, language: Language): string {
  if (!isPrinted) return '';
  return language === 'zh' ? '（按原文照录，原文即如此）' : ' (kept as printed: the source says so)';
}

interface Context {
  readonly index: ObservationIndex;
  readonly indicators: ReadonlyMap<string, Indicator>;
  readonly childrenOf: ReadonlyMap<string, readonly Indicator[]>;
  readonly names: Names;
  readonly period: (observation: Observation, language: Language) => string;
}

function checkPartOfWhole(observation: Observation, indicator: Indicator, context: Context, findings: Finding[]): void {
  if (!indicator.parentCode || observation.value === null) return;
  const whole = context.index.cell(indicator.parentCode, observation.regionCode, observation.period);
  const wholeValue = whole ? valueIn(whole, observation.unit) : null;
  if (!whole || wholeValue === null) return;
  const isCount = indicator.kind === 'count';
  const slack = isCount ? 0 : Math.abs(wholeValue) * TOLERANCE.sumRelative + roundingOf(observation.value) + roundingIn(whole.value!, wholeValue);
  if (observation.value <= wholeValue + slack) return;
  const cell = ref(observation);
  const printed = isAsPrinted(observation, whole);
  const text = (language: Language) => {
    const part = `${context.names.indicator(indicator.code, language)}`;
    const wholeName = context.names.indicator(indicator.parentCode!, language);
    const where = `${context.names.region(observation.regionCode, language)} ${context.period(observation, language)}`;
    return language === 'zh'
      ? `${where}：其中项“${part}”（${amount(observation, 'zh')}）大于其总量“${wholeName}”（${amount(whole, 'zh')}）${asPrintedNote(printed, 'zh')}。`
      : `${where}: the part "${part}" (${amount(observation, 'en')}) exceeds its whole "${wholeName}" (${amount(whole, 'en')})${asPrintedNote(printed, 'en')}.`;
  };
  findings.push({
    id: findingId('PART_EXCEEDS_WHOLE', cell),
    rule: 'PART_EXCEEDS_WHOLE',
    severity: 'error',
    cell,
    related: [ref(whole)],
    isAsPrinted: printed,
    zh: text('zh'),
    en: text('en'),
  });
}

function checkPartsSum(whole: Observation, indicator: Indicator, context: Context, findings: Finding[]): void {
  const children = context.childrenOf.get(indicator.code);
  if (!children || children.length < 2 || whole.value === null) return;
  const parts = children
    .map((child) => context.index.cell(child.code, whole.regionCode, whole.period))
    .filter((part): part is Observation => part !== undefined && part.value !== null);
  if (parts.length < 2) return;
  const values = parts.map((part) => valueIn(part, whole.unit));
  if (values.some((value) => value === null)) return;
  const sum = roundToSignificant(values.reduce<number>((a, b) => a + (b ?? 0), 0), 12);
  const rounding = parts.reduce((a, p, i) => a + roundingIn(p.value!, values[i]!), 0);
  const slack = indicator.kind === 'count' ? 0 : Math.abs(whole.value) * TOLERANCE.sumRelative + rounding;
  if (sum <= whole.value + slack) return;
  const cell = ref(whole);
  const printed = isAsPrinted(whole, ...parts);
  const text = (language: Language) => {
    const where = `${context.names.region(whole.regionCode, language)} ${context.period(whole, language)}`;
    const listed = parts.map((p) => context.names.indicator(p.indicatorCode, language)).join(language === 'zh' ? '、' : ', ');
    const total = formatWithUnit(sum, whole.unit, language);
    return language === 'zh'
      ? `${where}：其中项（${listed}）合计${total}，大于总量“${context.names.indicator(indicator.code, 'zh')}”（${amount(whole, 'zh')}）${asPrintedNote(printed, 'zh')}。`
      : `${where}: the parts (${listed}) add up to ${total}, more than the whole "${context.names.indicator(indicator.code, 'en')}" (${amount(whole, 'en')})${asPrintedNote(printed, 'en')}.`;
  };
  findings.push({
    id: findingId('PARTS_EXCEED_WHOLE', cell),
    rule: 'PARTS_EXCEED_WHOLE',
    severity: 'warning',
    cell,
    related: parts.map((p) => ref(p)),
    isAsPrinted: printed,
    zh: text('zh'),
    en: text('en'),
  });
}

function checkRegionSum(whole: Observation, context: Context, findings: Finding[], childRegions: ReadonlyMap<string, readonly string[]>): void {
  const children = childRegions.get(whole.regionCode);
  if (!children || children.length < 2 || whole.value === null) return;
  const parts = children
    .map((code) => context.index.cell(whole.indicatorCode, code, whole.period))
    .filter((part): part is Observation => part !== undefined && part.value !== null);
  if (parts.length < 2) return;
  const values = parts.map((part) => valueIn(part, whole.unit));
  if (values.some((value) => value === null)) return;
  const sum = roundToSignificant(values.reduce<number>((a, b) => a + (b ?? 0), 0), 12);
  const slack = Math.abs(whole.value) * TOLERANCE.sumRelative + parts.reduce((a, p, i) => a + roundingIn(p.value!, values[i]!), 0);
  const isComplete = parts.length === children.length;
  const isWrong = sum > whole.value + slack || (isComplete && sum < whole.value - slack);
  if (!isWrong) return;
  const cell = ref(whole);
  const text = (language: Language) => {
    const where = `${context.names.indicator(whole.indicatorCode, language)} ${context.period(whole, language)}`;
    const total = formatWithUnit(sum, whole.unit, language);
    const count = `${parts.length}/${children.length}`;
    return language === 'zh'
      ? `${where}：下辖地区（${count}）合计${total}，与${context.names.region(whole.regionCode, 'zh')}（${amount(whole, 'zh')}）不一致（容差${TOLERANCE.sumRelative * 100}%）。`
      : `${where}: the regions within ${context.names.region(whole.regionCode, 'en')} (${count}) add up to ${total}, which disagrees with its ${amount(whole, 'en')} (tolerance ${TOLERANCE.sumRelative * 100}%).`;
  };
  findings.push({
    id: findingId('REGIONS_DISAGREE', cell),
    rule: 'REGIONS_DISAGREE',
    severity: 'warning',
    cell,
    related: parts.map((p) => ref(p)),
    isAsPrinted: isAsPrinted(whole, ...parts),
    zh: text('zh'),
    en: text('en'),
  });
}

function where(observation: Observation, context: Context, language: Language): string {
  return `${context.names.indicator(observation.indicatorCode, language)} · ${context.names.region(observation.regionCode, language)} · ${context.period(observation, language)}`;
}

function checkRanges(observation: Observation, indicator: Indicator, context: Context, findings: Finding[]): void {
  if (indicator.kind === 'share' && observation.value !== null && (observation.value > 100 || observation.value < 0)) {
    const cell = ref(observation);
    findings.push({
      id: findingId('SHARE_OUT_OF_RANGE', cell),
      rule: 'SHARE_OUT_OF_RANGE',
      severity: 'error',
      cell,
      related: [],
      isAsPrinted: isAsPrinted(observation),
      zh: `${where(observation, context, 'zh')}：比重为${observation.value}%，应在 0% 到 100% 之间。`,
      en: `${where(observation, context, 'en')}: a share of ${observation.value}% must lie between 0% and 100%.`,
    });
  }
  if (observation.growthReportedPct !== null && observation.growthReportedPct < -100) {
    const cell = ref(observation, 'growthReportedPct');
    findings.push({
      id: findingId('GROWTH_OUT_OF_RANGE', cell),
      rule: 'GROWTH_OUT_OF_RANGE',
      severity: 'error',
      cell,
      related: [],
      isAsPrinted: isAsPrinted(observation),
      zh: `${where(observation, context, 'zh')}：增速${observation.growthReportedPct}%低于 −100%，不可能。`,
      en: `${where(observation, context, 'en')}: growth of ${observation.growthReportedPct}% is below −100%, which is impossible.`,
    });
  }
}

function checkGrowth(observation: Observation, indicator: Indicator, context: Context, findings: Finding[]): void {
  if (!isAdditiveKind(indicator.kind) || observation.growthReportedPct === null || observation.value === null) return;
  const computed = growthComputed(observation, context.index);
  const before = previousYear(observation, context.index);
  const base = before ? valueIn(before, observation.unit) : null;
  if (computed === null || !before || base === null) return;
  // How far the growth can move when both levels are only known to their printed digits.
  const levelSlack = 100 * (roundingOf(observation.value) / base + (observation.value * roundingOf(base)) / (base * base));
  const slack = TOLERANCE.growthPrinted + levelSlack + 1e-9;
  if (Math.abs(computed - observation.growthReportedPct) <= slack) return;
  const cell = ref(observation, 'growthReportedPct');
  const shown = (value: number) => `${roundToSignificant(value, 12).toFixed(1)}%`;
  findings.push({
    id: findingId('GROWTH_DISAGREES', cell),
    rule: 'GROWTH_DISAGREES',
    severity: 'warning',
    cell,
    related: [ref(observation), ref(before)],
    isAsPrinted: isAsPrinted(observation, before),
    zh: `${where(observation, context, 'zh')}：由总量算得增速${shown(computed)}，与报告增速${shown(observation.growthReportedPct)}不符（超出舍入误差）。`,
    en: `${where(observation, context, 'en')}: the levels imply growth of ${shown(computed)}, not the ${shown(observation.growthReportedPct)} reported (more than rounding).`,
  });
}

function checkRank(observation: Observation, context: Context, findings: Finding[]): void {
  const stated = observation.rankReported;
  if (stated === null) return;
  const peers = context.index.peersOf(observation.regionCode);
  if (peers.length < 2) return;
  const cell = ref(observation, 'rankReported');
  const push = (zh: string, en: string) =>
    findings.push({ id: findingId('RANK_DISAGREES', cell), rule: 'RANK_DISAGREES', severity: 'warning', cell, related: [], isAsPrinted: isAsPrinted(observation), zh, en });
  if (stated > peers.length) {
    push(
      `${where(observation, context, 'zh')}：排名第${stated}，但同级地区只有${peers.length}个。`,
      `${where(observation, context, 'en')}: ranked ${stated}, but there are only ${peers.length} peer regions.`,
    );
    return;
  }
  // A stated rank may be by level or by growth; check it only against a basis every peer has.
  const bases: { name: { zh: string; en: string }; rank: number }[] = [];
  const peerCells = peers.map((peer) => context.index.cell(observation.indicatorCode, peer.code, observation.period));
  const levels = peerCells.map((peer) => (peer ? valueIn(peer, observation.unit) : null));
  if (observation.value !== null && levels.every((value) => value !== null)) {
    bases.push({ name: { zh: '总量', en: 'level' }, rank: rankAmong(observation.value, levels as number[]) });
  }
  const growth = peerCells.map((peer) => (peer ? (peer.growthReportedPct ?? growthComputed(peer, context.index)) : null));
  const mine = observation.growthReportedPct ?? growthComputed(observation, context.index);
  if (mine !== null && growth.every((value) => value !== null)) {
    bases.push({ name: { zh: '增速', en: 'growth' }, rank: rankAmong(mine, growth as number[]) });
  }
  if (bases.length === 0 || bases.some((basis) => basis.rank === stated)) return;
  push(
    `${where(observation, context, 'zh')}：报告排名第${stated}，但按${bases.map((b) => `${b.name.zh}为第${b.rank}`).join('、')}。`,
    `${where(observation, context, 'en')}: the rank stated is ${stated}, but by ${bases.map((b) => `${b.name.en} it is ${b.rank}`).join(' and by ')}.`,
  );
}

/** Runs every rule over the observations visible in one version of the workspace. */
export function checkConsistency(observations: readonly Observation[], catalog: Catalog): Finding[] {
  const index = indexObservations(observations, catalog);
  const indicators = new Map(catalog.indicators.map((indicator) => [indicator.code, indicator]));
  const childrenOf = new Map<string, Indicator[]>();
  for (const indicator of catalog.indicators) {
    if (!indicator.parentCode) continue;
    const list = childrenOf.get(indicator.parentCode);
    if (list) list.push(indicator);
    else childrenOf.set(indicator.parentCode, [indicator]);
  }
  const childRegions = new Map<string, string[]>();
  for (const region of catalog.regions) {
    if (!region.parentCode) continue;
    const list = childRegions.get(region.parentCode);
    if (list) list.push(region.code);
    else childRegions.set(region.parentCode, [region.code]);
  }
  const context: Context = {
    index,
    indicators,
    childrenOf,
    names: namesOf(catalog),
    period: (observation, language) => periodLabel(observation.period, language, indicators.get(observation.indicatorCode)?.accumulation ?? 'point'),
  };
  const findings: Finding[] = [];
  for (const observation of observations) {
    const indicator = indicators.get(observation.indicatorCode);
    if (!indicator) continue;
    checkPartOfWhole(observation, indicator, context, findings);
    checkRanges(observation, indicator, context, findings);
    checkGrowth(observation, indicator, context, findings);
    checkRank(observation, context, findings);
    if (isAdditiveKind(indicator.kind)) {
      checkPartsSum(observation, indicator, context, findings);
      checkRegionSum(observation, context, findings, childRegions);
    }
  }
  const seen = new Set<string>();
  return findings.filter((finding) => (seen.has(finding.id) ? false : (seen.add(finding.id), true)));
}

/** Findings by the cell and field their marker goes on: `indicator|region|period|field`. */
export function findingsByCell(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${cellKey(finding.cell.indicatorCode, finding.cell.regionCode, finding.cell.period)}|${finding.cell.field}`;
    const list = map.get(key);
    if (list) list.push(finding);
    else map.set(key, [finding]);
  }
  return map;
}

export { observationCellKey };
