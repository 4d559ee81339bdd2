import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir';
import { Workspace } from '../workspace';
import { ChartRepository } from './chartRepository';
import { migrations } from './migrations';
import { YARDSTICK_APPLICATION_ID } from './open';

let temp: ReturnType<typeof makeTempDir>;
let workspace: Workspace;

beforeEach(() => {
  temp = makeTempDir();
  workspace = Workspace.create(path.join(temp.dir, 'ws.sqlite'));
});
afterEach(() => {
  workspace.close();
  temp.cleanup();
});

describe('migration 004: charts and decks', () => {
  it('keeps deck items in order, drops them with their deck, and keeps a chart a deck uses', () => {
    const charts = new ChartRepository(workspace.db);
    const now = '2025-01-01T00:00:00.000Z';
    charts.saveChart('a', { kind: 'ranking', indicator: 'x' }, now);
    charts.saveChart('b', { kind: 'valueGrowth', indicator: 'x' }, now);
    charts.saveDeck('d', [{ chart: 'b', note: '先讲' }, { chart: 'a', note: null }], now);
    expect(charts.deckByName('d')!.items.map((i) => i.chart)).toEqual(['b', 'a']);
    charts.saveDeck('d', [{ chart: 'a', note: null }], now);
    expect(charts.deckByName('d')!.items.map((i) => [i.position, i.chart])).toEqual([[0, 'a']]);
    expect(() => workspace.db.prepare("DELETE FROM chart WHERE name = 'a'").run()).toThrow(/FOREIGN KEY/);
    expect(charts.deleteDeck('d')).toBe(true);
    expect(workspace.db.prepare('SELECT count(*) AS n FROM deck_item').get()).toEqual({ n: 0 });
    expect(charts.deleteChart('a')).toBe(true);
  });

  it('reads back a stored spec this version cannot parse as a problem, not a crash', () => {
    workspace.db.prepare("INSERT INTO chart (name, spec, created_at, updated_at) VALUES ('old', '{\"kind\":\"pie\"}', 'now', 'now')").run();
    const [old] = new ChartRepository(workspace.db).listCharts();
    expect(old).toMatchObject({ name: 'old', spec: null });
    expect(old!.problem).toContain('kind');
  });
});

describe('deck item kinds (the migration after 004)', () => {
  it('upgrades a schema-4 workspace keeping its decks as chart items, then takes scenario and brief items', () => {
    const file = path.join(temp.dir, 'old.sqlite');
    const raw = new Database(file);
    raw.pragma(`application_id = ${YARDSTICK_APPLICATION_ID}`);
    for (const migration of migrations.filter((m) => m.version <= 4)) raw.exec(migration.sql);
    raw.pragma('user_version = 4');
    raw.exec(`INSERT INTO chart (id, name, spec, created_at, updated_at) VALUES (7, 'a', '{"kind":"ranking","indicator":"x"}', 'then', 'then');
      INSERT INTO deck (id, name, created_at, updated_at) VALUES (3, '月报', 'then', 'then');
      INSERT INTO deck_item (deck_id, position, chart_id, note) VALUES (3, 0, 7, '先讲');`);
    raw.close();

    const upgraded = Workspace.open(file);
    try {
      const charts = new ChartRepository(upgraded.db);
      expect(charts.deckByName('月报')!.items).toEqual([
        { position: 0, kind: 'chart', chartId: 7, chart: 'a', scenario: null, brief: null, lang: null, note: '先讲', missing: false },
      ]);
      upgraded.db.prepare("INSERT INTO scenario (name, spec, created_at, updated_at) VALUES ('基准', '{}', 'now', 'now')").run();
      const brief = { indicator: '规上工业增加值', region: '丽水', period: '2024', lang: 'en' as const };
      const { deck } = charts.saveDeck(
        '月报',
        [{ kind: 'scenario', scenario: '基准', lang: 'zh', note: null }, { chart: 'a', note: '先讲' }, { kind: 'brief', brief, note: null }],
        'now',
      );
      expect(deck.items.map((i) => [i.position, i.kind, i.chart, i.scenario, i.brief, i.lang])).toEqual([
        [0, 'scenario', null, '基准', null, 'zh'],
        [1, 'chart', 'a', null, null, null],
        [2, 'brief', null, null, brief, 'en'],
      ]);
      // The table itself refuses an item that is two kinds at once.
      expect(() => upgraded.db.prepare("INSERT INTO deck_item (deck_id, position, kind, chart_id, scenario_name) VALUES (3, 9, 'chart', 7, '基准')").run()).toThrow(/CHECK/);
      // A chart a deck uses still cannot be deleted; a deck's items still go with it.
      expect(() => upgraded.db.prepare('DELETE FROM chart WHERE id = 7').run()).toThrow(/FOREIGN KEY/);
      expect(charts.deleteDeck('月报')).toBe(true);
      expect(upgraded.db.prepare('SELECT count(*) AS n FROM deck_item').get()).toEqual({ n: 0 });
    } finally {
      upgraded.close();
    }
  });
});
