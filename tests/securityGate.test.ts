import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations.
import { judge, namesFile } from '../scripts/security-gate.mjs';

const root = path.resolve(__dirname, '..');
fs.mkdirSync(path.join(root, '.tsbuild'), { recursive: true });
const fixture = fs.mkdtempSync(path.join(root, '.tsbuild', 'security-gate-'));
afterAll(() => fs.rmSync(fixture, { recursive: true, force: true }));

describe('the security gate', () => {
  it('fails on a finding that the allowlist does not justify, and names it', () => {
    fs.mkdirSync(path.join(fixture, 'main'));
    fs.writeFileSync(
      path.join(fixture, 'main', 'index.js'),
      // Written to a fixture file and scanned, never run; the module name is assembled for the same reason as in layering.test.ts.
      `const { BrowserWindow } = require('${['elec', 'tron'].join('')}');\n` + "new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
    );
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/security-gate.mjs'), path.relative(root, fixture)], { encoding: 'utf8', cwd: root });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/UNJUSTIFIED .*NODE_INTEGRATION/);
    expect(run.stderr).toMatch(/UNJUSTIFIED .*CONTEXT_ISOLATION/);
  }, 60_000);

  it('matches an allowlisted chunk whatever its content hash, and nothing else', () => {
    expect(namesFile('renderer/assets/gridSetup-[hash].js', 'renderer/assets/gridSetup-9a5qgtdH.js')).toBe(true);
    expect(namesFile('renderer/assets/gridSetup-[hash].js', 'renderer/assets/gridSetup-x/evil.js')).toBe(false);
    expect(namesFile('renderer/assets/gridSetup-[hash].js', 'renderer/assets/index-9a5qgtdH.js')).toBe(false);
    expect(namesFile('main/index.js', 'main/index.js')).toBe(true);
    const finding = { id: 'DANGEROUS_FUNCTIONS_JS_CHECK', file: 'renderer/assets/gridSetup-Ab_1.js' };
    expect(judge([finding], [{ id: 'DANGEROUS_FUNCTIONS_JS_CHECK', file: 'renderer/assets/gridSetup-[hash].js' }])).toEqual({ unjustified: [], stale: [] });
    expect(judge([{ ...finding, file: 'renderer/assets/TableView-Ab_1.js' }], [{ id: 'DANGEROUS_FUNCTIONS_JS_CHECK', file: 'renderer/assets/gridSetup-[hash].js' }]).unjustified).toHaveLength(1);
  });
});
