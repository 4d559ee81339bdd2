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
