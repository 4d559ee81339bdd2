import type { AppError } from '../../../shared/api/contract';
import type { RecentWorkspace } from '../../../shared/api/methods/foundation';
import type { SliceCreator } from '../store/types';

export interface RecentSlice {
  /** Recently opened workspace files, most recent first, as the backend last reported them. */
  recentWorkspaces: RecentWorkspace[];
  loadRecentWorkspaces: () => Promise<void>;
  /**
   * Opens a file of the list (workspace.open). A failure (the file vanished since the list was read)
   * is returned and the list is read again, so the file now shows as not found.
   */
  openRecentWorkspace: (path: string) => Promise<AppError | null>;
  forgetRecentWorkspace: (request: { path: string } | { missing: true } | { all: true }) => Promise<void>;
}

export const createRecentSlice: SliceCreator<RecentSlice> = (set, get) => ({
  recentWorkspaces: [],
  loadRecentWorkspaces: async () => {
    const client = get().client;
    if (!client) return;
    const result = await client('workspace.recent', {});
    // The list is a convenience: when it cannot be read the menu simply shows none.
    set({ recentWorkspaces: result.ok ? result.value : [] });
  },
  openRecentWorkspace: async (path) => {
    const error = await get().openWorkspace(path);
    await get().loadRecentWorkspaces();
    return error;
  },
  forgetRecentWorkspace: async (request) => {
    const client = get().client;
    if (!client) return;
    const result = await client('workspace.forgetRecent', request);
    if (result.ok) set({ recentWorkspaces: result.value });
    else get().setError(result.error);
  },
});
