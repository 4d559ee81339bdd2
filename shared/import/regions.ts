import type { Region } from '../api/schemas';
import { normaliseName } from '../match';
import { cleanLabel, hasCjk } from './text';

/** A row label with the marks tables put on sub-rows removed. */
export interface RowLabel {
  /** The name as printed, cleaned of spacing and line breaks ("郑  州  市" → "郑州市"). */
  readonly name: string;
  /** "其中：义乌市" or "#义乌市": a part of the row above, not a peer of it. */
  readonly isMemberOf: boolean;
}

export function cleanRowLabel(text: string): RowLabel {
  let name = cleanLabel(text);
  let isMemberOf = false;
  const member = /^(?:其中\s*[:：]?|#|＃|\*)\s*/u.exec(name);
  if (member && name.length > member[0].length) {
    isMemberOf = true;
    name = name.slice(member[0].length);
  }
  return { name: name.trim(), isMemberOf };
}

/** The key two spellings of one place share: no spacing, no 省/市/县/区 suffix, no punctuation in English. */
export function regionKey(name: string): string {
  const base = normaliseName(name).replace(/(地区|自治州|特别行政区|盟)$/u, '');
  return hasCjk(base) ? base : base.replace(/[^a-z0-9]/g, '');
}

/** Totals of the table's whole area: 全省, 全市, 合计, "全省 Total". */
const TOTAL = /^(?:全(?:省|市|国|区|县)|合计|总计|全省合计|全市合计|total|all(?:cities|regions)?|whole(?:province|country))$/iu;
/** Section labels between groups of rows: 按地区分, 按经济区域分, "by City". */
const SECTION = /^(?:按.{1,8}分|by(?:city|cities|region|regions|area|county|district)|分(?:地区|市|区域))$/iu;
/** Names of regional groupings (浙东北, 苏南, 珠三角, 东翼, 山区) rather than places. */
const GROUPING = /^(?:[浙苏皖粤闽鲁豫川湘鄂赣冀晋辽吉黑桂滇黔陕甘]?(?:东北|西北|东南|西南|东部|西部|南部|北部|中部|东|西|南|北|中)(?:地区|片区|翼|部)?|珠三角|长三角|珠江三角洲|东翼|西翼|山区|沿海|湾区|.{0,4}经济带|.{0,4}城市群)$/u;

export function isTotalLabel(name: string): boolean {
  const compact = name.replace(/\s+/g, '');
  // "全省 Total": the Chinese part decides when there is one.
  return TOTAL.test(compact) || (hasCjk(compact) && TOTAL.test(compact.replace(/[A-Za-z.]+$/u, '')));
}

export function isSectionLabel(name: string): boolean {
  const compact = name.replace(/\s+/g, '');
  return SECTION.test(compact) || SECTION.test(compact.replace(/[A-Za-z]+$/u, ''));
}

export function isGroupingLabel(name: string): boolean {
  return GROUPING.test(name.replace(/\s+/g, '').replace(/[A-Za-z ]+$/u, ''));
}

export type RegionMatch = { kind: 'found'; region: Region } | { kind: 'ambiguous'; candidates: readonly Region[] } | { kind: 'none' };

/** Regions by code and by name key, built once for all the rows of an import. */
class RegionIndex {
  readonly byCode = new Map<string, Region[]>();
  readonly byChinese = new Map<string, Region[]>();
  readonly byEnglish = new Map<string, Region[]>();

  constructor(regions: readonly Region[]) {
    const add = (map: Map<string, Region[]>, key: string, region: Region) => {
      if (key === '') return;
      const list = map.get(key);
      if (list) list.push(region);
      else map.set(key, [region]);
    };
    for (const region of regions) {
      add(this.byCode, region.code.toLowerCase(), region);
      add(this.byChinese, regionKey(region.nameZh), region);
      add(this.byEnglish, regionKey(region.nameEn), region);
    }
  }
}

const indexes = new WeakMap<readonly Region[], RegionIndex>();

function indexOf(regions: readonly Region[]): RegionIndex {
  let index = indexes.get(regions);
  if (!index) {
    index = new RegionIndex(regions);
    indexes.set(regions, index);
  }
  return index;
}

/**
 * The region a row label names, by code, by its Chinese name with or without suffix and spacing,
 * or — only when the label is not Chinese — by its English name. Unlike a search box, it never
 * matches a prefix or a substring: a table's "南" is not "南京".
 */
export function matchRegionLabel(label: string, regions: readonly Region[]): RegionMatch {
  const raw = label.trim();
  if (raw === '') return { kind: 'none' };
  const index = indexOf(regions);
  const byCode = index.byCode.get(raw.toLowerCase()) ?? [];
  if (byCode.length === 1) return { kind: 'found', region: byCode[0]! };
  const key = regionKey(raw);
  const isChinese = hasCjk(raw);
  const hits = (isChinese ? index.byChinese.get(key) : index.byEnglish.get(key)) ?? [];
  if (hits.length === 1) return { kind: 'found', region: hits[0]! };
  if (hits.length > 1) {
    // "台州" is one city; a province and a city of one name are told apart by the city's suffix.
    const exact = hits.filter((region) => cleanLabel(region.nameZh) === cleanLabel(raw) || region.nameEn.toLowerCase() === raw.toLowerCase());
    if (exact.length === 1) return { kind: 'found', region: exact[0]! };
    return { kind: 'ambiguous', candidates: hits };
  }
  return { kind: 'none' };
}
