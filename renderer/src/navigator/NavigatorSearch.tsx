import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { loadPinyinMatcher } from './pinyinMatcher';

/** The navigator's quick filter; Ctrl+F, `/` and the menu focus it through the store. */
export function NavigatorSearch() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const query = useAppStore((state) => state.navigatorQuery);
  const setQuery = useAppStore((state) => state.setNavigatorQuery);
  const focusRequest = useAppStore((state) => state.searchFocusRequest);
  useEffect(() => {
    if (focusRequest > 0) input.current?.select();
  }, [focusRequest]);
  return (
    <input
      ref={input}
      type="search"
      className="navigator-search"
      data-testid="navigator-search"
      aria-label={t('navigator.search')}
      placeholder={t('navigator.searchPlaceholder')}
      value={query}
      // Pinyin's dictionary is a chunk of its own: asked for as the field gets the focus, it has
      // usually arrived by the time the first letters are typed.
      onFocus={loadPinyinMatcher}
      onChange={(event) => setQuery(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setQuery('');
      }}
    />
  );
}
