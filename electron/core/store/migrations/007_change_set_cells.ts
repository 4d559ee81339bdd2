import type { Migration } from './types';

/**
 * Change sets keep their cells in one BLOB, column by column (format 3, changeSetCodec.ts), with
 * the JSON header in `forward`. Format 2 spelt out every code and figure as JSON text twice: about
 * 100 MB for a million-cell import, slower to build and to write than the versions themselves.
 * Earlier change sets keep their text formats and are still read.
 */
export const migration007: Migration = {
  version: 7,
  name: 'change set cells',
  sql: `ALTER TABLE change_set ADD COLUMN cells BLOB;`,
};
