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
// the pragmas a workspace is opened with (electron/core/store/open.ts).
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';

const [workspace, count, csvName] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
if (!workspace || !Number.isSafeInteger(count) || count <= 0 || !csvName) throw new Error('usage: node bench/importFloor.mjs <workspace> <observations> <csv file name>');
// A csv's one sheet is named after the file; its figures are in column D, from row 2.
const sourcePrefix = `${csvName} '${csvName.replace(/\.[^.]*$/, '')}'!D`;
const db = new Database(workspace);
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');
db.pragma('synchronous = FULL');
db.pragma('mmap_size = 1073741824');
db.pragma('temp_store = MEMORY');
// The page cache a write of this size gets (observationRepository's growPageCache).
db.pragma(`cache_size = -${Math.min(1_048_576, Math.ceil((count * 300) / 1024))}`);

const indicators = db.prepare("SELECT id FROM indicator WHERE unit LIKE '%yuan%' ORDER BY id").pluck().all();
const perRegion = indicators.length * 25 * 12;
const regionCount = Math.ceil(count / perRegion);
const addRegion = db.prepare("INSERT INTO region (code, name_zh, name_en, level) VALUES (?, ?, ?, 'county')");
const regions = db.transaction(() => Array.from({ length: regionCount }, (_, r) => Number(addRegion.run(`F${r}`, `底线区${r}`, `Floor ${r}`).lastInsertRowid)))();
const changeSet = Number(db.prepare("INSERT INTO change_set (kind, label, seq, created_at, forward, inverse) VALUES ('import', 'floor', 0, '2026-01-01T00:00:00.000Z', '[]', '[]')").run().lastInsertRowid);

/** Versions per INSERT, and the values bound for each. */
const BATCH = 64;
const COLUMNS = 5;

// Key order: indicator, region, period (as a large write is ordered); the csv lists regions first,
// so a figure's row in the file is counted region by region.
const rows = [];
outer: for (const [i, indicator] of indicators.entries())
  for (const [r, region] of regions.entries())
    for (let year = 2000; year < 2025; year += 1)
      for (let month = 1; month <= 12; month += 1) {
        const line = r * perRegion + i * 300 + (year - 2000) * 12 + month - 1;
        if (line >= count) continue;
        rows.push(indicator, region, `${year}M${String(month).padStart(2, '0')}`, ((line * 7919) % 100000) / 100, `${sourcePrefix}${line + 2}`);
        if (rows.length === count * COLUMNS) break outer;
      }

const tuple = `(?, ?, ?, ?, NULL, NULL, '', NULL, ?, 0, ${changeSet}, '2026-01-01T00:00:00.000Z')`;
const sql = (n) =>
  `INSERT INTO observation_version (indicator_id, region_id, period, value, growth_reported_pct, rank_reported, flags, note, source, from_seq, change_set_id, recorded_at) VALUES ${Array(n).fill(tuple).join(', ')}`;
const batch = db.prepare(sql(BATCH));
const single = db.prepare(sql(1));
const lastBefore = db.prepare('SELECT coalesce(max(id), 0) FROM observation_version').pluck().get();
const openCells = db.prepare(
  `INSERT INTO cell (indicator_id, region_id, period, open_id)
     SELECT indicator_id, region_id, period, id FROM observation_version WHERE id > ? AND to_seq IS NULL
   ON CONFLICT (indicator_id, region_id, period) DO UPDATE SET open_id = excluded.open_id`,
);

const started = performance.now();
db.transaction(() => {
  const step = BATCH * COLUMNS;
  let at = 0;
  for (; at + step <= rows.length; at += step) batch.run(rows.slice(at, at + step));
  for (; at < rows.length; at += COLUMNS) single.run(rows.slice(at, at + COLUMNS));
  openCells.run(lastBefore);
})();
const ms = performance.now() - started;
db.close();
console.log(JSON.stringify({ observations: rows.length / COLUMNS, ms }));
