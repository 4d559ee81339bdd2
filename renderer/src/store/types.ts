import type { StateCreator } from 'zustand';
import type { EditingSlice } from '../editing/editingSlice';
import type { ImportSlice } from '../import/importSlice';
import type { OverviewSlice } from '../overview/overviewSlice';
import type { ProjectionsSlice } from '../projections/projectionsSlice';
import type { SnapshotsSlice } from '../snapshots/snapshotsSlice';
import type { TransformSlice } from '../transform/transformSlice';
import type { RecentSlice } from '../shell/recentSlice';
import type { UiSlice } from './uiSlice';
import type { WorkspaceSlice } from './workspaceSlice';

/** The whole store: one object built from typed slices. */
export type StoreState = UiSlice & WorkspaceSlice & EditingSlice & ProjectionsSlice & SnapshotsSlice & OverviewSlice & TransformSlice & ImportSlice & RecentSlice;

export type SliceCreator<Slice> = StateCreator<StoreState, [], [], Slice>;
