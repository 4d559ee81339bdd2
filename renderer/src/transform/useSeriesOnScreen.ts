import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { selectViewObservations } from '../store/selectors';
import { seriesOnScreen } from './settings';

/** The series the navigator's selection puts in the table, and the periods they hold. */
export function useSeriesOnScreen(): ReturnType<typeof seriesOnScreen> {
  const observations = useAppStore(selectViewObservations);
  const catalog = useAppStore((state) => state.catalog);
  const filter = useAppStore(
    useShallow((state) => ({ categoryCode: state.selectedCategory, indicatorCode: state.selectedIndicator, regionCode: state.selectedRegion })),
  );
  return useMemo(
    () => (catalog ? seriesOnScreen(observations, catalog, filter) : { series: [], periods: new Set<string>() }),
    [observations, catalog, filter],
  );
}
