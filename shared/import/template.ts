import type { CatalogView } from './extract';
import type { ColumnMapping, ImportMapping, TableMapping } from './mapping';
import type { ProposedImport } from './propose';
import { cleanLabel } from './text';

export type MismatchKind = 'missingTable' | 'extraTable' | 'missingColumn' | 'extraColumn' | 'layout';

/** Where a file differs from the template applied to it; such columns are reported, never guessed. */
export interface TemplateMismatch {
  readonly kind: MismatchKind;
  readonly table: number;
  /** Column letters in the new file (extra) or in the template's file (missing). */
  readonly column: string | null;
  readonly header: string;
  readonly message: string;
  readonly messageZh: string;
}

/** How a template recognises a column: its header, with a period read from the header left open. */
function columnKey(column: Pick<ColumnMapping, 'header' | 'periodFromHeader'>): string {
  const parts = column.header.split(' / ');
  const kept = column.periodFromHeader ? [...parts.slice(0, -1), '{period}'] : parts;
  return kept.map((part) => cleanLabel(part).replace(/\s+/g, '').toLowerCase()).join('/');
}

function applyToTable(template: TableMapping, detected: TableMapping, tableIndex: number, mismatches: TemplateMismatch[]): TableMapping {
  const used = new Set<number>();
  const columns: ColumnMapping[] = [];
  for (const wanted of template.columns) {
    const key = columnKey(wanted);
    const index = detected.columns.findIndex((candidate, position) => !used.has(position) && columnKey({ header: candidate.header, periodFromHeader: wanted.periodFromHeader && candidate.periodFromHeader }) === key);
    if (index < 0) {
      if (wanted.role !== 'ignore') {
        mismatches.push({
          kind: 'missingColumn',
          table: tableIndex,
          column: wanted.column,
          header: wanted.header,
          message: `Table ${tableIndex + 1}: the template's column "${wanted.header}" (${wanted.column}) is not in this file; its figures are not imported.`,
          messageZh: `表 ${tableIndex + 1}：模板中的列“${wanted.header}”（${wanted.column}）不在此文件中；该列数据未导入。`,
        });
      }
      continue;
    }
    used.add(index);
    const found = detected.columns[index]!;
    columns.push({ ...wanted, column: found.column, header: found.header, period: wanted.periodFromHeader ? found.period : wanted.period });
  }
  detected.columns.forEach((candidate, position) => {
    if (used.has(position)) return;
    if (candidate.role !== 'ignore') {
      mismatches.push({
        kind: 'extraColumn',
        table: tableIndex,
        column: candidate.column,
        header: candidate.header,
        message: `Table ${tableIndex + 1}: column ${candidate.column} ("${candidate.header}") is not in the template; it is not imported until you map it.`,
        messageZh: `表 ${tableIndex + 1}：第 ${candidate.column} 列（“${candidate.header}”）不在模板中；映射之前不会导入。`,
      });
    }
    columns.push({ ...candidate, role: 'ignore', indicator: null });
  });
  columns.sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column));
  if (template.layout !== detected.layout || template.labelKind !== detected.labelKind) {
    mismatches.push({
      kind: 'layout',
      table: tableIndex,
      column: null,
      header: template.title,
      message: `Table ${tableIndex + 1} is laid out differently from the template (${detected.layout}, rows are ${detected.labelKind}s).`,
      messageZh: `表 ${tableIndex + 1} 的版式与模板不同（${detected.layout}，行为${detected.labelKind === 'period' ? '期别' : '地区'}）。`,
    });
  }
  const rereadsPeriod = template.periodSource === 'title' || template.periodSource === 'fileName';
  return {
    ...detected,
    enabled: template.enabled,
    columns,
    indicator: template.indicator,
    region: template.region ?? detected.region,
    period: rereadsPeriod ? detected.period : template.period,
    periodSource: rereadsPeriod ? detected.periodSource : template.periodSource,
    rows: template.rows,
  };
}

/**
 * Applies a saved mapping to a new file's detected layout: tables by position, columns by header
 * (a period header is re-read from the new file), periods from the new title or file name. A column
 * or table the template lacks or the file lacks is reported as a mismatch and not imported.
 */
export function applyTemplate(template: ImportMapping, proposed: ProposedImport, catalog: CatalogView): { mapping: ImportMapping | null; mismatches: TemplateMismatch[] } {
  const mismatches: TemplateMismatch[] = [];
  const detectedTables = proposed.mapping?.tables ?? [];
  const tables: TableMapping[] = [];
  template.tables.forEach((table, index) => {
    const detected = detectedTables[index];
    if (!detected) {
      mismatches.push({
        kind: 'missingTable',
        table: index,
        column: null,
        header: table.title,
        message: `The template's table ${index + 1} ("${table.title}") is not in this file.`,
        messageZh: `模板中的表 ${index + 1}（“${table.title}”）不在此文件中。`,
      });
      return;
    }
    tables.push(applyToTable(table, detected, index, mismatches));
  });
  detectedTables.slice(template.tables.length).forEach((table, offset) => {
    const index = template.tables.length + offset;
    mismatches.push({
      kind: 'extraTable',
      table: index,
      column: null,
      header: table.title,
      message: `Table ${index + 1} ("${table.title}") is not in the template; it is not imported.`,
      messageZh: `表 ${index + 1}（“${table.title}”）不在模板中；未导入。`,
    });
    tables.push({ ...table, enabled: false });
  });
  if (tables.length === 0) return { mapping: null, mismatches };
  const existing = new Set([...catalog.indicators.map((indicator) => indicator.code), ...catalog.regions.map((region) => region.code)]);
  return {
    mapping: {
      tables,
      regionNames: template.regionNames,
      create: {
        indicators: template.create.indicators.filter((indicator) => !existing.has(indicator.code)),
        regions: template.create.regions.filter((region) => !existing.has(region.code)),
      },
      source: template.source,
    },
    mismatches,
  };
}
