import type { MenuCommand } from '../../../shared/api/bridge';
import { nativeFileChooser } from '../api';
import { i18n } from '../i18n';
import { useAppStore } from '../store';

/** Save As: the native dialog in the desktop app, a path field in the browser edition. */
async function saveAs(): Promise<void> {
  const store = useAppStore.getState();
  const choose = nativeFileChooser();
  if (!choose) return store.openSnapshotsDialog({ kind: 'saveAs' });
  const name = (store.info?.fileName ?? 'workspace.sqlite').replace(/\.sqlite$/i, '');
  const path = await choose({ kind: 'saveWorkspaceAs', defaultName: i18n.t('snapshots.saveAs.defaultName', { name }) });
  if (!path) return;
  const error = await useAppStore.getState().saveWorkspaceAs(path);
  if (error) useAppStore.getState().setError(error);
}

/** Runs the snapshot area's menu commands (Save As, backups); false for every other command. */
export function runSnapshotsCommand(command: MenuCommand): boolean {
  const store = useAppStore.getState();
  switch (command) {
    case 'workspace.saveAs':
      if (store.info) void saveAs();
      return true;
    case 'backup.create':
      if (store.info) void store.openBackups(true);
      return true;
    case 'backup.restore':
      if (store.info) void store.openBackups(false);
      return true;
    default:
      return false;
  }
}
