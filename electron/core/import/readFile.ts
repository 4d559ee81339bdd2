import path from 'node:path';
import type { SheetCells, SourceFormat, WorkbookCells } from '../../../shared/import/types';
import { decodeText } from './decode';
import { importFailures } from './failures';
import { assertHasCells, limitsOf, readDelimitedText, readFileBytes, type ProgressListener, type ReadOptions } from './readText';
import { sniffContainer } from './sniff';
import { readHtmlWithSheetJs, readWithSheetJs } from './spreadsheet';
import { inspectZip } from './zip';

export type { ProgressListener, ReadOptions, ReadProgress } from './readText';

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
    case 'text':
      return readDelimitedText(bytes, name, options, onProgress);
    default:
      throw importFailures.unreadable(name, 'it is not a spreadsheet (xlsx, xls, ods, csv or tsv).', '它不是电子表格（xlsx、xls、ods、csv 或 tsv）。', { reason: 'not-a-spreadsheet' });
  }
  assertHasCells(name, sheets);
  return { fileName: name, format, encoding, sheets, notes };
}

/** Reads a file from disk, checking its size before reading a byte of it. */
export function readSpreadsheetFile(filePath: string, options: ReadOptions = {}, onProgress?: ProgressListener): WorkbookCells {
  const { absolute, bytes } = readFileBytes(filePath, options, onProgress);
  return readSpreadsheet(bytes, absolute, options, onProgress);
}
