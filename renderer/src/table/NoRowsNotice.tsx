import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';

/** The navigator's selection matches nothing: say so and offer a way back to everything. */
export function NoRowsNotice() {
  const { t } = useTranslation();
  const selectCategory = useAppStore((state) => state.selectCategory);
  const selectRegion = useAppStore((state) => state.selectRegion);
  const showAll = () => {
    selectCategory(null);
    selectRegion(null);
  };
  return (
    <div className="notice" data-testid="no-rows">
      <p>{t('table.noRows')}</p>
      <button type="button" className="button" onClick={showAll}>
        {t('table.clearFilter')}
      </button>
    </div>
  );
}
