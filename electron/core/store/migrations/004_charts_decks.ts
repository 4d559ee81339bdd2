import type { Migration } from './types';

/**
 * Saved charts (a name and a chart spec as JSON, validated by zod on read and write) and decks:
 * ordered lists of saved charts with a speaker note each. A chart in a deck cannot be deleted.
 */
export const migration004: Migration = {
  version: 4,
  name: 'charts_decks',
  sql: `
CREATE TABLE chart (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  spec TEXT NOT NULL CHECK (json_valid(spec)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE deck (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE deck_item (
  deck_id INTEGER NOT NULL REFERENCES deck(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  chart_id INTEGER NOT NULL REFERENCES chart(id) ON DELETE RESTRICT,
  note TEXT,
  PRIMARY KEY (deck_id, position)
) STRICT;

CREATE INDEX deck_item_chart ON deck_item(chart_id);
`,
};
