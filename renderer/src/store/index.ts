import { create } from 'zustand';
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
}));

/** Back to the state at start-up (tests). */
export function resetStore(): void {
  useAppStore.setState(useAppStore.getInitialState(), true);
}
