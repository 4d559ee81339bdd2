import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/api/errors';
import type { SheetCells, WorkbookCells } from '../../../shared/import/types';
import { decodeText, validUtf8Start, type DecodedText, type TextEncodingChoice } from './decode';
import { parseDelimited, parseDelimitedUtf8, sniffDelimiter } from './delimited';
import { importFailures } from './failures';
import { columnsOverLimit, DEFAULT_READ_LIMITS, type ReadLimits } from './limits';

/**
 * What every reader shares, and the csv/tsv reader itself: kept apart from readFile.ts so that a
 * text file is read without loading the spreadsheet library (SheetJS and its code pages, about half
 * a second to load).
 */

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

export function limitsOf(options: ReadOptions): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...options.limits };
}

function sheetNameFor(fileName: string): string {
  return path.basename(fileName).replace(/\.[A-Za-z0-9]{2,5}$/, '').slice(0, 100) || 'Sheet1';
}

export function assertHasCells(fileName: string, sheets: readonly SheetCells[]): void {
  if (sheets.every((sheet) => sheet.rows.every((row) => row.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''))))) {
    throw importFailures.empty(fileName, 'every sheet is empty.', '所有工作表均为空。');
  }
}

/** A file's bytes, its size checked before a byte of it is read. */
export function readFileBytes(filePath: string, options: ReadOptions = {}, onProgress?: ProgressListener): { absolute: string; bytes: Uint8Array } {
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
  return { absolute, bytes };
}

/**
 * The start of a valid UTF-8 text, decoded up to a line end past its first 40 lines: enough for
 * sniffDelimiter, which looks at the first 30 lines only.
 */
function firstLines(bytes: Uint8Array, start: number): string {
  let lines = 0;
  let end = start;
  while (end < bytes.length && lines < 40) {
    const byte = bytes[end]!;
    end += 1;
    if (byte === 0x0a) lines += 1;
    else if (byte === 0x0d) {
      lines += 1;
      if (bytes[end] === 0x0a) end += 1;
    }
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
}

/** A csv or tsv (the container sniffed as text): decoded (BOM, strict UTF-8, then GB18030) and parsed within the limits. */
export function readDelimitedText(bytes: Uint8Array, fileName: string, options: ReadOptions = {}, onProgress?: ProgressListener): WorkbookCells {
  const limits = limitsOf(options);
  const name = path.basename(fileName);
  const notes: string[] = [];
  // Valid UTF-8 (most files) is parsed from its bytes; other encodings are decoded first.
  const utf8Start = validUtf8Start(bytes, options.encoding ?? 'auto');
  const decoded: { text: string | null; encoding: DecodedText['encoding'] } =
    utf8Start === undefined ? decodeText(bytes, options.encoding ?? 'auto') : { text: null, encoding: 'utf-8' };
  const delimiter = sniffDelimiter(decoded.text ?? firstLines(bytes, utf8Start ?? 0), name);
  const total = decoded.text === null ? bytes.length : decoded.text.length;
  onProgress?.({ phase: 'parsing', done: 0, total });
  const onCells = (cells: number, position: number) => {
    onProgress?.({ phase: 'parsing', done: position, total });
    if (cells > limits.maxCells) {
      throw importFailures.tooLarge(name, `more than ${limits.maxCells.toLocaleString('en-US')} cells`, `超过 ${limits.maxCells.toLocaleString('zh-CN')} 个单元格`, { limit: limits.maxCells });
    }
  };
  const rows = decoded.text === null ? parseDelimitedUtf8(bytes, utf8Start ?? 0, delimiter, onCells) : parseDelimited(decoded.text, delimiter, onCells);
  // A loop, not Math.max(...rows): a million arguments overflow the call stack.
  let width = 0;
  for (const row of rows) if (row.length > width) width = row.length;
  const wide = columnsOverLimit(width, limits);
  if (wide) throw importFailures.tooLarge(name, wide.message, wide.messageZh, { limit: limits.maxColumns });
  if (decoded.encoding === 'gb18030') notes.push('Not UTF-8: decoded as GB18030 (GBK). / 非 UTF-8 编码：已按 GB18030（GBK）解码。');
  const sheets = [{ name: sheetNameFor(name), rows, merges: [] }];
  assertHasCells(name, sheets);
  return { fileName: name, format: delimiter === '\t' ? 'tsv' : 'csv', encoding: decoded.encoding, sheets, notes };
}
