import type { CreatedCatalog } from './catalogRepository';
import { decodeChangeCells, encodeChangeCells, type CellsHeader, type ChangeCells } from './changeSetCodec';
import type { Db } from './open';

export interface NewChangeSet {
  kind: string;
  label: string;
  seq: number;
  /** The cells, before and after, in write order. */
  cells: ChangeCells;
  createdAt: string;
  /** Catalogue entries the change set created (an import's new regions and indicators). */
  catalog?: CreatedCatalog | null;
}

export type ChangeSetState = 'done' | 'undone' | 'discarded';

/** A stored change set: its cell writes to apply (forward) and to take back (inverse). */
export interface StoredChangeSet<Key, Fields> {
  id: number;
  seq: number;
  createdAt: string;
  kind: string;
  label: string;
  state: ChangeSetState;
  forward: { key: Key; fields: Fields | null }[];
  inverse: { key: Key; fields: Fields | null }[];
  catalog: CreatedCatalog | null;
}

interface ChangeSetRow {
  id: number;
  seq: number;
  created_at: string;
  kind: string;
  label: string;
  state: ChangeSetState;
  forward: string;
  inverse: string;
  catalog: string | null;
  /** Format 3: the cells, column by column (changeSetCodec.ts); `forward` holds their header. */
  cells: Buffer | null;
}

export interface ChangeSetSummary {
  id: number;
  kind: string;
  label: string;
  createdAt: string;
  state: ChangeSetState;
  cellCount: number;
}

/** Change sets that undo never takes back: creating the workspace. */
const NOT_UNDOABLE = "('sample')";

/** The persistent undo log: every action is stored with its inverse so that undo survives a restart. */
export class ChangeSetRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO change_set (seq, created_at, kind, label, forward, inverse, catalog, cell_count, cells)
         VALUES (@seq, @createdAt, @kind, @label, @forward, @inverse, @catalog, @cellCount, @cells)`,
      ),
      lastDone: db.prepare<[], ChangeSetRow>(
        `SELECT * FROM change_set WHERE state = 'done' AND kind NOT IN ${NOT_UNDOABLE} ORDER BY id DESC LIMIT 1`,
      ),
      // Redo takes back the most recent undo first: the undone set with the lowest id sits on top.
      nextUndone: db.prepare<[], ChangeSetRow>(`SELECT * FROM change_set WHERE state = 'undone' ORDER BY id ASC LIMIT 1`),
      setState: db.prepare<[ChangeSetState, number]>('UPDATE change_set SET state = ? WHERE id = ?'),
      discardRedo: db.prepare(`UPDATE change_set SET state = 'discarded' WHERE state = 'undone'`),
      // The count is stored (migration 005): counting the JSON of a million-cell import on every listing is slow.
      recent: db.prepare<[number], Omit<ChangeSetRow, 'inverse' | 'forward' | 'catalog' | 'cells'> & { cell_count: number }>(
        `SELECT id, seq, created_at, kind, label, state, COALESCE(cell_count, json_array_length(forward)) AS cell_count
         FROM change_set ORDER BY id DESC LIMIT ?`,
      ),
    };
  }

  /**
   * Records a change set and returns its id. Call inside the transaction that applies it. Cells
   * are stored column by column in one BLOB (format 3, changeSetCodec.ts): a million-cell import
   * makes a few typed arrays, not a million small objects or 100 MB of JSON, to build, store and
   * read back.
   */
  record(changeSet: NewChangeSet): number {
    const { cells } = changeSet;
    const { header, blob } = encodeChangeCells(cells);
    const result = this.statements.insert.run({
      seq: changeSet.seq,
      createdAt: changeSet.createdAt,
      kind: changeSet.kind,
      label: changeSet.label,
      forward: JSON.stringify(header),
      inverse: FORMAT_3_INVERSE,
      catalog: changeSet.catalog ? JSON.stringify(changeSet.catalog) : null,
      cellCount: cells.count,
      cells: blob,
    });
    return Number(result.lastInsertRowid);
  }

  /** The change set Undo would take back, if any. */
  lastDone<Key, Fields>(): StoredChangeSet<Key, Fields> | undefined {
    const row = this.statements.lastDone.get();
    return row ? parse<Key, Fields>(row) : undefined;
  }

  /** The change set Redo would apply again, if any. */
  nextUndone<Key, Fields>(): StoredChangeSet<Key, Fields> | undefined {
    const row = this.statements.nextUndone.get();
    return row ? parse<Key, Fields>(row) : undefined;
  }

  setState(id: number, state: ChangeSetState): void {
    this.statements.setState.run(state, id);
  }

  /** A new action after an undo ends the redo stack, as in every editor. */
  discardRedo(): void {
    this.statements.discardRedo.run();
  }

  recent(limit: number): ChangeSetSummary[] {
    return this.statements.recent.all(limit).map((row) => ({
      id: row.id,
      kind: row.kind,
      label: row.label,
      createdAt: row.created_at,
      state: row.state,
      cellCount: row.cell_count,
    }));
  }
}

/** What `inverse` holds in format 3: the cells, both ways, are in `cells`, described by `forward`. */
const FORMAT_3_INVERSE = '{"v":3}';

/** Format 2 (read only): cell contents column by column as JSON; `present` has one character per cell, "0" for a cell absent (null). */
interface EncodedFields {
  present: string;
  value: (number | null)[];
  growthReportedPct: (number | null)[];
  rankReported: (number | null)[];
  flags: string[];
  note: (string | null)[];
  source: (string | null)[];
}

/** Stored `forward` (format 2, read only): the keys and contents after, in write order. `inverse` holds the contents before, in the same order. */
interface EncodedForward {
  v: 2;
  indicator: string[];
  region: string[];
  period: string[];
  fields: EncodedFields;
}

function decodeFields<Fields>(encoded: EncodedFields): (Fields | null)[] {
  const list = new Array<Fields | null>(encoded.present.length);
  let next = 0;
  for (let index = 0; index < list.length; index += 1) {
    if (encoded.present[index] !== '1') {
      list[index] = null;
      continue;
    }
    const flags = encoded.flags[next]!;
    list[index] = {
      value: encoded.value[next]!,
      growthReportedPct: encoded.growthReportedPct[next]!,
      rankReported: encoded.rankReported[next]!,
      flags: flags === '' ? [] : flags.split(','),
      note: encoded.note[next]!,
      source: encoded.source[next]!,
    } as Fields;
    next += 1;
  }
  return list;
}

type Writes<Key, Fields> = { key: Key; fields: Fields | null }[];

function parse<Key, Fields>(row: ChangeSetRow): StoredChangeSet<Key, Fields> {
  const forward = JSON.parse(row.forward) as Writes<Key, Fields> | EncodedForward | CellsHeader;
  let forwardWrites: Writes<Key, Fields>;
  let inverseWrites: Writes<Key, Fields>;
  if (!Array.isArray(forward) && forward.v === 3) {
    if (!row.cells) throw new Error(`Change set ${row.id} has lost its stored cells.`);
    const { keys, after, before } = decodeChangeCells<Key, Fields>(forward, row.cells);
    forwardWrites = keys.map((key, index) => ({ key, fields: after[index]! }));
    inverseWrites = keys.map((key, index) => ({ key, fields: before[index]! })).reverse();
  } else {
    const inverse = JSON.parse(row.inverse) as Writes<Key, Fields> | { v: 2; fields: EncodedFields };
    if (Array.isArray(forward) || Array.isArray(inverse)) {
      // Format 1 (before migration 005): arrays of { key, fields }, the inverse already reversed.
      forwardWrites = forward as Writes<Key, Fields>;
      inverseWrites = inverse as Writes<Key, Fields>;
    } else {
      const encoded = forward as EncodedForward;
      const keys = encoded.indicator.map((indicator, index) => ({ indicator, region: encoded.region[index]!, period: encoded.period[index]! }) as Key);
      const after = decodeFields<Fields>(encoded.fields);
      const before = decodeFields<Fields>(inverse.fields);
      forwardWrites = keys.map((key, index) => ({ key, fields: after[index]! }));
      inverseWrites = keys.map((key, index) => ({ key, fields: before[index]! })).reverse();
    }
  }
  return {
    id: row.id,
    seq: row.seq,
    createdAt: row.created_at,
    kind: row.kind,
    label: row.label,
    state: row.state,
    forward: forwardWrites,
    inverse: inverseWrites,
    catalog: row.catalog === null ? null : (JSON.parse(row.catalog) as CreatedCatalog),
  };
}
