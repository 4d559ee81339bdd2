import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// scripts/start.mjs is plain Node (what `npm start` runs); its decisions are exported for this test.
interface StartScript {
  FALLBACK_NOTICE: string;
  electronBinary(projectDir: string, env?: NodeJS.ProcessEnv): string | null;
  tryInstallElectron(projectDir: string, timeoutMs?: number): string | null;
  sampleWorkspacePath(options?: { platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv; home?: string }): string;
}
const start: StartScript = await import(new URL('../../scripts/start.mjs', import.meta.url).href);

let project: string;
beforeEach(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'yardstick-start-'));
  fs.mkdirSync(path.join(project, 'node_modules', 'electron'), { recursive: true });
});
afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

describe('scripts/start.mjs', () => {
  it('finds no Electron runtime when path.txt or the dist binary is missing (this machine)', () => {
    expect(start.electronBinary(project, {})).toBeNull();
    fs.writeFileSync(path.join(project, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(start.electronBinary(project, {})).toBeNull();
  });

  it('finds the runtime named by path.txt once it is on disk', () => {
    const dist = path.join(project, 'node_modules', 'electron', 'dist');
    fs.mkdirSync(dist);
    fs.writeFileSync(path.join(project, 'node_modules', 'electron', 'path.txt'), 'electron');
    fs.writeFileSync(path.join(dist, 'electron'), '');
    expect(start.electronBinary(project, {})).toBe(path.join(dist, 'electron'));
  });

  it('gives up quietly when the installer cannot fetch the runtime', () => {
    fs.writeFileSync(path.join(project, 'node_modules', 'electron', 'install.js'), 'process.exit(1)');
    expect(start.tryInstallElectron(project, 5_000)).toBeNull();
  });

  it('says so in one line', () => {
    expect(start.FALLBACK_NOTICE).toBe('Electron runtime not available on this machine (offline); opening the browser edition instead.');
    expect(start.FALLBACK_NOTICE).not.toContain('\n');
  });

  it('keeps the sample workspace in the usual app-data folder of each platform', () => {
    expect(start.sampleWorkspacePath({ platform: 'linux', env: {}, home: '/home/analyst' })).toBe('/home/analyst/.local/share/yardstick/lishui-sample.sqlite');
    expect(start.sampleWorkspacePath({ platform: 'linux', env: { XDG_DATA_HOME: '/data' }, home: '/home/analyst' })).toBe('/data/yardstick/lishui-sample.sqlite');
    expect(start.sampleWorkspacePath({ platform: 'darwin', env: {}, home: '/Users/analyst' })).toBe('/Users/analyst/Library/Application Support/Yardstick/lishui-sample.sqlite');
    expect(start.sampleWorkspacePath({ platform: 'win32', env: { APPDATA: 'C:\\Users\\analyst\\AppData\\Roaming' }, home: 'C:\\Users\\analyst' })).toBe(
      'C:\\Users\\analyst\\AppData\\Roaming\\Yardstick\\lishui-sample.sqlite',
    );
  });
});
