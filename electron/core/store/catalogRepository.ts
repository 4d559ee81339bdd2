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

/** Categories, regions and indicators: the workspace's catalogue. */
export class CatalogRepository {
  private readonly statements;

  constructor(private readonly db: Db) {
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
    };
  }

  categories(): Category[] {
    return this.statements.categories.all().map((row) => ({ code: row.code, nameZh: row.name_zh, nameEn: row.name_en }));
  }

  regions(): StoredRegion[] {
    return this.statements.regions.all().map((row) => ({
      id: row.id,
      code: row.code,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      level: row.level,
      parentCode: row.parent_code,
    }));
  }

  indicators(): StoredIndicator[] {
    return this.statements.indicators.all().map((row) => ({
      id: row.id,
      code: row.code,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      unit: row.unit,
      kind: row.kind,
      accumulation: row.accumulation,
      category: row.category,
      parentCode: row.parent_code,
      sourceNote: row.source_note,
    }));
  }

  catalog(): Catalog {
    const strip = <T extends { id: number }>({ id: _id, ...rest }: T): Omit<T, 'id'> => rest;
    return {
      categories: this.categories(),
      indicators: this.indicators().map(strip),
      regions: this.regions().map(strip),
    };
  }

  addCategory(category: Category, sortOrder: number): void {
    this.statements.insertCategory.run(category.code, category.nameZh, category.nameEn, sortOrder);
  }

  /** Parents must be added before their children. */
  addRegion(region: Region, sortOrder: number): void {
    this.statements.insertRegion.run({ ...region, sortOrder });
  }

  /** Parents must be added before their children. */
  addIndicator(indicator: Indicator, sortOrder: number): void {
    this.statements.insertIndicator.run({ ...indicator, sortOrder });
  }
}
