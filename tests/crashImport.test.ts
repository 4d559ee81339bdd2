import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../electron/core/backend';
import { SAMPLE } from '../electron/core/sample';
import { buildCrashChild, runAndKill } from '../electron/core/testing/crash';
import { makeTempDir } from '../electron/core/testing/tempDir';

// Kills `yardstick import` (SIGKILL) at random moments and checks that the workspace is intact and
// equal to the state before or after the import, never in between (electron/core/crash.test.ts does
// the same for restore, edits and snapshots).

const ITERATIONS = Number(process.env.YARDSTICK_CRASH_ITERATIONS ?? 5);
let temp: ReturnType<typeof makeTempDir>;
let child: string;
let template: string;
let csv: string;

beforeAll(async () => {
  temp = makeTempDir('yardstick-crash-import-');
  child = await buildCrashChild(path.join(__dirname, 'crashImportChild.ts'), 'crash-import-child');
  template = path.join(temp.dir, 'template.sqlite');
  createWorkspace(template, true).close();
  const indicators = SAMPLE.indicators.filter((i) => /yuan/.test(i.unit)).map((i) => i.nameZh);
  const lines = ['地区,指标,期别,数值,单位'];
  for (const region of ['杭州市', '宁波市', '温州市', '丽水市'])
    for (const indicator of indicators)
      for (let year = 2010; year < 2025; year += 1)
        for (let month = 1; month <= 12; month += 1) lines.push(`${region},${indicator},${year}年${month}月,${(lines.length % 997) / 10},亿元`);
  csv = path.join(temp.dir, 'monthly.csv');
  fs.writeFileSync(csv, lines.join('\n') + '\n');
}, 120_000);
afterAll(() => temp.cleanup());

function fingerprint(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT indicator_id, region_id, period, value FROM observation_version WHERE to_seq IS NULL ORDER BY 1, 2, 3').all();
    const changeSets = db.prepare('SELECT id, state FROM change_set ORDER BY id').all();
    return crypto.createHash('sha256').update(JSON.stringify([rows, changeSets])).digest('hex');
  } finally {
    db.close();
  }
}

function copy(name: string): string {
  const file = path.join(temp.dir, name);
  fs.copyFileSync(template, file);
  return file;
}

describe('SIGKILL during an import', () => {
  it(`leaves the workspace intact and either before or after, ${ITERATIONS} times`, async () => {
    const reference = copy('reference.sqlite');
    const before = fingerprint(reference);
    const started = Date.now();
    const full = spawnSync(process.execPath, [child, reference, csv], { encoding: 'utf8' });
    expect(full.stdout, full.stderr).toContain('done');
    const duration = Date.now() - started;
    const after = fingerprint(reference);
    expect(after).not.toBe(before);
    const outcomes: string[] = [];
    for (let i = 0; i < ITERATIONS; i += 1) {
      const file = copy(`import-${i}.sqlite`);
      const delay = Math.floor(Math.random() * duration);
      const how = await runAndKill(child, [file, csv], delay);
      const db = new Database(file);
      expect(db.pragma('integrity_check', { simple: true }), `killed after ${delay} ms`).toBe('ok');
      db.close();
      const state = fingerprint(file);
      expect([before, after], `killed after ${delay} ms`).toContain(state);
      outcomes.push(`${how}@${delay}ms:${state === before ? 'before' : 'after'}`);
    }
    console.log(`import: full run ${duration} ms; ${outcomes.join(', ')}`);
  }, 240_000);
});
