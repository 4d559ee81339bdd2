import { checkGrowth, checkLevel, checkYear, growthFactor, refused, type Refused } from './outcome';
import { normaliseRates, rateAt, relativeRates, type RateSchedule } from './rates';
import { reachOnRates, type TargetReach } from './target';

export interface SharePoint {
  readonly year: number;
  readonly sharePct: number;
}

export type SharePathResult = { readonly kind: 'path'; readonly points: SharePoint[] } | Refused;

/**
 * The growth a city needs for its share of the province to reach a target by a year:
 * (1 + g_province) × (target/share)^(1/years) − 1. `gapPp` is that growth minus the province's.
 */
export type RequiredShareGrowth =
  | { readonly kind: 'required'; readonly growthPct: number; readonly gapPp: number; readonly years: number }
  /** The share already meets the target; `growthPct` is the rate that would land exactly on it. */
  | { readonly kind: 'already_met'; readonly growthPct: number; readonly gapPp: number; readonly years: number }
  | Refused;

function checkShare(sharePct: number, field: string): Refused | undefined {
  return checkLevel(sharePct, field);
}

/** A city's share of its province year by year: share × Π (1 + g_city)/(1 + g_province). */
export function sharePath(sharePct: number, cityGrowth: RateSchedule, provinceGrowth: RateSchedule, startYear: number, years: number): SharePathResult {
  const problem = checkShare(sharePct, 'sharePct') ?? checkYear(startYear, 'startYear');
  if (problem) return problem;
  if (!Number.isInteger(years) || years < 1) return refused('NO_YEARS', 'years');
  const city = normaliseRates(cityGrowth, 'cityGrowthPct');
  if ('kind' in city) return city;
  const province = normaliseRates(provinceGrowth, 'provinceGrowthPct');
  if ('kind' in province) return province;
  const points: SharePoint[] = [{ year: startYear, sharePct }];
  let share = sharePct;
  for (let year = 1; year <= years; year += 1) {
    share *= growthFactor(rateAt(city, year)) / growthFactor(rateAt(province, year));
    points.push({ year: startYear + year, sharePct: share });
  }
  return { kind: 'path', points };
}

/** City growth needed for `targetSharePct` by `targetYear`, the province growing at a constant rate. */
export function requiredGrowthForShare(
  sharePct: number,
  targetSharePct: number,
  provinceGrowthPct: number,
  startYear: number,
  targetYear: number,
): RequiredShareGrowth {
  const problem =
    checkShare(sharePct, 'sharePct') ??
    checkShare(targetSharePct, 'targetSharePct') ??
    checkGrowth(provinceGrowthPct, 'provinceGrowthPct') ??
    checkYear(startYear, 'startYear') ??
    checkYear(targetYear, 'targetYear');
  if (problem) return problem;
  if (targetYear <= startYear) return refused('NO_YEARS', 'targetYear');
  const years = targetYear - startYear;
  const growthPct = (growthFactor(provinceGrowthPct) * Math.pow(targetSharePct / sharePct, 1 / years) - 1) * 100;
  return { kind: targetSharePct <= sharePct ? 'already_met' : 'required', growthPct, gapPp: growthPct - provinceGrowthPct, years };
}

/** The first year the share reaches `targetSharePct`: NPER at the relative rate (1+g_city)/(1+g_province) − 1. */
export function whenShareReached(
  sharePct: number,
  targetSharePct: number,
  cityGrowth: RateSchedule,
  provinceGrowth: RateSchedule,
  startYear: number,
): TargetReach {
  const problem = checkShare(sharePct, 'sharePct') ?? checkShare(targetSharePct, 'targetSharePct') ?? checkYear(startYear, 'startYear');
  if (problem) return problem;
  const city = normaliseRates(cityGrowth, 'cityGrowthPct');
  if ('kind' in city) return city;
  const province = normaliseRates(provinceGrowth, 'provinceGrowthPct');
  if ('kind' in province) return province;
  return reachOnRates(sharePct, targetSharePct, relativeRates(city, province), startYear);
}
