import type { Migration } from './types';

/**
 * Each cell names its open version (`cell.open_id`, NULL once the cell is deleted) instead of a
 * partial unique index over the open versions. Every write already touches the cell's row; the index
 * cost a unique seek and an entry per new version, the largest part of a million-cell import after
 * the version row itself. The working copy is now read from `cell` in key order, one rowid lookup
 * per cell. At most one open version per cell is kept by the one path that writes versions
 * (ObservationRepository.writeMany closes a cell's open version before it inserts the next).
 */
export const migration008: Migration = {
  version: 8,
  name: 'open version in cell',
  sql: `
ALTER TABLE cell ADD COLUMN open_id INTEGER;
UPDATE cell SET open_id = (
  SELECT v.id FROM observation_version v
  WHERE v.indicator_id = cell.indicator_id AND v.region_id = cell.region_id AND v.period = cell.period AND v.to_seq IS NULL);
DROP INDEX observation_version_open;
`,
};
