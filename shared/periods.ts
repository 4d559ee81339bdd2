/**
 * Period codes: "2024" (year), "2024Q3" (quarter), "2024M11" (month). Whether a monthly value is
 * the single month or the year to date is a property of the indicator (accumulation), not the code.
 */

export type Frequency = 'year' | 'quarter' | 'month';
export type Accumulation = 'point' | 'ytd';

export interface Period {
  readonly code: string;
  readonly frequency: Frequency;
  readonly year: number;
  /** Quarter 1–4 or month 1–12; 0 for a year. */
  readonly index: number;
}

const PERIOD_PATTERN = /^(\d{4})(?:(Q)([1-4])|(M)(\d{1,2}))?$/;

/** Parses and normalises a period code ("2024M1" → "2024M01"), or returns undefined. */
export function parsePeriod(text: string): Period | undefined {
  const match = PERIOD_PATTERN.exec(text.trim().toUpperCase());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1900 || year > 2200) return undefined;
  if (match[2]) return { code: `${year}Q${match[3]}`, frequency: 'quarter', year, index: Number(match[3]) };
  if (match[4]) {
    const month = Number(match[5]);
    if (month < 1 || month > 12) return undefined;
    return { code: `${year}M${String(month).padStart(2, '0')}`, frequency: 'month', year, index: month };
  }
  return { code: String(year), frequency: 'year', year, index: 0 };
}

/** True when the text is a valid, normalised period code. */
export function isPeriodCode(text: string): boolean {
  return parsePeriod(text)?.code === text;
}

const FREQUENCY_ORDER: Record<Frequency, number> = { month: 0, quarter: 1, year: 2 };

/** Chronological order: by the period's end, then the finer period first. */
export function comparePeriods(a: string, b: string): number {
  const left = parsePeriod(a);
  const right = parsePeriod(b);
  if (!left || !right) return a.localeCompare(b);
  const endMonth = (p: Period): number =>
    p.year * 12 + (p.frequency === 'year' ? 12 : p.frequency === 'quarter' ? p.index * 3 : p.index);
  return endMonth(left) - endMonth(right) || FREQUENCY_ORDER[left.frequency] - FREQUENCY_ORDER[right.frequency];
}

const QUARTER_ZH = ['一', '二', '三', '四'] as const;
const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * Label of a period as Chinese and English releases write it. Year-to-date months read
 * "2024年1-11月" / "Jan–Nov 2024"; year-to-date quarters "2024年前三季度" / "Q1–Q3 2024".
 */
export function periodLabel(code: string, language: 'zh' | 'en', accumulation: Accumulation = 'point'): string {
  const period = parsePeriod(code);
  if (!period) return code;
  const { year, index } = period;
  if (period.frequency === 'year') return language === 'zh' ? `${year}年` : String(year);
  if (period.frequency === 'quarter') {
    if (accumulation === 'ytd' && index > 1) {
      return language === 'zh' ? `${year}年前${QUARTER_ZH[index - 1]}季度` : `Q1–Q${index} ${year}`;
    }
    return language === 'zh' ? `${year}年${QUARTER_ZH[index - 1]}季度` : `Q${index} ${year}`;
  }
  if (accumulation === 'ytd' && index > 1) {
    return language === 'zh' ? `${year}年1-${index}月` : `Jan–${MONTH_EN[index - 1]} ${year}`;
  }
  return language === 'zh' ? `${year}年${index}月` : `${MONTH_EN[index - 1]} ${year}`;
}

/** Calendar month (1–12) on which a period ends. */
export function endMonth(period: Period): number {
  return period.frequency === 'year' ? 12 : period.frequency === 'quarter' ? period.index * 3 : period.index;
}

/** Calendar month (1–12) on which a single (not year-to-date) period starts. */
export function naturalStartMonth(period: Period): number {
  return period.frequency === 'year' ? 1 : period.frequency === 'quarter' ? period.index * 3 - 2 : period.index;
}

/** The code of a period of `frequency` in `year` ("2024", "2024Q3", "2024M11"). */
export function periodCode(frequency: Frequency, year: number, index = 0): string {
  if (frequency === 'year') return String(year);
  if (frequency === 'quarter') return `${year}Q${index}`;
  return `${year}M${String(index).padStart(2, '0')}`;
}

/** The period `steps` periods later (negative: earlier) at the same frequency, or undefined for a non-period. */
export function shiftPeriod(code: string, steps: number): string | undefined {
  const period = parsePeriod(code);
  if (!period) return undefined;
  if (period.frequency === 'year') return periodCode('year', period.year + steps);
  const perYear = period.frequency === 'quarter' ? 4 : 12;
  const ordinal = period.year * perYear + (period.index - 1) + steps;
  return periodCode(period.frequency, Math.floor(ordinal / perYear), (ordinal % perYear) + 1);
}

/** The same period `years` years earlier: 2024M11 → 2023M11. */
export function yearsEarlier(code: string, years = 1): string | undefined {
  const period = parsePeriod(code);
  return period ? periodCode(period.frequency, period.year - years, period.index) : undefined;
}

/** The quarter a month falls in (1–4). */
export function quarterOfMonth(month: number): number {
  return Math.ceil(month / 3);
}

/**
 * Label of a value that covers calendar months `startMonth`…end of `code`: a single month, a
 * quarter or a year reads as periodLabel does; a span from January reads as year to date
 * ("2024年1-11月", and the combined "2024年1-2月"); any other span as "2024年3-5月" / "Mar–May 2024".
 */
export function spanLabel(code: string, startMonth: number, language: 'zh' | 'en'): string {
  const period = parsePeriod(code);
  if (!period) return code;
  const end = endMonth(period);
  if (startMonth === naturalStartMonth(period)) return periodLabel(code, language, 'point');
  if (startMonth === 1) return periodLabel(code, language, 'ytd');
  if (period.frequency === 'quarter' && startMonth % 3 === 1) {
    const first = quarterOfMonth(startMonth);
    return language === 'zh' ? `${period.year}年${QUARTER_ZH[first - 1]}至${QUARTER_ZH[period.index - 1]}季度` : `Q${first}–Q${period.index} ${period.year}`;
  }
  return language === 'zh' ? `${period.year}年${startMonth}-${end}月` : `${MONTH_EN[startMonth - 1]}–${MONTH_EN[end - 1]} ${period.year}`;
}
