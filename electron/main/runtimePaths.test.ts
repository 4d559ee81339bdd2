import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeBindingPath, preloadPath, rendererRoot, workspacePathFromArgv } from './runtimePaths';

describe('runtime paths', () => {
  it('finds the renderer and the CommonJS preload under out/', () => {
    expect(rendererRoot('/app')).toBe(path.join('/app', 'out', 'renderer'));
    expect(preloadPath('/app')).toBe(path.join('/app', 'out', 'preload', 'index.cjs'));
  });

  it('loads the Electron build of better-sqlite3 from resources/native only when packaged', () => {
    expect(nativeBindingPath({ isPackaged: true, resourcesPath: '/opt/Yardstick/resources' })).toBe(path.join('/opt/Yardstick/resources', 'native', 'better_sqlite3.node'));
    expect(nativeBindingPath({ isPackaged: false, resourcesPath: '/x' })).toBeUndefined();
  });

  it('takes a .sqlite file from the command line, skipping flags and the app folder', () => {
    expect(workspacePathFromArgv(['/opt/Yardstick/yardstick', '/data/月报.sqlite'], true)).toBe('/data/月报.sqlite');
    expect(workspacePathFromArgv(['electron', '.', '--inspect', 'x.SQLITE'], false)).toBe('x.SQLITE');
    expect(workspacePathFromArgv(['electron', 'app.sqlite'], false)).toBeUndefined();
    expect(workspacePathFromArgv(['/opt/Yardstick/yardstick', '--foo=a.sqlite'], true)).toBeUndefined();
  });
});
