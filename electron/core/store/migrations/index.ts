import { migration001 } from './001_initial';
import { migration002 } from './002_scenarios';
import { migration003 } from './003_import_templates';
import { migration004 } from './004_charts_decks';
import { migration005 } from './005_cells';
import { migration006 } from './006_deck_item_kinds';
import { migration007 } from './007_change_set_cells';
import { migration008 } from './008_open_version_in_cell';
import type { Migration } from './types';

/** Append-only: never edit a released migration, add the next number. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;

export type { Migration };
