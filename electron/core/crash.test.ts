import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from './backend';
import { buildCrashChild, runAndKill } from './testing/crash';
import { makeTempDir } from './testing/tempDir';
import type { CellWrite } from './workspace';

// Kills a process (SIGKILL) at random moments of an action and checks that the workspace is then
// intact and equal to the state before or after the action, never in between.

const ITERATIONS = Number(process.env.YARDSTICK_CRASH_ITERATIONS ?? 5);
let temp: ReturnType<typeof makeTempDir>;
let childScript: string;
let template: string;

beforeAll(async () => {
  temp = makeTempDir('yardstick-crash-');
  childScript = await buildCrashChild(path.join(__dirname, 'testing/crashChild.ts'), 'crash-child');
  // A workspace big enough that a restore takes a while: 40 indicators x 13 regions x 24 months.
  template = path.join(temp.dir, 'template.sqlite');
  const workspace = createWorkspace(template, true);
  const indicators = workspace.catalog.indicators().slice(0, 40);
  const regions = workspace.catalog.regions();
  const writes: CellWrite[] = [];
  for (const indicator of indicators)
    for (const region of regions)
      for (let month = 0; month < 24; month += 1) {
        const period = `${2021 + Math.floor(month / 12)}M${String((month % 12) + 1).padStart(2, '0')}`;
        writes.push({ indicatorCode: indicator.code, regionCode: region.code, period, fields: { value: month, growthReportedPct: null, rankReported: null, flags: [], note: null, source: null } });
      }
  workspace.writeCells(writes, { kind: 'import', label: 'bulk' });
  workspace.createSnapshot({ label: 'bulk', kind: 'manual' });
  workspace.editCells(writes.map((w) => ({ ...w, fields: { value: 1 } })), { kind: 'paste', label: 'changed' });
  workspace.close();
}, 120_000);
afterAll(() => temp.cleanup());

/** What a user would see: the working copy, the snapshots and the undo log. */
function fingerprint(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT indicator_id, region_id, period, value FROM observation_version WHERE to_seq IS NULL ORDER BY 1, 2, 3').all();
    const snapshots = db.prepare('SELECT seq, label FROM snapshot ORDER BY seq').all();
    const changeSets = db.prepare("SELECT id, state FROM change_set ORDER BY id").all();
    return crypto.createHash('sha256').update(JSON.stringify([rows, snapshots, changeSets])).digest('hex');
  } finally {
    db.close();
  }
}

function integrity(file: string): string {
  const db = new Database(file);
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

function copyTemplate(name: string): string {
  const file = path.join(temp.dir, name);
  fs.copyFileSync(template, file);
  return file;
}

function runToEnd(file: string, action: string, argument: string): void {
  const run = spawnSync(process.execPath, [childScript, file, action, argument], { encoding: 'utf8' });
  expect(run.stdout, run.stderr).toContain('done');
}

describe.each([
  ['restore', 'bulk'],
  ['edit', '7'],
  ['snapshot', 'crash snapshot'],
])('SIGKILL during %s', (action, argument) => {
  it(`leaves the workspace intact and either before or after, ${ITERATIONS} times`, async () => {
    const reference = copyTemplate(`${action}-reference.sqlite`);
    const before = fingerprint(reference);
    const started = Date.now();
    runToEnd(reference, action, argument);
    const duration = Date.now() - started;
    const after = fingerprint(reference);
    expect(after).not.toBe(before);
    const outcomes: string[] = [];
    for (let i = 0; i < ITERATIONS; i += 1) {
      const file = copyTemplate(`${action}-${i}.sqlite`);
      const delay = Math.floor(Math.random() * duration);
      const how = await runAndKill(childScript, [file, action, argument], delay);
      expect(integrity(file), `${action} killed after ${delay} ms`).toBe('ok');
      const state = fingerprint(file);
      expect([before, after], `${action} killed after ${delay} ms`).toContain(state);
      outcomes.push(`${how}@${delay}ms:${state === before ? 'before' : 'after'}`);
    }
    console.log(`${action}: full run ${duration} ms; ${outcomes.join(', ')}`);
  }, 120_000);
});
