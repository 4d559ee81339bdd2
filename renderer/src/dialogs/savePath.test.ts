// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DialogRequest, YardstickBridge } from '../../../shared/api/bridge';
import { chooseExportPath, chooseSavePath } from './savePath';

function installBridge(chosen: string | null) {
  const chooseFile = vi.fn(async (_request: DialogRequest) => chosen);
  const bridge: YardstickBridge = { transport: 'electron', invoke: vi.fn(), chooseFile, onMenuCommand: () => () => undefined };
  Object.defineProperty(window, 'yardstick', { value: bridge, configurable: true });
  return chooseFile;
}

afterEach(() => {
  Reflect.deleteProperty(window, 'yardstick');
});

describe('choosing where to save', () => {
  it('asks for a typed path in the browser edition', async () => {
    expect(await chooseSavePath({ kind: 'saveWorkspaceAs', defaultName: '月报 副本' })).toEqual({ kind: 'ask' });
    expect(await chooseExportPath('xlsx', '本期修订')).toEqual({ kind: 'ask' });
  });

  it('uses the native Save dialog in the desktop app, for Save As and for an export of a type', async () => {
    const chooseFile = installBridge('/home/me/本期修订.xlsx');
    expect(await chooseExportPath('xlsx', '本期修订')).toEqual({ kind: 'chosen', path: '/home/me/本期修订.xlsx' });
    expect(chooseFile).toHaveBeenLastCalledWith({ kind: 'saveExport', format: 'xlsx', defaultName: '本期修订' });
    await chooseSavePath({ kind: 'saveWorkspaceAs', defaultName: '月报 副本' });
    expect(chooseFile).toHaveBeenLastCalledWith({ kind: 'saveWorkspaceAs', defaultName: '月报 副本' });
  });

  it('does nothing when the native dialog is cancelled', async () => {
    installBridge(null);
    expect(await chooseExportPath('png', '排名')).toEqual({ kind: 'cancelled' });
  });
});
