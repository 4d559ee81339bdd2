/** Commands the application menu sends to the renderer (desktop app only). */
export const MENU_COMMANDS = [
  'workspace.new',
  'workspace.open',
  'workspace.openSample',
  'workspace.saveAs',
  'snapshot.create',
  'backup.create',
  'backup.restore',
  'view.table',
  'view.snapshots',
  'view.toggleLanguage',
  'view.toggleTheme',
  'view.focusSearch',
  /** Open a file of File › Open Recent; the path travels with the command. */
  'workspace.openRecent',
  /** Edit › Undo and Redo when focus is not in a text field: the workspace's persistent log. */
  'edit.undo',
  'edit.redo',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** IPC channel names; the preload and main use these and nothing else. */
export const IPC_INVOKE_CHANNEL = 'yardstick:invoke';
export const IPC_MENU_CHANNEL = 'yardstick:menu';
export const IPC_DIALOG_CHANNEL = 'yardstick:dialog';
/** The renderer tells main whether focus is in a text field, so Edit › Undo knows which undo to run. */
export const IPC_TEXT_FOCUS_CHANNEL = 'yardstick:textFocus';

/** File types the desktop app's Save dialog offers for exports. */
export const EXPORT_FORMATS = ['xlsx', 'csv', 'png', 'svg', 'pptx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type DialogRequest =
  | { kind: 'openWorkspace' }
  /** New workspace: a new file to create. */
  | { kind: 'saveWorkspace'; defaultName: string }
  /** Save As: where to write a copy of the open workspace. */
  | { kind: 'saveWorkspaceAs'; defaultName: string }
  /** An export (revision report, data, chart, deck): where to write a file of that type. */
  | { kind: 'saveExport'; format: ExportFormat; defaultName: string };

/**
 * What the preload exposes as `window.yardstick`. A dumb bridge: every call goes through the
 * contract's `invoke`, which main validates; the renderer never sees Node or Electron objects.
 */
export interface YardstickBridge {
  readonly transport: 'electron';
  invoke(method: string, input: unknown): Promise<unknown>;
  /** Asks main for a native file dialog; resolves to the chosen path or null when cancelled. */
  chooseFile(request: DialogRequest): Promise<string | null>;
  /**
   * Subscribes to application-menu commands; returns the unsubscribe function. `argument` is the
   * file path of workspace.openRecent and undefined for every other command.
   */
  onMenuCommand(listener: (command: MenuCommand, argument?: string) => void): () => void;
  /** Tells main whether focus is in a text field (Edit › Undo then undoes typing, not the workspace). Optional for test doubles. */
  reportTextFocus?(isTextFocused: boolean): void;
}
