import type { Snapshot } from '../../../shared/api/schemas';
import type { Db } from './open';

interface SnapshotRow {
  seq: number;
  label: string;
  created_at: string;
  kind: Snapshot['kind'];
  source_file: string | null;
  note: string | null;
  observation_count: number;
}

function toSnapshot(row: SnapshotRow): Snapshot {
  return {
    seq: row.seq,
    label: row.label,
    createdAt: row.created_at,
    kind: row.kind,
    sourceFile: row.source_file,
    note: row.note,
    observationCount: row.observation_count,
  };
}

export interface NewSnapshot {
  label: string;
  kind: Snapshot['kind'];
  note?: string | null;
  sourceFile?: string | null;
}

/**
 * Snapshots close a sequence number: the working copy is always the seq above the last
 * snapshot, so every seq below it names a snapshot.
 */
export class SnapshotRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      list: db.prepare<[], SnapshotRow>('SELECT * FROM snapshot ORDER BY seq'),
      bySeq: db.prepare<[number], SnapshotRow>('SELECT * FROM snapshot WHERE seq = ?'),
      byLabel: db.prepare<[string], SnapshotRow>('SELECT * FROM snapshot WHERE label = ?'),
      last: db.prepare<[], SnapshotRow>('SELECT * FROM snapshot ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare(
        `INSERT INTO snapshot (seq, label, created_at, kind, source_file, note, observation_count)
         VALUES (@seq, @label, @createdAt, @kind, @sourceFile, @note, @observationCount)`,
      ),
    };
  }

  list(): Snapshot[] {
    return this.statements.list.all().map(toSnapshot);
  }

  bySeq(seq: number): Snapshot | undefined {
    const row = this.statements.bySeq.get(seq);
    return row ? toSnapshot(row) : undefined;
  }

  byLabel(label: string): Snapshot | undefined {
    const row = this.statements.byLabel.get(label);
    return row ? toSnapshot(row) : undefined;
  }

  last(): Snapshot | undefined {
    const row = this.statements.last.get();
    return row ? toSnapshot(row) : undefined;
  }

  /** The open sequence number that edits to the working copy are written at. */
  workingSeq(): number {
    return (this.last()?.seq ?? 0) + 1;
  }

  /** Freezes the working copy: records the working seq as a snapshot. Call inside a transaction. */
  insert(snapshot: NewSnapshot, observationCount: number, createdAt: string): Snapshot {
    const seq = this.workingSeq();
    this.statements.insert.run({
      seq,
      label: snapshot.label,
      createdAt,
      kind: snapshot.kind,
      sourceFile: snapshot.sourceFile ?? null,
      note: snapshot.note ?? null,
      observationCount,
    });
    return this.bySeq(seq)!;
  }
}
