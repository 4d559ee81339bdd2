import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'vite';

/** Bundles a crash-test child (TypeScript) into a .cjs under .tsbuild, where node_modules resolve. */
export async function buildCrashChild(entry: string, name: string): Promise<string> {
  const outDir = path.resolve(__dirname, '../../../.tsbuild', name);
  await build({
    logLevel: 'silent',
    configFile: false,
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      rollupOptions: { external: ['better-sqlite3'], output: { format: 'cjs', entryFileNames: `${name}.cjs` } },
    },
  });
  return path.join(outDir, `${name}.cjs`);
}

/**
 * Runs `node script ...args`; once it prints "ready", kills it (SIGKILL) after `delayMs`.
 * Resolves to whether it was killed or finished first.
 */
export function runAndKill(script: string, args: readonly string[], delayMs: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready') && !timer) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}
