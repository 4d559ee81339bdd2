import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/api/errors';
import type { SheetCells, SourceFormat, WorkbookCells } from '../../../shared/import/types';
import { decodeText, type TextEncodingChoice } from './decode';
import { parseDelimited, sniffDelimiter } from './delimited';
import { importFailures } from './failures';
import { columnsOverLimit, DEFAULT_READ_LIMITS, type ReadLimits } from './limits';
import { sniffContainer } from './sniff';
import { readHtmlWithSheetJs, readWithSheetJs } from './spreadsheet';
import { inspectZip } from './zip';

export interface ReadOptions {
  /** Text encoding of a csv/tsv, or "gb18030" to read a legacy .xls as GBK; "auto" detects. */
  readonly encoding?: TextEncodingChoice;
  readonly limits?: Partial<ReadLimits>;
}

/** How far a read or a write has come: `done` of `total` units of the phase (bytes, characters, rows). */
export interface ReadProgress {
  readonly phase: 'reading' | 'parsing' | 'writing';
  readonly done: number;
  readonly total: number;
}

export type ProgressListener = (progress: ReadProgress) => void;

function limitsOf(options: ReadOptions): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...options.limits };
}

function sheetNameFor(fileName: string): string {
  return path.basename(fileName).replace(/\.[A-Za-z0-9]{2,5}$/, '').slice(0, 100) || 'Sheet1';
}

function assertHasCells(fileName: string, sheets: readonly SheetCells[]): void {
  if (sheets.every((sheet) => sheet.rows.every((row) => row.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''))))) {
    throw importFailures.empty(fileName, 'every sheet is empty.', '所有工作表均为空。');
  }
}

/**
 * Reads a spreadsheet file's bytes into cells: xlsx and ods (zip, checked for truncation,
 * encryption and zip bombs before inflating), xls (BIFF2–8, re-decoded as GBK where its code page
 * is wrong), csv/tsv (BOM, strict UTF-8, then GB18030), and HTML tables saved as .xls.
 * Every expected failure is an AppFailure; nothing is written anywhere.
 */
export function readSpreadsheet(bytes: Uint8Array, fileName: string, options: ReadOptions = {}, onProgress?: ProgressListener): WorkbookCells {
  const limits = limitsOf(options);
  const name = path.basename(fileName);
  if (bytes.length > limits.maxFileBytes) throw importFailures.fileTooLarge(name, bytes.length, limits);
  if (bytes.length === 0) throw importFailures.empty(name, 'the file is empty (0 bytes).', '文件为空（0 字节）。');
  const kind = sniffContainer(bytes);
  let format: SourceFormat;
  let encoding: string | null = null;
  let sheets: SheetCells[];
  const notes: string[] = [];
  switch (kind) {
    case 'zip': {
      const entries = inspectZip(bytes, name, limits);
      const isOds = entries.some((entry) => entry.name === 'content.xml') && entries.some((entry) => entry.name === 'mimetype');
      const isXlsx = entries.some((entry) => /^xl\/workbook\.xml$|^\[Content_Types\]\.xml$/i.test(entry.name));
      if (!isOds && !isXlsx) {
        throw importFailures.unreadable(name, 'it is a zip archive but not an xlsx or ods workbook.', '它是压缩包，但不是 xlsx 或 ods 工作簿。', { reason: 'not-a-workbook' });
      }
      format = isOds ? 'ods' : 'xlsx';
      onProgress?.({ phase: 'parsing', done: 0, total: 1 });
      sheets = readWithSheetJs(bytes, 'zip', name, limits).sheets;
      break;
    }
    case 'cfb':
    case 'biff': {
      format = 'xls';
      const result = readWithSheetJs(bytes, kind, name, limits, options.encoding === 'gb18030' ? 936 : undefined);
      sheets = result.sheets;
      encoding = result.codePage === null ? null : `cp${result.codePage}`;
      notes.push(...result.notes);
      break;
    }
    case 'html': {
      format = 'html';
      const decoded = decodeText(bytes, options.encoding ?? 'auto');
      encoding = decoded.encoding;
      sheets = readHtmlWithSheetJs(decoded.text, name, limits);
      break;
    }
    case 'text': {
      const decoded = decodeText(bytes, options.encoding ?? 'auto');
      encoding = decoded.encoding;
      const delimiter = sniffDelimiter(decoded.text, name);
      format = delimiter === '\t' ? 'tsv' : 'csv';
      const total = decoded.text.length;
      onProgress?.({ phase: 'parsing', done: 0, total });
      const rows = parseDelimited(decoded.text, delimiter, (cells, position) => {
        onProgress?.({ phase: 'parsing', done: position, total });
        if (cells > limits.maxCells) {
          throw importFailures.tooLarge(name, `more than ${limits.maxCells.toLocaleString('en-US')} cells`, `超过 ${limits.maxCells.toLocaleString('zh-CN')} 个单元格`, { limit: limits.maxCells });
        }
      });
      // A loop, not Math.max(...rows): a million arguments overflow the call stack.
      let width = 0;
      for (const row of rows) if (row.length > width) width = row.length;
      const wide = columnsOverLimit(width, limits);
      if (wide) throw importFailures.tooLarge(name, wide.message, wide.messageZh, { limit: limits.maxColumns });
      if (decoded.encoding === 'gb18030') notes.push('Not UTF-8: decoded as GB18030 (GBK). / 非 UTF-8 编码：已按 GB18030（GBK）解码。');
      sheets = [{ name: sheetNameFor(name), rows, merges: [] }];
      break;
    }
    default:
      throw importFailures.unreadable(name, 'it is not a spreadsheet (xlsx, xls, ods, csv or tsv).', '它不是电子表格（xlsx、xls、ods、csv 或 tsv）。', { reason: 'not-a-spreadsheet' });
  }
  assertHasCells(name, sheets);
  return { fileName: name, format, encoding, sheets, notes };
}

/** Reads a file from disk, checking its size before reading a byte of it. */
export function readSpreadsheetFile(filePath: string, options: ReadOptions = {}, onProgress?: ProgressListener): WorkbookCells {
  const limits = limitsOf(options);
  const absolute = path.resolve(filePath);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    throw new AppFailure('FILE_NOT_FOUND', `${absolute} does not exist. Check the path.`, `${absolute} 不存在。请检查路径。`, { path: absolute });
  }
  if (!stat.isFile()) throw new AppFailure('FILE_NOT_FOUND', `${absolute} is not a file.`, `${absolute} 不是文件。`, { path: absolute });
  if (stat.size > limits.maxFileBytes) throw importFailures.fileTooLarge(path.basename(absolute), stat.size, limits);
  onProgress?.({ phase: 'reading', done: 0, total: stat.size });
  const bytes = fs.readFileSync(absolute);
  onProgress?.({ phase: 'reading', done: stat.size, total: stat.size });
  return readSpreadsheet(bytes, absolute, options, onProgress);
}
