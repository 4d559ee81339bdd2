import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import type { WideFilter } from './buildWideRows';

/** The navigator's selection and the table toolbar's search, period and added periods, as one stable filter. */
export function useTableFilter(): WideFilter {
  return useAppStore(
    useShallow((state) => ({
      categoryCode: state.selectedCategory,
      indicatorCode: state.selectedIndicator,
      regionCode: state.selectedRegion,
      search: state.tableSearch,
      period: state.periodFilter,
      extraPeriods: state.extraPeriods,
      extraRows: state.extraRows,
    })),
  );
}
