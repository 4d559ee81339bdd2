import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { AppFailure } from '../../../shared/api/errors';
import type { Catalog, Indicator, Observation, Region, SeriesQuery } from '../../../shared/api/schemas';
import { toCsv, type CsvCell } from '../../../shared/csv';
import { comparePeriods } from '../../../shared/periods';
import { unitLabel } from '../../../shared/units';
import type { Workspace } from '../workspace';

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportRequest extends SeriesQuery {
  readonly path: string;
  readonly format: ExportFormat;
  readonly overwrite?: boolean;
}

export interface ExportData {
  readonly observations: readonly Observation[];
  readonly catalog: Catalog;
  readonly snapshot: { seq: number; label: string };
  readonly workspaceFile: string;
}

/** Text a spreadsheet would run as a formula (= + - @, or a tab/CR hiding one) is written with a leading apostrophe. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Number of decimals a figure needs as printed (4717.8 → 1), at most 4. */
function decimalsOf(value: number): number {
  const text = String(value);
  if (/e/i.test(text)) return 4;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(4, text.length - dot - 1);
}

function numberFormat(decimals: number): string {
  return decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
}

export function collectExport(workspace: Workspace, query: SeriesQuery): ExportData {
  const { seq, label } = workspace.resolveSnapshot(query.snapshot);
  return { observations: workspace.querySeries(query), catalog: workspace.catalog.catalog(), snapshot: { seq, label }, workspaceFile: workspace.filePath };
}

const LONG_HEADER = ['指标代码 indicator', '指标 name', '地区代码 region', '地区 region name', '期别 period', '数值 value', '单位 unit', '增速(%) growth %', '位次 rank', '标记 flags', '备注 note', '来源 source'];

function longRows(data: ExportData): CsvCell[][] {
  const indicators = new Map(data.catalog.indicators.map((indicator) => [indicator.code, indicator]));
  const regions = new Map(data.catalog.regions.map((region) => [region.code, region]));
  return data.observations.map((o) => [
    o.indicatorCode,
    indicators.get(o.indicatorCode)?.nameZh ?? o.indicatorCode,
    o.regionCode,
    regions.get(o.regionCode)?.nameZh ?? o.regionCode,
    o.period,
    o.value,
    o.unit,
    o.growthReportedPct,
    o.rankReported,
    o.flags.join(','),
    o.note,
    o.source,
  ]);
}

/** csv in UTF-8 with a BOM, so that Excel and WPS open it as Chinese text; one observation a line. */
export function exportCsvText(data: ExportData): string {
  return `\ufeff${toCsv([LONG_HEADER, ...longRows(data)])}`;
}

function indicatorHeader(indicator: Indicator): string {
  const unit = indicator.unit === '' ? '' : `（${unitLabel(indicator.unit, 'zh')}）`;
  return neutralise(`${indicator.nameZh}${unit}`);
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    cell.border = { bottom: { style: 'thin' } };
  });
}

/**
 * xlsx with three sheets: 数据 (regions × periods by indicators, units in the headers, number
 * formats by the decimals each indicator needs, the header and label columns frozen), 明细 (one
 * observation per row with unit and source) and 来源 (what was exported, from where, and each
 * indicator's source note).
 */
export async function exportXlsxBuffer(data: ExportData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Yardstick 对标';
  workbook.created = new Date();
  const indicators = data.catalog.indicators.filter((indicator) => data.observations.some((o) => o.indicatorCode === indicator.code));
  const regions = new Map<string, Region>(data.catalog.regions.map((region) => [region.code, region]));
  const decimals = new Map<string, number>();
  for (const o of data.observations) if (o.value !== null) decimals.set(o.indicatorCode, Math.max(decimals.get(o.indicatorCode) ?? 0, decimalsOf(o.value)));

  const wide = workbook.addWorksheet('数据 Data', { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
  wide.columns = [
    { header: '地区 Region', key: 'region', width: 14 },
    { header: '地区代码 Code', key: 'code', width: 12 },
    { header: '期别 Period', key: 'period', width: 10 },
    ...indicators.map((indicator) => ({ header: indicatorHeader(indicator), key: `i:${indicator.code}`, width: Math.min(30, Math.max(12, indicator.nameZh.length * 2 + 6)) })),
  ];
  styleHeader(wide.getRow(1));
  const regionOrder = new Map(data.catalog.regions.map((region, index) => [region.code, index]));
  const byRow = new Map<string, Map<string, number | null>>();
  for (const o of data.observations) {
    const key = `${o.regionCode}\u0000${o.period}`;
    const row = byRow.get(key) ?? new Map<string, number | null>();
    row.set(o.indicatorCode, o.value);
    byRow.set(key, row);
  }
  const keys = [...byRow.keys()].sort((a, b) => {
    const [regionA, periodA] = a.split('\u0000') as [string, string];
    const [regionB, periodB] = b.split('\u0000') as [string, string];
    return (regionOrder.get(regionA) ?? 0) - (regionOrder.get(regionB) ?? 0) || comparePeriods(periodA, periodB);
  });
  for (const key of keys) {
    const [regionCode, period] = key.split('\u0000') as [string, string];
    const values = byRow.get(key)!;
    const row = wide.addRow([neutralise(regions.get(regionCode)?.nameZh ?? regionCode), neutralise(regionCode), period, ...indicators.map((indicator) => values.get(indicator.code) ?? null)]);
    indicators.forEach((indicator, index) => {
      row.getCell(4 + index).numFmt = numberFormat(decimals.get(indicator.code) ?? 0);
    });
  }

  const long = workbook.addWorksheet('明细 Observations', { views: [{ state: 'frozen', ySplit: 1 }] });
  long.columns = LONG_HEADER.map((header, index) => ({ header, width: [18, 24, 12, 12, 10, 14, 12, 12, 8, 10, 24, 48][index] }));
  styleHeader(long.getRow(1));
  longRows(data).forEach((cells, index) => {
    const row = long.addRow(cells.map((cell) => (typeof cell === 'string' ? neutralise(cell) : cell)));
    const observation = data.observations[index]!;
    row.getCell(6).numFmt = numberFormat(decimals.get(observation.indicatorCode) ?? 0);
    row.getCell(8).numFmt = '0.0#';
  });

  const sources = workbook.addWorksheet('来源 Sources');
  sources.columns = [{ width: 22 }, { width: 30 }, { width: 30 }, { width: 14 }, { width: 60 }];
  sources.addRow(['工作区 Workspace', neutralise(data.workspaceFile)]);
  sources.addRow(['快照 Snapshot', neutralise(data.snapshot.label === 'working' ? '工作副本 working copy' : `${data.snapshot.seq} ${data.snapshot.label}`)]);
  sources.addRow(['导出时间 Exported at', new Date().toISOString()]);
  sources.addRow(['观测数 Observations', data.observations.length]);
  sources.addRow([]);
  const header = sources.addRow(['指标代码 Indicator', '指标 Name', 'Name (English)', '单位 Unit', '来源说明 Source note']);
  styleHeader(header);
  for (const indicator of indicators) {
    sources.addRow([neutralise(indicator.code), neutralise(indicator.nameZh), neutralise(indicator.nameEn), neutralise(indicator.unit), neutralise(indicator.sourceNote ?? '')]);
  }
  sources.addRow([]);
  const citedHeader = sources.addRow(['来源 Source (observations)', '观测数 Count']);
  styleHeader(citedHeader);
  const cited = new Map<string, number>();
  for (const o of data.observations) {
    // One line per source document: the cell address after the file name varies per figure.
    const document = (o.source ?? '').replace(/\s+'?[^\s']*'?![A-Z]+\d+$/u, '').trim();
    if (document !== '') cited.set(document, (cited.get(document) ?? 0) + 1);
  }
  for (const [source, count] of [...cited.entries()].sort((a, b) => b[1] - a[1])) sources.addRow([neutralise(source), count]);

  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

/** Writes the export next to its final name first, so a failure never leaves half a file. */
export async function writeExport(workspace: Workspace, request: ExportRequest): Promise<{ path: string; format: ExportFormat; observationCount: number; snapshot: { seq: number; label: string } }> {
  const absolute = path.resolve(request.path);
  if (fs.existsSync(absolute) && !request.overwrite) {
    throw new AppFailure('FILE_EXISTS', `${absolute} already exists. Choose another name, or allow overwriting.`, `${absolute} 已存在。请换一个文件名，或允许覆盖。`, { path: absolute });
  }
  if (!fs.existsSync(path.dirname(absolute))) {
    throw new AppFailure('FILE_NOT_FOUND', `The folder ${path.dirname(absolute)} does not exist.`, `文件夹 ${path.dirname(absolute)} 不存在。`, { path: path.dirname(absolute) });
  }
  const { path: _path, format, overwrite: _overwrite, ...query } = request;
  const data = collectExport(workspace, query);
  const content = format === 'csv' ? Buffer.from(exportCsvText(data), 'utf8') : await exportXlsxBuffer(data);
  const temporary = `${absolute}.${process.pid}.partial`;
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, absolute);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  return { path: absolute, format, observationCount: data.observations.length, snapshot: data.snapshot };
}
