import type { Db } from './open';

interface TemplateRow {
  id: number;
  name: string;
  mapping: string;
  source_file: string | null;
  created_at: string;
  updated_at: string;
}

/** A saved import mapping as stored; the mapping stays JSON text until the caller validates it. */
export interface StoredTemplate {
  readonly id: number;
  readonly name: string;
  readonly mappingJson: string;
  readonly sourceFile: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

function toTemplate(row: TemplateRow): StoredTemplate {
  return { id: row.id, name: row.name, mappingJson: row.mapping, sourceFile: row.source_file, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Import templates (table import_template). */
export class TemplateRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      list: db.prepare<[], TemplateRow>('SELECT * FROM import_template ORDER BY name'),
      byName: db.prepare<[string], TemplateRow>('SELECT * FROM import_template WHERE name = ?'),
      upsert: db.prepare(
        `INSERT INTO import_template (name, mapping, source_file, created_at, updated_at)
         VALUES (@name, @mapping, @sourceFile, @now, @now)
         ON CONFLICT(name) DO UPDATE SET mapping = excluded.mapping, source_file = excluded.source_file, updated_at = excluded.updated_at`,
      ),
      remove: db.prepare('DELETE FROM import_template WHERE name = ?'),
    };
  }

  list(): StoredTemplate[] {
    return this.statements.list.all().map(toTemplate);
  }

  byName(name: string): StoredTemplate | undefined {
    const row = this.statements.byName.get(name);
    return row ? toTemplate(row) : undefined;
  }

  /** Saves a template, replacing one of the same name. */
  save(template: { name: string; mappingJson: string; sourceFile: string | null }, now: string): StoredTemplate {
    this.statements.upsert.run({ name: template.name, mapping: template.mappingJson, sourceFile: template.sourceFile, now });
    return this.byName(template.name)!;
  }

  /** Removes a template; true when one was removed. */
  remove(name: string): boolean {
    return this.statements.remove.run(name).changes > 0;
  }
}
