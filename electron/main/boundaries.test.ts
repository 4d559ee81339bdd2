import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Only the thin glue may import 'electron' (even as a type): everything else is tested under Node,
// where requiring 'electron' would try to download the binary.
const GLUE = new Set(['index.ts', 'ipc.ts', 'window.ts']);
const importsElectron = /from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/;

function sources(folder: string): string[] {
  return fs.readdirSync(folder).filter((name) => name.endsWith('.ts'));
}

describe('electron/main and electron/preload', () => {
  it("import 'electron' only from the glue files", () => {
    const mainFolder = import.meta.dirname;
    for (const name of sources(mainFolder)) {
      const text = fs.readFileSync(path.join(mainFolder, name), 'utf8');
      expect(importsElectron.test(text), name).toBe(GLUE.has(name));
    }
    const preloadFolder = path.join(mainFolder, '..', 'preload');
    for (const name of sources(preloadFolder)) {
      const text = fs.readFileSync(path.join(preloadFolder, name), 'utf8');
      expect(importsElectron.test(text), name).toBe(name === 'index.ts');
    }
  });
});
