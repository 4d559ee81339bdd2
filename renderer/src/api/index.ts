import type { ApiClient } from '../../../shared/api/contract';
import type { DialogRequest, MenuCommand, YardstickBridge } from '../../../shared/api/bridge';
import { createBridgeClient, createHttpClient, createNoTokenClient } from './client';
import { takeLaunchToken } from './token';

export { createBridgeClient, createHttpClient, createNoTokenClient } from './client';

declare global {
  interface Window {
    /** Present only in the desktop app (exposed by the preload). */
    readonly yardstick?: YardstickBridge;
  }
}

/** The transport this page runs on: the Electron bridge when present, otherwise HTTP with the launch token. */
export function createDefaultClient(win: Window = window): ApiClient {
  if (win.yardstick) return createBridgeClient(win.yardstick);
  const token = takeLaunchToken(win.location, win.sessionStorage, win.history);
  if (!token) return createNoTokenClient();
  return createHttpClient(token, (input, init) => win.fetch(input, init));
}

/** Application-menu commands (desktop app only); a no-op in the browser edition. */
export function subscribeMenuCommands(listener: (command: MenuCommand) => void, win: Window = window): () => void {
  return win.yardstick ? win.yardstick.onMenuCommand(listener) : () => undefined;
}

/** Desktop app: tells main whether focus is in a text field, so Edit › Undo undoes typing there. No-op in the browser. */
export function reportTextFocus(isTextFocused: boolean, win: Window = window): void {
  win.yardstick?.reportTextFocus?.(isTextFocused);
}

/** True in the desktop app, where the application menu owns the keyboard shortcuts and native dialogs exist. */
export function isDesktop(win: Window = window): boolean {
  return win.yardstick !== undefined;
}

/** How the user names a workspace file: a native dialog, or null in the browser edition (a path field instead). */
export type FileChooser = (request: DialogRequest) => Promise<string | null>;

export function nativeFileChooser(win: Window = window): FileChooser | null {
  const bridge = win.yardstick;
  return bridge ? (request) => bridge.chooseFile(request) : null;
}
