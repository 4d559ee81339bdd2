import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { matchesQuery } from './matchesQuery';
import { NavItem } from './NavItem';
import { usePinyinMatcher } from './pinyinMatcher';

/** Regions in catalog order (nation, province, cities); choosing one narrows the table to it. */
export function RegionList() {
  const { t } = useTranslation();
  const { regions, language, query, selected, selectRegion } = useAppStore(
    useShallow((state) => ({
      regions: state.catalog?.regions,
      language: state.language,
      query: state.navigatorQuery,
      selected: state.selectedRegion,
      selectRegion: state.selectRegion,
    })),
  );
  const pinyin = usePinyinMatcher(query);
  const shown = (regions ?? []).filter((region) => matchesQuery(region, query, pinyin));
  if (shown.length === 0) return query ? <p className="navigator-empty">{t('navigator.noMatch')}</p> : null;
  return (
    <ul className="nav-tree" data-testid="region-list">
      <NavItem testId="nav-region-all" isSelected={selected === null} onSelect={() => selectRegion(null)}>
        {t('navigator.allRegions')}
      </NavItem>
      {shown.map((region) => (
        <NavItem key={region.code} testId={`nav-region-${region.code}`} isSelected={selected === region.code} onSelect={() => selectRegion(selected === region.code ? null : region.code)}>
          <span className={`region-level-${region.level}`}>{language === 'zh' ? region.nameZh : region.nameEn}</span>
        </NavItem>
      ))}
    </ul>
  );
}
