import { match } from 'pinyin-pro';
import type { PinyinMatcher } from './search';

/** pinyin-pro's match: continuous, case-insensitive ("lsh", "lishui", "LiShui" → 丽水). */
export const matchPinyin: PinyinMatcher = (text, query) => match(text, query, { continuous: true, insensitive: true }) ?? null;
