// `npm start`: build, then run the desktop app where an Electron runtime exists. Where it cannot be
// obtained (these offline machines), say so in one line and open the browser edition instead, on
// the sample workspace in the platform's app-data folder. `npm start -- --browser` skips Electron.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const FALLBACK_NOTICE = 'Electron runtime not available on this machine (offline); opening the browser edition instead.';
export const SAMPLE_FILE_NAME = 'lishui-sample.sqlite';
const INSTALL_TIMEOUT_MS = 60_000;

/** The Electron executable named by node_modules/electron/path.txt, or null when it is not on disk. */
export function electronBinary(projectDir, env = process.env) {
  const packageDir = path.join(projectDir, 'node_modules', 'electron');
  let relative;
  try {
    relative = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (relative.length === 0) return null;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  return fs.existsSync(binary) ? binary : null;
}

/**
 * Tries electron's own install script once, quietly and for at most `timeoutMs`; offline it fails
 * (or times out) and we fall back. Returns the binary when it is there afterwards.
 */
export function tryInstallElectron(projectDir, timeoutMs = INSTALL_TIMEOUT_MS) {
  const installer = path.join(projectDir, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installer)) return null;
  spawnSync(process.execPath, [installer], { cwd: projectDir, stdio: 'ignore', timeout: timeoutMs, windowsHide: true });
  return electronBinary(projectDir);
}

/** Where the browser edition keeps the sample workspace: the platform's usual app-data folder. */
export function sampleWorkspacePath({ platform = process.platform, env = process.env, home = os.homedir() } = {}) {
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), 'Yardstick', SAMPLE_FILE_NAME);
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', 'Yardstick', SAMPLE_FILE_NAME);
  }
  return path.posix.join(env.XDG_DATA_HOME || path.posix.join(home, '.local', 'share'), 'yardstick', SAMPLE_FILE_NAME);
}

/** Runs a child with the terminal attached, forwarding SIGINT/SIGTERM; resolves to an exit code. */
function runAttached(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', windowsHide: false, ...options });
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    const signals = ['SIGINT', 'SIGTERM'];
    for (const signal of signals) process.on(signal, forward);
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      for (const name of signals) process.off(name, forward);
      resolve(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
    });
  });
}

function build(projectDir) {
  // electron-vite's own bin through this Node: no npx, no shell, the same on Windows.
  const bin = path.join(projectDir, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: projectDir, stdio: 'inherit' });
  if (result.error) console.error(`Build failed to start: ${result.error.message}`);
  return result.status ?? 1;
}

async function main(argv) {
  const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const forceBrowser = argv.includes('--browser');

  const buildStatus = build(projectDir);
  if (buildStatus !== 0) return buildStatus;

  const binary = forceBrowser ? null : (electronBinary(projectDir) ?? tryInstallElectron(projectDir));
  if (binary) {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    return runAttached(binary, ['.'], { cwd: projectDir, env });
  }

  if (!forceBrowser) console.log(FALLBACK_NOTICE);
  const sample = sampleWorkspacePath();
  fs.mkdirSync(path.dirname(sample), { recursive: true });
  return runAttached(process.execPath, [path.join(projectDir, 'out', 'main', 'server.js'), sample, '--create-sample'], { cwd: projectDir });
}

const invokedDirectly = process.argv[1] !== undefined && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
