import { useEffect, useSyncExternalStore } from 'react';
import type { PinyinMatcher } from '../../../shared/search';

// The pinyin dictionary (pinyin-pro) is a chunk of its own, over a third of the launch script's
// size when it was part of it: it is asked for when someone first types a query.
let matcher: PinyinMatcher | undefined;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

/** Loads the pinyin matcher (once); the components that search by pinyin then search again. */
export function loadPinyinMatcher(): Promise<void> {
  loading ??= import('../../../shared/pinyin').then(
    ({ matchPinyin }) => {
      matcher = matchPinyin;
      listeners.forEach((listener) => listener());
    },
    (error: unknown) => {
      // Searching by code and names goes on; the next query asks again.
      loading = undefined;
      console.error('[yardstick] the pinyin dictionary could not be loaded:', error);
    },
  );
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The pinyin matcher once it has loaded, asked for as soon as there is a query to match. */
export function usePinyinMatcher(query: string): PinyinMatcher | undefined {
  const current = useSyncExternalStore(subscribe, () => matcher);
  const isWanted = query.trim() !== '';
  useEffect(() => {
    if (isWanted) void loadPinyinMatcher();
  }, [isWanted]);
  return current;
}
