import type { RateSchedule } from '../../../shared/projections/rates';
import { normaliseRates, ratesForYears } from '../../../shared/projections/rates';
import type { ScenarioKey } from '../../../shared/projections/scenarios';
import type { ScenarioSpec, ScenarioSpecInput } from '../../../shared/projections/schema';
import { convert, roundToSignificant } from '../../../shared/units';

/**
 * The scenario editor's form: text as typed, so a half-typed "9." or a blank field survives until
 * it is turned into a spec. Levels (typed base, target, peer value) are typed in `entryUnit`.
 */
export type RateMode = 'constant' | 'perYear';
export interface RateDraft {
  readonly mode: RateMode;
  readonly constant: string;
  /** One field per projected year; blank trailing years keep the last rate. */
  readonly perYear: readonly string[];
}

export type BaseKind = 'workspace' | 'value';
export type PeerKind = 'none' | 'region' | 'value';

export interface ScenarioDraft {
  readonly baseKind: BaseKind;
  readonly indicator: string;
  readonly region: string;
  readonly period: string;
  readonly baseValue: string;
  readonly baseYear: string;
  readonly baseName: string;
  /** Unit of the level fields; for a workspace base, one of the stored unit's dimension. */
  readonly entryUnit: string;
  readonly years: string;
  readonly rates: Readonly<Record<ScenarioKey, RateDraft>>;
  readonly target: string;
  readonly targetYear: string;
  readonly sharePct: string;
  readonly provinceGrowthPct: string;
  readonly targetSharePct: string;
  readonly shareTargetYear: string;
  readonly peerKind: PeerKind;
  readonly peerRegion: string;
  readonly peerName: string;
  readonly peerValue: string;
  readonly peerGrowthPct: string;
}

export type DraftField =
  | 'indicator'
  | 'region'
  | 'period'
  | 'baseValue'
  | 'baseYear'
  | 'years'
  | `rate.${ScenarioKey}`
  | 'target'
  | 'targetYear'
  | 'sharePct'
  | 'provinceGrowthPct'
  | 'targetSharePct'
  | 'shareTargetYear'
  | 'peerRegion'
  | 'peerName'
  | 'peerValue'
  | 'peerGrowthPct';

/** Why a field cannot be used; each has a message in both languages (projections.errors). */
export type DraftProblem =
  | 'required'
  | 'notNumber'
  | 'notPositive'
  | 'growthTooLow'
  | 'growthTooHigh'
  | 'notWholeYears'
  | 'notYear'
  | 'shareRange'
  | 'needsShare'
  | 'needsProvinceGrowth'
  | 'needsTarget'
  | 'needsTargetShare'
  | 'gapInRates';

export type DraftErrors = Partial<Record<DraftField, DraftProblem>>;
export type DraftCheck = { readonly ok: true; readonly spec: ScenarioSpecInput } | { readonly ok: false; readonly errors: DraftErrors };

const emptyRate = (constant: string): RateDraft => ({ mode: 'constant', constant, perYear: [] });

export const EMPTY_DRAFT: ScenarioDraft = {
  baseKind: 'workspace',
  indicator: '',
  region: '',
  period: '',
  baseValue: '',
  baseYear: '',
  baseName: '',
  entryUnit: '',
  years: '6',
  rates: { base: emptyRate(''), high: emptyRate(''), low: emptyRate('') },
  target: '',
  targetYear: '',
  sharePct: '',
  provinceGrowthPct: '',
  targetSharePct: '',
  shareTargetYear: '',
  peerKind: 'none',
  peerRegion: '',
  peerName: '',
  peerValue: '',
  peerGrowthPct: '',
};

const FULL_WIDTH = /[０-９．－]/g;

/**
 * A number as analysts type it: "9.3", "9.3%", full-width "９．３", "1,234.5" with grouping.
 * Undefined for blank text, NaN for text that is not a number.
 */
export function parseNumber(text: string): number | undefined {
  const normalised = text
    .replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[−–]/g, '-')
    .trim()
    .replace(/[%％]$/, '')
    .trim();
  if (normalised === '') return undefined;
  const ungrouped = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(normalised) ? normalised.replace(/,/g, '') : normalised;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(ungrouped)) return Number.NaN;
  return Number(ungrouped);
}

/** A number for a text field: no float noise, no grouping (9.300000000000001 → "9.3"). */
export function numberText(value: number): string {
  return String(roundToSignificant(value, 12));
}

/** The rate each per-year field stands for: its own, or the last one typed before it ("" before any). */
export function heldRates(perYear: readonly string[]): string[] {
  let held = '';
  return perYear.map((text) => (text.trim() === '' ? held : (held = text.trim())));
}

/** The rates the per-year fields hold once the horizon is `years` long: extra fields dropped, missing ones blank. */
export function fitPerYear(perYear: readonly string[], years: number): string[] {
  return Array.from({ length: years }, (_, index) => perYear[index] ?? '');
}

/** Horizon typed in the draft, or undefined while it is not a usable whole number. */
export function draftYears(draft: ScenarioDraft): number | undefined {
  const years = parseNumber(draft.years);
  return years !== undefined && Number.isInteger(years) && years >= 1 && years <= 50 ? years : undefined;
}

/** Switches a rate between one rate and rates per year, carrying over what was typed. */
export function switchRateMode(rate: RateDraft, mode: RateMode, years: number): RateDraft {
  if (mode === rate.mode) return rate;
  // The first year takes the rate; later years hold it until the user types another.
  if (mode === 'perYear') return { mode, constant: rate.constant, perYear: fitPerYear([rate.constant], years) };
  return { mode, constant: rate.perYear.find((text) => text.trim() !== '') ?? rate.constant, perYear: rate.perYear };
}

type Parsed<T> = { value: T } | { problem: DraftProblem } | { blank: true };

function growthOf(text: string): Parsed<number> {
  const value = parseNumber(text);
  if (value === undefined) return { blank: true };
  if (Number.isNaN(value)) return { problem: 'notNumber' };
  if (value <= -100) return { problem: 'growthTooLow' };
  if (value > 1000) return { problem: 'growthTooHigh' };
  return { value };
}

function positiveOf(text: string): Parsed<number> {
  const value = parseNumber(text);
  if (value === undefined) return { blank: true };
  if (Number.isNaN(value)) return { problem: 'notNumber' };
  if (value <= 0 || value > 1e15) return { problem: 'notPositive' };
  return { value };
}

function shareOf(text: string): Parsed<number> {
  const value = parseNumber(text);
  if (value === undefined) return { blank: true };
  if (Number.isNaN(value)) return { problem: 'notNumber' };
  if (value <= 0 || value > 100) return { problem: 'shareRange' };
  return { value };
}

function yearOf(text: string): Parsed<number> {
  const value = parseNumber(text);
  if (value === undefined) return { blank: true };
  if (!Number.isInteger(value) || value < 1900 || value > 2200) return { problem: 'notYear' };
  return { value };
}

function scheduleOf(rate: RateDraft): Parsed<RateSchedule> {
  if (rate.mode === 'constant') {
    const growth = growthOf(rate.constant);
    return 'value' in growth ? { value: { kind: 'constant', growthPct: growth.value } } : growth;
  }
  const lastTyped = rate.perYear.findLastIndex((text) => text.trim() !== '');
  if (lastTyped < 0) return { blank: true };
  const growthPcts: number[] = [];
  for (const text of rate.perYear.slice(0, lastTyped + 1)) {
    const growth = growthOf(text);
    if ('blank' in growth) return { problem: 'gapInRates' };
    if ('problem' in growth) return growth;
    growthPcts.push(growth.value);
  }
  return { value: { kind: 'perYear', growthPcts } };
}

/** A level typed in the entry unit, in the unit the base is stored in (6000 亿元 → 600 billion yuan). */
export function toBaseUnit(value: number, entryUnit: string, baseUnit: string): number {
  if (entryUnit === baseUnit || entryUnit === '' || baseUnit === '') return value;
  const converted = convert(value, entryUnit, baseUnit);
  return converted.ok ? converted.value : value;
}

/** The other way: a stored level as it reads in the entry unit. */
export function toEntryUnit(value: number, baseUnit: string, entryUnit: string): number {
  return toBaseUnit(value, baseUnit, entryUnit);
}

/**
 * Checks the form and builds the spec projection.run takes. `baseUnit` is the unit the workspace
 * stores the base in (ignored for a typed base, whose unit is the entry unit).
 */
export function draftToSpec(draft: ScenarioDraft, baseUnit: string): DraftCheck {
  const errors: DraftErrors = {};
  const take = <T>(field: DraftField, parsed: Parsed<T>, isRequired = false): T | undefined => {
    if ('value' in parsed) return parsed.value;
    if ('problem' in parsed) errors[field] = parsed.problem;
    else if (isRequired) errors[field] = 'required';
    return undefined;
  };
  const text = (field: DraftField, value: string): string | undefined => {
    if (value.trim() === '') errors[field] = 'required';
    return value.trim() || undefined;
  };

  const years = draftYears(draft);
  if (years === undefined) errors.years = draft.years.trim() === '' ? 'required' : 'notWholeYears';

  const isWorkspace = draft.baseKind === 'workspace';
  const unit = isWorkspace ? baseUnit : draft.entryUnit;
  const level = (value: number) => toBaseUnit(value, draft.entryUnit, unit);
  let base: ScenarioSpecInput['base'] | undefined;
  if (isWorkspace) {
    const indicator = text('indicator', draft.indicator);
    const region = text('region', draft.region);
    const period = text('period', draft.period);
    if (indicator && region && period) base = { kind: 'workspace', indicator, region, period };
  } else {
    const value = take('baseValue', positiveOf(draft.baseValue), true);
    const year = take('baseYear', yearOf(draft.baseYear), true);
    const name = draft.baseName.trim();
    if (value !== undefined && year !== undefined) {
      base = { kind: 'value', value, unit, year, ...(name ? { nameZh: name, nameEn: name } : {}) };
    }
  }

  const baseRate = take('rate.base', scheduleOf(draft.rates.base), true);
  const high = take('rate.high', scheduleOf(draft.rates.high));
  const low = take('rate.low', scheduleOf(draft.rates.low));

  const targetValue = take('target', positiveOf(draft.target));
  const targetYear = take('targetYear', yearOf(draft.targetYear));
  if (targetYear !== undefined && targetValue === undefined && !errors.target) errors.targetYear = 'needsTarget';

  const sharePct = take('sharePct', shareOf(draft.sharePct));
  const provinceGrowthPct = take('provinceGrowthPct', growthOf(draft.provinceGrowthPct));
  const targetSharePct = take('targetSharePct', shareOf(draft.targetSharePct));
  const shareTargetYear = take('shareTargetYear', yearOf(draft.shareTargetYear));
  if (sharePct !== undefined && provinceGrowthPct === undefined && !errors.provinceGrowthPct) errors.provinceGrowthPct = 'needsProvinceGrowth';
  if (sharePct === undefined && !errors.sharePct && (provinceGrowthPct !== undefined || targetSharePct !== undefined)) errors.sharePct = 'needsShare';
  if (shareTargetYear !== undefined && targetSharePct === undefined && !errors.targetSharePct) errors.shareTargetYear = 'needsTargetShare';

  let peers: ScenarioSpecInput['peers'];
  // A peer region is read beside a workspace base only; with a typed base it is left out.
  if (draft.peerKind === 'region' && isWorkspace) {
    const region = text('peerRegion', draft.peerRegion);
    if (region) peers = [{ region }];
  } else if (draft.peerKind === 'value') {
    const name = text('peerName', draft.peerName);
    const value = take('peerValue', positiveOf(draft.peerValue), true);
    const growthPct = take('peerGrowthPct', growthOf(draft.peerGrowthPct), true);
    if (name && value !== undefined && growthPct !== undefined) peers = [{ nameZh: name, nameEn: name, value: level(value), growthPct }];
  }

  if (Object.keys(errors).length > 0 || !base || !baseRate || years === undefined) return { ok: false, errors };
  return {
    ok: true,
    spec: {
      base,
      years,
      rates: { base: baseRate, ...(high ? { high } : {}), ...(low ? { low } : {}) },
      ...(targetValue !== undefined ? { target: { value: level(targetValue), ...(targetYear !== undefined ? { year: targetYear } : {}) } } : {}),
      ...(sharePct !== undefined && provinceGrowthPct !== undefined
        ? {
            share: {
              sharePct,
              provinceGrowthPct,
              ...(targetSharePct !== undefined ? { targetSharePct } : {}),
              ...(targetSharePct !== undefined && shareTargetYear !== undefined ? { targetYear: shareTargetYear } : {}),
            },
          }
        : {}),
      ...(peers ? { peers } : {}),
    },
  };
}

function rateDraftOf(schedule: RateSchedule | undefined, years: number): RateDraft {
  if (!schedule) return emptyRate('');
  if (schedule.kind === 'constant') return emptyRate(numberText(schedule.growthPct));
  // A ramp (saved by another tool) is shown as the rates it gives each year.
  const normalised = normaliseRates(schedule);
  const pcts = schedule.kind === 'perYear' ? schedule.growthPcts : 'kind' in normalised ? [] : ratesForYears(normalised, years);
  const perYear = fitPerYear(pcts.map(numberText), Math.max(years, pcts.length));
  return { mode: 'perYear', constant: perYear[0] ?? '', perYear };
}

/**
 * A saved spec back in the form. `baseUnit` is the stored unit of a workspace base and
 * `entryUnit` the unit to show its levels in.
 */
export function specToDraft(spec: ScenarioSpec, baseUnit: string, entryUnit: string): ScenarioDraft {
  const isWorkspace = spec.base.kind === 'workspace';
  const unit = spec.base.kind === 'workspace' ? baseUnit : spec.base.unit;
  const shownUnit = isWorkspace ? entryUnit : unit;
  const shown = (value: number) => numberText(toEntryUnit(value, unit, shownUnit));
  const peer = spec.peers?.[0];
  const share = spec.share;
  return {
    ...EMPTY_DRAFT,
    baseKind: spec.base.kind,
    ...(spec.base.kind === 'workspace'
      ? { indicator: spec.base.indicator, region: spec.base.region, period: spec.base.period }
      : { baseValue: numberText(spec.base.value), baseYear: String(spec.base.year), baseName: spec.base.nameZh ?? spec.base.nameEn ?? '' }),
    entryUnit: shownUnit,
    years: String(spec.years),
    rates: {
      base: rateDraftOf(spec.rates.base, spec.years),
      high: rateDraftOf(spec.rates.high, spec.years),
      low: rateDraftOf(spec.rates.low, spec.years),
    },
    target: spec.target ? shown(spec.target.value) : '',
    targetYear: spec.target?.year !== undefined ? String(spec.target.year) : '',
    sharePct: share ? numberText(share.sharePct) : '',
    provinceGrowthPct: share ? numberText(share.provinceGrowthPct) : '',
    targetSharePct: share?.targetSharePct !== undefined ? numberText(share.targetSharePct) : '',
    shareTargetYear: share?.targetYear !== undefined ? String(share.targetYear) : '',
    ...(peer === undefined
      ? {}
      : 'region' in peer
        ? { peerKind: 'region' as const, peerRegion: peer.region }
        : { peerKind: 'value' as const, peerName: peer.nameZh, peerValue: shown(peer.value), peerGrowthPct: numberText(peer.growthPct) }),
  };
}
