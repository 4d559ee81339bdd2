import type { Migration } from './types';

/**
 * Fast as-of and diff at any depth of history, and change sets that remember the catalogue
 * entries they created.
 *
 * - `cell`: one row per cell ever written (indicator × region × period), backfilled here and filled
 *   by ObservationRepository.writeMany, the one path that inserts versions (edits, imports,
 *   restores, undo/redo), with one set-based statement per write in the same transaction. As-of S seeks,
 *   per cell, the last version opened at or before S in `observation_version_key`: O(cells × log
 *   versions), whatever the number of snapshots.
 * - `observation_version_to` becomes partial (closed versions only): a new version (open, to_seq
 *   NULL) no longer touches it, and the diff's `to_seq` range, which implies NOT NULL, still uses it.
 * - `change_set.catalog`: the categories, regions and indicators an import created, as JSON, so that
 *   undo removes them (when nothing else refers to them) and redo brings them back; and
 *   `change_set.cell_count`, so that listing change sets does not parse their cells.
 */
export const migration005: Migration = {
  version: 5,
  name: 'cells',
  sql: `
-- Derived from observation_version (whose foreign keys already hold), so no foreign keys of its own.
CREATE TABLE cell (
  indicator_id INTEGER NOT NULL,
  region_id INTEGER NOT NULL,
  period TEXT NOT NULL,
  PRIMARY KEY (indicator_id, region_id, period)
) STRICT, WITHOUT ROWID;

INSERT INTO cell (indicator_id, region_id, period)
  SELECT DISTINCT indicator_id, region_id, period FROM observation_version;

DROP INDEX observation_version_to;
CREATE INDEX observation_version_to ON observation_version (to_seq) WHERE to_seq IS NOT NULL;

ALTER TABLE change_set ADD COLUMN catalog TEXT CHECK (catalog IS NULL OR json_valid(catalog));
ALTER TABLE change_set ADD COLUMN cell_count INTEGER;
UPDATE change_set SET cell_count = json_array_length(forward);
`,
};
