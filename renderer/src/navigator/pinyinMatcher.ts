import { useEffect } from 'react';
import type { PinyinMatcher } from '../../../shared/search';
import { lazyValue } from '../shell/lazyValue';

// The pinyin dictionary (pinyin-pro) is a chunk of its own, over a third of the launch script's
// size when it was part of it: it is asked for when a search field gets the focus or a query is
// typed. Until it arrives, searching by code and names goes on.
const matcher = lazyValue(() => import('../../../shared/pinyin').then(({ matchPinyin }) => matchPinyin), 'the pinyin dictionary');

/** Loads the pinyin matcher (once; again after a failure); the components that search by pinyin then search again. */
export const loadPinyinMatcher = (): void => matcher.load();

/** The pinyin matcher once it has loaded, asked for as soon as there is a query to match. */
export function usePinyinMatcher(query: string): PinyinMatcher | undefined {
  const { value } = matcher.useCurrent();
  const isWanted = query.trim() !== '';
  useEffect(() => {
    if (isWanted) loadPinyinMatcher();
  }, [isWanted]);
  return value;
}
