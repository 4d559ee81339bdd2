import type { Migration } from './types';

/** Saved what-if scenarios: a name and a projection spec (JSON, validated by zod on read and write). */
export const migration002: Migration = {
  version: 2,
  name: 'scenarios',
  sql: `
CREATE TABLE scenario (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  spec TEXT NOT NULL CHECK (json_valid(spec)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`,
};
