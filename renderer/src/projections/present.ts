import type { TFunction } from 'i18next';
import { chooseDisplayUnit, formatNumber, toDisplayValue, type Language } from '../../../shared/format';
import type { Refused } from '../../../shared/projections/outcome';
import type { CatchUp } from '../../../shared/projections/catchUp';
import type { ProjectionResult } from '../../../shared/projections/schema';
import { constantRate } from '../../../shared/projections/rates';
import { describeSchedule } from '../../../shared/projections/wording';
import type { TargetReach } from '../../../shared/projections/target';

/** How the results read: levels in the reader's unit, rates to two decimals, edges as words, never NaN. */

export interface LevelFormat {
  /** "亿元", "billion yuan"; empty for a bare number. */
  readonly unitLabel: string;
  /** The number alone, in the display unit, with a fixed number of decimals for a column. */
  readonly number: (value: number) => string;
  /** The number with its unit: "6000亿元", "600 billion yuan". */
  readonly withUnit: (value: number) => string;
}

/** Decimals that give a level about five significant digits, at most two: 4717.8, 471.78, 15156. */
function levelDecimals(largest: number): number {
  if (!(largest > 0)) return 2;
  return Math.min(2, Math.max(0, 4 - Math.floor(Math.log10(largest))));
}

/** One display unit for a set of levels stored in `unit`, chosen from the largest of them. */
export function levelFormat(unit: string, values: readonly number[], language: Language): LevelFormat {
  const display = chooseDisplayUnit(unit, values, language);
  const shown = (value: number) => (unit === '' ? value : toDisplayValue(value, unit, display));
  const decimals = levelDecimals(Math.max(...values.map((value) => Math.abs(shown(value)))));
  const number = (value: number) => formatNumber(shown(value), language, decimals, decimals);
  const unitLabel = unit === '' ? '' : display.label;
  return {
    unitLabel,
    number,
    withUnit: (value) => {
      const text = formatNumber(shown(value), language, 4);
      return unitLabel ? `${text}${display.separator}${unitLabel}` : text;
    },
  };
}

/** A computed rate as the answers print it: 11.5733… → "11.57%". */
export function formatRate(value: number, language: Language, decimals = 2): string {
  return `${formatNumber(value, language, decimals, decimals)}%`;
}

/** A rate as typed (up to two decimals, no trailing zeros): 9.3 → "9.3%". */
export function formatTypedRate(value: number, language: Language): string {
  return `${formatNumber(value, language, 2)}%`;
}

export function refusalText(refused: Refused, t: TFunction): string {
  return t(`projections.refused.${refused.reason}`);
}

export interface AnswerText {
  readonly text: string;
  /** A longer explanation, shown as the answer's description. */
  readonly hint?: string;
  readonly tone: 'value' | 'edge';
}

/** When a level (or share) is reached: "2027年" / "2027", or what stands in the way. */
export function reachText(reach: TargetReach, language: Language, t: TFunction): AnswerText {
  switch (reach.kind) {
    case 'reached':
      return { text: t('projections.answers.year', { year: String(reach.year) }), hint: t('projections.answers.afterYears', { years: formatNumber(reach.years, language, 1) }), tone: 'value' };
    case 'already_met':
      return { text: t('projections.answers.alreadyMet', { year: String(reach.year) }), tone: 'edge' };
    case 'never':
      return { text: t('projections.answers.never'), hint: t('projections.answers.neverHint'), tone: 'edge' };
    default:
      return { text: refusalText(reach, t), tone: 'edge' };
  }
}

/** When a peer is overtaken. */
export function catchUpText(catchUp: CatchUp, language: Language, t: TFunction): AnswerText {
  switch (catchUp.kind) {
    case 'catches_up':
      return { text: t('projections.answers.year', { year: String(catchUp.year) }), hint: t('projections.answers.afterYears', { years: formatNumber(catchUp.years, language, 1) }), tone: 'value' };
    case 'already_ahead':
      return { text: t('projections.answers.alreadyAhead', { year: String(catchUp.year) }), tone: 'edge' };
    case 'never':
      return { text: t('projections.answers.notFaster'), hint: t('projections.answers.notFasterHint'), tone: 'edge' };
    default:
      return { text: refusalText(catchUp, t), tone: 'edge' };
  }
}

type Required = NonNullable<NonNullable<ProjectionResult['target']>['required']> | NonNullable<NonNullable<ProjectionResult['share']>['required']>;

/** The growth a target needs: "11.57%", "already met", or why it cannot be said. */
export function requiredText(required: Required, language: Language, t: TFunction): AnswerText {
  switch (required.kind) {
    case 'required':
      return { text: formatRate(required.growthPct, language), tone: 'value' };
    case 'already_met':
      return { text: t('projections.answers.alreadyMetRequired', { fall: formatRate(-required.growthPct, language) }), tone: 'edge' };
    default:
      return { text: refusalText(required, t), tone: 'edge' };
  }
}

/** The briefing as one paragraph to paste: Chinese sentences run on, English ones are spaced. */
export function briefingText(sentences: readonly string[], language: Language): string {
  return sentences.join(language === 'zh' ? '' : ' ');
}

/** What the fan chart assumes, in one sentence: the base, each case's rates, the province's and the peers' growth. */
export function assumptionsText(result: ProjectionResult, language: Language, t: TFunction): string {
  const rates = (schedule: Parameters<typeof describeSchedule>[0]) => describeSchedule(schedule, language);
  const level = levelFormat(result.base.unit, [result.base.value], language);
  const parts = [
    t('projections.chart.base', { year: String(result.base.startYear), value: level.withUnit(result.base.value) }),
    ...(['base', 'high', 'low'] as const).flatMap((key) => {
      const schedule = result.spec.rates[key];
      // Mid-sentence in English: "high case", not "High case".
      const scenario = t(`projections.rates.${key}`);
      return schedule ? [t('projections.chart.case', { scenario: language === 'en' ? scenario.toLowerCase() : scenario, rates: rates(schedule) })] : [];
    }),
    ...(result.share ? [t('projections.chart.province', { rates: rates(constantRate(result.share.provinceGrowthPct)) })] : []),
    ...(result.peers?.peers.map((peer) => t('projections.chart.peer', { name: language === 'zh' ? peer.nameZh : peer.nameEn, rates: rates(constantRate(peer.growthPct)) })) ?? []),
  ];
  return t('projections.chart.assumptions', { text: parts.join(t('projections.chart.separator')) });
}

/** A slide that shows a saved scenario: the deck's name and the slide's number, from 1. */
export interface ScenarioSlide {
  readonly deck: string;
  readonly slide: number;
}

/** Every slide of every deck that shows the scenario `name`, so that deleting it can say what breaks. */
export function slidesShowingScenario(decks: readonly { readonly name: string; readonly items: readonly { readonly kind: string; readonly scenario: string | null }[] }[], name: string): ScenarioSlide[] {
  return decks.flatMap((deck) => deck.items.flatMap((item, index) => (item.kind === 'scenario' && item.scenario === name ? [{ deck: deck.name, slide: index + 1 }] : [])));
}

/** "“月报”第 2 页、第 4 页；“季报”第 1 页" / "“Monthly” slides 2 and 4; “Quarterly” slide 1". */
export function scenarioSlidesText(slides: readonly ScenarioSlide[], language: Language): string {
  const byDeck = new Map<string, number[]>();
  for (const { deck, slide } of slides) byDeck.set(deck, [...(byDeck.get(deck) ?? []), slide]);
  return [...byDeck]
    .map(([deck, numbers]) => {
      if (language === 'zh') return `“${deck}”${numbers.map((n) => `第 ${n} 页`).join('、')}`;
      const list = numbers.length === 1 ? `slide ${numbers[0]}` : `slides ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
      return `“${deck}” ${list}`;
    })
    .join(language === 'zh' ? '；' : '; ');
}
