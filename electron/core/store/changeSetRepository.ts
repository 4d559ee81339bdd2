import type { Db } from './open';

/** One cell write of a change set: the cell's content before and after (null: absent). */
export interface CellChange<Key, Fields> {
  key: Key;
  before: Fields | null;
  after: Fields | null;
}

export interface NewChangeSet<Key, Fields> {
  kind: string;
  label: string;
  seq: number;
  changes: readonly CellChange<Key, Fields>[];
  createdAt: string;
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
        `INSERT INTO change_set (seq, created_at, kind, label, forward, inverse)
         VALUES (@seq, @createdAt, @kind, @label, @forward, @inverse)`,
      ),
      lastDone: db.prepare<[], ChangeSetRow>(
        `SELECT * FROM change_set WHERE state = 'done' AND kind NOT IN ${NOT_UNDOABLE} ORDER BY id DESC LIMIT 1`,
      ),
      // Redo takes back the most recent undo first: the undone set with the lowest id sits on top.
      nextUndone: db.prepare<[], ChangeSetRow>(`SELECT * FROM change_set WHERE state = 'undone' ORDER BY id ASC LIMIT 1`),
      setState: db.prepare<[ChangeSetState, number]>('UPDATE change_set SET state = ? WHERE id = ?'),
      discardRedo: db.prepare(`UPDATE change_set SET state = 'discarded' WHERE state = 'undone'`),
      recent: db.prepare<[number], Omit<ChangeSetRow, 'inverse'> & { cell_count: number }>(
        `SELECT id, seq, created_at, kind, label, state, forward, json_array_length(forward) AS cell_count
         FROM change_set ORDER BY id DESC LIMIT ?`,
      ),
    };
  }

  /** Records a change set and returns its id. Call inside the transaction that applies it. */
  record<Key, Fields>(changeSet: NewChangeSet<Key, Fields>): number {
    const forward = changeSet.changes.map(({ key, after }) => ({ key, fields: after }));
    const inverse = changeSet.changes.map(({ key, before }) => ({ key, fields: before })).reverse();
    const result = this.statements.insert.run({
      seq: changeSet.seq,
      createdAt: changeSet.createdAt,
      kind: changeSet.kind,
      label: changeSet.label,
      forward: JSON.stringify(forward),
      inverse: JSON.stringify(inverse),
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

function parse<Key, Fields>(row: ChangeSetRow): StoredChangeSet<Key, Fields> {
  return {
    id: row.id,
    seq: row.seq,
    createdAt: row.created_at,
    kind: row.kind,
    label: row.label,
    state: row.state,
    forward: JSON.parse(row.forward) as StoredChangeSet<Key, Fields>['forward'],
    inverse: JSON.parse(row.inverse) as StoredChangeSet<Key, Fields>['inverse'],
  };
}
