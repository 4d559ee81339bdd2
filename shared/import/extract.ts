import type { Indicator, Region } from '../api/schemas';
import { parsePeriod } from '../periods';
import { convert, findUnit } from '../units';
import { cellAddress, columnIndex, columnLetter, rangeAddress } from './address';
import { Grid } from './grid';
import type { ImportMapping, TableMapping } from './mapping';
import { periodFromHeader } from './periodText';
import { cleanRowLabel, isGroupingLabel, isSectionLabel, isTotalLabel, matchRegionLabel, type RegionMatch } from './regions';
import { cellText, cleanLabel, hasCjk, parseNumber, withoutFloatNoise } from './text';
import type { WorkbookCells } from './types';
import { unitFromText } from './unitText';

/** The part of the catalogue an import reads. */
export interface CatalogView {
  readonly indicators: readonly Indicator[];
  readonly regions: readonly Region[];
}

export type RejectionCode =
  | 'NOT_A_NUMBER'
  | 'PERCENT_IN_VALUE'
  | 'BAD_RANK'
  | 'NO_LABEL'
  | 'UNKNOWN_REGION'
  | 'AMBIGUOUS_REGION'
  | 'NO_REGION'
  | 'UNKNOWN_INDICATOR'
  | 'NO_INDICATOR'
  | 'NO_UNIT'
  | 'UNIT_MISMATCH'
  | 'NO_PERIOD'
  | 'BAD_PERIOD'
  | 'DUPLICATE';

/** A cell, row or column that will not be imported, with why and where (sheet!B7 or sheet!C4:C14). */
export interface Rejection {
  readonly code: RejectionCode;
  readonly address: string;
  /** Index of the table in the mapping. */
  readonly table: number;
  /** 1-based sheet row, when the rejection is about one row or cell. */
  readonly row: number | null;
  readonly column: string | null;
  /** The row label as printed, when there is one. */
  readonly label: string | null;
  /** The cell's text as printed, when the rejection is about one cell. */
  readonly value: string | null;
  /** How many figures this rejection keeps out. */
  readonly cells: number;
  readonly reason: string;
  readonly reasonZh: string;
}

export type SkipKind = 'total' | 'subtotal' | 'memberOf' | 'section' | 'unmapped';

/** A row left out on purpose (a total, a regional subtotal, an "其中" sub-row, a section label). */
export interface SkippedRow {
  readonly kind: SkipKind;
  readonly address: string;
  readonly table: number;
  readonly row: number;
  readonly label: string;
  readonly reason: string;
  readonly reasonZh: string;
}

/** One observation the file provides; a field left undefined is not in the file and keeps its stored value. */
export interface PlannedObservation {
  readonly indicatorCode: string;
  readonly regionCode: string;
  readonly period: string;
  value?: number | null;
  growthReportedPct?: number | null;
  rankReported?: number | null;
  /** Address of the cell that provided it (its value's cell, when several did). */
  readonly address: string;
  /** That cell's sheet, 0-based row and column (`address` written out). */
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly table: number;
  /** The unit the figure was printed in when it was converted to the indicator's unit. */
  convertedFrom: string | null;
}

/**
 * A planned observation that keeps where its figure came from as a sheet, row and column: its
 * address ("Sheet!D7") is written out only when asked for (a preview row, a source, a rejection),
 * not for each of a million figures.
 */
class Planned implements PlannedObservation {
  value: number | null | undefined = undefined;
  growthReportedPct: number | null | undefined = undefined;
  rankReported: number | null | undefined = undefined;

  constructor(
    readonly indicatorCode: string,
    readonly regionCode: string,
    readonly period: string,
    readonly table: number,
    public convertedFrom: string | null,
    public sheet: string,
    /** 0-based row and column of the cell `address` names. */
    public row: number,
    public column: number,
  ) {}

  get address(): string {
    return cellAddress(this.sheet, this.row, this.column);
  }
}

/**
 * convert(value, from, to) for every figure of a column: the factors looked up once, and a result
 * that already is the nearest double to a short decimal not rounded again through a string
 * (withoutFloatNoise gives what roundToSignificant(…, 15) would). Null when the units do not convert.
 */
function converterOf(from: string, to: string): ((value: number) => number) | null {
  const source = findUnit(from);
  const target = findUnit(to);
  if (!source || !target || source.dimension !== target.dimension) return null;
  if (source.factor === target.factor) return (value) => value;
  if (source.factor > target.factor) {
    const ratio = source.factor / target.factor;
    return (value) => withoutFloatNoise(value * ratio);
  }
  const ratio = target.factor / source.factor;
  return (value) => withoutFloatNoise(value / ratio);
}

/** Something wrong with the mapping itself, not with a cell: fixed before anything can be imported. */
export interface MappingProblem {
  readonly table: number | null;
  readonly message: string;
  readonly messageZh: string;
}

export interface Extraction {
  readonly observations: PlannedObservation[];
  readonly rejected: Rejection[];
  readonly skipped: SkippedRow[];
  readonly problems: MappingProblem[];
  /** Number of figures read (cells that held a number in mapped columns). */
  readonly figureCount: number;
  /** Regions each table's rows were matched to, whether or not their figures could be used. */
  readonly matchedRegions: ReadonlyMap<number, ReadonlySet<string>>;
}

type Field = 'value' | 'growthReportedPct' | 'rankReported';

interface ResolvedColumn {
  readonly index: number;
  readonly letter: string;
  readonly field: Field;
  readonly indicator: Indicator;
  readonly period: string | 'row';
  /** Multiplies printed figures into the indicator's unit; undefined when no conversion is needed. */
  readonly convertFrom: string | null;
}

type RowResolution =
  | { kind: 'region'; region: Region; period?: string }
  | { kind: 'total' }
  | { kind: 'skip'; skip: SkipKind; reason: string; reasonZh: string }
  | { kind: 'reject'; code: RejectionCode; reason: string; reasonZh: string }
  | { kind: 'unmatched'; name: string }
  | { kind: 'empty' };

function regionLabelMatch(name: string, alternate: string, regions: readonly Region[]): RegionMatch {
  const primary = matchRegionLabel(name, regions);
  // An English second column helps only when the first is not Chinese: "泰州 | Taizhou" is not 台州.
  if (primary.kind === 'none' && alternate !== '' && (name === '' || !hasCjk(name))) return matchRegionLabel(alternate, regions);
  return primary;
}

function describeRegionChoices(candidates: readonly Region[]): string {
  return candidates
    .slice(0, 5)
    .map((region) => `${region.code} ${region.nameZh}`)
    .join('; ');
}

function indicatorKey(text: string): string {
  return cleanLabel(text).replace(/[\s/／·・,，、:：()（）]/gu, '').toLowerCase();
}

/** An indicator a long table's cell names, by code or exact name, never by a part of one. */
function findIndicatorByName(text: string, indicators: readonly Indicator[]): Indicator | undefined {
  const key = indicatorKey(text);
  if (key === '') return undefined;
  const hits = indicators.filter((indicator) => indicator.code === text.trim() || indicatorKey(indicator.nameZh) === key || indicatorKey(indicator.nameEn) === key);
  return hits.length === 1 ? hits[0] : undefined;
}

/** True when `value` is the sum of `parts` as printed (each part rounded): a subtotal row. */
function isSumOf(value: number, parts: readonly number[]): boolean {
  const sum = parts.reduce((total, part) => total + part, 0);
  const tolerance = Math.max(0.0051 * parts.length, Math.abs(value) * 2e-4);
  return Math.abs(sum - value) <= tolerance;
}

class TableExtractor {
  /** A long table names the same few indicators on every row: look each name up once. */
  private readonly indicatorsByText = new Map<string, Indicator | undefined>();

  private indicatorNamed(text: string): Indicator | undefined {
    if (!this.indicatorsByText.has(text)) this.indicatorsByText.set(text, findIndicatorByName(text, [...this.indicators.values()]));
    return this.indicatorsByText.get(text);
  }

  private readonly conversions = new Map<string, Map<string, boolean>>();
  private readonly converters = new Map<string, Map<string, ((value: number) => number) | null>>();

  private converter(from: string, to: string): ((value: number) => number) | null {
    let targets = this.converters.get(from);
    if (!targets) this.converters.set(from, (targets = new Map()));
    let converter = targets.get(to);
    if (converter === undefined) targets.set(to, (converter = converterOf(from, to)));
    return converter;
  }

  private canConvert(from: string, to: string): boolean {
    let targets = this.conversions.get(from);
    if (!targets) {
      targets = new Map();
      this.conversions.set(from, targets);
    }
    let isConvertible = targets.get(to);
    if (isConvertible === undefined) {
      isConvertible = convert(1, from, to).ok;
      targets.set(to, isConvertible);
    }
    return isConvertible;
  }

  private readonly grid: Grid;
  private readonly first: number;
  private readonly last: number;
  private readonly columns: ResolvedColumn[] = [];
  /** Every column mapped to figures, usable or not: a row with figures there is a row of figures. */
  private readonly mappedColumns: number[] = [];

  constructor(
    private readonly out: ExtractionState,
    private readonly mapping: ImportMapping,
    private readonly table: TableMapping,
    private readonly tableIndex: number,
    private readonly indicators: ReadonlyMap<string, Indicator>,
    private readonly regions: readonly Region[],
    grid: Grid,
  ) {
    this.grid = grid;
    this.first = table.dataRows.first - 1;
    this.last = Math.min(table.dataRows.last - 1, grid.rowCount - 1);
  }

  private problem(message: string, messageZh: string): void {
    this.out.problems.push({ table: this.tableIndex, message, messageZh });
  }

  private reject(code: RejectionCode, at: { row?: number; column?: number; lastRow?: number }, reason: string, reasonZh: string, extra: { label?: string; value?: string; cells?: number } = {}): void {
    if (this.out.seenRejections) {
      const key = `${this.tableIndex}\u0000${code}\u0000${extra.label ?? ''}\u0000${extra.value ?? ''}`;
      if (this.out.seenRejections.has(key)) return;
      this.out.seenRejections.add(key);
    }
    const sheet = this.grid.name;
    const address =
      at.row !== undefined && at.column !== undefined
        ? cellAddress(sheet, at.row, at.column)
        : at.column !== undefined
          ? rangeAddress(sheet, this.first, at.column, at.lastRow ?? this.last, at.column)
          : rangeAddress(sheet, at.row ?? this.first, 0, at.row ?? this.first, Math.max(0, this.grid.columnCount - 1));
    this.out.rejected.push({
      code,
      address,
      table: this.tableIndex,
      row: at.row !== undefined ? at.row + 1 : null,
      column: at.column !== undefined ? columnLetter(at.column) : null,
      label: extra.label === undefined ? null : extra.label.slice(0, 1000),
      value: extra.value === undefined ? null : extra.value.slice(0, 1000),
      cells: extra.cells ?? 1,
      // A cell of any length may be quoted in a reason; what crosses the API stays bounded.
      reason: reason.slice(0, 4000),
      reasonZh: reasonZh.slice(0, 4000),
    });
  }

  private skip(kind: SkipKind, row: number, label: string, reason: string, reasonZh: string): void {
    const labelColumn = this.table.labelColumn ? columnIndex(this.table.labelColumn) : 0;
    this.out.skipped.push({
      kind,
      address: cellAddress(this.grid.name, row, Math.max(0, labelColumn)),
      table: this.tableIndex,
      row: row + 1,
      label: label.slice(0, 1000),
      reason: reason.slice(0, 4000),
      reasonZh: reasonZh.slice(0, 4000),
    });
  }

  private figuresIn(column: number): number {
    let count = 0;
    for (let row = this.first; row <= this.last; row += 1) if (parseNumber(this.grid.raw(row, column)).kind === 'number') count += 1;
    return count;
  }

  /** Checks each mapped column once: its indicator, unit and period. A column that fails is rejected whole. */
  resolveColumns(): void {
    const table = this.table;
    for (const column of table.columns) {
      if (column.role !== 'value' && column.role !== 'growth' && column.role !== 'rank') continue;
      const index = columnIndex(column.column);
      this.mappedColumns.push(index);
      const field: Field = column.role === 'value' ? 'value' : column.role === 'growth' ? 'growthReportedPct' : 'rankReported';
      const header = column.header || column.column;
      const code = column.indicator ?? table.indicator;
      const cells = this.figuresIn(index);
      if (!code) {
        this.reject('NO_INDICATOR', { column: index }, `Column ${column.column} ("${header}") is mapped but names no indicator. Choose one, or ignore the column.`, `第 ${column.column} 列（“${header}”）未指定指标。请选择指标，或忽略该列。`, { cells });
        continue;
      }
      const indicator = this.indicators.get(code);
      if (!indicator) {
        this.reject(
          'UNKNOWN_INDICATOR',
          { column: index },
          `Indicator "${code}" for column ${column.column} ("${header}") is not in the catalogue. Confirm it as a new indicator or map the column to an existing one.`,
          `第 ${column.column} 列（“${header}”）的指标“${code}”不在目录中。请确认新建该指标，或改为已有指标。`,
          { cells },
        );
        continue;
      }
      let convertFrom: string | null = null;
      if (field === 'value') {
        const printed = column.unit;
        if (printed === null || printed === '') {
          if (indicator.unit !== '') {
            this.reject(
              'NO_UNIT',
              { column: index },
              `Column ${column.column} ("${header}") states no unit, and ${indicator.nameZh} is kept in ${indicator.unit}. Set the column's unit; figures are never stored in a guessed unit.`,
              `第 ${column.column} 列（“${header}”）未注明单位，而“${indicator.nameZh}”以${indicator.unit}存储。请设置该列的单位；数据不会按猜测的单位存储。`,
              { cells },
            );
            continue;
          }
        } else if (printed !== indicator.unit) {
          const conversion = convert(1, printed, indicator.unit);
          if (!conversion.ok) {
            this.reject(
              'UNIT_MISMATCH',
              { column: index },
              `Column ${column.column} ("${header}") is in ${printed}, which cannot be converted to ${indicator.unit}, the unit of ${indicator.nameZh}. Map the column to an indicator kept in ${printed}.`,
              `第 ${column.column} 列（“${header}”）的单位为${printed}，无法换算为“${indicator.nameZh}”的单位${indicator.unit}。请改为以${printed}计量的指标。`,
              { cells },
            );
            continue;
          }
          convertFrom = printed;
        }
      }
      let period: string | 'row';
      // Growth or rank beside a value column ("1-11月累计 | 同比增长%") shares that column's period.
      const companion = field === 'value' ? undefined : this.companionPeriod(column);
      const fixed = column.period ?? companion ?? (table.labelKind === 'period' ? null : table.period);
      if (fixed) {
        const parsed = parsePeriod(fixed);
        if (!parsed) {
          this.reject('BAD_PERIOD', { column: index }, `"${fixed}" is not a period (2024, 2024Q3, 2024M11).`, `“${fixed}”不是有效的期别（2024、2024Q3、2024M11）。`, { cells });
          continue;
        }
        period = parsed.code;
      } else if (table.labelKind === 'period') period = 'row';
      else {
        this.reject(
          'NO_PERIOD',
          { column: index },
          `No period for column ${column.column} ("${header}"): neither the header, the title nor the file name names one. Set the table's period.`,
          `第 ${column.column} 列（“${header}”）没有期别：表头、标题和文件名中均未找到。请设置该表的期别。`,
          { cells },
        );
        continue;
      }
      this.columns.push({ index, letter: column.column, field, indicator, period, convertFrom });
    }
  }

  private companionPeriod(column: TableMapping['columns'][number]): string | undefined {
    const position = this.table.columns.indexOf(column);
    for (let index = position - 1; index >= 0; index -= 1) {
      const candidate = this.table.columns[index]!;
      if (candidate.role === 'value' && (candidate.indicator ?? this.table.indicator) === (column.indicator ?? this.table.indicator)) return candidate.period ?? undefined;
    }
    return undefined;
  }

  private rowHasFigures(row: number): boolean {
    // Text where a figure belongs counts: the row is one of figures, and the cell is rejected.
    return this.mappedColumns.some((column) => parseNumber(this.grid.raw(row, column)).kind !== 'empty');
  }

  private figuresOf(row: number): Map<number, number> {
    const figures = new Map<number, number>();
    for (const column of this.columns) {
      if (column.field !== 'value') continue;
      const parsed = parseNumber(this.grid.raw(row, column.index));
      if (parsed.kind === 'number') figures.set(column.index, parsed.value);
    }
    return figures;
  }

  private resolveRow(row: number, labelColumn: number, alternateColumn: number, groupingSection: boolean): RowResolution {
    const label = this.grid.text(row, labelColumn);
    const alternate = alternateColumn >= 0 ? this.grid.rawText(row, alternateColumn) : '';
    const hasFigures = this.rowHasFigures(row);
    if (label === '' && alternate === '') {
      return hasFigures ? { kind: 'reject', code: 'NO_LABEL', reason: 'The row has figures but no label.', reasonZh: '该行有数据但没有行标签。' } : { kind: 'empty' };
    }
    if (this.table.labelKind === 'period') {
      const period = periodFromHeader(this.grid.value(row, labelColumn));
      if (!period) {
        return hasFigures
          ? { kind: 'reject', code: 'BAD_PERIOD', reason: `"${label}" is not a period.`, reasonZh: `“${label}”不是有效的期别。` }
          : { kind: 'skip', skip: 'section', reason: 'A label row without figures.', reasonZh: '无数据的标签行。' };
      }
      const region = this.table.region ? this.regions.find((candidate) => candidate.code === this.table.region) : undefined;
      if (!region) return { kind: 'reject', code: 'NO_REGION', reason: 'Rows are periods, and the table names no region. Set the table\'s region.', reasonZh: '行为期别，但该表未指定地区。请设置该表的地区。' };
      return { kind: 'region', region, period: period.code };
    }
    const { name, isMemberOf } = cleanRowLabel(label || alternate);
    const override = this.mapping.regionNames[name] ?? this.mapping.regionNames[label];
    if (override !== undefined) {
      if (override === '') return { kind: 'skip', skip: 'unmapped', reason: `Skipped as the mapping says for "${name}".`, reasonZh: `按映射设置跳过“${name}”。` };
      const region = this.regions.find((candidate) => candidate.code === override);
      if (region) return { kind: 'region', region };
      return { kind: 'reject', code: 'UNKNOWN_REGION', reason: `"${name}" is mapped to region code "${override}", which is not in the catalogue.`, reasonZh: `“${name}”被映射到地区代码“${override}”，但目录中没有该地区。` };
    }
    if (isSectionLabel(name) || (!hasFigures && !isMemberOf && matchRegionLabel(name, this.regions).kind !== 'found')) {
      return { kind: 'skip', skip: 'section', reason: `Section label "${name}", no figures of its own.`, reasonZh: `分组标签“${name}”，本身无数据。` };
    }
    if (!hasFigures) return { kind: 'empty' };
    if (isMemberOf && this.table.rows.memberOf === 'skip') {
      return { kind: 'skip', skip: 'memberOf', reason: `"其中" sub-row ${name}: part of the row above, skipped.`, reasonZh: `“其中”子行${name}：属于上一行，已跳过。` };
    }
    if (isTotalLabel(name)) {
      return this.table.rows.totals === 'skip' ? { kind: 'skip', skip: 'total', reason: `Total row "${name}", skipped.`, reasonZh: `合计行“${name}”，已跳过。` } : { kind: 'total' };
    }
    const match = regionLabelMatch(name, isMemberOf ? '' : alternate, this.regions);
    if (match.kind === 'found') return { kind: 'region', region: match.region };
    if (match.kind === 'ambiguous') {
      return {
        kind: 'reject',
        code: 'AMBIGUOUS_REGION',
        reason: `"${name}" matches more than one region (${describeRegionChoices(match.candidates)}). Map it to one in the mapping.`,
        reasonZh: `“${name}”匹配到多个地区（${describeRegionChoices(match.candidates)}）。请在映射中指定。`,
      };
    }
    if (groupingSection || isGroupingLabel(name)) {
      if (this.table.rows.subtotals === 'skip') {
        return { kind: 'skip', skip: 'subtotal', reason: `Regional subtotal "${name}", skipped.`, reasonZh: `区域小计“${name}”，已跳过。` };
      }
    }
    return { kind: 'unmatched', name };
  }

  extractWide(): void {
    const labelColumn = this.table.labelColumn ? columnIndex(this.table.labelColumn) : -1;
    if (labelColumn < 0) {
      this.problem('The table names no label column: choose the column that names each row.', '该表未指定行标签列：请选择标识各行的列。');
      return;
    }
    const alternateColumn = this.table.alternateLabelColumn ? columnIndex(this.table.alternateLabelColumn) : -1;
    const resolutions = new Map<number, RowResolution>();
    let groupingSection = false;
    for (let row = this.first; row <= this.last; row += 1) {
      const resolution = this.resolveRow(row, labelColumn, alternateColumn, groupingSection);
      if (resolution.kind === 'skip' && resolution.skip === 'section') {
        // Rows under "按区域分 / by Region" are groupings of the places listed above them.
        groupingSection = /区域|经济区|片区|region|area/iu.test(this.grid.text(row, labelColumn) + this.grid.rawText(row, Math.max(alternateColumn, 0)));
      }
      resolutions.set(row, resolution);
    }
    // Unmatched names that add up the rows below or above them are subtotals; the rest are unknown places.
    for (const [row, resolution] of resolutions) {
      if (resolution.kind !== 'unmatched') continue;
      if (this.isSubtotalBySum(row, resolutions)) {
        resolutions.set(
          row,
          this.table.rows.subtotals === 'skip'
            ? { kind: 'skip', skip: 'subtotal', reason: `Subtotal "${resolution.name}" (its figures add up the rows beside it), skipped.`, reasonZh: `小计行“${resolution.name}”（其数据等于相邻各行之和），已跳过。` }
            : resolution,
        );
      }
    }
    const matchedParents = new Set<string | null>();
    const matched = this.out.matchedRegions.get(this.tableIndex) ?? new Set<string>();
    this.out.matchedRegions.set(this.tableIndex, matched);
    for (const resolution of resolutions.values()) {
      if (resolution.kind !== 'region') continue;
      matchedParents.add(resolution.region.parentCode);
      matched.add(resolution.region.code);
    }
    const parentCode = matchedParents.size === 1 ? [...matchedParents][0]! : null;
    const parent = parentCode ? this.regions.find((region) => region.code === parentCode) : undefined;

    for (const [row, resolution] of resolutions) {
      const label = this.grid.text(row, labelColumn) || (alternateColumn >= 0 ? this.grid.rawText(row, alternateColumn) : '');
      switch (resolution.kind) {
        case 'empty':
          break;
        case 'skip':
          this.skip(resolution.skip, row, cleanLabel(label), resolution.reason, resolution.reasonZh);
          break;
        case 'reject':
          this.reject(resolution.code, { row, column: labelColumn }, resolution.reason, resolution.reasonZh, { label: cleanLabel(label), cells: this.countFigures(row) });
          break;
        case 'unmatched':
          this.reject(
            'UNKNOWN_REGION',
            { row, column: labelColumn },
            `No region "${resolution.name}" in the catalogue. Confirm it as a new region, map it to an existing one, or skip the row.`,
            `目录中没有地区“${resolution.name}”。请确认新建该地区、映射到已有地区，或跳过该行。`,
            { label: resolution.name, cells: this.countFigures(row) },
          );
          break;
        case 'total':
          if (parent) this.emitRow(row, parent, undefined);
          else {
            this.skip(
              'total',
              row,
              cleanLabel(label),
              `Total row "${cleanLabel(label)}" skipped: the table's regions share no one parent region to store it for.`,
              `合计行“${cleanLabel(label)}”已跳过：表中各地区没有共同的上级地区可用于存储。`,
            );
          }
          break;
        case 'region':
          this.emitRow(row, resolution.region, resolution.period);
          break;
      }
    }
  }

  private countFigures(row: number): number {
    return this.columns.filter((column) => parseNumber(this.grid.raw(row, column.index)).kind === 'number').length;
  }

  private isSubtotalBySum(row: number, resolutions: ReadonlyMap<number, RowResolution>): boolean {
    const target = this.figuresOf(row);
    if (target.size === 0) return false;
    for (const direction of [1, -1]) {
      const sums = new Map<number, number[]>();
      let count = 0;
      for (let other = row + direction; other >= this.first && other <= this.last && Math.abs(other - row) <= 40; other += direction) {
        const resolution = resolutions.get(other);
        if (!resolution || resolution.kind === 'empty') continue;
        if (resolution.kind === 'skip' && resolution.skip === 'memberOf') continue;
        if (resolution.kind !== 'region') break;
        count += 1;
        for (const [column, value] of this.figuresOf(other)) {
          const list = sums.get(column);
          if (list) list.push(value);
          else sums.set(column, [value]);
        }
        if (count < 2) continue;
        let matches = 0;
        for (const [column, value] of target) if ((sums.get(column)?.length ?? 0) === count && isSumOf(value, sums.get(column)!)) matches += 1;
        if (matches >= Math.max(1, Math.ceil(target.size * 0.6)) && (matches >= 2 || target.size === 1)) return true;
      }
    }
    return false;
  }

  private emitRow(row: number, region: Region, rowPeriod: string | undefined): void {
    for (const column of this.columns) {
      const cell = this.grid.raw(row, column.index);
      const parsed = parseNumber(cell);
      if (parsed.kind === 'empty') continue;
      if (parsed.kind === 'text') {
        this.reject('NOT_A_NUMBER', { row, column: column.index }, `"${parsed.text}" is not a number.`, `“${parsed.text}”不是数字。`, { label: region.nameZh, value: parsed.text });
        continue;
      }
      this.out.figures.count += 1;
      const period = column.period === 'row' ? rowPeriod : column.period;
      if (!period) continue;
      this.emit(row, column, region, period, parsed.value, parsed.isPercent, cell);
    }
  }

  private emit(row: number, column: ResolvedColumn, region: Region, period: string, printed: number, isPercent: boolean, cell: unknown): void {
    this.emitFigure(row, column.index, column.field, column.indicator, column.convertFrom, region, period, printed, isPercent, cell);
  }

  private emitFigure(row: number, columnIndex: number, field: Field, indicator: Indicator, convertFrom: string | null, region: Region, period: string, printed: number, isPercent: boolean, cell: unknown): void {
    let value = printed;
    if (field === 'value') {
      if (isPercent && indicator.unit !== '%') {
        this.reject('PERCENT_IN_VALUE', { row, column: columnIndex }, `"${cellText(cell as string)}" is a percentage in a column of ${indicator.unit}.`, `“${cellText(cell as string)}”是百分数，但该列单位为${indicator.unit}。`, { label: region.nameZh, value: cellText(cell as string) });
        return;
      }
      if (convertFrom) {
        const converter = this.converter(convertFrom, indicator.unit);
        if (!converter) return;
        value = converter(printed);
      }
    }
    if (field === 'rankReported' && (!Number.isInteger(printed) || printed < 1)) {
      this.reject('BAD_RANK', { row, column: columnIndex }, `Rank "${printed}" is not a whole number from 1.`, `位次“${printed}”不是从 1 起的整数。`, { label: region.nameZh, value: String(printed) });
      return;
    }
    // A trial run looks for unknown names only: its figures are not kept.
    if (this.out.seenRejections) return;
    const observation = new Planned(indicator.code, region.code, period, this.tableIndex, field === 'value' ? convertFrom : null, this.grid.name, row, columnIndex);
    observation[field] = value;
    this.out.pending.push(observation);
    this.out.pendingFields.push(FIELDS.indexOf(field));
  }

  rejectDuplicate(entry: PendingFigure, others: readonly PendingFigure[]): void {
    const elsewhere = others.filter((other) => other !== entry).map((other) => other.observation.address);
    this.reject(
      'DUPLICATE',
      { row: entry.observation.row, column: entry.observation.column },
      `The same figure (${entry.observation.indicatorCode}, ${entry.observation.regionCode}, ${entry.observation.period}) also comes from ${elsewhere.join(', ')}; none of them is imported.`,
      `同一数据（${entry.observation.indicatorCode}，${entry.observation.regionCode}，${entry.observation.period}）也出现在 ${elsewhere.join('、')}；均未导入。`,
      { label: entry.label, value: String(entry.observation[entry.field]) },
    );
  }

  private rejectUnknownIndicator(row: number, column: number, text: string, label: string, cells: number): void {
    this.reject(
      'UNKNOWN_INDICATOR',
      { row, column },
      `No indicator "${text}" in the catalogue. Confirm it as a new indicator or rename it.`,
      `目录中没有指标“${text}”。请确认新建该指标或更正名称。`,
      { label, value: text, cells },
    );
  }

  extractLong(): void {
    const byRole = (role: string) => {
      const column = this.table.columns.find((candidate) => candidate.role === role);
      return column ? { index: columnIndex(column.column), mapping: column } : undefined;
    };
    const regionColumn = byRole('region');
    const indicatorColumn = byRole('indicator');
    const periodColumn = byRole('period');
    const unitColumn = byRole('unit');
    const valueColumns = this.table.columns.filter((column) => column.role === 'value' || column.role === 'growth' || column.role === 'rank');
    if (valueColumns.length === 0) {
      this.problem('A long table needs a value column.', '长表需要一个数值列。');
      return;
    }
    if (!regionColumn && !this.table.region) this.problem('Choose the region column, or a region for the whole table.', '请选择地区列，或为整张表指定地区。');
    if (!periodColumn && !this.table.period) this.problem('Choose the period column, or a period for the whole table.', '请选择期别列，或为整张表指定期别。');
    if (!indicatorColumn && !this.table.indicator && valueColumns.every((column) => !column.indicator)) this.problem('Choose the indicator column, or an indicator for the whole table.', '请选择指标列，或为整张表指定指标。');
    if (this.out.problems.some((problem) => problem.table === this.tableIndex)) return;
    const regionByCode = new Map(this.regions.map((region) => [region.code, region]));
    // A long table repeats a few names on every row: each distinct text is resolved once.
    const regionByLabel = new Map<string, { name: string; region?: Region; skip?: 'unmapped' | 'total' }>();
    const periodByCell = new Map<string | number, string | null>();
    const unitByText = new Map<string, string | null>();
    const matched = this.out.matchedRegions.get(this.tableIndex) ?? new Set<string>();
    this.out.matchedRegions.set(this.tableIndex, matched);
    // A trial run (looking for unknown names) needs each combination of names once, not each row:
    // by region, indicator and unit text in maps of maps (no key string built per row).
    const seenNames = this.out.seenRejections ? new Map<string, Map<string, Set<string>>>() : undefined;
    const figureColumns = valueColumns.map((column) => ({
      column,
      index: columnIndex(column.column),
      field: (column.role === 'value' ? 'value' : column.role === 'growth' ? 'growthReportedPct' : 'rankReported') as Field,
    }));
    for (let row = this.first; row <= this.last; row += 1) {
      if (this.grid.isBlankRow(row)) continue;
      if (seenNames) {
        const regionText = regionColumn ? this.grid.text(row, regionColumn.index) : '';
        const indicatorText = indicatorColumn ? this.grid.text(row, indicatorColumn.index) : '';
        const unitText = unitColumn ? this.grid.text(row, unitColumn.index) : '';
        let byIndicator = seenNames.get(regionText);
        if (!byIndicator) seenNames.set(regionText, (byIndicator = new Map()));
        let units = byIndicator.get(indicatorText);
        if (!units) byIndicator.set(indicatorText, (units = new Set()));
        if (units.has(unitText)) continue;
        units.add(unitText);
      }
      let region: Region | undefined;
      if (regionColumn) {
        const label = this.grid.text(row, regionColumn.index);
        let resolved = regionByLabel.get(label);
        if (!resolved) {
          const { name } = cleanRowLabel(label);
          const override = this.mapping.regionNames[name];
          if (override === '') resolved = { name, skip: 'unmapped' };
          else if (override !== undefined) resolved = { name, region: regionByCode.get(override) };
          else if (isTotalLabel(name)) resolved = { name, skip: 'total' };
          else {
            const match = matchRegionLabel(name, this.regions);
            resolved = { name, region: match.kind === 'found' ? match.region : undefined };
          }
          if (resolved.region) matched.add(resolved.region.code);
          regionByLabel.set(label, resolved);
        }
        const { name } = resolved;
        if (resolved.skip === 'unmapped') {
          this.skip('unmapped', row, name, `Skipped as the mapping says for "${name}".`, `按映射设置跳过“${name}”。`);
          continue;
        }
        if (resolved.skip === 'total') {
          this.skip('total', row, name, `Total row "${name}", skipped.`, `合计行“${name}”，已跳过。`);
          continue;
        }
        region = resolved.region;
        if (!region) {
          this.reject('UNKNOWN_REGION', { row, column: regionColumn.index }, `No region "${name}" in the catalogue. Confirm it as a new region or map it to an existing one.`, `目录中没有地区“${name}”。请确认新建该地区，或映射到已有地区。`, { label: name });
          // An unknown indicator on the same row is said too (it keeps no further figures out), so both can be proposed.
          if (indicatorColumn) {
            const text = this.grid.text(row, indicatorColumn.index);
            if (text !== '' && !this.indicatorNamed(text)) this.rejectUnknownIndicator(row, indicatorColumn.index, text, name, 0);
          }
          continue;
        }
      } else region = this.table.region ? regionByCode.get(this.table.region) : undefined;
      if (!region) continue;
      let period = this.table.period;
      if (periodColumn) {
        const cell = this.grid.value(row, periodColumn.index) ?? '';
        let found = periodByCell.get(cell);
        if (found === undefined) {
          found = periodFromHeader(cell)?.code ?? null;
          periodByCell.set(cell, found);
        }
        if (!found) {
          this.reject('BAD_PERIOD', { row, column: periodColumn.index }, `"${this.grid.text(row, periodColumn.index)}" is not a period.`, `“${this.grid.text(row, periodColumn.index)}”不是有效的期别。`, { label: region.nameZh });
          continue;
        }
        period = found;
      }
      if (!period) continue;
      let rowIndicator: Indicator | undefined;
      if (indicatorColumn) {
        const text = this.grid.text(row, indicatorColumn.index);
        rowIndicator = this.indicatorNamed(text);
        if (!rowIndicator) {
          this.rejectUnknownIndicator(row, indicatorColumn.index, text, region.nameZh, 1);
          continue;
        }
      }
      let rowUnit: string | null = null;
      if (unitColumn) {
        const text = this.grid.text(row, unitColumn.index);
        const known = unitByText.get(text);
        if (known === undefined) {
          rowUnit = unitFromText(text) ?? (text || null);
          unitByText.set(text, rowUnit);
        } else rowUnit = known;
      }
      for (const { column: valueColumn, index, field } of figureColumns) {
        const parsed = parseNumber(this.grid.raw(row, index));
        if (parsed.kind === 'empty') continue;
        if (parsed.kind === 'text') {
          this.reject('NOT_A_NUMBER', { row, column: index }, `"${parsed.text}" is not a number.`, `“${parsed.text}”不是数字。`, { label: region.nameZh, value: parsed.text });
          continue;
        }
        this.out.figures.count += 1;
        const code = valueColumn.indicator ?? rowIndicator?.code ?? this.table.indicator;
        const indicator = code ? this.indicators.get(code) : undefined;
        if (!indicator) {
          this.reject('UNKNOWN_INDICATOR', { row, column: index }, `Indicator "${code ?? ''}" is not in the catalogue.`, `指标“${code ?? ''}”不在目录中。`, { label: region.nameZh });
          continue;
        }
        const printedUnit = field === 'value' ? (rowUnit ?? valueColumn.unit) : null;
        let convertFrom: string | null = null;
        if (field === 'value' && printedUnit !== indicator.unit) {
          if (!printedUnit && indicator.unit !== '') {
            this.reject('NO_UNIT', { row, column: index }, `No unit for this figure, and ${indicator.nameZh} is kept in ${indicator.unit}.`, `该数据未注明单位，而“${indicator.nameZh}”以${indicator.unit}存储。`, { label: region.nameZh });
            continue;
          }
          if (printedUnit && !this.canConvert(printedUnit, indicator.unit)) {
            this.reject('UNIT_MISMATCH', { row, column: index }, `${printedUnit} cannot be converted to ${indicator.unit}, the unit of ${indicator.nameZh}.`, `${printedUnit}无法换算为“${indicator.nameZh}”的单位${indicator.unit}。`, { label: region.nameZh });
            continue;
          }
          convertFrom = printedUnit;
        }
        this.emitFigure(row, index, field, indicator, convertFrom, region, period, parsed.value, parsed.isPercent, this.grid.raw(row, index));
      }
    }
  }
}

const FIELDS: readonly Field[] = ['value', 'growthReportedPct', 'rankReported'];

/** A figure of a key read more than once (a value with its growth, or a duplicate), as duplicates are judged. */
interface PendingFigure {
  readonly field: Field;
  /** The figure's own record: its field set, its address its cell's. */
  readonly observation: Planned;
  readonly label: string;
  readonly extractor: TableExtractor;
}

interface ExtractionState {
  rejected: Rejection[];
  skipped: SkippedRow[];
  problems: MappingProblem[];
  figures: { count: number };
  matchedRegions: Map<number, Set<string>>;
  /**
   * Figures before duplicates are found (a key can only be judged once every table is read): each
   * its own record, with its field (index into FIELDS) alongside.
   */
  pending: Planned[];
  pendingFields: number[];
  /** Each table's extractor, by the table's index in the mapping. */
  extractors: [number, TableExtractor][];
  /** Set in a trial run: one rejection per table, reason and label is all it needs to see. */
  seenRejections?: Set<string>;
}

export interface ExtractOptions {
  /**
   * Keep only the first rejection of each kind and label (a trial run that looks for unknown
   * names, where a long table would otherwise reject the same unknown region on every row).
   */
  readonly firstRejectionPerLabel?: boolean;
}

/**
 * Applies a mapping to a workbook's cells: every figure becomes a planned observation in the
 * indicator's unit, or a rejection with its reason and address; totals, subtotals and "其中"
 * rows are skipped or mapped as the mapping says. Nothing here reads or writes the workspace.
 */
export function extractObservations(workbook: WorkbookCells, mapping: ImportMapping, catalog: CatalogView, options: ExtractOptions = {}): Extraction {
  const out: ExtractionState = { rejected: [], skipped: [], problems: [], figures: { count: 0 }, matchedRegions: new Map(), pending: [], pendingFields: [], extractors: [] };
  if (options.firstRejectionPerLabel) out.seenRejections = new Set();
  const indicators = new Map<string, Indicator>();
  for (const indicator of [...catalog.indicators, ...mapping.create.indicators]) if (!indicators.has(indicator.code)) indicators.set(indicator.code, indicator);
  const regionList: Region[] = [];
  const seenRegions = new Set<string>();
  for (const region of [...catalog.regions, ...mapping.create.regions]) {
    if (seenRegions.has(region.code)) continue;
    seenRegions.add(region.code);
    regionList.push(region);
  }
  mapping.tables.forEach((table, tableIndex) => {
    if (!table.enabled) return;
    const sheet = workbook.sheets.find((candidate) => candidate.name === table.sheet);
    if (!sheet) {
      out.problems.push({
        table: tableIndex,
        message: `The file has no sheet "${table.sheet}". Sheets: ${workbook.sheets.map((s) => s.name).join(', ')}.`.slice(0, 4000),
        messageZh: `文件中没有工作表“${table.sheet}”。现有工作表：${workbook.sheets.map((s) => s.name).join('、')}。`.slice(0, 4000),
      });
      return;
    }
    const extractor = new TableExtractor(out, mapping, table, tableIndex, indicators, regionList, new Grid(sheet));
    out.extractors.push([tableIndex, extractor]);
    if (table.layout === 'long') extractor.extractLong();
    else {
      extractor.resolveColumns();
      extractor.extractWide();
    }
  });
  // One figure per (indicator, region, period, field): a second source for it rejects them all.
  // Figures are grouped by their key as three small numbers in an open-addressing table (no key
  // string or map entry per figure: a long table has a million), each group taken in the order its
  // first figure came and its figures in the order they came.
  const pending = out.pending;
  const count = pending.length;
  const indicatorOf = new Int32Array(count);
  const regionOf = new Int32Array(count);
  const periodOf = new Int32Array(count);
  const indicatorIds = new Map<string, number>();
  const regionIds = new Map<string, number>();
  const periodIds = new Map<string, number>();
  const idOf = (ids: Map<string, number>, key: string): number => {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  for (let index = 0; index < count; index += 1) {
    const observation = pending[index]!;
    indicatorOf[index] = idOf(indicatorIds, observation.indicatorCode);
    regionOf[index] = idOf(regionIds, observation.regionCode);
    periodOf[index] = idOf(periodIds, observation.period);
  }
  let capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  const slots = new Int32Array(capacity).fill(-1);
  /** The next figure of the same key, or -1; for a group's first figure, its last one. */
  const nextOf = new Int32Array(count).fill(-1);
  const lastOf = new Int32Array(count);
  const isFirst = new Uint8Array(count);
  for (let index = 0; index < count; index += 1) {
    const indicator = indicatorOf[index]!;
    const region = regionOf[index]!;
    const period = periodOf[index]!;
    let hash = Math.imul(indicator + 1, 0x9e3779b1) ^ Math.imul(region + 0x7f4a7c15, 0x85ebca6b) ^ Math.imul(period + 0x165667b1, 0xc2b2ae35);
    hash ^= hash >>> 15;
    let slot = hash & (capacity - 1);
    for (;;) {
      const first = slots[slot]!;
      if (first < 0) {
        slots[slot] = index;
        isFirst[index] = 1;
        lastOf[index] = index;
        break;
      }
      if (indicatorOf[first] === indicator && regionOf[first] === region && periodOf[first] === period) {
        nextOf[lastOf[first]!] = index;
        lastOf[first] = index;
        break;
      }
      slot = (slot + 1) & (capacity - 1);
    }
  }
  const extractors = new Map<number, TableExtractor>();
  for (const [table, extractor] of out.extractors) extractors.set(table, extractor);
  const regionByCode = new Map(regionList.map((region) => [region.code, region]));
  const figureAt = (index: number): PendingFigure => {
    const observation = pending[index]!;
    return { field: FIELDS[out.pendingFields[index]!]!, observation, label: regionByCode.get(observation.regionCode)?.nameZh ?? '', extractor: extractors.get(observation.table)! };
  };
  const observations: PlannedObservation[] = [];
  const build = (figures: readonly PendingFigure[]) => {
    const first = figures[0]!.observation;
    const observation = new Planned(first.indicatorCode, first.regionCode, first.period, first.table, first.convertedFrom, first.sheet, first.row, first.column);
    for (const figure of figures) {
      observation[figure.field] = figure.observation[figure.field];
      if (figure.field === 'value') {
        observation.sheet = figure.observation.sheet;
        observation.row = figure.observation.row;
        observation.column = figure.observation.column;
        observation.convertedFrom = figure.observation.convertedFrom;
      }
    }
    observations.push(observation);
  };
  for (let index = 0; index < count; index += 1) {
    if (isFirst[index] === 0) continue;
    if (nextOf[index] === -1) {
      // The one figure of its observation (most of a long table): its own record becomes the observation.
      observations.push(pending[index]!);
      continue;
    }
    const entry: PendingFigure[] = [];
    for (let figure = index; figure !== -1; figure = nextOf[figure]!) entry.push(figureAt(figure));
    const byField = new Map<Field, PendingFigure[]>();
    for (const figure of entry) {
      const list = byField.get(figure.field);
      if (list) list.push(figure);
      else byField.set(figure.field, [figure]);
    }
    let isDuplicate = false;
    for (const figures of byField.values()) {
      if (figures.length < 2) continue;
      isDuplicate = true;
      for (const figure of figures) figure.extractor.rejectDuplicate(figure, figures);
    }
    if (!isDuplicate) build(entry);
  }
  return { observations, rejected: out.rejected, skipped: out.skipped, problems: out.problems, figureCount: out.figures.count, matchedRegions: out.matchedRegions };
}
