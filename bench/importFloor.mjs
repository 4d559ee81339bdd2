// The store's floor for bench/import.mjs: SQLite's own work to keep N observations in a workspace's
// tables, with nothing read, parsed, checked or recorded for undo. Run as its own process, as
// `.import` is:  node bench/importFloor.mjs <workspace made by `yardstick init --sample`> <N> <csv file name>
// Prints the milliseconds of the one transaction (inserts and COMMIT).
//
// The rows are the benchmark csv's (regions × the sample's money indicators × 300 months), made in
// memory before the clock starts and written as Yardstick writes a large import: one version row
// each with its source cell as an import records it ("observations.csv 'observations'!D2"), its
// key index, from_seq index and foreign keys, in cell-key order, 64 to an INSERT with the
// constant columns written into the SQL, then one set-based INSERT of the cells naming them, under
// the pragmas a workspace is opened with (bench/versionWrites.mjs).
import { performance } from 'node:perf_hooks';
import { openForLargeWrite, sourcePrefix, VERSION_COLUMNS, versionInserter } from './versionWrites.mjs';

const [workspace, count, csvName] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
if (!workspace || !Number.isSafeInteger(count) || count <= 0 || !csvName) throw new Error('usage: node bench/importFloor.mjs <workspace> <observations> <csv file name>');
const db = openForLargeWrite(workspace, count);

const indicators = db.prepare("SELECT id FROM indicator WHERE unit LIKE '%yuan%' ORDER BY id").pluck().all();
const perRegion = indicators.length * 25 * 12;
const regionCount = Math.ceil(count / perRegion);
const addRegion = db.prepare("INSERT INTO region (code, name_zh, name_en, level) VALUES (?, ?, ?, 'county')");
const regions = db.transaction(() => Array.from({ length: regionCount }, (_, r) => Number(addRegion.run(`F${r}`, `底线区${r}`, `Floor ${r}`).lastInsertRowid)))();
const versions = versionInserter(db, 'floor');

// Key order: indicator, region, period (as a large write is ordered); the csv lists regions first,
// so a figure's row in the file is counted region by region.
const prefix = sourcePrefix(csvName);
const rows = [];
outer: for (const [i, indicator] of indicators.entries())
  for (const [r, region] of regions.entries())
    for (let year = 2000; year < 2025; year += 1)
      for (let month = 1; month <= 12; month += 1) {
        const line = r * perRegion + i * 300 + (year - 2000) * 12 + month - 1;
        if (line >= count) continue;
        rows.push(indicator, region, `${year}M${String(month).padStart(2, '0')}`, ((line * 7919) % 100000) / 100, `${prefix}${line + 2}`);
        if (rows.length === count * VERSION_COLUMNS) break outer;
      }

const started = performance.now();
db.transaction(() => {
  versions.insert(rows);
  versions.openCells();
})();
const ms = performance.now() - started;
db.close();
console.log(JSON.stringify({ observations: rows.length / VERSION_COLUMNS, ms }));
