import { normaliseName } from '../../../shared/match';
import type { Nameable } from '../../../shared/match';

/** Quick-filter test: the query appears in the code or either name ("丽水", "lishui", "3311"). */
export function matchesQuery(item: Nameable, query: string): boolean {
  const wanted = normaliseName(query);
  if (wanted === '') return true;
  return [item.code, item.nameZh, item.nameEn].some((text) => normaliseName(text).includes(wanted));
}
