import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../electron/cli/testing';
import { encryptedOoxml, xlsxWorkbook, zipArchive } from '../electron/core/import/testFixtures';
import { makeTempDir } from '../electron/core/testing/tempDir';

// The bad-input corpus: generated malformed files through the importer (`yardstick import --auto
// --confirm-new --strict`). Each gets a clear message and an exit code of 3 (rows refused) or 4
// (file unreadable); none crashes the process, and the workspace is exactly as before.

let temp: ReturnType<typeof makeTempDir>;
let workspace: string;

const cli = runCaptured;

function fingerprint(): string {
  const db = new Database(workspace, { readonly: true });
  try {
    const tables = ['observation_version', 'indicator', 'region', 'snapshot', 'change_set'];
    return crypto.createHash('sha256').update(JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()))).digest('hex');
  } finally {
    db.close();
  }
}

const table = (rows: (string | number | null)[][]) => [
  ['2024年1-11月各市规上工业增加值'],
  ['单位：亿元'],
  ['地区', '规上工业增加值'],
  ...rows,
];

type Case = { name: string; make: () => Promise<Uint8Array | string>; exit: number; message: RegExp };

const CASES: Case[] = [
  { name: 'truncated.xlsx', make: async () => (await xlsxWorkbook([{ name: 'S', rows: table([['丽水市', 1]]) }])).subarray(0, 900), exit: 4, message: /truncated or damaged|not a spreadsheet|cannot be read/i },
  { name: 'picture.xlsx', make: async () => Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), exit: 4, message: /cannot be read|not a spreadsheet|unreadable|damaged/i },
  { name: 'encrypted.xlsx', make: async () => encryptedOoxml(), exit: 4, message: /encrypted|password/i },
  {
    name: 'bomb.xlsx',
    make: async () =>
      zipArchive([
        { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
        { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(64 * 1024 * 1024, 0x20) },
      ]),
    exit: 4,
    message: /zip bomb|too large/i,
  },
  { name: 'wide.csv', make: async () => Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',') + '\n' + Array.from({ length: 100_000 }, () => '1').join(',') + '\n', exit: 4, message: /columns|too (large|many)|limit/i },
  { name: 'invalid-utf8.csv', make: async () => Buffer.concat([Buffer.from('地区,规上工业增加值\n'), Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x2c, 0x31, 0x0a])]), exit: 3, message: /./ },
  // A real table (杭州市 is fine) with bad cells in other rows: those rows are refused with their address.
  { name: 'formulas.csv', make: async () => '2024年各市规上工业增加值\n单位：亿元\n地区,规上工业增加值\n杭州市,5000\n丽水市,=SUM(A1:A9)\n衢州市,@cmd\n', exit: 3, message: /B5/ },
  { name: 'nan-infinity.csv', make: async () => '2024年各市规上工业增加值\n单位：亿元\n地区,规上工业增加值\n杭州市,5000\n丽水市,NaN\n衢州市,Infinity\n', exit: 3, message: /B5/ },
  { name: 'huge.csv', make: async () => '2024年各市规上工业增加值\n单位：亿元\n地区,规上工业增加值\n杭州市,5000\n丽水市,1e400\n衢州市,' + '9'.repeat(400) + '\n', exit: 3, message: /B5/ },
  { name: 'dates.csv', make: async () => '2024年各市规上工业增加值\n单位：亿元\n地区,规上工业增加值\n杭州市,5000\n丽水市,2024-11-30\n', exit: 3, message: /B5/ },
  { name: 'empty.csv', make: async () => '', exit: 4, message: /empty|空/i },
  { name: 'only-text.csv', make: async () => '说明\n本表为文字说明，没有数据。\n', exit: 4, message: /no (table|numbers|data)|没有|empty/i },
];

beforeAll(async () => {
  temp = makeTempDir('yardstick-bad-input-');
  workspace = path.join(temp.dir, 'w.sqlite');
  expect((await cli('init', workspace, '--sample')).code).toBe(0);
});
afterAll(() => temp.cleanup());

describe.each(CASES)('importing $name', ({ name, make, exit, message }) => {
  it('fails with a clear message, no crash and nothing written', async () => {
    const file = path.join(temp.dir, name);
    fs.writeFileSync(file, await make());
    const before = fingerprint();
    const result = await cli('import', workspace, file, '--auto', '--confirm-new', '--strict');
    expect([3, 4], `${name}: exit ${result.code}\n${result.err}\n${result.out}`).toContain(result.code);
    expect(result.code, `${name}:\n${result.err}\n${result.out}`).toBe(exit);
    expect(result.err + result.out).toMatch(message);
    expect(fingerprint()).toBe(before);
  }, 60_000);
});
