import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');

describe('the native ABI check before packaging', () => {
  it('refuses the Node build of better-sqlite3 that the tests use, saying it is a Node build', () => {
    const nodeBuild = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/check-native-abi.mjs'), nodeBuild], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`registers ABI ${process.versions.modules}`);
    expect(run.stderr).toContain('this is a Node build');
  });
});
