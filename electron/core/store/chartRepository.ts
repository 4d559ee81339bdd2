import { AppFailure } from '../../../shared/api/errors';
import { ChartSpec, type ChartSpecInput } from '../../../shared/charts/spec';
import type { Db } from './open';

interface ChartRow {
  id: number;
  name: string;
  spec: string;
  created_at: string;
  updated_at: string;
}

interface DeckRow {
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
}

interface DeckItemRow {
  deck_id: number;
  position: number;
  chart_id: number;
  chart_name: string;
  note: string | null;
}

/** A saved chart; a stored spec this version cannot read comes back with `spec: null` and the problem. */
export interface StoredChart {
  id: number;
  name: string;
  spec: ChartSpec | null;
  problem: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StoredDeck {
  id: number;
  name: string;
  items: { position: number; chartId: number; chart: string; note: string | null }[];
  createdAt: string;
  updatedAt: string;
}

function issues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(spec)'}: ${issue.message}`)
    .join('; ');
}

function toChart(row: ChartRow): StoredChart {
  let raw: unknown;
  try {
    raw = JSON.parse(row.spec);
  } catch {
    raw = undefined;
  }
  const parsed = ChartSpec.safeParse(raw);
  return {
    id: row.id,
    name: row.name,
    spec: parsed.success ? parsed.data : null,
    problem: parsed.success ? null : issues(parsed.error),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Saved charts and decks (ordered lists of saved charts with notes), by unique name. */
export class ChartRepository {
  private readonly statements;

  constructor(private readonly db: Db) {
    const chartColumns = 'id, name, spec, created_at, updated_at';
    this.statements = {
      charts: db.prepare<[], ChartRow>(`SELECT ${chartColumns} FROM chart ORDER BY name`),
      chartByName: db.prepare<[string], ChartRow>(`SELECT ${chartColumns} FROM chart WHERE name = ?`),
      chartById: db.prepare<[number], ChartRow>(`SELECT ${chartColumns} FROM chart WHERE id = ?`),
      insertChart: db.prepare<[{ name: string; spec: string; now: string }]>('INSERT INTO chart (name, spec, created_at, updated_at) VALUES (@name, @spec, @now, @now)'),
      updateChart: db.prepare<[{ name: string; spec: string; now: string }]>('UPDATE chart SET spec = @spec, updated_at = @now WHERE name = @name'),
      deleteChart: db.prepare<[string]>('DELETE FROM chart WHERE name = ?'),
      decksUsingChart: db.prepare<[string], { name: string }>(
        'SELECT DISTINCT deck.name FROM deck_item JOIN deck ON deck.id = deck_item.deck_id JOIN chart ON chart.id = deck_item.chart_id WHERE chart.name = ? ORDER BY deck.name',
      ),
      decks: db.prepare<[], DeckRow>('SELECT id, name, created_at, updated_at FROM deck ORDER BY name'),
      deckByName: db.prepare<[string], DeckRow>('SELECT id, name, created_at, updated_at FROM deck WHERE name = ?'),
      insertDeck: db.prepare<[{ name: string; now: string }]>('INSERT INTO deck (name, created_at, updated_at) VALUES (@name, @now, @now)'),
      touchDeck: db.prepare<[{ id: number; now: string }]>('UPDATE deck SET updated_at = @now WHERE id = @id'),
      deleteDeck: db.prepare<[string]>('DELETE FROM deck WHERE name = ?'),
      items: db.prepare<[number], DeckItemRow>(
        'SELECT deck_item.deck_id, deck_item.position, deck_item.chart_id, chart.name AS chart_name, deck_item.note FROM deck_item JOIN chart ON chart.id = deck_item.chart_id WHERE deck_item.deck_id = ? ORDER BY deck_item.position',
      ),
      clearItems: db.prepare<[number]>('DELETE FROM deck_item WHERE deck_id = ?'),
      insertItem: db.prepare<[{ deckId: number; position: number; chartId: number; note: string | null }]>(
        'INSERT INTO deck_item (deck_id, position, chart_id, note) VALUES (@deckId, @position, @chartId, @note)',
      ),
    };
  }

  listCharts(): StoredChart[] {
    return this.statements.charts.all().map(toChart);
  }

  chartByName(name: string): StoredChart | undefined {
    const row = this.statements.chartByName.get(name);
    return row ? toChart(row) : undefined;
  }

  /** Creates the chart or replaces the spec of the one with this name; the spec is validated first. */
  saveChart(name: string, spec: ChartSpecInput, now: string): { chart: StoredChart; created: boolean } {
    const parsed = ChartSpec.safeParse(spec);
    if (!parsed.success) {
      const list = issues(parsed.error);
      throw new AppFailure('VALIDATION', `The chart "${name}" was not saved: ${list}`, `图表“${name}”未保存：${list}`, { name });
    }
    const json = JSON.stringify(parsed.data);
    return this.db.transaction(() => {
      const created = this.statements.chartByName.get(name) === undefined;
      if (created) this.statements.insertChart.run({ name, spec: json, now });
      else this.statements.updateChart.run({ name, spec: json, now });
      return { chart: this.chartByName(name)!, created };
    })();
  }

  /** Removes a chart; false when there was none; refused while a deck lists it. */
  deleteChart(name: string): boolean {
    const decks = this.statements.decksUsingChart.all(name).map((row) => row.name);
    if (decks.length > 0) {
      throw new AppFailure(
        'VALIDATION',
        `The chart "${name}" is in the deck(s) ${decks.join('; ')}. Remove it from them first.`,
        `图表“${name}”仍在演示文稿${decks.map((d) => `“${d}”`).join('、')}中，请先从中移除。`,
        { name, decks },
      );
    }
    return this.statements.deleteChart.run(name).changes > 0;
  }

  private toDeck(row: DeckRow): StoredDeck {
    return {
      id: row.id,
      name: row.name,
      items: this.statements.items.all(row.id).map((item) => ({ position: item.position, chartId: item.chart_id, chart: item.chart_name, note: item.note })),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  listDecks(): StoredDeck[] {
    return this.statements.decks.all().map((row) => this.toDeck(row));
  }

  deckByName(name: string): StoredDeck | undefined {
    const row = this.statements.deckByName.get(name);
    return row ? this.toDeck(row) : undefined;
  }

  /** Creates or replaces a deck's ordered items in one transaction; every chart must be saved already. */
  saveDeck(name: string, items: readonly { chart: string; note: string | null }[], now: string): { deck: StoredDeck; created: boolean } {
    const charts = items.map((item) => ({ item, row: this.statements.chartByName.get(item.chart) }));
    const missing = charts.filter((c) => !c.row).map((c) => c.item.chart);
    if (missing.length > 0) {
      const known = this.listCharts().map((c) => c.name);
      throw new AppFailure(
        'VALIDATION',
        `No saved chart named ${missing.map((m) => `"${m}"`).join(', ')}. Save the chart first.${known.length ? ` Saved: ${known.join('; ')}` : ''}`,
        `没有名为${missing.map((m) => `“${m}”`).join('、')}的已保存图表，请先保存图表。${known.length ? `已保存：${known.join('；')}` : ''}`,
        { missing, known },
      );
    }
    return this.db.transaction(() => {
      const existing = this.statements.deckByName.get(name);
      const deckId = existing ? existing.id : Number(this.statements.insertDeck.run({ name, now }).lastInsertRowid);
      if (existing) {
        this.statements.touchDeck.run({ id: deckId, now });
        this.statements.clearItems.run(deckId);
      }
      charts.forEach(({ item, row }, position) => this.statements.insertItem.run({ deckId, position, chartId: row!.id, note: item.note }));
      return { deck: this.deckByName(name)!, created: !existing };
    })();
  }

  deleteDeck(name: string): boolean {
    return this.statements.deleteDeck.run(name).changes > 0;
  }
}
