import { create } from 'zustand';
import { createEditingSlice } from '../editing/editingSlice';
import { createImportSlice } from '../import/importSlice';
import { createOverviewSlice } from '../overview/overviewSlice';
import { createProjectionsSlice } from '../projections/projectionsSlice';
import { createSnapshotsSlice } from '../snapshots/snapshotsSlice';
import { createTransformSlice } from '../transform/transformSlice';
import { createRecentSlice } from '../shell/recentSlice';
import { createUiSlice } from './uiSlice';
import { createWorkspaceSlice } from './workspaceSlice';
import type { StoreState } from './types';

export type { StoreState } from './types';
export type { SnapshotChoice } from './workspaceSlice';
export type { Theme } from './preferences';

/** The application's one store. Components read it through narrow selectors. */
export const useAppStore = create<StoreState>()((...args) => ({
  ...createUiSlice(...args),
  ...createWorkspaceSlice(...args),
  ...createEditingSlice(...args),
  ...createSnapshotsSlice(...args),
  ...createProjectionsSlice(...args),
  ...createOverviewSlice(...args),
  ...createTransformSlice(...args),
  ...createImportSlice(...args),
  ...createRecentSlice(...args),
}));

/** Back to the state at start-up (tests). */
export function resetStore(): void {
  useAppStore.setState(useAppStore.getInitialState(), true);
}
