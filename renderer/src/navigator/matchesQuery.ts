import { normaliseName } from '../../../shared/match';
import type { Nameable } from '../../../shared/match';
import { searchCatalog, type PinyinMatcher } from '../../../shared/search';

/**
 * Quick-filter test: the query appears in the code or either name ("丽水", "lishui", "3311"), or,
 * given a pinyin matcher (usePinyinMatcher), spells the Chinese name in pinyin ("lsh" → 丽水).
 */
export function matchesQuery(item: Nameable, query: string, pinyin?: PinyinMatcher): boolean {
  const wanted = normaliseName(query);
  if (wanted === '') return true;
  if ([item.code, item.nameZh, item.nameEn].some((text) => normaliseName(text).includes(wanted))) return true;
  return pinyin !== undefined && searchCatalog(query, { regions: [item], indicators: [] }, { pinyin }).length > 0;
}
