import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Where the build goes: `out/` normally; engineers working side by side can give each run its own
// folder (YARDSTICK_OUT_DIR=out-mine) so that one build never replaces files another's tests serve.
const outRoot = resolve(__dirname, process.env.YARDSTICK_OUT_DIR ?? 'out');

// One build for the three Node entry points that share core (the Electron main process, the
// browser edition's HTTP host and the CLI), the sandboxed preload, and the renderer.
export default defineConfig({
  main: {
    build: {
      outDir: resolve(outRoot, 'main'),
      // SheetJS is bundled from its ES build, which leaves out the code-page tables its CommonJS
      // build loads at start (a quarter second of every xlsx import); legacy .xls loads them when read.
      externalizeDeps: { exclude: ['@e965/xlsx'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          server: resolve(__dirname, 'electron/server/index.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
          // Started by electron/core/import/runner.ts as importWorker.js beside the running bundle.
          importWorker: resolve(__dirname, 'electron/core/import/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(outRoot, 'preload'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(outRoot, 'renderer'),
      // electron-vite leaves bundles unminified; the renderer's 4.6 MB of script is parsed on every
      // launch, so it is minified (about a third of the size, measured by the grid benchmark's first rows).
      // YARDSTICK_MINIFY=0 keeps the names, for reading a CPU profile.
      minify: process.env.YARDSTICK_MINIFY !== '0',
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
