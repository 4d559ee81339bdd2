import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { HandlersOf } from '../../../shared/api/contract';
import { AppFailure } from '../../../shared/api/errors';
import type { snapshotMethods, RevisionReportResult } from '../../../shared/api/methods/snapshots';
import type { Catalog, SnapshotRef } from '../../../shared/api/schemas';
import { chooseDisplayUnit, toDisplayValue, type Language } from '../../../shared/format';
import { periodLabel } from '../../../shared/periods';
import { countRevisions, filterRevisions, revisionRows, type RevisionFilter, type RevisionRow } from '../../../shared/revisions';
import type { Workspace } from '../workspace';
import type { HandlerContext } from './context';

export interface RevisionReportRequest extends RevisionFilter {
  readonly from: SnapshotRef;
  readonly to: SnapshotRef;
  readonly path: string;
  readonly language: Language;
  readonly overwrite: boolean;
}

const CHANGE_WORDS: Record<Language, Record<RevisionRow['change'], string>> = {
  zh: { added: '新增', removed: '删除', changed: '修改' },
  en: { added: 'added', removed: 'removed', changed: 'changed' },
};

const COLUMNS: readonly { header: string; width: number }[] = [
  { header: '变动 Change', width: 10 },
  { header: '指标 Indicator', width: 30 },
  { header: '地区 Region', width: 12 },
  { header: '期别 Period', width: 12 },
  { header: '单位 Unit', width: 10 },
  { header: '原值 Old value', width: 14 },
  { header: '新值 New value', width: 14 },
  { header: '变动量 Change', width: 14 },
  { header: '变动率 Change %', width: 12 },
  { header: '原增速% Old growth', width: 12 },
  { header: '新增速% New growth', width: 12 },
  { header: '增速变动(百分点) Growth change pp', width: 16 },
  { header: '原位次 Old rank', width: 10 },
  { header: '新位次 New rank', width: 10 },
  { header: '位次变化(+为前移) Rank change (+ up)', width: 16 },
  { header: '指标代码 Indicator code', width: 24 },
  { header: '地区代码 Region code', width: 12 },
];

/** Text a spreadsheet would run as a formula is written with a leading apostrophe. */
function asText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    cell.border = { bottom: { style: 'thin' } };
  });
}

/** One spreadsheet row: values in the unit a reader expects (471.78 billion yuan → 4717.8 亿元), as in the table. */
function reportCells(row: RevisionRow, catalog: Catalog, language: Language): (string | number | null)[] {
  const indicator = catalog.indicators.find((i) => i.code === row.indicatorCode);
  const region = catalog.regions.find((r) => r.code === row.regionCode);
  const display = chooseDisplayUnit(row.unit, [row.oldValue, row.newValue], language);
  const shown = (value: number | null) => (value === null ? null : toDisplayValue(value, row.unit, display));
  const name = (item: { nameZh: string; nameEn: string } | undefined, code: string) => asText(item ? (language === 'zh' ? item.nameZh : item.nameEn) : code);
  return [
    CHANGE_WORDS[language][row.change],
    name(indicator, row.indicatorCode),
    name(region, row.regionCode),
    periodLabel(row.period, language, indicator?.accumulation ?? 'point'),
    asText(display.label),
    shown(row.oldValue),
    shown(row.newValue),
    row.absoluteChange === null ? null : toDisplayValue(row.absoluteChange, row.unit, display),
    row.relativeChangePct,
    row.oldGrowthPct,
    row.newGrowthPct,
    row.growthChangePp,
    row.oldRank,
    row.newRank,
    row.rankChange,
    asText(row.indicatorCode),
    asText(row.regionCode),
  ];
}

/** The revision report as an xlsx workbook: 修订 (one row per changed cell, filterable) and 说明 (what was compared). */
export async function revisionReportBuffer(workspace: Workspace, request: Omit<RevisionReportRequest, 'path' | 'overwrite'>): Promise<{ buffer: Buffer; rowCount: number; from: { seq: number; label: string }; to: { seq: number; label: string } }> {
  const diff = workspace.diff(request.from, request.to);
  const rows = filterRevisions(revisionRows(diff), request);
  const catalog = workspace.catalog.catalog();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Yardstick 对标';
  workbook.created = new Date();

  const sheet = workbook.addWorksheet('修订 Revisions', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.columns = COLUMNS.map(({ header, width }) => ({ header, width }));
  styleHeader(sheet.getRow(1));
  for (const row of rows) {
    const added = sheet.addRow(reportCells(row, catalog, request.language));
    for (const column of [9, 10, 11, 12]) added.getCell(column).numFmt = '0.0#';
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };

  const about = workbook.addWorksheet('说明 About');
  about.columns = [{ width: 24 }, { width: 60 }];
  const name = (ref: { seq: number; label: string }) => asText(ref.label === 'working' ? '工作副本 working copy' : `${ref.seq} ${ref.label}`);
  const counts = countRevisions(rows);
  about.addRow(['工作区 Workspace', asText(workspace.filePath)]);
  about.addRow(['从 From', name(diff.from)]);
  about.addRow(['到 To', name(diff.to)]);
  about.addRow(['指标筛选 Indicator filter', asText(request.indicatorCode ?? '全部 all')]);
  about.addRow(['地区筛选 Region filter', asText(request.regionCode ?? '全部 all')]);
  about.addRow(['新增 Added', counts.added]);
  about.addRow(['删除 Removed', counts.removed]);
  about.addRow(['修改 Changed', counts.changed]);
  about.addRow(['生成时间 Generated at', new Date().toISOString()]);

  const buffer = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return { buffer, rowCount: rows.length, from: diff.from, to: diff.to };
}

/** Writes the report beside its final name first and renames it, so a failure never leaves half a file. */
export async function writeRevisionReport(workspace: Workspace, request: RevisionReportRequest): Promise<RevisionReportResult> {
  const requested = path.resolve(request.path);
  const absolute = requested.toLowerCase().endsWith('.xlsx') ? requested : `${requested}.xlsx`;
  if (fs.existsSync(absolute) && !request.overwrite) {
    throw new AppFailure('FILE_EXISTS', `${absolute} already exists. Choose another name.`, `${absolute} 已存在。请换一个文件名。`, { path: absolute });
  }
  const folder = path.dirname(absolute);
  if (!fs.existsSync(folder)) {
    throw new AppFailure('FILE_NOT_FOUND', `The folder ${folder} does not exist. Choose an existing folder.`, `文件夹 ${folder} 不存在。请选择已有的文件夹。`, { path: folder });
  }
  const { buffer, rowCount, from, to } = await revisionReportBuffer(workspace, request);
  const temporary = `${absolute}.${process.pid}.partial`;
  try {
    fs.writeFileSync(temporary, buffer);
    fs.renameSync(temporary, absolute);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  return { path: absolute, rowCount, from, to };
}

export function snapshotHandlers(context: HandlerContext): HandlersOf<typeof snapshotMethods> {
  return {
    'snapshot.exportDiff': ({ from, to, path: target, indicator, region, language, overwrite }) => {
      const workspace = context.requireWorkspace();
      // Names work as well as codes, as in every other method; an unknown one is an error, not an empty report.
      const indicatorCode = indicator ? workspace.findIndicator(indicator).code : null;
      const regionCode = region ? workspace.findRegion(region).code : null;
      return writeRevisionReport(workspace, { from, to, path: target, indicatorCode, regionCode, language, overwrite });
    },
  };
}
