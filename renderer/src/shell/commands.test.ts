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

  it('view.table shows the table view', () => {
    runCommand('view.table');
    expect(useAppStore.getState().view).toBe('table');
  });
});
