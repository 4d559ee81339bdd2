// Import benchmarks (issue 5), printed as ratios against baselines measured in the same run:
//  1. a csv of N observations (default 1,000,000) imported by `yardstick import --auto` (parse,
//     validate, commit) vs the sqlite3 shell's `.import` of the same file (target: under 2x);
//  2. an xlsx of 100,000 cells imported vs LibreOffice headless converting it to csv (target: faster).
// Beside 1, the store's floor (bench/importFloor.mjs): the same rows written straight into a
// workspace's tables, with nothing parsed or checked, as a ratio to the same `.import`; with
// --pipeline also a pipelined import reduced to parsing and writing (bench/importPipeline.mjs).
// Usage: npm run build && node bench/import.mjs [--rows 1000000] [--cells 100000] [--pipeline]
// Prints `RESULT {json}` lines (collected by bench/run.mjs) and a readable summary. Asserts nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const cli = path.join(root, process.env.YARDSTICK_OUT_DIR ?? 'out', 'main', 'cli.js');
const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, cells: { type: 'string', default: '100000' }, pipeline: { type: 'boolean', default: false } } });
const rows = Number(values.rows);
const cells = Number(values.cells);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yardstick-bench-import-'));
const REGIONS = ['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市'];

function time(label, step) {
  const started = performance.now();
  const result = step();
  const ms = performance.now() - started;
  return { label, ms, result };
}

function run(command, args) {
  // YARDSTICK_IMPORT_TIMINGS makes the import print the time of each stage on stderr.
  const child = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, YARDSTICK_IMPORT_TIMINGS: '1' } });
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${child.status}: ${child.stderr.slice(0, 2000)}`);
  lastStages = stagesOf(child.stderr);
  return child.stdout;
}

let lastStages = {};

/** "import timings: reading 803 ms, parsing 449 ms, …" lines → { reading: 803, … } summed over the run's jobs. */
function stagesOf(stderr) {
  const stages = {};
  for (const line of stderr.split('\n')) {
    // "import write: transaction 9120 ms, Workspace.writeCells 8345 ms for 100000 cells": the store's share of "writing".
    const store = /Workspace\.writeCells (\d+) ms/.exec(line);
    if (store) stages['writing: of which Workspace.writeCells'] = Number(store[1]);
    if (!line.startsWith('import timings: ')) continue;
    for (const part of line.slice('import timings: '.length).split(', ')) {
      const match = /^(\w+) (\d+) ms$/.exec(part);
      if (match && match[1] !== 'queued') stages[match[1]] = (stages[match[1]] ?? 0) + Number(match[2]);
    }
  }
  return stages;
}

function describeStages(stages) {
  return Object.entries(stages)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)} s`)
    .join(', ');
}

function result(record) {
  console.log(`RESULT ${JSON.stringify({ bench: 'import', ...record })}`);
}

if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first.`);

// 1. Long csv: region, indicator, period, value, unit — one observation a row. The indicators are the
// sample's money indicators (so 亿元 converts); regions beyond the 11 cities are created on import.
const csv = path.join(dir, 'observations.csv');
{
  const sample = JSON.parse(fs.readFileSync(path.join(root, 'resources/sample/lishui-2024.json'), 'utf8'));
  const indicators = sample.indicators.filter((i) => /yuan/.test(i.unit)).map((i) => i.nameZh);
  const perRegion = indicators.length * 25 * 12;
  const regions = [...REGIONS, ...Array.from({ length: Math.max(0, Math.ceil(rows / perRegion) - REGIONS.length) }, (_, i) => `测试区${i + 1}`)];
  const out = fs.openSync(csv, 'w');
  fs.writeSync(out, '地区,指标,期别,数值,单位\n');
  let written = 0;
  let buffer = '';
  outer: for (const region of regions)
    for (const indicator of indicators)
      for (let year = 2000; year < 2025; year += 1)
        for (let month = 1; month <= 12; month += 1) {
          if (written === rows) break outer;
          buffer += `${region},${indicator},${year}年${month}月,${((written * 7919) % 100000) / 100},亿元\n`;
          written += 1;
          if (buffer.length > 1 << 20) {
            fs.writeSync(out, buffer);
            buffer = '';
          }
        }
  fs.writeSync(out, buffer);
  fs.closeSync(out);
}
const baseline = time('sqlite3 .import', () => run('sqlite3', [path.join(dir, 'baseline.sqlite'), '-cmd', '.mode csv', `.import ${csv} observations`]));
// The store's floor: SQLite's own work to keep as many observations in a workspace's tables, with
// nothing read or checked (bench/importFloor.mjs). What 2× `.import` leaves beyond it is the budget
// for reading, parsing, detecting, checking and the change set that makes the import undoable.
/** Runs a floor script of bench/ on a new sample workspace (its first argument) and returns what it prints. */
function floorOnNewWorkspace(name, script, ...args) {
  const file = path.join(dir, name);
  run(process.execPath, [cli, 'init', file, '--sample']);
  return JSON.parse(run(process.execPath, [path.join(root, 'bench', script), file, ...args]));
}
const floor = floorOnNewWorkspace('floor.sqlite', 'importFloor.mjs', String(rows), path.basename(csv));
const workspace = path.join(dir, 'ws.sqlite');
run(process.execPath, [cli, 'init', workspace, '--sample']);
const ours = time('yardstick import', () => run(process.execPath, [cli, 'import', workspace, csv, '--auto', '--confirm-new', '--format', 'json']));
const imported = JSON.parse(ours.result);
const csvStages = lastStages;
console.log(`csv stages (the rest is process start-up): ${describeStages(csvStages)}`);
console.log(
  `csv: yardstick ${Math.round(ours.ms)} ms, sqlite3 .import ${Math.round(baseline.ms)} ms (ratio ${(ours.ms / baseline.ms).toFixed(2)}, target < 2); ` +
    `the store alone keeping the same rows ${Math.round(floor.ms)} ms (${(floor.ms / baseline.ms).toFixed(2)}× .import), ` +
    `leaving ${Math.round(2 * baseline.ms - floor.ms)} ms of the target for everything else`,
);
result({ case: `csv of ${rows.toLocaleString('en-US')} observations`, ms: ours.ms, baselineMs: baseline.ms, baseline: 'sqlite3 shell .import', ratio: ours.ms / baseline.ms, target: 'ratio < 2', isMet: ours.ms / baseline.ms < 2, detail: { counts: imported.counts ?? null, stagesMs: csvStages } });
result({ case: `store floor: ${rows.toLocaleString('en-US')} observations written to a workspace's tables, nothing parsed`, ms: floor.ms, baselineMs: baseline.ms, baseline: 'sqlite3 shell .import', ratio: floor.ms / baseline.ms, target: null });
// --pipeline: the best case of a pipelined import (bench/importPipeline.mjs): parsing in one thread
// while the other writes, with no detection, checks or undo record.
if (values.pipeline) {
  const pipeline = floorOnNewWorkspace('pipeline.sqlite', 'importPipeline.mjs', csv);
  console.log(`csv: a pipelined import with nothing but parsing and writing ${Math.round(pipeline.ms)} ms (${(pipeline.ms / baseline.ms).toFixed(2)}× .import; the reader done at ${Math.round(pipeline.readerMs)} ms)`);
  result({ case: `pipeline floor: ${rows.toLocaleString('en-US')} observations parsed in one thread while written in another`, ms: pipeline.ms, baselineMs: baseline.ms, baseline: 'sqlite3 shell .import', ratio: pipeline.ms / baseline.ms, target: null });
}

// 2. xlsx of N cells: a wide table (cities down, months across).
const xlsx = path.join(dir, 'cells.xlsx');
{
  const columns = 200;
  const tableRows = Math.ceil(cells / columns);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据');
  sheet.addRow(['各地区主要指标']);
  sheet.addRow(['单位：亿元']);
  sheet.addRow(['地区', ...Array.from({ length: columns - 1 }, (_, c) => `${2000 + Math.floor(c / 12)}年${(c % 12) + 1}月`)]);
  for (let r = 0; r < tableRows; r += 1) sheet.addRow([`地区${r + 1}`, ...Array.from({ length: columns - 1 }, (_, c) => ((r * 31 + c) % 1000) / 10)]);
  await workbook.xlsx.writeFile(xlsx);
}
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((candidate) => fs.existsSync(candidate));
if (!soffice) console.log('LibreOffice is not installed: the xlsx benchmark is skipped.');
else {
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  const converted = time('LibreOffice xlsx → csv', () => run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv', '--outdir', dir, xlsx]));
  const workspace2 = path.join(dir, 'ws2.sqlite');
  run(process.execPath, [cli, 'init', workspace2, '--sample']);
  const ours2 = time('yardstick import xlsx', () => run(process.execPath, [cli, 'import', workspace2, xlsx, '--auto', '--confirm-new', '--format', 'json']));
  const xlsxStages = lastStages;
  console.log(`xlsx stages: ${describeStages(xlsxStages)}`);
  result({ case: `xlsx of ${cells.toLocaleString('en-US')} cells`, ms: ours2.ms, baselineMs: converted.ms, baseline: 'LibreOffice headless --convert-to csv', ratio: ours2.ms / converted.ms, target: 'ratio < 1', isMet: ours2.ms / converted.ms < 1, detail: { stagesMs: xlsxStages } });
}
fs.rmSync(dir, { recursive: true, force: true });
