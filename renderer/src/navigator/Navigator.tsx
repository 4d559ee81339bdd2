import { useTranslation } from 'react-i18next';
import { IndicatorTree } from './IndicatorTree';
import { NavigatorSearch } from './NavigatorSearch';
import { RegionList } from './RegionList';

/** The left pane: a quick filter, indicators grouped by category, and regions. */
export function Navigator() {
  const { t } = useTranslation();
  return (
    <nav className="navigator" aria-label={t('navigator.label')} data-testid="navigator">
      <NavigatorSearch />
      <section className="navigator-section" aria-labelledby="nav-indicators-heading">
        <h2 id="nav-indicators-heading">{t('navigator.indicators')}</h2>
        <IndicatorTree />
      </section>
      <section className="navigator-section" aria-labelledby="nav-regions-heading">
        <h2 id="nav-regions-heading">{t('navigator.regions')}</h2>
        <RegionList />
      </section>
    </nav>
  );
}
