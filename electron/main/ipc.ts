// Electron glue for IPC: registers the handlers of ipcHandlers.ts behind the sender check.
import path from 'node:path';
import { dialog, ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { IPC_DIALOG_CHANNEL, IPC_INVOKE_CHANNEL, IPC_MENU_CHANNEL, IPC_TEXT_FOCUS_CHANNEL, type MenuCommand } from '../../shared/api/bridge';
import { handleDialog, handleInvoke, handleTextFocus, RECENT_CHANGING_METHODS, type InvokeTarget } from './ipcHandlers';
import type { MenuLanguage } from './menuTemplate';
import type { SenderFacts } from './security';

/** What main can say about the frame behind an IPC call; null when it is gone. */
export function senderFacts(event: IpcMainInvokeEvent | IpcMainEvent, mainWindow: BrowserWindow | null): SenderFacts | null {
  try {
    const frame = event.senderFrame;
    if (!frame || frame.isDestroyed()) return null;
    const isOurWindow = mainWindow !== null && !mainWindow.isDestroyed() && event.sender.id === mainWindow.webContents.id;
    return { frameUrl: frame.url, isMainFrame: frame.parent === null, isOurWindow };
  } catch {
    return null;
  }
}

export interface IpcOptions {
  readonly backend: InvokeTarget;
  readonly getMainWindow: () => BrowserWindow | null;
  readonly language: MenuLanguage;
  readonly defaultDirectory: () => string;
  readonly origins: readonly string[];
  /** After a call that may have changed the recent list (RECENT_CHANGING_METHODS) succeeded. */
  readonly onRecentChanged?: () => void;
  /** Whether focus in the window is in a text field, as the renderer last reported. */
  readonly onTextFocus?: (isTextFocused: boolean) => void;
}

/** Registers the invoke and dialog channels; returns a function that removes them. */
export function registerIpc(options: IpcOptions): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, input: unknown) => {
    const result = await handleInvoke(options.backend, senderFacts(event, options.getMainWindow()), method, input, options.origins);
    if (result.ok && typeof method === 'string' && RECENT_CHANGING_METHODS.has(method)) options.onRecentChanged?.();
    return result;
  });
  ipcMain.on(IPC_TEXT_FOCUS_CHANNEL, (event, value: unknown) => {
    const state = handleTextFocus(senderFacts(event, options.getMainWindow()), value, options.origins);
    if (state !== null) options.onTextFocus?.(state);
  });
  ipcMain.handle(IPC_DIALOG_CHANNEL, (event, request: unknown) => {
    const window = options.getMainWindow();
    return handleDialog(
      {
        showOpen: (dialogOptions) => (window ? dialog.showOpenDialog(window, dialogOptions) : dialog.showOpenDialog(dialogOptions)),
        showSave: (dialogOptions) => (window ? dialog.showSaveDialog(window, dialogOptions) : dialog.showSaveDialog(dialogOptions)),
      },
      senderFacts(event, window),
      request,
      { language: options.language, defaultDirectory: options.defaultDirectory(), joinPath: path.join, origins: options.origins },
    );
  });
  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    ipcMain.removeHandler(IPC_DIALOG_CHANNEL);
    ipcMain.removeAllListeners(IPC_TEXT_FOCUS_CHANNEL);
  };
}

export function sendMenuCommand(window: BrowserWindow | null, command: MenuCommand, argument?: string): void {
  if (!window || window.isDestroyed()) return;
  if (argument === undefined) window.webContents.send(IPC_MENU_CHANNEL, command);
  else window.webContents.send(IPC_MENU_CHANNEL, command, argument);
}
