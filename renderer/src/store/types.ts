import type { StateCreator } from 'zustand';
import type { UiSlice } from './uiSlice';
import type { WorkspaceSlice } from './workspaceSlice';

/** The whole store: one object built from typed slices. */
export type StoreState = UiSlice & WorkspaceSlice;

export type SliceCreator<Slice> = StateCreator<StoreState, [], [], Slice>;
