import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { matchesQuery } from './matchesQuery';
import { NavItem } from './NavItem';
import { usePinyinMatcher } from './pinyinMatcher';

/** Indicators grouped by category; a category filters the table, an indicator narrows it further. */
export function IndicatorTree() {
  const { t } = useTranslation();
  const catalog = useAppStore((state) => state.catalog);
  const { language, query, category, indicator, selectCategory, selectIndicator } = useAppStore(
    useShallow((state) => ({
      language: state.language,
      query: state.navigatorQuery,
      category: state.selectedCategory,
      indicator: state.selectedIndicator,
      selectCategory: state.selectCategory,
      selectIndicator: state.selectIndicator,
    })),
  );
  const pinyin = usePinyinMatcher(query);
  const groups = useMemo(
    () =>
      (catalog?.categories ?? [])
        .map((c) => ({ category: c, indicators: catalog!.indicators.filter((i) => i.category === c.code && matchesQuery(i, query, pinyin)) }))
        .filter((group) => group.indicators.length > 0 || (query !== '' && matchesQuery(group.category, query, pinyin))),
    [catalog, query, pinyin],
  );
  const name = (item: { nameZh: string; nameEn: string }) => (language === 'zh' ? item.nameZh : item.nameEn);
  if (groups.length === 0) return query ? <p className="navigator-empty">{t('navigator.noMatch')}</p> : null;
  return (
    <ul className="nav-tree" data-testid="indicator-tree">
      <NavItem testId="nav-category-all" isSelected={category === null && indicator === null} onSelect={() => selectCategory(null)}>
        {t('navigator.allIndicators')}
      </NavItem>
      {groups.map(({ category: c, indicators }) => (
        <NavItem key={c.code} testId={`nav-category-${c.code}`} isSelected={category === c.code && indicator === null} onSelect={() => selectCategory(c.code)} label={name(c)} isGroup>
          {indicators.map((i) => (
            <NavItem key={i.code} testId={`nav-indicator-${i.code}`} isSelected={indicator === i.code} onSelect={() => selectIndicator(indicator === i.code ? null : i.code, c.code)}>
              {name(i)}
            </NavItem>
          ))}
        </NavItem>
      ))}
    </ul>
  );
}
