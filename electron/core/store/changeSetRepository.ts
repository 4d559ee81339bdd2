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

/** The persistent undo log: every action is stored with its inverse so that undo survives a restart. */
export class ChangeSetRepository {
  private readonly insertStatement;

  constructor(db: Db) {
    this.insertStatement = db.prepare(
      `INSERT INTO change_set (seq, created_at, kind, label, forward, inverse)
       VALUES (@seq, @createdAt, @kind, @label, @forward, @inverse)`,
    );
  }

  /** Records a change set and returns its id. Call inside the transaction that applies it. */
  record<Key, Fields>(changeSet: NewChangeSet<Key, Fields>): number {
    const forward = changeSet.changes.map(({ key, after }) => ({ key, fields: after }));
    const inverse = changeSet.changes.map(({ key, before }) => ({ key, fields: before })).reverse();
    const result = this.insertStatement.run({
      seq: changeSet.seq,
      createdAt: changeSet.createdAt,
      kind: changeSet.kind,
      label: changeSet.label,
      forward: JSON.stringify(forward),
      inverse: JSON.stringify(inverse),
    });
    return Number(result.lastInsertRowid);
  }
}
