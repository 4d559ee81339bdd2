import type { Migration } from './types';

/** The vintage model of DESIGN.md: versions of observations carry [from_seq, to_seq) intervals. */
export const migration001: Migration = {
  version: 1,
  name: 'initial vintage model',
  sql: `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE category (
  code TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE region (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('nation', 'province', 'city', 'county', 'zone')),
  parent_id INTEGER REFERENCES region(id),
  sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE indicator (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  unit TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('level', 'flow', 'rate', 'count', 'share')),
  accumulation TEXT NOT NULL CHECK (accumulation IN ('point', 'ytd')),
  category TEXT NOT NULL REFERENCES category(code),
  parent_id INTEGER REFERENCES indicator(id),
  source_note TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE snapshot (
  seq INTEGER PRIMARY KEY,
  label TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('manual', 'import', 'restore')),
  source_file TEXT,
  note TEXT,
  -- Observations visible at this snapshot, counted once when it is taken.
  observation_count INTEGER NOT NULL DEFAULT 0
) STRICT;

-- The persistent undo log: each user action, import or restore is one entry with its inverse.
CREATE TABLE change_set (
  id INTEGER PRIMARY KEY,
  seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  forward TEXT NOT NULL,
  inverse TEXT NOT NULL,
  -- done: on the undo stack; undone: on the redo stack; discarded: redone no more (a new action followed the undo).
  state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'discarded'))
) STRICT;
CREATE INDEX change_set_state ON change_set (state, id);

CREATE TABLE observation_version (
  id INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicator(id),
  region_id INTEGER NOT NULL REFERENCES region(id),
  period TEXT NOT NULL,
  value REAL,
  growth_reported_pct REAL,
  rank_reported INTEGER,
  flags TEXT NOT NULL DEFAULT '',
  note TEXT,
  source TEXT,
  from_seq INTEGER NOT NULL,
  to_seq INTEGER,
  change_set_id INTEGER REFERENCES change_set(id),
  recorded_at TEXT NOT NULL,
  CHECK (to_seq IS NULL OR to_seq >= from_seq)
) STRICT;

-- Cell lookups and "as of S" for one indicator or cell.
CREATE INDEX observation_version_key ON observation_version (indicator_id, region_id, period, from_seq);
-- "What changed between A and B": versions opened or closed in (A, B].
CREATE INDEX observation_version_from ON observation_version (from_seq);
CREATE INDEX observation_version_to ON observation_version (to_seq);
-- At most one open version per cell.
CREATE UNIQUE INDEX observation_version_open ON observation_version (indicator_id, region_id, period) WHERE to_seq IS NULL;
`,
};
