import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(__dirname, '..');
// The build under test: out/, or the folder named by YARDSTICK_OUT_DIR (see electron.vite.config.ts).
const SERVER_JS = path.join(PROJECT_ROOT, process.env.YARDSTICK_OUT_DIR ?? 'out', 'main', 'server.js');
const LAUNCH_LINE = /Yardstick browser edition: (http:\/\/127\.0\.0\.1:\d+\/)#token=(\S+)/;

export interface RunningServer {
  /** The address the server printed, with `#token=…`. */
  readonly launchUrl: string;
  /** The same address without the token. */
  readonly baseUrl: string;
  readonly token: string;
  /** A temp folder for this test only; the sample workspace is `workspace.sqlite` in it. */
  readonly dir: string;
  readonly workspacePath: string;
  stop(): Promise<void>;
}

function waitForLaunchUrl(child: ChildProcess, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(`no launch line within ${timeoutMs} ms`), timeoutMs);
    function fail(reason: string) {
      clearTimeout(timer);
      reject(new Error(`The browser edition did not start (${reason}). Output:\n${output}`));
    }
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = LAUNCH_LINE.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(`exited with code ${code}`));
  });
}

interface Launched {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  readonly match: RegExpExecArray;
}

/** One server process on `workspacePath`; kills it if it never prints its address. */
async function launch(workspacePath: string): Promise<Launched> {
  // YARDSTICK_DATA_DIR: the recent list, backups and the sample stay in this test's folder, not the user's.
  const env = { ...process.env, YARDSTICK_DATA_DIR: path.join(path.dirname(workspacePath), 'data') };
  const child = spawn(process.execPath, [SERVER_JS, workspacePath, '--port', '0', '--create-sample'], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    return { child, exited, match: await waitForLaunchUrl(child, 20_000) };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

async function halt({ child, exited }: Launched, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/** The process currently serving each started server's folder (a restart replaces it). */
const processes = new WeakMap<object, { current: Launched }>();

function describe(dir: string, workspacePath: string, launched: Launched, holder: { current: Launched }): RunningServer {
  const server: RunningServer = {
    launchUrl: `${launched.match[1]}#token=${launched.match[2]}`,
    baseUrl: launched.match[1]!,
    token: launched.match[2]!,
    dir,
    workspacePath,
    stop: async () => {
      await halt(holder.current, 'SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
  processes.set(server, holder);
  return server;
}

/** Starts `node out/main/server.js <fresh temp workspace> --port 0 --create-sample`. */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run \`npx electron-vite build\` first.`);
  const dir = await mkdtemp(path.join(tmpdir(), 'yardstick-e2e-'));
  const workspacePath = path.join(dir, 'workspace.sqlite');
  let launched: Launched;
  try {
    launched = await launch(workspacePath);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return describe(dir, workspacePath, launched, { current: launched });
}

/**
 * Stops a started server's process (SIGKILL: as a crash would, nothing is flushed on the way out)
 * and starts a new one on the same workspace file. The new process has a new port and token; the
 * returned server (and the original one, whose `stop` the fixture calls) stop whichever runs.
 */
export async function restartServer(server: RunningServer, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<RunningServer> {
  const holder = processes.get(server);
  if (!holder) throw new Error('restartServer needs a server made by startServer.');
  await halt(holder.current, signal);
  holder.current = await launch(server.workspacePath);
  return describe(server.dir, server.workspacePath, holder.current, holder);
}
