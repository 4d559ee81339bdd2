// The bridge as a factory over ipcRenderer, so tests can build it without Electron. No 'electron'
// import here, not even a type: index.ts passes the real ipcRenderer, which the compiler checks
// against IpcRendererLike.
import {
  IPC_DIALOG_CHANNEL,
  MENU_COMMANDS,
  IPC_INVOKE_CHANNEL,
  IPC_MENU_CHANNEL,
  IPC_TEXT_FOCUS_CHANNEL,
  type DialogRequest,
  type MenuCommand,
  type YardstickBridge,
} from '../../shared/api/bridge';

/** The four ipcRenderer methods the bridge forwards to. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Builds `window.yardstick`: forwarding only; main validates everything. */
export function createBridge(ipc: IpcRendererLike) {
  return {
    transport: 'electron',
    invoke: (method: string, input: unknown) => ipc.invoke(IPC_INVOKE_CHANNEL, method, input),
    chooseFile: (request: DialogRequest) => ipc.invoke(IPC_DIALOG_CHANNEL, request) as Promise<string | null>,
    onMenuCommand: (listener: (command: MenuCommand, argument?: string) => void) => {
      // The IPC event (which carries ipcRenderer itself) never reaches the page; only a string argument does.
      const forward = (_event: unknown, command: unknown, argument?: unknown) => {
        const known = MENU_COMMANDS.find((name) => name === command);
        if (!known) return;
        if (typeof argument === 'string') listener(known, argument);
        else listener(known);
      };
      ipc.on(IPC_MENU_CHANNEL, forward);
      return () => {
        ipc.removeListener(IPC_MENU_CHANNEL, forward);
      };
    },
    reportTextFocus: (isTextFocused: boolean) => ipc.send(IPC_TEXT_FOCUS_CHANNEL, isTextFocused === true),
  } as const satisfies YardstickBridge;
}
