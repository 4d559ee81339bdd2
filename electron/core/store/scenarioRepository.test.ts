import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/api/errors';
import type { ScenarioSpecInput } from '../../../shared/projections/schema';
import { makeTempDir } from '../testing/tempDir';
import { Workspace } from '../workspace';
import { migration001 } from './migrations/001_initial';
import { YARDSTICK_APPLICATION_ID } from './open';
import { ScenarioRepository } from './scenarioRepository';

const spec: ScenarioSpecInput = {
  base: { kind: 'value', value: 471.78, unit: 'billion yuan', year: 2024 },
  years: 5,
  rates: { base: { kind: 'constant', growthPct: 9.3 } },
  target: { value: 600 },
};

let temp: ReturnType<typeof makeTempDir>;
let workspace: Workspace;
let scenarios: ScenarioRepository;
beforeEach(() => {
  temp = makeTempDir();
  workspace = Workspace.create(path.join(temp.dir, 'w.sqlite'));
  scenarios = new ScenarioRepository(workspace.db);
});
afterEach(() => {
  workspace.close();
  temp.cleanup();
});

describe('saved scenarios', () => {
  it('saves, lists, replaces and deletes by name', () => {
    const first = scenarios.save('9.3% 基准', spec, '2025-01-01T00:00:00.000Z');
    expect(first.created).toBe(true);
    expect(first.scenario).toMatchObject({ name: '9.3% 基准', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', problem: null });
    expect(first.scenario.spec?.base).toEqual({ kind: 'value', value: 471.78, unit: 'billion yuan', year: 2024 });

    const again = scenarios.save('9.3% 基准', { ...spec, years: 8 }, '2025-02-01T00:00:00.000Z');
    expect(again.created).toBe(false);
    expect(again.scenario).toMatchObject({ id: first.scenario.id, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-02-01T00:00:00.000Z' });
    expect(again.scenario.spec?.years).toBe(8);

    scenarios.save('another', spec, '2025-03-01T00:00:00.000Z');
    expect(scenarios.list().map((s) => s.name)).toEqual(['9.3% 基准', 'another']);
    expect(scenarios.delete('another')).toBe(true);
    expect(scenarios.delete('another')).toBe(false);
    expect(scenarios.list().map((s) => s.name)).toEqual(['9.3% 基准']);
  });

  it('refuses to write an invalid spec and leaves the table unchanged', () => {
    const bad = { ...spec, rates: { base: { kind: 'constant', growthPct: -100 } } } as ScenarioSpecInput;
    expect(() => scenarios.save('bad', bad, 'now')).toThrow(AppFailure);
    expect(() => scenarios.save('bad', bad, 'now')).toThrow(/growth must be above −100%/);
    expect(scenarios.list()).toEqual([]);
  });

  it('reads back a stored spec it cannot parse as a problem, not a crash', () => {
    workspace.db.prepare("INSERT INTO scenario (name, spec, created_at, updated_at) VALUES ('from the future', '{\"base\":{\"kind\":\"formula\"}}', 'x', 'x')").run();
    const [stored] = scenarios.list();
    expect(stored).toMatchObject({ name: 'from the future', spec: null });
    expect(stored!.problem).toMatch(/base/);
  });

  it('keeps names unique and spec JSON valid in the schema itself', () => {
    scenarios.save('once', spec, 'now');
    expect(() => workspace.db.prepare("INSERT INTO scenario (name, spec, created_at, updated_at) VALUES ('once', '{}', 'x', 'x')").run()).toThrow(/UNIQUE/);
    expect(() => workspace.db.prepare("INSERT INTO scenario (name, spec, created_at, updated_at) VALUES ('broken', 'not json', 'x', 'x')").run()).toThrow(/CHECK/);
  });
});

describe('migration 002', () => {
  it('adds the scenario table to a schema-1 workspace and keeps its data', () => {
    const file = path.join(temp.dir, 'old.sqlite');
    const raw = new Database(file);
    raw.pragma(`application_id = ${YARDSTICK_APPLICATION_ID}`);
    raw.exec(migration001.sql);
    raw.pragma('user_version = 1');
    raw.prepare("INSERT INTO meta (key, value) VALUES ('origin', 'test')").run();
    raw.close();

    const upgraded = Workspace.open(file);
    try {
      expect(upgraded.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(2);
      expect(upgraded.getMeta('origin')).toBe('test');
      const repository = new ScenarioRepository(upgraded.db);
      expect(repository.list()).toEqual([]);
      expect(repository.save('s', spec, 'now').created).toBe(true);
    } finally {
      upgraded.close();
    }
  });
});
