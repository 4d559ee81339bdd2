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
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** IPC channel names; the preload and main use these and nothing else. */
export const IPC_INVOKE_CHANNEL = 'yardstick:invoke';
export const IPC_MENU_CHANNEL = 'yardstick:menu';
export const IPC_DIALOG_CHANNEL = 'yardstick:dialog';

export type DialogRequest =
  | { kind: 'openWorkspace' }
  | { kind: 'saveWorkspace'; defaultName: string };

/**
 * What the preload exposes as `window.yardstick`. A dumb bridge: every call goes through the
 * contract's `invoke`, which main validates; the renderer never sees Node or Electron objects.
 */
export interface YardstickBridge {
  readonly transport: 'electron';
  invoke(method: string, input: unknown): Promise<unknown>;
  /** Asks main for a native file dialog; resolves to the chosen path or null when cancelled. */
  chooseFile(request: DialogRequest): Promise<string | null>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
