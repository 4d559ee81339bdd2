import type { Migration } from './types';

/** Saved import mappings: a later file of the same shape imports in one step. */
export const migration003: Migration = {
  version: 3,
  name: 'import templates',
  sql: `
CREATE TABLE import_template (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  -- The ImportMapping as JSON (shared/import/mapping.ts), validated again whenever it is read.
  mapping TEXT NOT NULL,
  source_file TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`,
};
