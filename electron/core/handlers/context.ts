import type { WorkspaceInfo } from '../../../shared/api/schemas';
import type { BackendOptions } from '../backend';
import type { Workspace } from '../workspace';

/** What every area's handlers get from the backend: the open workspace and how to replace it. */
export interface HandlerContext {
  readonly options: BackendOptions;
  /** The open workspace, or a NO_WORKSPACE failure. */
  requireWorkspace(): Workspace;
  /** Makes `next` the open workspace (closing the previous one) and returns its info. */
  replace(next: Workspace): WorkspaceInfo;
  current(): Workspace | undefined;
  /** Opens the sample workspace in the data folder, creating it on first use (not yet made current). */
  openSample(): Workspace;
}
