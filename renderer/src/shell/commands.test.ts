// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { YardstickBridge } from '../../../shared/api/bridge';
import { resetStore, useAppStore } from '../store';
import { runCommand } from './commands';

const workspace = { path: '/tmp/w.sqlite', fileName: 'w.sqlite', schemaVersion: 1, workingSeq: 1, lastSnapshot: null, observationCount: 0, isSample: false };

function installBridge(chosen: string | null): YardstickBridge {
  const bridge: YardstickBridge = { transport: 'electron', invoke: vi.fn(), chooseFile: vi.fn(async () => chosen), onMenuCommand: () => () => undefined };
  Object.defineProperty(window, 'yardstick', { value: bridge, configurable: true });
  return bridge;
}

beforeEach(() => resetStore());
afterEach(() => {
  Reflect.deleteProperty(window, 'yardstick');
});

describe('runCommand', () => {
  it('opens the path dialogs in the browser edition, and the snapshot dialog only with a workspace', () => {
    runCommand('snapshot.create');
    expect(useAppStore.getState().dialog).toBeNull();
    runCommand('workspace.open');
    expect(useAppStore.getState().dialog).toBe('openWorkspace');
    // Another command does not replace an open dialog; the language still switches.
    runCommand('workspace.new');
    runCommand('view.toggleLanguage');
    expect(useAppStore.getState().dialog).toBe('openWorkspace');
    expect(useAppStore.getState().language).toBe('en');
    useAppStore.getState().closeDialog();
    useAppStore.setState({ info: workspace });
    runCommand('snapshot.create');
    expect(useAppStore.getState().dialog).toBe('snapshot');
  });

  it('uses the native file dialog in the desktop app and reports a failure in the banner', async () => {
    const bridge = installBridge('/home/me/new.sqlite');
    const error = { code: 'FILE_EXISTS' as const, message: 'exists', messageZh: '已存在' };
    const createWorkspace = vi.fn(async () => error);
    useAppStore.setState({ createWorkspace });
    runCommand('workspace.new');
    await vi.waitFor(() => expect(useAppStore.getState().error).toEqual(error));
    expect(bridge.chooseFile).toHaveBeenCalledWith({ kind: 'saveWorkspace', defaultName: expect.stringMatching(/\.sqlite$/) });
    expect(createWorkspace).toHaveBeenCalledWith('/home/me/new.sqlite');
    expect(useAppStore.getState().dialog).toBeNull();
  });

  it('does nothing when the native dialog is cancelled', async () => {
    const bridge = installBridge(null);
    const openWorkspace = vi.fn(async () => null);
    useAppStore.setState({ openWorkspace });
    runCommand('workspace.open');
    await vi.waitFor(() => expect(bridge.chooseFile).toHaveBeenCalledWith({ kind: 'openWorkspace' }));
    expect(openWorkspace).not.toHaveBeenCalled();
  });

  it('opens a file of File › Open Recent with the path that came with the command, and reports a failure', async () => {
    useAppStore.setState({ info: workspace });
    const error = { code: 'FILE_NOT_FOUND' as const, message: '/gone.sqlite does not exist', messageZh: '/gone.sqlite 不存在' };
    const openRecentWorkspace = vi.fn(async (path: string) => (path === '/gone.sqlite' ? error : null));
    useAppStore.setState({ openRecentWorkspace });
    runCommand('workspace.openRecent', '/home/me/月报.sqlite');
    runCommand('workspace.openRecent');
    runCommand('workspace.openRecent', workspace.path);
    expect(openRecentWorkspace.mock.calls).toEqual([['/home/me/月报.sqlite']]);
    runCommand('workspace.openRecent', '/gone.sqlite');
    await vi.waitFor(() => expect(useAppStore.getState().error).toEqual(error));
  });

  it('runs the workspace undo and redo for the desktop Edit menu, not from behind a dialog', () => {
    const undo = vi.fn(async () => undefined);
    const redo = vi.fn(async () => undefined);
    useAppStore.setState({ info: workspace, undo, redo });
    runCommand('edit.undo');
    runCommand('edit.redo');
    expect([undo.mock.calls.length, redo.mock.calls.length]).toEqual([1, 1]);
    useAppStore.getState().openDialog('snapshot');
    runCommand('edit.undo');
    expect(undo).toHaveBeenCalledTimes(1);
  });

  it('view.table shows the table view', () => {
    runCommand('view.table');
    expect(useAppStore.getState().view).toBe('table');
  });
});
