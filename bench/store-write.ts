/**
 * Bulk write benchmark (bench/README.md): `Workspace.writeCells`, the write an import commit makes
 * (electron/core/import/commitWrite.ts), of 100,000 and 1,000,000 new cells into a fresh workspace
 * file, each beside the same write of 10,000 cells in the same run (ratio of the time per cell, so
 * 1.0× means linear). A reference line inserts the same rows into a plain table without indexes in
 * one prepared statement, the floor any write path pays. Prints times and ratios; asserts nothing.
 *
 *   npx rolldown bench/store-write.ts -p node -f esm -e better-sqlite3 -o bench/results/store-write.mjs
 *   node bench/results/store-write.mjs [--sizes 10000,100000,1000000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Workspace, type CellWrite } from '../electron/core/workspace';

const REGIONS = 100;
const PERIODS = 100;

/** `count` new cells: indicators × 100 regions × 100 monthly periods, as an import of a long table writes them. */
function cellsFor(count: number): { indicators: number; writes: CellWrite[] } {
  const indicators = Math.ceil(count / (REGIONS * PERIODS));
  const writes: CellWrite[] = [];
  for (let i = 0; i < indicators && writes.length < count; i += 1) {
    for (let r = 0; r < REGIONS && writes.length < count; r += 1) {
      for (let p = 0; p < PERIODS && writes.length < count; p += 1) {
        const period = `${2000 + Math.floor(p / 12)}M${String((p % 12) + 1).padStart(2, '0')}`;
        writes.push({
          indicatorCode: `I${i}`,
          regionCode: `R${r}`,
          period,
          fields: { value: (i * 7 + r * 13 + p) / 10, growthReportedPct: (p % 50) / 10, rankReported: null, flags: [], note: null, source: `bench.csv 数据!B${writes.length + 2}` },
        });
      }
    }
  }
  return { indicators, writes };
}

function createWorkspace(file: string, indicators: number): Workspace {
  return Workspace.create(file, (ws) => {
    ws.catalog.addCategory({ code: 'industry', nameZh: '工业', nameEn: 'Industry' }, 0);
    for (let r = 0; r < REGIONS; r += 1) ws.catalog.addRegion({ code: `R${r}`, nameZh: `地区${r}`, nameEn: `Region ${r}`, level: 'county', parentCode: null }, r);
    for (let i = 0; i < indicators; i += 1) {
      ws.catalog.addIndicator({ code: `I${i}`, nameZh: `指标${i}`, nameEn: `Indicator ${i}`, unit: '亿元', kind: 'flow', accumulation: 'point', category: 'industry', parentCode: null, sourceNote: null }, i);
    }
  });
}

interface Result {
  readonly cells: number;
  readonly writeMs: number;
  /** CPU time of the write (this process): steadier than wall time on a shared machine. */
  readonly writeCpuMs: number;
  readonly plainMs: number;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function measure(dir: string, count: number): Result {
  const { indicators, writes } = cellsFor(count);
  const file = path.join(dir, `write-${count}.sqlite`);
  const workspace = createWorkspace(file, indicators);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  workspace.writeCells(writes, { kind: 'import', label: `bench ${count}` });
  const writeCpuMs = cpuMs(cpuStarted);
  const writeMs = performance.now() - started;
  // The floor: the same rows into a table without an index, one prepared INSERT each, one transaction.
  const { db } = workspace;
  db.exec('CREATE TABLE bench_plain (indicator TEXT, region TEXT, period TEXT, value REAL, growth REAL, rank INTEGER, source TEXT)');
  const insert = db.prepare('INSERT INTO bench_plain VALUES (?, ?, ?, ?, ?, ?, ?)');
  const plainStarted = performance.now();
  db.transaction(() => {
    for (const w of writes) insert.run(w.indicatorCode, w.regionCode, w.period, w.fields!.value, w.fields!.growthReportedPct, w.fields!.rankReported, w.fields!.source);
  })();
  const plainMs = performance.now() - plainStarted;
  workspace.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  return { cells: count, writeMs, writeCpuMs, plainMs };
}

function main(): void {
  const index = process.argv.indexOf('--sizes');
  const sizes = (index >= 0 ? process.argv[index + 1]! : '10000,100000,1000000').split(',').map(Number);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yardstick-bench-write-'));
  try {
    console.log(`Yardstick bulk write benchmark — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, load ${os.loadavg()[0]!.toFixed(1)}`);
    const results = sizes.map((count) => measure(dir, count));
    const baseline = results[0]!;
    const perCell = (ms: number, cells: number) => (ms * 1000) / cells;
    console.log('cells      writeCells ms  µs/cell  ratio per cell  CPU ms  CPU ratio per cell  plain INSERT ms  writeCells / plain');
    for (const r of results) {
      const ratio = perCell(r.writeMs, r.cells) / perCell(baseline.writeMs, baseline.cells);
      const cpuRatio = perCell(r.writeCpuMs, r.cells) / perCell(baseline.writeCpuMs, baseline.cells);
      console.log(
        [
          r.cells.toLocaleString('en').padEnd(10),
          r.writeMs.toFixed(0).padStart(13),
          perCell(r.writeMs, r.cells).toFixed(2).padStart(7),
          `${ratio.toFixed(2)}×`.padStart(14),
          r.writeCpuMs.toFixed(0).padStart(6),
          `${cpuRatio.toFixed(2)}×`.padStart(18),
          r.plainMs.toFixed(0).padStart(15),
          `${(r.writeMs / r.plainMs).toFixed(1)}×`.padStart(18),
        ].join('  '),
      );
      if (r !== baseline) {
        console.log(`RESULT ${JSON.stringify({ bench: 'store-write', case: `writeCells ${r.cells} new cells (time per cell vs ${baseline.cells})`, ms: r.writeMs, baselineMs: (baseline.writeMs * r.cells) / baseline.cells, ratio })}`);
      }
    }
    console.log(`load average after: ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
