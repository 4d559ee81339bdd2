import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir';
import { readWorkbookFile } from './runner';
import { gbk, xlsxWorkbook } from './testFixtures';

let temp: ReturnType<typeof makeTempDir>;
let workerScript: string | null = null;

beforeAll(async () => {
  temp = makeTempDir();
  // The app bundles worker.ts as out/main/importWorker.js; here rolldown (vite's bundler) builds the same entry.
  try {
    const { build } = await import('rolldown');
    const file = path.join(temp.dir, 'importWorker.cjs');
    await build({ input: path.join(__dirname, 'worker.ts'), platform: 'node', output: { file, format: 'cjs', codeSplitting: false }, logLevel: 'silent' });
    workerScript = file;
  } catch (error) {
    console.warn(`[runner.test] worker bundle could not be built (${String(error)}); worker-thread tests are skipped.`);
  }
}, 60_000);
afterAll(() => temp.cleanup());

describe('reading off the main thread', () => {
  it('reads the same cells in a worker thread as in-process', async (context) => {
    if (!workerScript) context.skip();
    const file = path.join(temp.dir, '月报.xlsx');
    fs.writeFileSync(file, await xlsxWorkbook([{ name: '月报', rows: [['地区', '值'], ['丽水市', 471.78]], merges: [] }]));
    const inWorker = await readWorkbookFile(file, {}, { workerScript });
    const inProcess = await readWorkbookFile(file, {}, { workerScript: null });
    expect(inWorker).toEqual(inProcess);
    expect(inWorker.sheets[0]!.rows[1]).toEqual(['丽水市', 471.78]);
  });

  it('passes expected failures through as values with their code', async (context) => {
    if (!workerScript) context.skip();
    const file = path.join(temp.dir, 'empty.csv');
    fs.writeFileSync(file, '');
    await expect(readWorkbookFile(file, {}, { workerScript })).rejects.toMatchObject({ code: 'IMPORT_EMPTY' });
  });

  it('cancels a read: the worker is stopped and nothing is returned', async (context) => {
    if (!workerScript) context.skip();
    const file = path.join(temp.dir, 'big.csv');
    const row = gbk('丽水市,471.78,9.3,规上工业增加值\n');
    fs.writeFileSync(file, Buffer.concat(Array.from({ length: 200_000 }, () => Buffer.from(row))));
    const controller = new AbortController();
    const phases: string[] = [];
    const reading = readWorkbookFile(file, {}, { workerScript, signal: controller.signal, onProgress: (progress) => phases.push(progress.phase) });
    controller.abort();
    await expect(reading).rejects.toMatchObject({ code: 'IMPORT_CANCELLED' });
    expect(phases).not.toContain('parsing');
  });
});
