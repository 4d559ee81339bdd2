import type { HandlersOf } from '../../../shared/api/contract';
import type { foundationMethods } from '../../../shared/api/methods/foundation';
import { RecentWorkspaces, type RecentWorkspace } from '../recent';
import { seedSample } from '../sample';
import { LATEST_SCHEMA_VERSION } from '../store/migrations';
import { Workspace } from '../workspace';
import type { HandlerContext } from './context';

/** Creates a workspace at `filePath`, with the Lishui sample when `sample` is set. */
export function createWorkspace(filePath: string, sample: boolean): Workspace {
  return Workspace.create(filePath, sample ? seedSample : undefined);
}

export function foundationHandlers(context: HandlerContext): HandlersOf<typeof foundationMethods> {
  const { requireWorkspace, replace, options } = context;
  // The backend adds each file it makes current (backend.ts); these read and prune the same file.
  const recent = options.recentFile ? new RecentWorkspaces(options.recentFile) : undefined;
  return {
    'app.info': () => ({
      version: options.appVersion,
      schemaVersion: LATEST_SCHEMA_VERSION,
      transport: options.transport,
      workspace: context.current()?.info() ?? null,
    }),
    'workspace.info': () => requireWorkspace().info(),
    // The new file is opened fully (all checks) before the current one closes: a failure keeps it open.
    'workspace.open': ({ path: filePath }) => replace(Workspace.open(filePath)),
    'workspace.create': ({ path: filePath, sample }) => replace(createWorkspace(filePath, sample)),
    'workspace.openSample': () => replace(context.openSample()),
    'workspace.recent': (): RecentWorkspace[] => recent?.list() ?? [],
    'workspace.forgetRecent': (input): RecentWorkspace[] => {
      if (!recent) return [];
      if ('path' in input) return recent.forget(input.path);
      return 'missing' in input ? recent.forgetMissing() : recent.clear();
    },
    'catalog.get': () => requireWorkspace().catalog.catalog(),
    'series.query': (query) => requireWorkspace().querySeries(query),
    'snapshot.list': () => requireWorkspace().snapshots.list(),
    'snapshot.create': ({ label, note }) => requireWorkspace().createSnapshot({ label, note: note ?? null, kind: 'manual' }),
    'snapshot.diff': ({ from, to }) => requireWorkspace().diff(from, to),
    'observation.history': (key) => requireWorkspace().history(key),
  };
}
