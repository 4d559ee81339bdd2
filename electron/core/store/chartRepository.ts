import { AppFailure } from '../../../shared/api/errors';
import { BriefSlideSpec, type DeckItem, type SavedDeckItem } from '../../../shared/api/methods/charts';
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
  kind: 'chart' | 'scenario' | 'brief';
  chart_id: number | null;
  chart_name: string | null;
  scenario_name: string | null;
  scenario_exists: number;
  brief: string | null;
  lang: 'zh' | 'en' | null;
  note: string | null;
}

interface ItemInsert {
  deckId: number;
  position: number;
  kind: 'chart' | 'scenario' | 'brief';
  chartId: number | null;
  scenario: string | null;
  brief: string | null;
  lang: 'zh' | 'en' | null;
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
  items: SavedDeckItem[];
  createdAt: string;
  updatedAt: string;
}

function issues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(spec)'}: ${issue.message}`)
    .join('; ');
}

function toItem(row: DeckItemRow): SavedDeckItem {
  let brief: BriefSlideSpec | null = null;
  if (row.brief !== null) {
    let raw: unknown;
    try {
      raw = JSON.parse(row.brief);
    } catch {
      raw = undefined;
    }
    const parsed = BriefSlideSpec.safeParse(raw);
    brief = parsed.success ? parsed.data : null;
  }
  return {
    position: row.position,
    kind: row.kind,
    chartId: row.chart_id,
    chart: row.chart_name,
    scenario: row.scenario_name,
    brief,
    lang: row.lang,
    note: row.note,
    // A scenario deleted since, or a brief this version cannot read.
    missing: (row.kind === 'scenario' && row.scenario_exists === 0) || (row.kind === 'brief' && brief === null),
  };
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
      renameDeck: db.prepare<[{ id: number; to: string; now: string }]>('UPDATE deck SET name = @to, updated_at = @now WHERE id = @id'),
      scenarioByName: db.prepare<[string], { id: number }>('SELECT id FROM scenario WHERE name = ?'),
      scenarioNames: db.prepare<[], { name: string }>('SELECT name FROM scenario ORDER BY name'),
      deleteDeck: db.prepare<[string]>('DELETE FROM deck WHERE name = ?'),
      items: db.prepare<[number], DeckItemRow>(
        `SELECT i.deck_id, i.position, i.kind, i.chart_id, chart.name AS chart_name, i.scenario_name,
                EXISTS (SELECT 1 FROM scenario WHERE scenario.name = i.scenario_name) AS scenario_exists, i.brief, i.lang, i.note
           FROM deck_item AS i LEFT JOIN chart ON chart.id = i.chart_id WHERE i.deck_id = ? ORDER BY i.position`,
      ),
      clearItems: db.prepare<[number]>('DELETE FROM deck_item WHERE deck_id = ?'),
      insertItem: db.prepare<[ItemInsert]>(
        'INSERT INTO deck_item (deck_id, position, kind, chart_id, scenario_name, brief, lang, note) VALUES (@deckId, @position, @kind, @chartId, @scenario, @brief, @lang, @note)',
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
      items: this.statements.items.all(row.id).map(toItem),
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

  /**
   * Creates or replaces a deck's ordered items in one transaction. Every chart and scenario must be
   * saved already; a brief is stored as what to write (indicator, region, period, language), never as text.
   */
  saveDeck(name: string, items: readonly DeckItem[], now: string): { deck: StoredDeck; created: boolean } {
    const rows = items.map((item) => {
      const note = item.note ?? null;
      if (item.kind === 'scenario') return { kind: 'scenario' as const, item, chartId: null, scenario: item.scenario, brief: null, lang: item.lang ?? 'zh', note };
      if (item.kind === 'brief') {
        const brief = BriefSlideSpec.parse(item.brief);
        return { kind: 'brief' as const, item, chartId: null, scenario: null, brief: JSON.stringify(brief), lang: brief.lang, note };
      }
      const row = this.statements.chartByName.get(item.chart);
      return { kind: 'chart' as const, item, chartId: row?.id ?? null, scenario: null, brief: null, lang: null, note, chart: item.chart };
    });
    const missing = rows.flatMap((row) => (row.kind === 'chart' && row.chartId === null ? [row.chart!] : []));
    if (missing.length > 0) {
      const known = this.listCharts().map((c) => c.name);
      throw new AppFailure(
        'VALIDATION',
        `No saved chart named ${missing.map((m) => `"${m}"`).join(', ')}. Save the chart first.${known.length ? ` Saved: ${known.join('; ')}` : ''}`,
        `没有名为${missing.map((m) => `“${m}”`).join('、')}的已保存图表，请先保存图表。${known.length ? `已保存：${known.join('；')}` : ''}`,
        { missing, known },
      );
    }
    const missingScenarios = rows.flatMap((row) => (row.kind === 'scenario' && !this.statements.scenarioByName.get(row.scenario!) ? [row.scenario!] : []));
    if (missingScenarios.length > 0) {
      const known = this.statements.scenarioNames.all().map((s) => s.name);
      throw new AppFailure(
        'VALIDATION',
        `No saved scenario named ${missingScenarios.map((m) => `"${m}"`).join(', ')}. Save it in the Projections view first.${known.length ? ` Saved: ${known.join('; ')}` : ''}`,
        `没有名为${missingScenarios.map((m) => `“${m}”`).join('、')}的已保存情景，请先在“预测”视图中保存。${known.length ? `已保存：${known.join('；')}` : ''}`,
        { missing: missingScenarios, known },
      );
    }
    return this.db.transaction(() => {
      const existing = this.statements.deckByName.get(name);
      const deckId = existing ? existing.id : Number(this.statements.insertDeck.run({ name, now }).lastInsertRowid);
      if (existing) {
        this.statements.touchDeck.run({ id: deckId, now });
        this.statements.clearItems.run(deckId);
      }
      rows.forEach((row, position) =>
        this.statements.insertItem.run({ deckId, position, kind: row.kind, chartId: row.chartId, scenario: row.scenario, brief: row.brief, lang: row.lang, note: row.note }),
      );
      return { deck: this.deckByName(name)!, created: !existing };
    })();
  }

  /** Renames a deck in one statement; refused when there is no such deck or the new name is taken. */
  renameDeck(name: string, to: string, now: string): StoredDeck {
    return this.db.transaction(() => {
      const existing = this.statements.deckByName.get(name);
      if (!existing) {
        const known = this.listDecks().map((d) => d.name);
        throw new AppFailure(
          'VALIDATION',
          `No saved deck named "${name}".${known.length ? ` Saved: ${known.join('; ')}` : ''}`,
          `没有名为“${name}”的演示文稿。${known.length ? `已保存：${known.join('；')}` : ''}`,
          { name, known },
        );
      }
      if (to !== name && this.statements.deckByName.get(to)) {
        throw new AppFailure('VALIDATION', `A deck named "${to}" exists already. Choose another name.`, `已有名为“${to}”的演示文稿，请换一个名称。`, { name, to });
      }
      this.statements.renameDeck.run({ id: existing.id, to, now });
      return this.deckByName(to)!;
    })();
  }

  deleteDeck(name: string): boolean {
    return this.statements.deleteDeck.run(name).changes > 0;
  }
}
