// `npm run bench`: runs every benchmark (each measures its baseline in the same run), prints one
// table of ratios and writes it, with every benchmark's full output, under bench/results/.
// Benchmarks written in TypeScript are bundled with rolldown first (better-sqlite3 and the other
// native or large packages stay external). Asserts nothing; targets are printed, not enforced.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'bench', 'results');
fs.mkdirSync(results, { recursive: true });
const EXTERNAL = ['better-sqlite3', 'echarts', 'pptxgenjs', '@resvg/resvg-js', 'subset-font', 'exceljs', '@playwright/test'];

const BENCHMARKS = [
  { name: 'snapshots', source: 'bench/snapshots.ts' },
  { name: 'store-write', source: 'bench/store-write.ts' },
  { name: 'import', source: 'bench/import.mjs' },
  { name: 'charts', source: 'bench/charts.ts' },
  { name: 'grid', source: 'bench/grid.mjs' },
];

function runner(bench) {
  if (bench.source.endsWith('.mjs')) return path.join(root, bench.source);
  const bundled = path.join(results, `${bench.name}.mjs`);
  const args = [bench.source, '-p', 'node', '-f', 'esm', ...EXTERNAL.flatMap((name) => ['-e', name]), '--no-codeSplitting', '-o', bundled];
  const build = spawnSync(path.join(root, 'node_modules/.bin/rolldown'), args, { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`bundling ${bench.source} failed:\n${build.stderr}`);
  return bundled;
}

const only = process.argv.slice(2);
const rows = [];
let log = `Yardstick benchmarks — ${new Date().toISOString()}, node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, load ${os.loadavg()[0].toFixed(1)}\n`;
for (const bench of BENCHMARKS.filter((b) => only.length === 0 || only.includes(b.name))) {
  if (!fs.existsSync(path.join(root, bench.source))) continue;
  console.log(`\n=== ${bench.name} (${bench.source})`);
  const started = Date.now();
  const child = spawnSync(process.execPath, [runner(bench)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  const output = child.stdout ?? '';
  process.stdout.write(output);
  log += `\n=== ${bench.name} (exit ${child.status}, ${((Date.now() - started) / 1000).toFixed(0)} s)\n${output}`;
  for (const line of output.split('\n')) {
    if (!line.startsWith('RESULT ')) continue;
    const record = JSON.parse(line.slice('RESULT '.length));
    rows.push({
      bench: record.bench ?? bench.name,
      case: record.case ?? record.what ?? record.metric ?? '',
      ms: record.ms,
      baselineMs: record.baselineMs,
      ratio: record.ratio ?? (record.ms && record.baselineMs ? record.ms / record.baselineMs : undefined),
      target: record.target ?? (record.targetMs !== undefined ? `< ${record.targetMs} ms` : ''),
    });
  }
}
const table = [
  '| benchmark | case | ms | baseline ms | ratio | target |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.bench} | ${r.case} | ${r.ms?.toFixed?.(1) ?? ''} | ${r.baselineMs?.toFixed?.(1) ?? ''} | ${r.ratio?.toFixed?.(2) ?? ''} | ${r.target} |`),
].join('\n');
console.log(`\n${table}`);
fs.writeFileSync(path.join(results, 'report.md'), `${log}\n\n${table}\n`);
console.log(`\nwritten to ${path.relative(root, path.join(results, 'report.md'))}`);
