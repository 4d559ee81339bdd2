import type { Migration } from './types';

/**
 * Deck items beyond saved charts: a saved projection scenario (drawn as its fan) and a brief (the
 * indicator, region, period and language; its text is written from the workspace's numbers at
 * export, never stored). SQLite cannot relax chart_id's NOT NULL in place, so the table is rebuilt
 * with every existing item kept as a chart item. A scenario is referenced by name: deleting one a
 * deck uses leaves the item marked missing (the projections' delete knows nothing of decks), and
 * exporting such a deck says which item to remove.
 */
export const migration006: Migration = {
  version: 6,
  name: 'deck_item_kinds',
  sql: `
CREATE TABLE deck_item_next (
  deck_id INTEGER NOT NULL REFERENCES deck(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  kind TEXT NOT NULL DEFAULT 'chart' CHECK (kind IN ('chart', 'scenario', 'brief')),
  chart_id INTEGER REFERENCES chart(id) ON DELETE RESTRICT,
  scenario_name TEXT CHECK (scenario_name IS NULL OR length(trim(scenario_name)) > 0),
  brief TEXT CHECK (brief IS NULL OR json_valid(brief)),
  lang TEXT CHECK (lang IS NULL OR lang IN ('zh', 'en')),
  note TEXT,
  PRIMARY KEY (deck_id, position),
  CHECK (
    (kind = 'chart' AND chart_id IS NOT NULL AND scenario_name IS NULL AND brief IS NULL)
    OR (kind = 'scenario' AND chart_id IS NULL AND scenario_name IS NOT NULL AND brief IS NULL)
    OR (kind = 'brief' AND chart_id IS NULL AND scenario_name IS NULL AND brief IS NOT NULL)
  )
) STRICT;

INSERT INTO deck_item_next (deck_id, position, kind, chart_id, note)
  SELECT deck_id, position, 'chart', chart_id, note FROM deck_item;

DROP TABLE deck_item;
ALTER TABLE deck_item_next RENAME TO deck_item;
CREATE INDEX deck_item_chart ON deck_item(chart_id);
CREATE INDEX deck_item_scenario ON deck_item(scenario_name);
`,
};
