/** Something a query can name by its code, Chinese name or English name. */
export interface Nameable {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

export type MatchResult<T> =
  | { kind: 'found'; item: T }
  | { kind: 'none' }
  | { kind: 'ambiguous'; candidates: readonly T[] };

/** Drops spaces, line breaks and the administrative suffixes statistical tables add or omit. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(省|市|县|区)$/u, '')
    .toLowerCase();
}

/**
 * Finds the one item a query names: an exact code first, then an exact name in either language,
 * then a name without its suffix ("丽水" for "丽水市"), then a unique prefix or substring.
 * More than one candidate at the best tier is ambiguous and reported, never guessed.
 */
export function matchByName<T extends Nameable>(query: string, items: readonly T[]): MatchResult<T> {
  const raw = query.trim();
  if (raw === '') return { kind: 'none' };
  const lower = raw.toLowerCase();
  const normalised = normaliseName(raw);
  const tiers: ((item: T) => boolean)[] = [
    (item) => item.code.toLowerCase() === lower,
    (item) => item.nameZh === raw || item.nameEn.toLowerCase() === lower,
    (item) => normaliseName(item.nameZh) === normalised || normaliseName(item.nameEn) === normalised,
    (item) => normaliseName(item.nameZh).startsWith(normalised) || item.nameEn.toLowerCase().startsWith(lower),
    (item) => normaliseName(item.nameZh).includes(normalised) || item.nameEn.toLowerCase().includes(lower),
  ];
  for (const tier of tiers) {
    const hits = items.filter(tier);
    if (hits.length === 1) return { kind: 'found', item: hits[0]! };
    if (hits.length > 1) return { kind: 'ambiguous', candidates: hits };
  }
  return { kind: 'none' };
}
