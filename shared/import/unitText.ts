import { cleanLabel } from './text';

/**
 * Units as statistical tables print them (Chinese or English, in a header or a unit row) mapped
 * to the unit codes of shared/units.ts. Units without a conversion (万吨, 上年=100) keep their
 * printed text as their code: they can be stored, compared and shown, just not converted.
 */
const UNIT_ALIASES: ReadonlyMap<string, string> = new Map([
  ['元', '元'],
  ['万元', '万元'],
  ['亿元', '亿元'],
  ['百万元', 'million yuan'],
  ['十亿元', 'billion yuan'],
  ['美元', '美元'],
  ['万美元', '万美元'],
  ['亿美元', '亿美元'],
  ['人', '人'],
  ['万人', '万人'],
  ['%', '%'],
  ['百分比', '%'],
  ['个百分点', 'pp'],
  ['百分点', 'pp'],
  ['亩', '亩'],
  ['公顷', 'hectare'],
  ['个', '个'],
  ['家', '家'],
  ['项', '项'],
  ['位', '位'],
  ['户', '户'],
  ['吨', '吨'],
  ['万吨', '万吨'],
  ['平方公里', '平方公里'],
  ['平方米', '平方米'],
  ['万平方米', '万平方米'],
  ['千瓦时', '千瓦时'],
  ['万千瓦时', '万千瓦时'],
  ['亿千瓦时', '亿千瓦时'],
  ['上年=100', '上年=100'],
  ['yuan', '元'],
  ['rmb yuan', '元'],
  ['10000 yuan', '万元'],
  ['10 000 yuan', '万元'],
  ['10,000 yuan', '万元'],
  ['100 million yuan', '亿元'],
  ['million yuan', 'million yuan'],
  ['billion yuan', 'billion yuan'],
  ['usd', '美元'],
  ['us$', '美元'],
  ['current us$', '美元'],
  ['10000 usd', '万美元'],
  ['usd 10000', '万美元'],
  ['usd 100 million', '亿美元'],
  ['100 million usd', '亿美元'],
  ['100 million us$', '亿美元'],
  ['100 million us dollars', '亿美元'],
  ['person', '人'],
  ['persons', '人'],
  ['10000 persons', '万人'],
  ['10 000 persons', '万人'],
  ['10,000 persons', '万人'],
  ['percent', '%'],
  ['percentage points', 'pp'],
  ['hectare', 'hectare'],
  ['hectares', 'hectare'],
  ['mu', '亩'],
]);

/** The unit code printed as `text` ("亿元", "100 million yuan", "单位：万元"), or undefined when it is not a unit. */
export function unitFromText(text: string): string | undefined {
  const cleaned = cleanLabel(text)
    .replace(/^(?:单位|计量单位|unit|units)\s*[:：]?\s*/i, '')
    .replace(/[。.]$/, '')
    .trim();
  return UNIT_ALIASES.get(cleaned) ?? UNIT_ALIASES.get(cleaned.toLowerCase()) ?? UNIT_ALIASES.get(cleaned.toLowerCase().replace(/\s+/g, ' '));
}

/**
 * Splits a header into its name and the unit in its brackets: "生产总值\n(亿元)" → 生产总值, 亿元;
 * "一般公共预算收入 （亿元" (bracket never closed) → 一般公共预算收入, 亿元; "增长%" → 增长, %.
 * A bracket that holds no unit ("(上年=100)" is one, "(含R&D)" is not) stays in the name.
 */
export function splitHeaderUnit(label: string): { name: string; unit: string | null } {
  const text = label.normalize('NFKC');
  const brackets = [...text.matchAll(/[(（]\s*([^()（）]*?)\s*(?:[)）]|$)/gu)];
  for (let index = brackets.length - 1; index >= 0; index -= 1) {
    const match = brackets[index]!;
    const unit = unitFromText(match[1]!) ?? unitFromText(match[1]!.split(/[,，;；]/).pop() ?? '');
    if (unit) {
      const name = (text.slice(0, match.index) + text.slice(match.index + match[0].length)).trim();
      return { name: cleanLabel(name), unit };
    }
  }
  const percent = /^(.*?)\s*[%％]\s*$/u.exec(text);
  if (percent && percent[1]!.trim() !== '') return { name: cleanLabel(percent[1]!), unit: '%' };
  return { name: cleanLabel(text), unit: null };
}

/**
 * The unit a title or unit row declares for a whole table: "单位：亿元", "本表按当年价格计算,单位:亿元",
 * "(at current price,100 million yuan)". Undefined when the row declares none.
 */
export function unitFromUnitRow(text: string): string | undefined {
  const normal = text.normalize('NFKC');
  const chinese = /(?:计量)?单位\s*[:：]\s*([^\s,，;；()（）]+)/u.exec(normal);
  if (chinese) return unitFromText(chinese[1]!) ?? chinese[1]!.trim();
  const bracketed = /^\s*[(（]([^()（）]+)[)）]\s*$/u.exec(normal);
  if (bracketed) {
    for (const part of bracketed[1]!.split(/[,，;；]/).reverse()) {
      const unit = unitFromText(part);
      if (unit) return unit;
    }
  }
  return undefined;
}
