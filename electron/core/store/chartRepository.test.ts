import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir';
import { Workspace } from '../workspace';
import { ChartRepository } from './chartRepository';

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
