import { runCli } from './program';

/** Runs one `yardstick` command line in-process, capturing what it prints, for tests. */
export async function runCaptured(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}
