// What bench/importFloor.mjs and bench/importPipeline.mjs share: a workspace opened as the app opens
// one (electron/core/store/open.ts) with the page cache a large write gets, and versions inserted as
// the store inserts an import's (ObservationRepository.writeMany): 64 to an INSERT with the
// constant columns written into the SQL, then one set-based INSERT of the cells naming them.
import Database from 'better-sqlite3';

/** Values bound for each version: indicator id, region id, period, value, source cell. */
export const VERSION_COLUMNS = 5;
const BATCH = 64;

/** The workspace file with the app's pragmas and a page cache for `versions` versions (growPageCache's size). */
export function openForLargeWrite(file, versions) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  db.pragma('mmap_size = 1073741824');
  db.pragma('temp_store = MEMORY');
  db.pragma(`cache_size = -${Math.min(1_048_576, Math.ceil((versions * 300) / 1024))}`);
  return db;
}

/** How an import names a csv figure's cell: "observations.csv 'observations'!D" + its row (the csv's one sheet is named after the file). */
export const sourcePrefix = (csvName) => `${csvName} '${csvName.replace(/\.[^.]*$/, '')}'!D`;

/**
 * Records a change set named `label` and returns how to write its versions: `insert` takes a flat
 * array of VERSION_COLUMNS values per version, `openCells` then makes every cell name its new version.
 */
export function versionInserter(db, label) {
  const recordedAt = '2026-01-01T00:00:00.000Z';
  const changeSet = Number(
    db.prepare("INSERT INTO change_set (kind, label, seq, created_at, forward, inverse) VALUES ('import', ?, 0, ?, '[]', '[]')").run(label, recordedAt).lastInsertRowid,
  );
  const tuple = `(?, ?, ?, ?, NULL, NULL, '', NULL, ?, 0, ${changeSet}, '${recordedAt}')`;
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
  return {
    insert(values) {
      const step = BATCH * VERSION_COLUMNS;
      let at = 0;
      for (; at + step <= values.length; at += step) batch.run(values.slice(at, at + step));
      for (; at < values.length; at += VERSION_COLUMNS) single.run(values.slice(at, at + VERSION_COLUMNS));
    },
    openCells: () => openCells.run(lastBefore),
  };
}
