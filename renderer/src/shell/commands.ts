import type { AppError } from '../../../shared/api/contract';
import type { MenuCommand } from '../../../shared/api/bridge';
import { nativeFileChooser } from '../api';
import { i18n } from '../i18n';
import { runSnapshotsCommand } from '../snapshots/commands';
import { useAppStore } from '../store';
import type { EditCommand } from './shortcuts';
import { localDate } from './suggestions';
import { VIEWS } from './views';
import type { ViewId } from './views';

/** Without a dialog of its own (desktop file dialogs, Open sample), a failure goes to the error banner. */
function report(error: AppError | null): void {
  if (error) useAppStore.getState().setError(error);
}

async function newWorkspace(): Promise<void> {
  const choose = nativeFileChooser();
  if (!choose) return useAppStore.getState().openDialog('newWorkspace');
  const defaultName = i18n.t('dialog.defaultFileName', { date: localDate(new Date()) });
  const path = await choose({ kind: 'saveWorkspace', defaultName });
  if (path) report(await useAppStore.getState().createWorkspace(path));
}

async function openWorkspace(): Promise<void> {
  const choose = nativeFileChooser();
  if (!choose) return useAppStore.getState().openDialog('openWorkspace');
  const path = await choose({ kind: 'openWorkspace' });
  if (path) report(await useAppStore.getState().openWorkspace(path));
}

/** Opens a file from the recent list (toolbar menu or File › Open Recent); a failure goes to the error banner. */
export function openRecent(path: string): void {
  const store = useAppStore.getState();
  if (store.info?.path === path) return;
  void store.openRecentWorkspace(path).then(report);
}

/** Switches the main area to a view (not from behind an open dialog). */
export function showView(view: ViewId): void {
  const store = useAppStore.getState();
  if (!store.dialog && !store.snapshotsDialog) store.setView(view);
}

/** Undo or redo through the workspace's persistent log (not from behind an open dialog). */
export function runEditCommand(command: EditCommand): void {
  const store = useAppStore.getState();
  if (store.dialog || !store.info) return;
  void (command === 'edit.undo' ? store.undo() : store.redo());
}

/**
 * Runs a command from the toolbar menu, a keyboard shortcut or the desktop app's menu.
 * While a dialog is open only the language and theme switch (the rest of the window is inert).
 */
export function runCommand(command: MenuCommand, argument?: string): void {
  const store = useAppStore.getState();
  if (command === 'view.toggleLanguage') return store.toggleLanguage();
  if (command === 'view.toggleTheme') return store.toggleTheme();
  if (store.dialog || store.snapshotsDialog) return;
  const view = VIEWS.find((candidate) => candidate.menuCommand === command);
  if (view) return showView(view.id);
  if (runSnapshotsCommand(command)) return;
  switch (command) {
    case 'workspace.new':
      return void newWorkspace();
    case 'workspace.open':
      return void openWorkspace();
    case 'workspace.openSample':
      return void store.openSampleWorkspace().then(report);
    case 'snapshot.create':
      if (store.info) store.openDialog('snapshot');
      return;
    case 'view.focusSearch':
      return store.requestSearchFocus();
    case 'workspace.openRecent':
      if (argument) openRecent(argument);
      return;
    case 'edit.undo':
    case 'edit.redo':
      return runEditCommand(command);
  }
}
