/**
 * The written brief: one paragraph in Chinese and one in English about an indicator, a region
 * and a period, built only from numbers the caller read from the workspace — value, growth, rank,
 * gap to the provincial and national averages, contribution to the parent's growth, revision since
 * the last snapshot. A number that is missing is left out of the text, never estimated.
 */
import { formatWithUnit, formatNumber, type Language } from '../format';
import { periodLabel, type Accumulation } from '../periods';
import { convert } from '../units';

export interface BriefObservation {
  readonly value: number | null;
  readonly growthReportedPct: number | null;
  readonly rankReported: number | null;
  readonly flags?: readonly string[];
}

export interface BriefIndicator {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly kind: 'level' | 'flow' | 'rate' | 'count' | 'share';
  readonly accumulation: Accumulation;
}

export interface BriefRegion {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly level: 'nation' | 'province' | 'city' | 'county' | 'zone';
}

/** An average the region is compared with (its province, the nation), for the same indicator and period. */
export interface BriefComparator {
  readonly region: BriefRegion;
  readonly observation: BriefObservation | null;
  readonly yearAgoValue?: number | null;
  /** A stored indicator holding the region's gap to this comparator in pp, when the workspace has one. */
  readonly storedGap?: { readonly indicatorCode: string; readonly value: number } | null;
}

export interface BriefInput {
  readonly indicator: BriefIndicator;
  readonly region: BriefRegion;
  readonly period: string;
  readonly observation: BriefObservation | null;
  /** The level one year earlier, for growth computed from levels (shown next to reported growth). */
  readonly yearAgoValue?: number | null;
  readonly province?: BriefComparator | null;
  readonly nation?: BriefComparator | null;
  /**
   * Whether a printed rank is among the region's peers ("全省第5"). The workspace does not store a
   * rank's scope; the handler says 'peers' when the province or peer regions hold figures for the same
   * indicator and period, else 'unknown' and the rank is stated without a scope ("排名第2").
   */
  readonly rankScope?: 'peers' | 'unknown';
  /** Reported growth of every region under the same parent (the region included), to rank when no rank is printed. */
  readonly peers?: readonly { readonly regionCode: string; readonly growthReportedPct: number | null }[];
  /** The whole this indicator is a part of, for the same region and period. */
  readonly parent?: {
    readonly indicator: Pick<BriefIndicator, 'code' | 'nameZh' | 'nameEn' | 'unit'>;
    readonly observation: BriefObservation | null;
    readonly yearAgoValue?: number | null;
  } | null;
  /** The same cell at the previous snapshot; `previous: null` means the cell did not exist then. */
  readonly revision?: { readonly snapshotLabel: string; readonly previous: BriefObservation | null } | null;
}

export type FactKey =
  | 'value'
  | 'growth'
  | 'growth_computed'
  | 'rank'
  | 'gap_province'
  | 'gap_nation'
  | 'contribution'
  | 'revision'
  | 'added_since_snapshot';

export const FACT_KEYS: readonly FactKey[] = ['value', 'growth', 'growth_computed', 'rank', 'gap_province', 'gap_nation', 'contribution', 'revision', 'added_since_snapshot'];

/**
 * Where a number comes from: printed in the release (`reported`), a stored gap indicator
 * (`stored_indicator`), computed here from reported growth rates (`computed_from_growth`) or
 * from levels (`computed_from_levels`), or a stored earlier snapshot (`snapshot`).
 */
export type FactBasis = 'reported' | 'stored_indicator' | 'computed_from_growth' | 'computed_from_levels' | 'snapshot';

export const FACT_BASES: readonly FactBasis[] = ['reported', 'stored_indicator', 'computed_from_growth', 'computed_from_levels', 'snapshot'];

/** One number of the brief, with its unit, its basis and an explanation in both languages. */
export interface Fact {
  readonly key: FactKey;
  readonly value: number | null;
  /** Unit code of `value`: the indicator's unit, "%", "pp" or "rank". */
  readonly unit: string;
  readonly basis: FactBasis;
  /** Whether the paragraph states this fact (a computed growth next to a reported one is not stated). */
  readonly isStated: boolean;
  /** How the number was obtained, e.g. which of two agreeing gap figures is used. */
  readonly zh: string;
  readonly en: string;
  /** For revisions: the value at the previous snapshot. */
  readonly previous?: number | null;
  /** The comparator region or the source indicator the number involves. */
  readonly regionCode?: string;
  readonly indicatorCode?: string;
}

export interface BriefWarning {
  readonly code: 'GAP_DISAGREES';
  readonly zh: string;
  readonly en: string;
}

export interface Brief {
  readonly zh: string;
  readonly en: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly facts: readonly Fact[];
  readonly warnings: readonly BriefWarning[];
}

/** Two gap figures agree when they print the same to one decimal. */
const GAP_TOLERANCE = 0.05 + 1e-9;

const pp = (value: number, language: Language) => formatWithUnit(Math.abs(value), 'pp', language);
const pct = (value: number, language: Language) => `${formatNumber(Math.abs(value), language, 1, 1)}%`;
const round1 = (value: number) => Math.round(value * 10) / 10;

function ordinal(rank: number): string {
  const tens = rank % 100;
  if (tens >= 11 && tens <= 13) return `${rank}th`;
  return `${rank}${['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th'}`;
}

/** "Added value of …" inside an English sentence; acronyms ("TCM …") keep their case. */
function inSentence(name: string): string {
  return /^[A-Z][A-Z]/.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

function valueText(value: number, unit: string, flags: readonly string[] | undefined, language: Language): string {
  const text = formatWithUnit(value, unit, language);
  if (!flags?.includes('lower_bound')) return text;
  return language === 'zh' ? `超过${text}` : `over ${text}`;
}

function growthPhrase(growth: number, language: Language): string {
  if (round1(growth) === 0) return language === 'zh' ? '同比持平' : 'unchanged year on year';
  if (language === 'zh') return `同比${growth > 0 ? '增长' : '下降'}${pct(growth, 'zh')}`;
  return `${growth > 0 ? 'up' : 'down'} ${pct(growth, 'en')} year on year`;
}

/** Where the region ranks: among the cities of a province, the counties of a city, the provinces of the nation. */
function rankScope(region: BriefRegion): { zh: string; en: string } {
  if (region.level === 'province') return { zh: '全国', en: 'in the country' };
  if (region.level === 'county' || region.level === 'zone') return { zh: '全市', en: 'in the city' };
  return { zh: '全省', en: 'in the province' };
}

function gapPhrase(gap: number, scope: 'province' | 'nation', language: Language): string {
  const average = scope === 'province' ? { zh: '全省平均', en: 'the provincial average' } : { zh: '全国平均', en: 'the national average' };
  if (round1(gap) === 0) return language === 'zh' ? `与${average.zh}持平` : `in line with ${average.en}`;
  if (language === 'zh') return `${gap > 0 ? '高于' : '低于'}${average.zh}${pp(gap, 'zh')}`;
  return `${pp(gap, 'en')} ${gap > 0 ? 'above' : 'below'} ${average.en}`;
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number';
}

function growthFromLevels(value: number | null | undefined, yearAgo: number | null | undefined): number | null {
  if (value === null || value === undefined || yearAgo === null || yearAgo === undefined || yearAgo <= 0) return null;
  return (value / yearAgo - 1) * 100;
}

/** The region's gap to one comparator: the stored gap indicator when present, else computed; both checked against each other. */
function gapFact(input: BriefInput, comparator: BriefComparator, scope: 'province' | 'nation', ownGrowth: { value: number; basis: FactBasis } | null, warnings: BriefWarning[]): Fact | null {
  const key = scope === 'province' ? 'gap_province' : 'gap_nation';
  const theirReported = comparator.observation?.growthReportedPct ?? null;
  const theirComputed = growthFromLevels(comparator.observation?.value, comparator.yearAgoValue);
  // Both growth rates on one basis: reported with reported, computed with computed.
  let computed: { value: number; basis: FactBasis } | null = null;
  if (ownGrowth?.basis === 'reported' && theirReported !== null) computed = { value: ownGrowth.value - theirReported, basis: 'computed_from_growth' };
  else {
    const ownComputed = growthFromLevels(input.observation?.value, input.yearAgoValue);
    if (ownComputed !== null && theirComputed !== null) computed = { value: ownComputed - theirComputed, basis: 'computed_from_levels' };
  }
  const stored = comparator.storedGap ?? null;
  const name = { zh: comparator.region.nameZh, en: comparator.region.nameEn };
  if (stored) {
    const agrees = computed === null || Math.abs(stored.value - computed.value) <= GAP_TOLERANCE;
    const check = computed === null
      ? { zh: `${name.zh}增速未知，无法核对。`, en: `${name.en}'s growth is not known, so it could not be checked.` }
      : agrees
        ? { zh: `与按${name.zh}增速计算的${formatNumber(round1(computed.value), 'zh', 1, 1)}个百分点一致。`, en: `It agrees with ${formatNumber(round1(computed.value), 'en', 1, 1)} points computed from ${name.en}'s growth.` }
        : { zh: `与按${name.zh}增速计算的${formatNumber(round1(computed.value), 'zh', 1, 1)}个百分点不一致。`, en: `It disagrees with ${formatNumber(round1(computed.value), 'en', 1, 1)} points computed from ${name.en}'s growth.` };
    if (!agrees) warnings.push({ code: 'GAP_DISAGREES', zh: `与${name.zh}的增速差：存储值${stored.value}与计算值${round1(computed!.value)}不一致，采用存储值。`, en: `Gap to ${name.en}: the stored ${stored.value} disagrees with the computed ${round1(computed!.value)}; the stored figure is used.` });
    return {
      key,
      value: stored.value,
      unit: 'pp',
      basis: 'stored_indicator',
      isStated: true,
      zh: `采用存储的增速差指标${stored.indicatorCode}。${check.zh}`,
      en: `Uses the stored gap indicator ${stored.indicatorCode}. ${check.en}`,
      regionCode: comparator.region.code,
      indicatorCode: stored.indicatorCode,
    };
  }
  if (!computed) return null;
  const how = computed.basis === 'computed_from_growth'
    ? { zh: `由本地与${name.zh}公布的增速相减得出。`, en: `Computed as the difference of the reported growth rates of the region and ${name.en}.` }
    : { zh: `由本地与${name.zh}按数值计算的增速相减得出。`, en: `Computed as the difference of growth rates computed from the levels of the region and ${name.en}.` };
  return { key, value: round1(computed.value), unit: 'pp', basis: computed.basis, isStated: true, ...how, regionCode: comparator.region.code };
}

/** Builds the brief. Every number in it comes from `input`; nothing is estimated. */
export function buildBrief(input: BriefInput): Brief {
  const { indicator, region, observation } = input;
  const facts: Fact[] = [];
  const warnings: BriefWarning[] = [];
  const label = { zh: periodLabel(input.period, 'zh', indicator.accumulation), en: periodLabel(input.period, 'en', indicator.accumulation) };
  const title = { zh: `${region.nameZh}${label.zh}${indicator.nameZh}`, en: `${region.nameEn}, ${label.en}: ${indicator.nameEn}` };

  const value = observation?.value ?? null;
  if (value !== null) {
    facts.push({ key: 'value', value, unit: indicator.unit, basis: 'reported', isStated: true, zh: '工作区中的数值。', en: 'The value in the workspace.' });
  }

  const reported = observation?.growthReportedPct ?? null;
  const computedGrowth = growthFromLevels(value, input.yearAgoValue);
  let growth: { value: number; basis: FactBasis } | null = null;
  if (reported !== null) {
    growth = { value: reported, basis: 'reported' };
    facts.push({ key: 'growth', value: reported, unit: '%', basis: 'reported', isStated: true, zh: '公布的同比增速（可比口径）。', en: 'Reported year-on-year growth (comparable basis).' });
  }
  if (computedGrowth !== null) {
    if (!growth) growth = { value: computedGrowth, basis: 'computed_from_levels' };
    facts.push({
      key: 'growth_computed',
      value: computedGrowth,
      unit: '%',
      basis: 'computed_from_levels',
      isStated: reported === null,
      zh: reported === null ? '由本期与上年同期数值计算。' : '由数值计算，与公布增速并列显示，不替代公布增速。',
      en: reported === null ? 'Computed from this and last year’s levels.' : 'Computed from levels; shown next to the reported growth, never replacing it.',
    });
  }

  const isGrowthRank = indicator.kind === 'flow' || indicator.kind === 'level';
  let rank: number | null = observation?.rankReported ?? null;
  let isRankScoped = input.rankScope !== 'unknown';
  if (rank !== null) {
    facts.push(
      isRankScoped
        ? { key: 'rank', value: rank, unit: 'rank', basis: 'reported', isStated: true, zh: '公布的排位。', en: 'Rank as printed.' }
        : { key: 'rank', value: rank, unit: 'rank', basis: 'reported', isStated: true, zh: '公布的排位；比较范围不明（全省和同级地区均无该指标数据），故不称“全省”。', en: 'Rank as printed; what it ranks among is not known (neither the province nor peer regions have this indicator), so no scope is stated.' },
    );
  } else if (isGrowthRank && reported !== null && input.peers && input.peers.length > 1 && input.peers.every((p) => p.growthReportedPct !== null)) {
    rank = 1 + input.peers.filter((p) => p.growthReportedPct! > reported).length;
    isRankScoped = true;
    facts.push({ key: 'rank', value: rank, unit: 'rank', basis: 'computed_from_growth', isStated: true, zh: `按${input.peers.length}个地区公布的增速排出。`, en: `Ranked by the reported growth of ${input.peers.length} regions.` });
  }

  const gaps: { scope: 'province' | 'nation'; fact: Fact }[] = [];
  for (const scope of ['province', 'nation'] as const) {
    const comparator = scope === 'province' ? input.province : input.nation;
    if (!comparator) continue;
    const fact = gapFact(input, comparator, scope, growth, warnings);
    if (fact) {
      facts.push(fact);
      gaps.push({ scope, fact });
    }
  }

  let contribution: { value: number; parentName: { zh: string; en: string } } | null = null;
  const parent = input.parent;
  if (parent && value !== null && parent.observation?.value !== null && parent.observation?.value !== undefined) {
    const parentValue = convert(parent.observation.value, parent.indicator.unit, indicator.unit);
    const parentGrowth = parent.observation.growthReportedPct;
    let pull: { value: number; basis: FactBasis } | null = null;
    if (parentValue.ok && reported !== null && parentGrowth !== null && parentValue.value > 0) {
      // 拉动 = growth of the part × its weight in the whole a year earlier (both from reported growth).
      const partBefore = value / (1 + reported / 100);
      const wholeBefore = parentValue.value / (1 + parentGrowth / 100);
      pull = { value: (reported * partBefore) / wholeBefore, basis: 'computed_from_growth' };
    } else if (parentValue.ok && isNumber(input.yearAgoValue) && isNumber(parent.yearAgoValue)) {
      const wholeBefore = convert(parent.yearAgoValue, parent.indicator.unit, indicator.unit);
      if (wholeBefore.ok && wholeBefore.value > 0) pull = { value: ((value - input.yearAgoValue) / wholeBefore.value) * 100, basis: 'computed_from_levels' };
    }
    if (pull) {
      contribution = { value: pull.value, parentName: { zh: parent.indicator.nameZh, en: parent.indicator.nameEn } };
      facts.push({
        key: 'contribution',
        value: pull.value,
        unit: 'pp',
        basis: pull.basis,
        isStated: true,
        zh: pull.basis === 'computed_from_growth' ? `按公布增速和上年占${parent.indicator.nameZh}的比重计算。` : `由本期与上年数值计算。`,
        en: pull.basis === 'computed_from_growth' ? `Growth times last year’s weight in ${inSentence(parent.indicator.nameEn)}, from reported growth rates.` : 'Computed from this and last year’s levels.',
        indicatorCode: parent.indicator.code,
      });
    }
  }

  const phrases = (language: Language): string[] => {
    const out: string[] = [];
    if (growth) out.push(growthPhrase(growth.value, language) + (growth.basis === 'reported' ? '' : language === 'zh' ? '（按数值计算）' : ' (computed from levels)'));
    if (rank !== null) {
      const scope = rankScope(region);
      if (isRankScoped) out.push(language === 'zh' ? `${isGrowthRank ? '增速' : ''}${scope.zh}第${rank}` : `${ordinal(rank)} ${scope.en}`);
      else out.push(language === 'zh' ? `${isGrowthRank ? '增速' : ''}排名第${rank}` : `ranked ${ordinal(rank)}${isGrowthRank ? ' by growth' : ''}`);
    }
    for (const gap of gaps) out.push(gapPhrase(gap.fact.value!, gap.scope, language));
    if (contribution) {
      out.push(language === 'zh'
        ? `拉动${contribution.parentName.zh}增长${pp(contribution.value, 'zh')}`
        : `contributing ${pp(contribution.value, 'en')} to the growth of ${inSentence(contribution.parentName.en)}`);
    }
    return out;
  };

  const zhParts = phrases('zh');
  const enParts = phrases('en');
  let zh: string;
  let en: string;
  if (value !== null) {
    zh = `${indicator.nameZh}${valueText(value, indicator.unit, observation?.flags, 'zh')}${zhParts.map((p) => `，${p}`).join('')}。`;
    en = `${indicator.nameEn} was ${valueText(value, indicator.unit, observation?.flags, 'en')}${enParts.map((p) => `, ${p}`).join('')}.`;
  } else if (zhParts.length > 0) {
    zh = `${indicator.nameZh}${zhParts.join('，')}。`;
    en = growth ? `${indicator.nameEn} was ${enParts.join(', ')}.` : `${indicator.nameEn}: ${enParts.join(', ')}.`;
  } else {
    zh = `${region.nameZh}${label.zh}${indicator.nameZh}暂无数据。`;
    en = `The workspace holds no figures for ${inSentence(indicator.nameEn)} in ${region.nameEn} for ${label.en}.`;
  }

  const revision = input.revision;
  if (revision && observation) {
    const before = revision.previous;
    const snapshot = { zh: `快照“${revision.snapshotLabel}”`, en: `snapshot “${revision.snapshotLabel}”` };
    if (!before) {
      facts.push({ key: 'added_since_snapshot', value: value, unit: indicator.unit, basis: 'snapshot', isStated: true, previous: null, zh: `${snapshot.zh}中没有该数据。`, en: `Not in ${snapshot.en}.` });
      zh += `该数据为${snapshot.zh}之后新增。`;
      en += ` This figure was added after ${snapshot.en}.`;
    } else {
      const zhChanges: string[] = [];
      const enChanges: string[] = [];
      if (before.value !== value && before.value !== null && value !== null) {
        facts.push({ key: 'revision', value, unit: indicator.unit, basis: 'snapshot', isStated: true, previous: before.value, zh: `数值较${snapshot.zh}修订。`, en: `Value revised since ${snapshot.en}.` });
        zhChanges.push(`数值由${formatWithUnit(before.value, indicator.unit, 'zh')}修订为${formatWithUnit(value, indicator.unit, 'zh')}`);
        enChanges.push(`value from ${formatWithUnit(before.value, indicator.unit, 'en')} to ${formatWithUnit(value, indicator.unit, 'en')}`);
      }
      if (before.growthReportedPct !== reported && before.growthReportedPct !== null && reported !== null) {
        facts.push({ key: 'revision', value: reported, unit: '%', basis: 'snapshot', isStated: true, previous: before.growthReportedPct, zh: `增速较${snapshot.zh}修订。`, en: `Growth revised since ${snapshot.en}.` });
        zhChanges.push(`增速由${formatNumber(before.growthReportedPct, 'zh', 1, 1)}%修订为${formatNumber(reported, 'zh', 1, 1)}%`);
        enChanges.push(`growth from ${formatNumber(before.growthReportedPct, 'en', 1, 1)}% to ${formatNumber(reported, 'en', 1, 1)}%`);
      }
      if (zhChanges.length > 0) {
        zh += `较${snapshot.zh}，${zhChanges.join('，')}。`;
        en += ` Revised since ${snapshot.en}: ${enChanges.join('; ')}.`;
      }
    }
  }

  return { zh, en, title, facts, warnings };
}

/**
 * Stored gap indicators for an indicator: codes "<stem>_gap_province" / "<stem>_gap_nation" in pp
 * whose stem is the indicator's code or a leading part of it (digital_core_mfg_gap_province for
 * digital_core_mfg_value_added). The longest stem wins.
 */
export function findGapIndicators(indicatorCode: string, indicators: readonly { code: string; unit: string }[]): { province?: string; nation?: string } {
  const found: { province?: { code: string; stem: number }; nation?: { code: string; stem: number } } = {};
  for (const candidate of indicators) {
    const match = /^(.+)_gap_(province|nation)$/.exec(candidate.code);
    if (!match || candidate.unit !== 'pp') continue;
    const stem = match[1]!;
    if (indicatorCode !== stem && !indicatorCode.startsWith(`${stem}_`)) continue;
    const scope = match[2] as 'province' | 'nation';
    if (!found[scope] || found[scope]!.stem < stem.length) found[scope] = { code: candidate.code, stem: stem.length };
  }
  return { province: found.province?.code, nation: found.nation?.code };
}
