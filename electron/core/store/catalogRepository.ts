import type { Catalog, Category, Indicator, Region } from '../../../shared/api/schemas';
import type { Db } from './open';

interface RegionRow {
  id: number;
  code: string;
  name_zh: string;
  name_en: string;
  level: Region['level'];
  parent_code: string | null;
}

interface IndicatorRow {
  id: number;
  code: string;
  name_zh: string;
  name_en: string;
  unit: string;
  kind: Indicator['kind'];
  accumulation: Indicator['accumulation'];
  category: string;
  parent_code: string | null;
  source_note: string | null;
}

export interface StoredRegion extends Region {
  readonly id: number;
}
export interface StoredIndicator extends Indicator {
  readonly id: number;
}

/**
 * The catalogue entries one change set created, as they were created (id and place in the order
 * included): undo removes them when nothing else refers to them, redo puts them back.
 */
export interface CreatedCatalog {
  categories: (Category & { sortOrder: number })[];
  regions: (Region & { id: number; sortOrder: number })[];
  indicators: (Indicator & { id: number; sortOrder: number })[];
}

type CatalogKind = 'category' | 'region' | 'indicator';

/** Categories, regions and indicators: the workspace's catalogue. */
export class CatalogRepository {
  private readonly statements;

  constructor(private readonly db: Db) {
    // Entries added through add* and not yet claimed by a change set (see takeCreated). A temporary
    // table rolls back with the transaction that added them, so a failed import leaves nothing here.
    db.exec('CREATE TEMP TABLE IF NOT EXISTS catalog_created (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, code TEXT NOT NULL)');
    this.statements = {
      categories: db.prepare<[], { code: string; name_zh: string; name_en: string }>(
        'SELECT code, name_zh, name_en FROM category ORDER BY sort_order, code',
      ),
      regions: db.prepare<[], RegionRow>(
        `SELECT r.id, r.code, r.name_zh, r.name_en, r.level, p.code AS parent_code
         FROM region r LEFT JOIN region p ON p.id = r.parent_id ORDER BY r.sort_order, r.code`,
      ),
      indicators: db.prepare<[], IndicatorRow>(
        `SELECT i.id, i.code, i.name_zh, i.name_en, i.unit, i.kind, i.accumulation, i.category,
                p.code AS parent_code, i.source_note
         FROM indicator i LEFT JOIN indicator p ON p.id = i.parent_id ORDER BY i.sort_order, i.code`,
      ),
      insertCategory: db.prepare('INSERT INTO category (code, name_zh, name_en, sort_order) VALUES (?, ?, ?, ?)'),
      insertRegion: db.prepare(
        `INSERT INTO region (code, name_zh, name_en, level, parent_id, sort_order)
         VALUES (@code, @nameZh, @nameEn, @level, (SELECT id FROM region WHERE code = @parentCode), @sortOrder)`,
      ),
      insertIndicator: db.prepare(
        `INSERT INTO indicator (code, name_zh, name_en, unit, kind, accumulation, category, parent_id, source_note, sort_order)
         VALUES (@code, @nameZh, @nameEn, @unit, @kind, @accumulation, @category,
                 (SELECT id FROM indicator WHERE code = @parentCode), @sourceNote, @sortOrder)`,
      ),
      track: db.prepare<[CatalogKind, string]>('INSERT INTO temp.catalog_created (kind, code) VALUES (?, ?)'),
      tracked: db.prepare<[], { kind: CatalogKind; code: string }>('SELECT kind, code FROM temp.catalog_created ORDER BY id'),
      untrackAll: db.prepare('DELETE FROM temp.catalog_created'),
      categoryRow: db.prepare<[string], { code: string; name_zh: string; name_en: string; sort_order: number }>(
        'SELECT code, name_zh, name_en, sort_order FROM category WHERE code = ?',
      ),
      regionRow: db.prepare<[string], RegionRow & { sort_order: number }>(
        `SELECT r.id, r.code, r.name_zh, r.name_en, r.level, p.code AS parent_code, r.sort_order
         FROM region r LEFT JOIN region p ON p.id = r.parent_id WHERE r.code = ?`,
      ),
      indicatorRow: db.prepare<[string], IndicatorRow & { sort_order: number }>(
        `SELECT i.id, i.code, i.name_zh, i.name_en, i.unit, i.kind, i.accumulation, i.category,
                p.code AS parent_code, i.source_note, i.sort_order
         FROM indicator i LEFT JOIN indicator p ON p.id = i.parent_id WHERE i.code = ?`,
      ),
      // Still referred to: a version visible somewhere (an interval that is not empty), a child, an indicator of the category.
      indicatorInUse: db.prepare<[number, number], number>(
        `SELECT EXISTS (SELECT 1 FROM observation_version v WHERE v.indicator_id = ? AND (v.to_seq IS NULL OR v.to_seq > v.from_seq))
             OR EXISTS (SELECT 1 FROM indicator WHERE parent_id = ?)`,
      ).pluck(),
      regionInUse: db.prepare<[number, number], number>(
        `SELECT EXISTS (SELECT 1 FROM cell c JOIN observation_version v
                          ON v.indicator_id = c.indicator_id AND v.region_id = c.region_id AND v.period = c.period
                        WHERE c.region_id = ? AND (v.to_seq IS NULL OR v.to_seq > v.from_seq))
             OR EXISTS (SELECT 1 FROM region WHERE parent_id = ?)`,
      ).pluck(),
      categoryInUse: db.prepare<[string], number>('SELECT EXISTS (SELECT 1 FROM indicator WHERE category = ?)').pluck(),
      // Versions visible nowhere (written and taken back within one working seq) go with their entry.
      deleteIndicatorVersions: db.prepare<[number]>('DELETE FROM observation_version WHERE indicator_id = ?'),
      deleteIndicatorCells: db.prepare<[number]>('DELETE FROM cell WHERE indicator_id = ?'),
      deleteIndicator: db.prepare<[number]>('DELETE FROM indicator WHERE id = ?'),
      deleteRegionVersions: db.prepare<[number]>(
        `DELETE FROM observation_version WHERE (indicator_id, region_id, period) IN (SELECT indicator_id, region_id, period FROM cell WHERE region_id = ?)`,
      ),
      deleteRegionCells: db.prepare<[number]>('DELETE FROM cell WHERE region_id = ?'),
      deleteRegion: db.prepare<[number]>('DELETE FROM region WHERE id = ?'),
      deleteCategory: db.prepare<[string]>('DELETE FROM category WHERE code = ?'),
      regionIdFree: db.prepare<[number], number>('SELECT NOT EXISTS (SELECT 1 FROM region WHERE id = ?)').pluck(),
      indicatorIdFree: db.prepare<[number], number>('SELECT NOT EXISTS (SELECT 1 FROM indicator WHERE id = ?)').pluck(),
      insertRegionWithId: db.prepare(
        `INSERT INTO region (id, code, name_zh, name_en, level, parent_id, sort_order)
         VALUES (@id, @code, @nameZh, @nameEn, @level, (SELECT id FROM region WHERE code = @parentCode), @sortOrder)`,
      ),
      insertIndicatorWithId: db.prepare(
        `INSERT INTO indicator (id, code, name_zh, name_en, unit, kind, accumulation, category, parent_id, source_note, sort_order)
         VALUES (@id, @code, @nameZh, @nameEn, @unit, @kind, @accumulation, @category,
                 (SELECT id FROM indicator WHERE code = @parentCode), @sourceNote, @sortOrder)`,
      ),
    };
  }

  categories(): Category[] {
    return this.statements.categories.all().map((row) => ({ code: row.code, nameZh: row.name_zh, nameEn: row.name_en }));
  }

  regions(): StoredRegion[] {
    return this.statements.regions.all().map((row) => ({ id: row.id, ...regionOf(row) }));
  }

  indicators(): StoredIndicator[] {
    return this.statements.indicators.all().map((row) => ({ id: row.id, ...indicatorOf(row) }));
  }

  catalog(): Catalog {
    const strip = <T extends { id: number }>({ id: _id, ...rest }: T): Omit<T, 'id'> => rest;
    return {
      categories: this.categories(),
      indicators: this.indicators().map(strip),
      regions: this.regions().map(strip),
    };
  }

  /**
   * Adds a category. Entries added by add* are remembered until the next change set written in
   * the same transaction (an import's) claims them with `takeCreated`.
   */
  addCategory(category: Category, sortOrder: number): void {
    this.statements.insertCategory.run(category.code, category.nameZh, category.nameEn, sortOrder);
    this.statements.track.run('category', category.code);
  }

  /** Parents must be added before their children. */
  addRegion(region: Region, sortOrder: number): void {
    this.statements.insertRegion.run({ ...region, sortOrder });
    this.statements.track.run('region', region.code);
  }

  /** Parents must be added before their children. */
  addIndicator(indicator: Indicator, sortOrder: number): void {
    this.statements.insertIndicator.run({ ...indicator, sortOrder });
    this.statements.track.run('indicator', indicator.code);
  }

  /** Stops remembering every added entry: they were added by a transaction that has ended. */
  forgetAllCreated(): void {
    this.statements.untrackAll.run();
  }

  /** The entries added since the last claim, as created, in the order they were added; null if none. */
  takeCreated(): CreatedCatalog | null {
    const tracked = this.statements.tracked.all();
    if (tracked.length === 0) return null;
    this.statements.untrackAll.run();
    const created: CreatedCatalog = { categories: [], regions: [], indicators: [] };
    for (const { kind, code } of tracked) {
      if (kind === 'category') {
        const row = this.statements.categoryRow.get(code);
        if (row) created.categories.push({ code: row.code, nameZh: row.name_zh, nameEn: row.name_en, sortOrder: row.sort_order });
      } else if (kind === 'region') {
        const row = this.statements.regionRow.get(code);
        if (row) created.regions.push({ ...regionOf(row), id: row.id, sortOrder: row.sort_order });
      } else {
        const row = this.statements.indicatorRow.get(code);
        if (row) created.indicators.push({ ...indicatorOf(row), id: row.id, sortOrder: row.sort_order });
      }
    }
    return created;
  }

  /**
   * Takes back entries a change set created (after its cells were taken back): each one that no
   * visible version, child or indicator refers to any more is deleted, with the versions of it that
   * are visible in no snapshot. Children go before parents, indicators before categories.
   */
  removeCreated(created: CreatedCatalog): void {
    const s = this.statements;
    for (const indicator of [...created.indicators].reverse()) {
      const row = s.indicatorRow.get(indicator.code);
      if (!row || s.indicatorInUse.get(row.id, row.id)) continue;
      s.deleteIndicatorVersions.run(row.id);
      s.deleteIndicatorCells.run(row.id);
      s.deleteIndicator.run(row.id);
    }
    for (const region of [...created.regions].reverse()) {
      const row = s.regionRow.get(region.code);
      if (!row || s.regionInUse.get(row.id, row.id)) continue;
      s.deleteRegionVersions.run(row.id);
      s.deleteRegionCells.run(row.id);
      s.deleteRegion.run(row.id);
    }
    for (const category of [...created.categories].reverse()) {
      if (s.categoryRow.get(category.code) && !s.categoryInUse.get(category.code)) s.deleteCategory.run(category.code);
    }
  }

  /** Puts back entries `removeCreated` took away (those whose code is free), with their id when it is free too. */
  restoreCreated(created: CreatedCatalog): void {
    const s = this.statements;
    for (const category of created.categories) {
      if (!s.categoryRow.get(category.code)) s.insertCategory.run(category.code, category.nameZh, category.nameEn, category.sortOrder);
    }
    for (const region of created.regions) {
      if (s.regionRow.get(region.code)) continue;
      if (s.regionIdFree.get(region.id)) s.insertRegionWithId.run(region);
      else s.insertRegion.run(region);
    }
    for (const indicator of created.indicators) {
      if (s.indicatorRow.get(indicator.code)) continue;
      if (s.indicatorIdFree.get(indicator.id)) s.insertIndicatorWithId.run(indicator);
      else s.insertIndicator.run(indicator);
    }
  }
}

function regionOf(row: RegionRow): Region {
  return { code: row.code, nameZh: row.name_zh, nameEn: row.name_en, level: row.level, parentCode: row.parent_code };
}

function indicatorOf(row: IndicatorRow): Indicator {
  return {
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    unit: row.unit,
    kind: row.kind,
    accumulation: row.accumulation,
    category: row.category,
    parentCode: row.parent_code,
    sourceNote: row.source_note,
  };
}
