import type { ObservationFlag } from '../api/schemas';
import type { Language } from '../format';

/**
 * Words printed on charts and slides (not the app's UI, which is in the renderer's i18n): they
 * travel inside exported files, so they live beside the builders and read the same everywhere.
 */
export const CHART_TEXT = {
  zh: {
    source: '资料来源：',
    snapshot: '数据版本：',
    working: '工作副本（未冻结）',
    unit: '单位：',
    leftAxis: '左轴：',
    rightAxis: '右轴：',
    growth: '增速',
    growthPct: '同比增速（%）',
    value: '数值',
    average: '平均',
    peerAverage: '所列城市平均',
    other: '其他',
    total: '合计',
    base: '基准情景',
    high: '高情景',
    low: '低情景',
    range: '高低情景区间',
    target: '目标',
    actual: '基期实际值',
    ranking: '排名',
    rankingOf: '各市排名',
    growthComparison: '增速对比',
    vintages: '各版本数据对比',
    contribution: '对增长的贡献',
    composition: '构成',
    sizeVsGrowth: '规模与增速',
    projection: '预测',
    notesHeading: '说明',
    internal: '内部资料',
  },
  en: {
    source: 'Source: ',
    snapshot: 'Data as of: ',
    working: 'working copy (not frozen)',
    unit: 'Unit: ',
    leftAxis: 'Left axis: ',
    rightAxis: 'Right axis: ',
    growth: 'Growth',
    growthPct: 'Growth year on year (%)',
    value: 'Value',
    average: 'average',
    peerAverage: 'Average of the cities shown',
    other: 'Other',
    total: 'Total',
    base: 'Base',
    high: 'High',
    low: 'Low',
    range: 'High–low range',
    target: 'Target',
    actual: 'Actual (base year)',
    ranking: 'Rank',
    rankingOf: 'ranking of cities',
    growthComparison: 'growth compared',
    vintages: 'vintages compared',
    contribution: 'contribution to growth',
    composition: 'composition',
    sizeVsGrowth: 'size and growth',
    projection: 'projection',
    notesHeading: 'Notes',
    internal: 'Internal',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type ChartWords = (typeof CHART_TEXT)['zh'];

export function chartWords(language: Language): { readonly [K in keyof ChartWords]: string } {
  return CHART_TEXT[language];
}

/** Marks on figures that are not final, in the order footnotes list them. */
export const FLAG_MARKS: Readonly<Record<ObservationFlag, { mark: string; position: 'before' | 'after'; zh: string; en: string }>> = {
  preliminary: { mark: '*', position: 'after', zh: '初步数', en: 'preliminary' },
  estimated: { mark: '°', position: 'after', zh: '估算数', en: 'estimated' },
  revised: { mark: '‡', position: 'after', zh: '已修订', en: 'revised' },
  lower_bound: { mark: '≥', position: 'before', zh: '下限值（原文为“以上”）', en: 'lower bound (the source says "over")' },
  as_printed: { mark: '†', position: 'after', zh: '按原文照录（原文数据自相矛盾）', en: 'as printed (the source contradicts itself)' },
};

const FLAG_ORDER: readonly ObservationFlag[] = ['preliminary', 'estimated', 'revised', 'lower_bound', 'as_printed'];

/** A label with the marks of its flags: "≥230", "4717.8*". */
export function markLabel(text: string, flags: readonly ObservationFlag[]): string {
  let marked = text;
  for (const flag of FLAG_ORDER) {
    if (!flags.includes(flag)) continue;
    const { mark, position } = FLAG_MARKS[flag];
    marked = position === 'before' ? `${mark}${marked}` : `${marked}${mark}`;
  }
  return marked;
}

/** One footnote per flag that occurs: "* 初步数 ≥ 下限值（原文为“以上”）". */
export function flagFootnotes(flags: Iterable<ObservationFlag>, language: Language): string[] {
  const used = new Set(flags);
  return FLAG_ORDER.filter((flag) => used.has(flag)).map((flag) => `${FLAG_MARKS[flag].mark} ${FLAG_MARKS[flag][language]}`);
}

/** Chinese names are written without spaces; English ones with. */
export function joinWords(language: Language, ...parts: readonly string[]): string {
  return parts.filter((part) => part !== '').join(language === 'zh' ? '' : ' ');
}
