import type { ApiClient } from '../../../shared/api/contract';
import type { MenuCommand, YardstickBridge } from '../../../shared/api/bridge';
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
