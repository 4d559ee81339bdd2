import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { IPC_DIALOG_CHANNEL, IPC_INVOKE_CHANNEL, IPC_MENU_CHANNEL, IPC_TEXT_FOCUS_CHANNEL, type MenuCommand, type YardstickBridge } from '../../shared/api/bridge';
import { createBridge, type IpcRendererLike } from './bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc() {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 1 })),
    send: vi.fn((_channel: string, ..._args: unknown[]) => undefined),
    on: vi.fn((channel: string, listener: Listener) => {
      const set = listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(channel, set);
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
    }),
  } satisfies IpcRendererLike;
  const emit = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipcRenderer itself' }, ...args);
  };
  return { ipc, emit, listeners };
}

// Keys of YardstickBridge; the type-level check below fails to compile if the interface changes.
const BRIDGE_KEYS = ['chooseFile', 'invoke', 'onMenuCommand', 'reportTextFocus', 'transport'] as const;
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const keysMatch: Exact<(typeof BRIDGE_KEYS)[number], keyof YardstickBridge> = true;

describe('the preload bridge', () => {
  it("exposes exactly the YardstickBridge's keys", () => {
    expect(keysMatch).toBe(true);
    expect(Object.keys(createBridge(fakeIpc().ipc)).sort()).toEqual([...BRIDGE_KEYS]);
    expect(createBridge(fakeIpc().ipc).transport).toBe('electron');
  });

  it('forwards invoke and chooseFile to their channels', async () => {
    const { ipc } = fakeIpc();
    const bridge = createBridge(ipc);
    await bridge.invoke('series.query', { indicator: 'industrial_value_added' });
    expect(ipc.invoke).toHaveBeenLastCalledWith(IPC_INVOKE_CHANNEL, 'series.query', { indicator: 'industrial_value_added' });
    await bridge.chooseFile({ kind: 'saveWorkspace', defaultName: '月报' });
    expect(ipc.invoke).toHaveBeenLastCalledWith(IPC_DIALOG_CHANNEL, { kind: 'saveWorkspace', defaultName: '月报' });
  });

  it('delivers menu commands without the IPC event, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const received: MenuCommand[] = [];
    const listener = vi.fn((command: MenuCommand) => received.push(command));
    const unsubscribe = createBridge(ipc).onMenuCommand(listener);
    emit(IPC_MENU_CHANNEL, 'snapshot.create');
    emit(IPC_MENU_CHANNEL, 'not.a.command');
    expect(received).toEqual(['snapshot.create']);
    expect(listener.mock.calls[0]).toEqual(['snapshot.create']);
    unsubscribe();
    expect(listeners.get(IPC_MENU_CHANNEL)?.size).toBe(0);
    emit(IPC_MENU_CHANNEL, 'view.table');
    expect(received).toEqual(['snapshot.create']);
  });

  it('passes the path of Open Recent with its command, and nothing but a string', () => {
    const { ipc, emit } = fakeIpc();
    const received: unknown[][] = [];
    createBridge(ipc).onMenuCommand((...args) => received.push(args));
    emit(IPC_MENU_CHANNEL, 'workspace.openRecent', '/data/月报.sqlite');
    emit(IPC_MENU_CHANNEL, 'edit.undo', { toString: 'not a path' });
    expect(received).toEqual([['workspace.openRecent', '/data/月报.sqlite'], ['edit.undo']]);
  });

  it('reports text focus to main as a boolean, one-way', () => {
    const { ipc } = fakeIpc();
    const bridge = createBridge(ipc);
    bridge.reportTextFocus(true);
    expect(ipc.send).toHaveBeenLastCalledWith(IPC_TEXT_FOCUS_CHANNEL, true);
    (bridge.reportTextFocus as (value: unknown) => void)('yes');
    expect(ipc.send).toHaveBeenLastCalledWith(IPC_TEXT_FOCUS_CHANNEL, false);
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('is exposed as window.yardstick and nothing else', () => {
    const source = fs.readFileSync(path.join(import.meta.dirname, 'index.ts'), 'utf8');
    const exposures = [...source.matchAll(/exposeInMainWorld\(\s*'([^']+)'/g)].map((match) => match[1]);
    expect(exposures).toEqual(['yardstick']);
    // The raw ipcRenderer is never exposed, only the bridge built over it.
    expect(source).toMatch(/exposeInMainWorld\('yardstick', createBridge\(ipcRenderer\)\);/);
  });
});
