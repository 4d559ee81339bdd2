import type { Indicator, Region } from '../api/schemas';
import { convert, findUnit } from '../units';
import { columnIndex, columnLetter } from './address';
import { detectTables, type DetectedColumn, type DetectedTable } from './detect';
import { extractObservations, type CatalogView, type Rejection } from './extract';
import { IMPORTED_CATEGORY, type ColumnMapping, type ImportMapping, type Proposals, type TableMapping } from './mapping';
import { cleanRowLabel } from './regions';
import { periodFromHeader } from './periodText';
import { cellText, cleanLabel, hasCjk, slug } from './text';
import { unitFromText } from './unitText';
import type { WorkbookCells } from './types';

/** A note about the detected mapping the user should read before importing. */
export interface ImportNote {
  readonly table: number | null;
  readonly message: string;
  readonly messageZh: string;
}

/** The detected mapping of a file, the tables it came from and what it would create if confirmed. */
export interface ProposedImport {
  /** Null when the file holds no table of figures. */
  readonly mapping: ImportMapping | null;
  /** The detected tables, in the order of `mapping.tables`. */
  readonly detected: readonly DetectedTable[];
  /** New indicators and regions awaiting confirmation; none of them is in `mapping.create`. */
  readonly proposals: Proposals;
  readonly notes: readonly ImportNote[];
}

function indicatorKey(text: string): string {
  return cleanLabel(text).replace(/[\s/／·・,，、:：()（）]/gu, '').toLowerCase();
}

function unitsCompatible(printed: string | null, stored: string): boolean {
  if ((printed ?? '') === stored) return true;
  if (!printed || stored === '') return false;
  return convert(1, printed, stored).ok;
}

function guessKind(name: string, unit: string | null): Indicator['kind'] {
  const dimension = unit ? findUnit(unit)?.dimension : undefined;
  if (unit === '%' || unit === 'pp' || dimension === 'rate' || dimension === 'rate_difference') return 'rate';
  if (dimension === 'count') return 'count';
  if (/余额|年末|末数|人口|人数|存量|面积/u.test(name)) return 'level';
  if (dimension === 'money' || dimension === 'money_usd') return 'flow';
  return 'level';
}

class ProposalBuilder {
  readonly indicators: Indicator[] = [];
  readonly regions: Region[] = [];
  private readonly codes = new Set<string>();

  constructor(private readonly catalog: CatalogView) {
    for (const indicator of catalog.indicators) this.codes.add(indicator.code);
    for (const region of catalog.regions) this.codes.add(region.code);
  }

  private uniqueCode(base: string): string {
    const root = base.slice(0, 60) || 'imported';
    let code = root;
    for (let suffix = 2; this.codes.has(code); suffix += 1) code = `${root}_${suffix}`;
    this.codes.add(code);
    return code;
  }

  /**
   * The indicator a column names: an existing or already proposed one of the same name in a
   * compatible unit, or a new proposal. A name kept in another dimension (出口总额 in 亿元 vs 亿美元)
   * is a different indicator, proposed with its unit in its name.
   */
  indicatorFor(nameZh: string, nameEn: string, unit: string | null, accumulation: Indicator['accumulation'], sourceNote: string): string {
    const key = indicatorKey(nameZh);
    const keyEn = nameEn.trim().toLowerCase();
    const all = [...this.catalog.indicators, ...this.indicators];
    const sameName = all.filter(
      (indicator) => (key !== '' && (indicatorKey(indicator.nameZh) === key || indicator.code === nameZh)) || (key === '' && keyEn !== '' && indicator.nameEn.toLowerCase() === keyEn),
    );
    const compatible = sameName.find((indicator) => unitsCompatible(unit, indicator.unit));
    if (compatible) return compatible.code;
    const qualified = sameName.length > 0 && unit ? `${nameZh}（${unit}）` : nameZh;
    const qualifiedMatch = all.find((indicator) => indicatorKey(indicator.nameZh) === indicatorKey(qualified) && unitsCompatible(unit, indicator.unit));
    if (qualifiedMatch) return qualifiedMatch.code;
    const base = slug(nameEn) || cleanLabel(nameZh).replace(/\s*\/\s*/g, '.').replace(/\s+/g, '');
    const code = this.uniqueCode(sameName.length > 0 && unit ? `${base}_${slug(findUnit(unit)?.labelEn ?? '') || unit}` : base);
    this.indicators.push({
      code,
      nameZh: (qualified || nameEn).slice(0, 200),
      nameEn: (nameEn || '').slice(0, 200),
      unit: unit ?? '',
      kind: guessKind(nameZh, unit),
      accumulation,
      category: this.catalog.indicators.find((indicator) => indicator.category === IMPORTED_CATEGORY.code)?.category ?? IMPORTED_CATEGORY.code,
      parentCode: null,
      sourceNote: sourceNote.slice(0, 2000),
    });
    return code;
  }

  private readonly regionKeys = new Set<string>();

  region(name: string, nameEn: string, level: Region['level'], parentCode: string | null): void {
    const key = indicatorKey(name);
    if (this.regionKeys.size === 0) for (const region of this.catalog.regions) this.regionKeys.add(indicatorKey(region.nameZh));
    if (this.regionKeys.has(key)) return;
    this.regionKeys.add(key);
    // A Latin label ("Nanjing", "Africa Eastern and Southern") is the English name too, so rows find it again.
    const english = nameEn || (hasCjk(name) ? '' : name);
    this.regions.push({ code: this.uniqueCode(name.replace(/\s+/g, '')), nameZh: name.slice(0, 200), nameEn: english.slice(0, 200), level, parentCode });
  }
}

function columnRole(column: DetectedColumn): ColumnMapping['role'] {
  if (column.kind === 'growth') return 'growth';
  if (column.kind === 'rank') return 'rank';
  return column.kind === 'value' ? 'value' : 'ignore';
}

function wideTableMapping(table: DetectedTable, fileName: string, builder: ProposalBuilder, catalog: CatalogView, notes: ImportNote[], tableIndex: number): TableMapping {
  const accumulation = table.period?.accumulation ?? 'point';
  const sourceNote = [table.title, fileName].filter((part) => part !== '').join(' · ');
  const columns: ColumnMapping[] = [];
  let tableIndicator: string | null = null;
  let lastValueIndicator: string | null = null;
  for (const column of table.columns) {
    const role = columnRole(column);
    let indicator: string | null = null;
    let unit = column.unit;
    if (role === 'value' || role === 'growth' || role === 'rank') {
      if (table.columnsCarry === 'period') {
        const nameZh = column.groupZh || table.titleIndicator?.nameZh || '';
        const nameEn = column.groupEn || table.titleIndicator?.nameEn || '';
        unit = column.unit ?? table.titleIndicator?.unit ?? null;
        if (role === 'value' && (nameZh !== '' || nameEn !== '')) indicator = builder.indicatorFor(nameZh, nameEn, unit, column.period?.accumulation ?? accumulation, sourceNote);
        else if (role !== 'value') indicator = lastValueIndicator;
      } else if (role === 'value') {
        indicator = column.nameZh !== '' || column.nameEn !== '' ? builder.indicatorFor(column.nameZh, column.nameEn, unit, accumulation, sourceNote) : null;
      } else indicator = lastValueIndicator;
      if (role === 'value' && indicator) lastValueIndicator = indicator;
      if (role === 'value' && unit === null) {
        notes.push({
          table: tableIndex,
          message: `Column ${columnLetter(column.column)} ("${column.header}") states no unit; set one before importing it.`,
          messageZh: `第 ${columnLetter(column.column)} 列（“${column.header}”）未注明单位；导入前请设置。`,
        });
      }
    }
    const usesHeaderPeriod = table.columnsCarry === 'period' && column.period !== undefined;
    columns.push({
      column: columnLetter(column.column),
      header: column.header.slice(0, 500),
      role,
      indicator,
      period: usesHeaderPeriod ? column.period!.code : null,
      periodFromHeader: usesHeaderPeriod,
      unit: role === 'value' ? unit : role === 'growth' ? '%' : null,
    });
  }
  const valueIndicators = new Set(columns.filter((column) => column.role === 'value').map((column) => column.indicator));
  if (table.columnsCarry === 'period' && valueIndicators.size === 1) tableIndicator = [...valueIndicators][0] ?? null;
  let region: string | null = null;
  if (table.labelKind === 'period') {
    const nations = catalog.regions.filter((candidate) => candidate.level === 'nation');
    if (/全国|国内|national|china/iu.test(`${table.title} ${fileName}`) && nations.length === 1) region = nations[0]!.code;
    else notes.push({ table: tableIndex, message: 'Rows are periods: choose the region these figures belong to.', messageZh: '行为期别：请选择这些数据所属的地区。' });
  }
  const needsTablePeriod = table.columnsCarry !== 'period' && table.labelKind !== 'period';
  if (needsTablePeriod && !table.period) {
    notes.push({
      table: tableIndex,
      message: 'Neither the title nor the file name names a period: set the period of the table.',
      messageZh: '标题和文件名中都没有期别：请设置该表的期别。',
    });
  }
  return {
    sheet: table.sheet,
    title: table.title.slice(0, 1000),
    enabled: true,
    layout: 'wide',
    headerRows: table.headerRows ? { first: table.headerRows.first + 1, last: table.headerRows.last + 1 } : null,
    dataRows: { first: table.dataRows.first + 1, last: table.dataRows.last + 1 },
    labelColumn: columnLetter(table.labelColumn),
    alternateLabelColumn: table.alternateLabelColumn === null ? null : columnLetter(table.alternateLabelColumn),
    labelKind: table.labelKind,
    columns,
    indicator: tableIndicator,
    region,
    period: needsTablePeriod && table.period ? table.period.code : null,
    periodSource: needsTablePeriod && table.period ? table.period.source : null,
    rows: { totals: 'parent', subtotals: 'skip', memberOf: 'skip' },
  };
}

function longTableMapping(table: DetectedTable, fileName: string, builder: ProposalBuilder): TableMapping {
  const long = table.long!;
  const roleOf = new Map<number, ColumnMapping['role']>([
    ...(long.region !== null ? [[long.region, 'region'] as const] : []),
    ...(long.indicator !== null ? [[long.indicator, 'indicator'] as const] : []),
    ...(long.period !== null ? [[long.period, 'period'] as const] : []),
    ...(long.unit !== null ? [[long.unit, 'unit'] as const] : []),
    ...(long.growth !== null ? [[long.growth, 'growth'] as const] : []),
    ...(long.rank !== null ? [[long.rank, 'rank'] as const] : []),
    [long.value, 'value'] as const,
  ]);
  let indicator: string | null = null;
  if (long.indicator === null) {
    // One indicator for the whole table, named by the title or the file name.
    const name = table.titleIndicator?.nameZh || fileName.replace(/\.[A-Za-z0-9]{2,5}$/, '');
    const valueColumn = table.columns.find((column) => column.column === long.value);
    indicator = builder.indicatorFor(hasCjk(name) ? name : '', hasCjk(name) ? (table.titleIndicator?.nameEn ?? '') : name, valueColumn?.unit ?? table.tableUnit, 'point', fileName);
  }
  const columns: ColumnMapping[] = [];
  const headerOf = (index: number) => table.columns.find((column) => column.column === index)?.header ?? '';
  const allColumns = new Set([...roleOf.keys(), ...table.columns.map((column) => column.column)]);
  for (const index of [...allColumns].sort((a, b) => a - b)) {
    const role = roleOf.get(index) ?? 'ignore';
    columns.push({
      column: columnLetter(index),
      header: headerOf(index).slice(0, 500),
      role,
      indicator: role === 'value' ? indicator : null,
      period: null,
      periodFromHeader: false,
      unit: role === 'value' ? (table.columns.find((column) => column.column === index)?.unit ?? table.tableUnit) : null,
    });
  }
  return {
    sheet: table.sheet,
    title: table.title.slice(0, 1000),
    enabled: true,
    layout: 'long',
    headerRows: table.headerRows ? { first: table.headerRows.first + 1, last: table.headerRows.last + 1 } : null,
    dataRows: { first: table.dataRows.first + 1, last: table.dataRows.last + 1 },
    labelColumn: long.region === null ? null : columnLetter(long.region),
    alternateLabelColumn: null,
    labelKind: 'region',
    columns,
    indicator,
    region: null,
    period: long.period === null && table.period ? table.period.code : null,
    periodSource: long.period === null && table.period ? table.period.source : null,
    rows: { totals: 'skip', subtotals: 'skip', memberOf: 'skip' },
  };
}

function levelFor(table: DetectedTable): Region['level'] {
  const text = `${table.title} ${table.columns.map((column) => column.header).join(' ')}`;
  if (/县|区县|county/iu.test(text) && !/各市|分市|市别|city/iu.test(text)) return 'county';
  return 'city';
}

/**
 * Detects the tables of a workbook (or of one sheet) and proposes a mapping: columns to
 * indicators and units, rows to regions, the period from the headers, title or file name.
 * Indicators and regions the catalogue lacks are proposed, never created: the caller confirms
 * them by copying them into `mapping.create`.
 */
export function proposeMapping(workbook: WorkbookCells, catalog: CatalogView, options: { sheet?: string } = {}): ProposedImport {
  const sheets = options.sheet === undefined ? workbook.sheets : workbook.sheets.filter((sheet) => sheet.name === options.sheet);
  const builder = new ProposalBuilder(catalog);
  const notes: ImportNote[] = [];
  const detected: DetectedTable[] = [];
  const tables: TableMapping[] = [];
  for (const sheet of sheets) {
    for (const table of detectTables(sheet, workbook.fileName)) {
      const index = tables.length;
      detected.push(table);
      tables.push(table.layout === 'long' ? longTableMapping(table, workbook.fileName, builder) : wideTableMapping(table, workbook.fileName, builder, catalog, notes, index));
    }
  }
  if (tables.length === 0) return { mapping: null, detected, proposals: { indicators: [], regions: [] }, notes };
  const mapping: ImportMapping = { tables, regionNames: {}, create: { indicators: [], regions: [] }, source: null };

  // Places the catalogue lacks: a dry run with the proposed indicators tells which labels are unknown.
  const trial = extractObservations(workbook, { ...mapping, create: { indicators: builder.indicators, regions: [] } }, catalog, { firstRejectionPerLabel: true });
  // New places share the parent of the known places beside them (浙江省 for a new city among Zhejiang's).
  const parents = new Map<number, string | null>();
  for (const [table, codes] of trial.matchedRegions) {
    const parentCodes = new Set([...codes].map((code) => catalog.regions.find((candidate) => candidate.code === code)?.parentCode ?? null));
    parents.set(table, parentCodes.size === 1 ? [...parentCodes][0]! : null);
  }
  for (const rejection of trial.rejected) {
    if (rejection.code !== 'UNKNOWN_REGION' || !rejection.label || rejection.row === null) continue;
    const table = detected[rejection.table]!;
    const alternate = table.alternateLabelColumn === null ? '' : String(workbook.sheets.find((sheet) => sheet.name === table.sheet)?.rows[rejection.row - 1]?.[table.alternateLabelColumn] ?? '').trim();
    builder.region(cleanRowLabel(rejection.label).name, alternate, levelFor(table), parents.get(rejection.table) ?? null);
  }
  proposeLongIndicators(workbook, mapping, trial.rejected, builder);
  return { mapping, detected, proposals: { indicators: builder.indicators, regions: builder.regions }, notes };
}

/**
 * Indicators a long table names in its indicator column that the catalogue lacks: proposed like
 * new regions, each with the unit of its rows (the unit column, else the value column's header or
 * the table's unit row) and the accumulation of its periods ("1-11月累计" is year-to-date).
 */
function proposeLongIndicators(workbook: WorkbookCells, mapping: ImportMapping, rejected: readonly Rejection[], builder: ProposalBuilder): void {
  const seen = new Set<string>();
  for (const rejection of rejected) {
    if (rejection.code !== 'UNKNOWN_INDICATOR' || rejection.row === null || rejection.value === null) continue;
    const table = mapping.tables[rejection.table];
    if (!table || table.layout !== 'long') continue;
    const name = cleanLabel(rejection.value);
    const key = `${rejection.table}\u0000${name}`;
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    const cells = workbook.sheets.find((sheet) => sheet.name === table.sheet)?.rows[rejection.row - 1] ?? [];
    const cellOf = (role: ColumnMapping['role']) => {
      const column = table.columns.find((candidate) => candidate.role === role);
      return column ? (cells[columnIndex(column.column)] ?? null) : null;
    };
    const unitText = cellText(cellOf('unit')).trim();
    const valueColumn = table.columns.find((candidate) => candidate.role === 'value');
    const unit = (unitText === '' ? null : (unitFromText(unitText) ?? unitText)) ?? valueColumn?.unit ?? null;
    const accumulation = periodFromHeader(cellOf('period'))?.accumulation ?? 'point';
    const english = hasCjk(name) ? '' : name;
    builder.indicatorFor(hasCjk(name) ? name : '', english, unit, accumulation, [table.title, workbook.fileName].filter((part) => part !== '').join(' · '));
  }
}

/** The mapping with every proposal confirmed: what `--confirm-new` means on the command line. */
export function confirmProposals(mapping: ImportMapping, proposals: Proposals): ImportMapping {
  const indicators = [...mapping.create.indicators];
  for (const indicator of proposals.indicators) if (!indicators.some((existing) => existing.code === indicator.code)) indicators.push(indicator);
  const regions = [...mapping.create.regions];
  for (const region of proposals.regions) if (!regions.some((existing) => existing.code === region.code)) regions.push(region);
  return { ...mapping, create: { indicators, regions } };
}
