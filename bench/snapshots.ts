/**
 * Snapshot benchmarks (bench/README.md): as-of, diff and taking a snapshot on a workspace of
 * 1,000,000 observation versions over 120 snapshots, each printed beside the same operation on
 * 10,000 versions built the same way in the same run. Prints times and ratios; asserts nothing.
 *
 *   npx rolldown bench/snapshots.ts -p node -f esm -e better-sqlite3 -o bench/results/snapshots.mjs
 *   node bench/results/snapshots.mjs [--large 1000000] [--small 10000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ObservationRepository } from '../electron/core/store/observationRepository';
import { Workspace, type CellWrite } from '../electron/core/workspace';

const SNAPSHOTS = 120;
/** Each cell has about this many versions over the 120 snapshots (a cell is revised in ~40% of releases). */
const VERSIONS_PER_CELL = 50;
const REGIONS = 10;
const PERIODS = 20;
const RUNS = 5;

const TARGETS_MS = { asOf: 300, diff: 300, snapshot: 50 } as const;

interface Shape {
  readonly versions: number;
  readonly cells: number;
  readonly indicators: number;
  readonly revisionsPerSnapshot: number;
}

/** The same workspace at another scale: cells and revisions per release grow with the version count. */
export function shapeFor(versions: number): Shape {
  const indicators = Math.max(1, Math.round(versions / VERSIONS_PER_CELL / (REGIONS * PERIODS)));
  const cells = indicators * REGIONS * PERIODS;
  return { versions, cells, indicators, revisionsPerSnapshot: Math.round((versions - cells) / (SNAPSHOTS - 1)) };
}

/** A small deterministic generator, so two runs build the same workspace. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Built {
  readonly workspace: Workspace;
  readonly file: string;
  readonly buildSeconds: number;
  /** Time of each of the 120 snapshots as it was taken. */
  readonly snapshotMs: number[];
  readonly versionRows: number;
}

function build(dir: string, shape: Shape): Built {
  const started = performance.now();
  const file = path.join(dir, `bench-${shape.versions}.sqlite`);
  const workspace = Workspace.create(file, (ws) => {
    ws.catalog.addCategory({ code: 'industry', nameZh: '工业', nameEn: 'Industry' }, 0);
    for (let r = 0; r < REGIONS; r += 1) {
      ws.catalog.addRegion({ code: `R${r}`, nameZh: `地区${r}`, nameEn: `Region ${r}`, level: 'county', parentCode: null }, r);
    }
    for (let i = 0; i < shape.indicators; i += 1) {
      ws.catalog.addIndicator(
        { code: `I${i}`, nameZh: `指标${i}`, nameEn: `Indicator ${i}`, unit: '亿元', kind: 'flow', accumulation: 'point', category: 'industry', parentCode: null, sourceNote: null },
        i,
      );
    }
  });
  const next = random(shape.versions);
  const cells: { indicatorCode: string; regionCode: string; period: string }[] = [];
  for (let i = 0; i < shape.indicators; i += 1) {
    for (let r = 0; r < REGIONS; r += 1) {
      for (let p = 0; p < PERIODS; p += 1) cells.push({ indicatorCode: `I${i}`, regionCode: `R${r}`, period: String(2005 + p) });
    }
  }
  const fields = () => ({
    value: Math.round(next() * 1e6) / 100,
    growthReportedPct: Math.round(next() * 300 - 100) / 10,
    rankReported: 1 + Math.floor(next() * 11),
    flags: [],
    note: null,
    source: 'bench',
  });
  const snapshotMs: number[] = [];
  const freeze = (seq: number) => {
    const before = performance.now();
    workspace.createSnapshot({ label: `S${seq}`, kind: 'import', sourceFile: `release-${seq}.xlsx` });
    snapshotMs.push(performance.now() - before);
  };
  workspace.writeCells(cells.map((cell): CellWrite => ({ ...cell, fields: fields() })), { kind: 'import', label: 'initial' });
  freeze(1);
  for (let seq = 2; seq <= SNAPSHOTS; seq += 1) {
    // A release revises a random subset of cells, each once (Fisher–Yates prefix).
    const order = cells.map((_, index) => index);
    const count = Math.min(shape.revisionsPerSnapshot, cells.length);
    for (let k = 0; k < count; k += 1) {
      const pick = k + Math.floor(next() * (order.length - k));
      [order[k], order[pick]] = [order[pick]!, order[k]!];
    }
    workspace.writeCells(order.slice(0, count).map((index): CellWrite => ({ ...cells[index]!, fields: fields() })), { kind: 'import', label: `release ${seq}` });
    freeze(seq);
  }
  const versionRows = (workspace.db.prepare('SELECT COUNT(*) AS n FROM observation_version').get() as { n: number }).n;
  return { workspace, file, buildSeconds: (performance.now() - started) / 1000, snapshotMs, versionRows };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Median of RUNS runs after one warm-up run (one run when the warm-up took over a second); also the
 * median CPU time of this process (steadier than wall time on a shared machine) and what the last
 * run returned.
 */
function time<T>(run: () => T): { ms: number; cpuMs: number; result: T } {
  const warmUp = performance.now();
  let result = run();
  const runs = performance.now() - warmUp > 1000 ? 1 : RUNS;
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const before = performance.now();
    const cpuBefore = process.cpuUsage();
    result = run();
    const cpu = process.cpuUsage(cpuBefore);
    samples.push(performance.now() - before);
    cpuSamples.push((cpu.user + cpu.system) / 1000);
  }
  return { ms: median(samples), cpuMs: median(cpuSamples), result };
}

interface Measure {
  readonly name: string;
  readonly target: number;
  readonly ms: number;
  /** CPU time, when measured. */
  readonly cpuMs?: number;
  readonly rows: number;
}

/** Takes one more snapshot on a copy, so that the measured workspace keeps exactly 120. */
function measureSnapshot(built: Built, dir: string): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const copy = path.join(dir, `copy-${i}-${path.basename(built.file)}`);
    built.workspace.saveCopy(copy);
    const workspace = Workspace.open(copy);
    const before = performance.now();
    workspace.createSnapshot({ label: 'measured', kind: 'manual' });
    samples.push(performance.now() - before);
    workspace.close();
    fs.rmSync(copy, { force: true });
  }
  return median(samples);
}

function measure(built: Built, dir: string): Measure[] {
  const { workspace } = built;
  const middle = SNAPSHOTS / 2;
  const asOfMiddle = time(() => workspace.querySeries({ snapshot: middle }));
  const asOfLatest = time(() => workspace.querySeries({ snapshot: SNAPSHOTS }));
  const asOfWorking = time(() => workspace.querySeries({}));
  const asOfIndicator = time(() => workspace.querySeries({ snapshot: middle, indicator: 'I0' }));
  const diffAdjacent = time(() => workspace.diff(middle - 1, middle));
  const diffAll = time(() => workspace.diff(1, SNAPSHOTS));
  return [
    { name: `as-of snapshot ${middle}, whole workspace`, target: TARGETS_MS.asOf, ms: asOfMiddle.ms, cpuMs: asOfMiddle.cpuMs, rows: asOfMiddle.result.length },
    { name: `as-of snapshot ${SNAPSHOTS} (latest)`, target: TARGETS_MS.asOf, ms: asOfLatest.ms, cpuMs: asOfLatest.cpuMs, rows: asOfLatest.result.length },
    { name: 'as-of working copy', target: TARGETS_MS.asOf, ms: asOfWorking.ms, cpuMs: asOfWorking.cpuMs, rows: asOfWorking.result.length },
    { name: `as-of snapshot ${middle}, one indicator`, target: TARGETS_MS.asOf, ms: asOfIndicator.ms, cpuMs: asOfIndicator.cpuMs, rows: asOfIndicator.result.length },
    { name: `diff ${middle - 1} → ${middle} (one release)`, target: TARGETS_MS.diff, ms: diffAdjacent.ms, cpuMs: diffAdjacent.cpuMs, rows: diffAdjacent.result.rows.length },
    { name: `diff 1 → ${SNAPSHOTS} (everything)`, target: TARGETS_MS.diff, ms: diffAll.ms, cpuMs: diffAll.cpuMs, rows: diffAll.result.rows.length },
    { name: 'take a snapshot', target: TARGETS_MS.snapshot, ms: measureSnapshot(built, dir), rows: workspace.observations.countWorking() },
    { name: `take a snapshot (median of the ${SNAPSHOTS} while building)`, target: TARGETS_MS.snapshot, ms: median(built.snapshotMs), rows: 0 },
  ];
}

function plan(workspace: Workspace, sql: string, params: Record<string, unknown>): string {
  return (workspace.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail).join('; ');
}

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

function main(): void {
  const small = shapeFor(argument('--small', 10_000));
  const large = shapeFor(argument('--large', 1_000_000));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yardstick-bench-'));
  try {
    console.log(
      `Yardstick snapshot benchmarks — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, load ${os.loadavg()[0]!.toFixed(1)}, median of ${RUNS} runs after a warm-up (1 run when it takes over 1 s)`,
    );
    const built = [small, large].map((shape) => {
      const result = build(dir, shape);
      console.log(
        `built ${result.versionRows.toLocaleString('en')} versions (${shape.cells.toLocaleString('en')} cells, ${shape.revisionsPerSnapshot.toLocaleString('en')} revised per release, ${SNAPSHOTS} snapshots) in ${result.buildSeconds.toFixed(1)} s; file ${(fs.statSync(result.file).size / 1e6).toFixed(1)} MB`,
      );
      return result;
    });
    const [smallBuilt, largeBuilt] = built as [Built, Built];
    const smallResults = measure(smallBuilt, dir);
    const largeResults = measure(largeBuilt, dir);
    const header = ['operation', `${small.versions / 1000}k: ms (rows)`, `${large.versions / 1e6}M: ms (rows)`, `${large.versions / 1e6}M: CPU ms`, 'ratio', 'target', '1M within'];
    const lines = smallResults.map((baseline, index) => {
      const result = largeResults[index]!;
      const rows = (m: Measure) => (m.rows ? ` (${m.rows.toLocaleString('en')})` : '');
      return [
        baseline.name,
        `${baseline.ms.toFixed(2)}${rows(baseline)}`,
        `${result.ms.toFixed(2)}${rows(result)}`,
        result.cpuMs === undefined ? '' : result.cpuMs.toFixed(2),
        `${(result.ms / baseline.ms).toFixed(1)}×`,
        `< ${result.target} ms`,
        result.ms < result.target ? 'yes' : 'NO',
      ];
    });
    const widths = header.map((_, column) => Math.max(...[header, ...lines].map((line) => line[column]!.length)));
    for (const line of [header, ...lines]) console.log(line.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
    const { workspace } = largeBuilt;
    const middle = SNAPSHOTS / 2;
    console.log(`\nquery plan, as-of snapshot ${middle}, whole workspace: ${plan(workspace, ObservationRepository.asOfSql({}), { seq: middle })}`);
    console.log(`query plan, as-of working copy: ${plan(workspace, ObservationRepository.asOfSql({ isWorking: true }), {})}`);
    console.log(`query plan, diff of a narrow range: ${plan(workspace, ObservationRepository.diffSql('narrow', false), { low: middle - 1, high: middle })}`);
    console.log(`query plan, diff of a wide range: ${plan(workspace, ObservationRepository.diffSql('wide', false), { low: 1, high: SNAPSHOTS })}`);
    for (const [name, results] of [['small', smallResults], ['large', largeResults]] as const) {
      for (const m of results) console.log(`RESULT ${JSON.stringify({ bench: 'snapshots', case: `${m.name} (${name})`, ms: m.ms, target: `< ${m.target} ms` })}`);
    }
    console.log(`load average after: ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`);
    for (const b of built) b.workspace.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
