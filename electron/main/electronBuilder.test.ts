import fs from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

// Reads electron-builder.yml with electron-builder's own loader and checks it against its schema,
// then asserts what matters for these machines: hardened fuses, no rebuild of native modules in
// place, and no target or update mechanism that downloads anything when the app is installed or run.
const projectDir = path.resolve(import.meta.dirname, '..', '..');
type Config = Awaited<ReturnType<typeof getConfig>>;
let config: Config;

beforeAll(async () => {
  config = await getConfig(projectDir, 'electron-builder.yml', null);
});

function targetNames(platform: 'win' | 'mac' | 'linux'): string[] {
  const options = config[platform];
  const target = options && typeof options === 'object' ? options.target : undefined;
  const list = Array.isArray(target) ? target : target ? [target] : [];
  return list.map((entry) => (typeof entry === 'string' ? entry : entry.target));
}

describe('electron-builder.yml', () => {
  it('matches the electron-builder schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('identifies the app', () => {
    expect(config.appId).toBe('cn.gov.lishui.yardstick');
    expect(config.productName).toBe('Yardstick');
  });

  it('sets the fuses: no run-as-node, no NODE_OPTIONS or --inspect, asar only and integrity-checked', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('builds the targets agreed for each platform, none of which downloads at install or first run', () => {
    expect(targetNames('win')).toEqual(['nsis', 'portable']);
    expect(targetNames('mac')).toEqual(['dmg']);
    expect(targetNames('linux')).toEqual(['AppImage', 'deb']);
    const downloading = ['nsis-web', 'squirrel', 'snap', 'flatpak'];
    for (const platform of ['win', 'mac', 'linux'] as const) {
      expect(targetNames(platform).filter((name) => downloading.includes(name))).toEqual([]);
    }
    expect(config.nsis?.differentialPackage).toBe(false);
    expect(config.dmg?.writeUpdateInfo).toBe(false);
  });

  it('publishes nowhere, so the app has no update feed to call', () => {
    expect(config.publish).toBeNull();
  });

  it('never rebuilds better-sqlite3 in place and unpacks its addon from the asar', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**/*.node');
  });

  it('ships the build output, package.json, the resources and the Electron build of better-sqlite3', () => {
    const files = (Array.isArray(config.files) ? config.files : [config.files]).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : entry && typeof entry === 'object' ? [entry.filter ?? []].flat() : [],
    );
    expect(files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    const extra = (Array.isArray(config.extraResources) ? config.extraResources : []).map((entry) => (typeof entry === 'string' ? { from: entry, to: entry } : entry));
    expect(extra).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'resources', to: 'resources' }), expect.objectContaining({ to: 'native' })]));
  });

  it('has no install-app-deps or rebuild in package.json scripts', () => {
    const manifest: unknown = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8'));
    const scripts = JSON.stringify(typeof manifest === 'object' && manifest !== null ? Reflect.get(manifest, 'scripts') : {});
    expect(scripts).not.toMatch(/install-app-deps|electron-rebuild|@electron\/rebuild/);
  });
});
