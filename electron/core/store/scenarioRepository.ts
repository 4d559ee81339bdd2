import { AppFailure } from '../../../shared/api/errors';
import { ScenarioSpec, type ScenarioSpecInput } from '../../../shared/projections/schema';
import type { Db } from './open';

interface ScenarioRow {
  id: number;
  name: string;
  spec: string;
  created_at: string;
  updated_at: string;
}

/** A saved scenario; a stored spec this version cannot read comes back with `spec: null` and the problem. */
export interface StoredScenario {
  id: number;
  name: string;
  spec: ScenarioSpec | null;
  problem: string | null;
  createdAt: string;
  updatedAt: string;
}

function toScenario(row: ScenarioRow): StoredScenario {
  let raw: unknown;
  try {
    raw = JSON.parse(row.spec);
  } catch {
    raw = undefined;
  }
  const parsed = ScenarioSpec.safeParse(raw);
  return {
    id: row.id,
    name: row.name,
    spec: parsed.success ? parsed.data : null,
    problem: parsed.success ? null : parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(spec)'}: ${issue.message}`).join('; '),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Saved what-if scenarios, by unique name. */
export class ScenarioRepository {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      list: db.prepare<[], ScenarioRow>('SELECT id, name, spec, created_at, updated_at FROM scenario ORDER BY name'),
      byName: db.prepare<[string], ScenarioRow>('SELECT id, name, spec, created_at, updated_at FROM scenario WHERE name = ?'),
      insert: db.prepare<[{ name: string; spec: string; now: string }]>('INSERT INTO scenario (name, spec, created_at, updated_at) VALUES (@name, @spec, @now, @now)'),
      update: db.prepare<[{ name: string; spec: string; now: string }]>('UPDATE scenario SET spec = @spec, updated_at = @now WHERE name = @name'),
      delete: db.prepare<[string]>('DELETE FROM scenario WHERE name = ?'),
    };
  }

  list(): StoredScenario[] {
    return this.statements.list.all().map(toScenario);
  }

  byName(name: string): StoredScenario | undefined {
    const row = this.statements.byName.get(name);
    return row ? toScenario(row) : undefined;
  }

  /** Creates the scenario or replaces the spec of the one with this name; the spec is validated first. */
  save(name: string, spec: ScenarioSpecInput, now: string): { scenario: StoredScenario; created: boolean } {
    const parsed = ScenarioSpec.safeParse(spec);
    if (!parsed.success) {
      const list = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(spec)'}: ${issue.message}`).join('; ');
      throw new AppFailure('VALIDATION', `The scenario "${name}" was not saved: ${list}`, `情景“${name}”未保存：${list}`, { name });
    }
    const json = JSON.stringify(parsed.data);
    return this.db.transaction(() => {
      const created = this.statements.byName.get(name) === undefined;
      if (created) this.statements.insert.run({ name, spec: json, now });
      else this.statements.update.run({ name, spec: json, now });
      return { scenario: this.byName(name)!, created };
    })();
  }

  /** Removes a scenario; false when there was none by that name. */
  delete(name: string): boolean {
    return this.statements.delete.run(name).changes > 0;
  }
}
