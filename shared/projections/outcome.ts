/**
 * Results of projection functions are values, never NaN or Infinity: an input the arithmetic
 * cannot take is a `refused` result naming the input and why.
 */
export type RefusalReason =
  /** A fall of 100% or more leaves nothing to grow from. */
  | 'GROWTH_AT_OR_BELOW_MINUS_100'
  /** Compound growth needs a positive level (or share) to start from and to aim at. */
  | 'NON_POSITIVE_LEVEL'
  | 'NOT_FINITE'
  /** A horizon of zero years, or a target year not after the start year. */
  | 'NO_YEARS'
  /** Neither a prior level nor a growth rate to derive it from. */
  | 'MISSING_PRIOR'
  /** A trend needs at least three distinct years; an average over k years needs the year k back. */
  | 'TOO_FEW_POINTS';

export interface Refused {
  readonly kind: 'refused';
  readonly reason: RefusalReason;
  /** The input at fault, e.g. "growthPct", "rates[2]", "targetYear". */
  readonly field: string;
}

export function refused(reason: RefusalReason, field: string): Refused {
  return { kind: 'refused', reason, field };
}

export function isRefused(value: { kind: string }): value is Refused {
  return value.kind === 'refused';
}

/** A growth rate in percent that compounding can take: finite and above −100%. */
export function checkGrowth(growthPct: number, field: string): Refused | undefined {
  if (!Number.isFinite(growthPct)) return refused('NOT_FINITE', field);
  if (growthPct <= -100) return refused('GROWTH_AT_OR_BELOW_MINUS_100', field);
  return undefined;
}

/** A level that compounding can start from or aim at: finite and above zero. */
export function checkLevel(value: number, field: string): Refused | undefined {
  if (!Number.isFinite(value)) return refused('NOT_FINITE', field);
  if (value <= 0) return refused('NON_POSITIVE_LEVEL', field);
  return undefined;
}

export function checkYear(year: number, field: string): Refused | undefined {
  return Number.isInteger(year) ? undefined : refused('NOT_FINITE', field);
}

/** 9.3 → 1.093. */
export function growthFactor(growthPct: number): number {
  return 1 + growthPct / 100;
}

/** Messages for a refusal, in both languages, for briefings and CLI output. */
export function describeRefusal(result: Refused): { en: string; zh: string } {
  switch (result.reason) {
    case 'GROWTH_AT_OR_BELOW_MINUS_100':
      return { en: `${result.field}: growth must be above −100%.`, zh: `${result.field}：增速须高于−100%。` };
    case 'NON_POSITIVE_LEVEL':
      return { en: `${result.field}: needs a value above zero.`, zh: `${result.field}：数值须大于零。` };
    case 'NOT_FINITE':
      return { en: `${result.field}: needs a finite number.`, zh: `${result.field}：须为有效数字。` };
    case 'NO_YEARS':
      return { en: `${result.field}: the target year must be after the start year.`, zh: `${result.field}：目标年份须晚于起始年份。` };
    case 'MISSING_PRIOR':
      return { en: `${result.field}: needs a prior-year level or a growth rate.`, zh: `${result.field}：需要上年数值或增速。` };
    case 'TOO_FEW_POINTS':
      return { en: `${result.field}: not enough years of history.`, zh: `${result.field}：历史年份不足。` };
  }
}
