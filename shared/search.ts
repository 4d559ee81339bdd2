/**
 * Search of regions and indicators the way analysts type: a code, Chinese ("丽水"), pinyin in full
 * or by initials ("lishui", "ls", "lsh" → 丽水), or English ("Lishui", "added value").
 *
 * Pinyin is matched by the caller's matcher (shared/pinyin.ts): its dictionary is over a third of
 * the renderer's launch script, so the page loads it only once someone types a query.
 */
import type { Nameable } from './match';

/**
 * Where the letters of `query` spell the Chinese `text` in pinyin, in full or by initials: the
 * indexes of the characters matched, or null. See shared/pinyin.ts.
 */
export type PinyinMatcher = (text: string, query: string) => number[] | null;

export type SearchKind = 'region' | 'indicator';

/** How a hit matched, best first. */
export type MatchedBy = 'code' | 'name' | 'name_prefix' | 'pinyin_prefix' | 'name_contains' | 'english_word' | 'pinyin_contains';

export interface SearchHit<T> {
  readonly kind: SearchKind;
  readonly item: T;
  readonly matchedBy: MatchedBy;
  /** Higher is better. */
  readonly score: number;
}

const SCORES: Record<MatchedBy, number> = {
  code: 100,
  name: 90,
  name_prefix: 80,
  pinyin_prefix: 70,
  name_contains: 60,
  english_word: 55,
  pinyin_contains: 50,
};

const HAN = /\p{Script=Han}/u;
const LATIN_QUERY = /^[a-z\s']+$/i;

function scoreOne(query: string, item: Nameable, pinyin: PinyinMatcher | undefined): MatchedBy | undefined {
  const lower = query.toLowerCase();
  const english = item.nameEn.toLowerCase();
  if (item.code.toLowerCase() === lower) return 'code';
  if (item.nameZh === query || english === lower) return 'name';
  if (item.nameZh.startsWith(query) || english.startsWith(lower) || item.code.toLowerCase().startsWith(lower)) return 'name_prefix';
  if (pinyin && LATIN_QUERY.test(query) && HAN.test(item.nameZh)) {
    const hit = pinyin(item.nameZh, lower.replace(/[\s']/g, ''));
    if (hit && hit[0] === 0) return 'pinyin_prefix';
    if (hit) return 'pinyin_contains';
  }
  if (item.nameZh.includes(query)) return 'name_contains';
  if (english.split(/[^a-z0-9]+/).some((word) => word.startsWith(lower)) || english.includes(lower)) return 'english_word';
  return undefined;
}

/**
 * Ranks regions and indicators for a query: exact code, exact name, name prefix, pinyin prefix,
 * Chinese substring, English word, pinyin anywhere; ties keep catalogue order. At most `limit` hits.
 * Without a pinyin matcher, pinyin finds nothing.
 */
export function searchCatalog<R extends Nameable, I extends Nameable>(
  query: string,
  catalog: { regions: readonly R[]; indicators: readonly I[] },
  options: { kinds?: readonly SearchKind[]; limit?: number; pinyin?: PinyinMatcher } = {},
): SearchHit<R | I>[] {
  const trimmed = query.trim();
  if (trimmed === '') return [];
  const kinds = options.kinds ?? ['region', 'indicator'];
  const hits: (SearchHit<R | I> & { order: number })[] = [];
  const collect = (kind: SearchKind, items: readonly (R | I)[]) => {
    items.forEach((item, order) => {
      const matchedBy = scoreOne(trimmed, item, options.pinyin);
      if (matchedBy) hits.push({ kind, item, matchedBy, score: SCORES[matchedBy], order });
    });
  };
  if (kinds.includes('region')) collect('region', catalog.regions);
  if (kinds.includes('indicator')) collect('indicator', catalog.indicators);
  return hits
    .sort((a, b) => b.score - a.score || (a.kind === b.kind ? a.order - b.order : a.kind === 'region' ? -1 : 1))
    .slice(0, options.limit ?? 20)
    .map(({ order: _order, ...hit }) => hit);
}
