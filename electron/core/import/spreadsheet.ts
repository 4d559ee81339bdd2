import { createRequire } from 'node:module';
import * as XLSX from '@e965/xlsx';
import type { CellValue, MergeRange, SheetCells } from '../../../shared/import/types';
import { roundToSignificant } from '../../../shared/units';
import { importFailures } from './failures';
import { columnsOverLimit, type ReadLimits } from './limits';

/**
 * The ES build of SheetJS (bundled: electron.vite.config.ts) ships without code pages. Legacy .xls
 * text needs them (GBK is 936), xlsx and ods (UTF-8 XML) do not: building their tables takes about
 * a quarter of a second, so only a legacy workbook loads them, once.
 */
let hasCodePages = false;
function loadCodePages(): void {
  if (hasCodePages) return;
  XLSX.set_cptable(createRequire(import.meta.url)('@e965/xlsx/dist/cpexcel.js') as Parameters<typeof XLSX.set_cptable>[0]);
  hasCodePages = true;
}

const GBK_CODE_PAGE = 936;
const CODEPAGE_RECORD = 0x0042;
const FILEPASS_RECORD = 0x002f;

export interface SheetJsResult {
  readonly sheets: SheetCells[];
  /** The code page the text was re-decoded with, when the declared one was wrong. */
  readonly codePage: number | null;
  readonly notes: string[];
}

interface CfbEntry {
  name: string;
  content: Uint8Array | number[];
}

interface CfbContainer {
  FileIndex: CfbEntry[];
}

const CFB = XLSX.CFB as {
  read(data: Uint8Array, options: { type: 'buffer' | 'array' }): CfbContainer;
  write(container: CfbContainer, options: { type: 'buffer' }): Uint8Array;
};

/** Excel's error values by code, as SheetJS reads them (the workbook is read without formatted text, see parse()). */
const ERROR_TEXT: Readonly<Record<number, string>> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

function cellValue(cell: XLSX.CellObject | undefined): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 'n': {
      const value = cell.v as number;
      if (!Number.isFinite(value)) return null;
      // A figure formatted as a percentage (0.093 shown as 9.3%) is read as the reader sees it.
      if (typeof cell.z === 'string' && /%/.test(cell.z.replace(/"[^"]*"|\\./g, ''))) return `${roundToSignificant(value * 100, 15)}%`;
      return value;
    }
    case 's':
      return (cell.v as string) === '' ? null : (cell.v as string);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.w ?? (typeof cell.v === 'number' ? ERROR_TEXT[cell.v] : undefined) ?? '#ERROR';
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
    default:
      return null;
  }
}

function toSheetCells(name: string, sheet: XLSX.WorkSheet, budget: { cells: number }, fileName: string, limits: ReadLimits): SheetCells {
  const ref = sheet['!ref'];
  if (!ref) return { name, rows: [], merges: [] };
  const range = XLSX.utils.decode_range(ref);
  const height = range.e.r + 1;
  const width = range.e.c + 1;
  const wide = columnsOverLimit(width, limits);
  if (wide) throw importFailures.tooLarge(fileName, wide.message, wide.messageZh, { limit: limits.maxColumns });
  budget.cells += height * width;
  if (budget.cells > limits.maxCells) {
    throw importFailures.tooLarge(fileName, `the sheets span more than ${limits.maxCells.toLocaleString('en-US')} cells`, `各工作表合计超过 ${limits.maxCells.toLocaleString('zh-CN')} 个单元格`, {
      cells: budget.cells,
      limit: limits.maxCells,
    });
  }
  const data = (sheet as XLSX.DenseSheet)['!data'] ?? [];
  const rows: CellValue[][] = [];
  for (let row = 0; row < height; row += 1) {
    const source = data[row];
    const values: CellValue[] = [];
    if (source) {
      for (let column = 0; column < Math.min(width, source.length); column += 1) values.push(cellValue(source[column]));
      while (values.length > 0 && values[values.length - 1] === null) values.pop();
    }
    rows.push(values);
  }
  const merges: MergeRange[] = (sheet['!merges'] ?? []).map((merge) => ({ startRow: merge.s.r, startColumn: merge.s.c, endRow: merge.e.r, endColumn: merge.e.c }));
  return { name, rows, merges };
}

/** Walks a BIFF record stream; `visit` sees each record's type and the offset of its data. */
function walkBiff(stream: Uint8Array, visit: (type: number, dataOffset: number, size: number) => void): void {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  let offset = 0;
  while (offset + 4 <= stream.length) {
    const type = view.getUint16(offset, true);
    const size = view.getUint16(offset + 2, true);
    if (offset + 4 + size > stream.length) break;
    visit(type, offset + 4, size);
    offset += 4 + size;
  }
}

function workbookStream(container: CfbContainer): CfbEntry | undefined {
  return container.FileIndex.find((entry) => /^(?:workbook|book)$/i.test(entry.name));
}

/** Encrypted OOXML is a compound file with an EncryptedPackage; encrypted BIFF has a FILEPASS record. */
function isEncryptedCompound(bytes: Uint8Array): boolean {
  let container: CfbContainer;
  try {
    container = CFB.read(bytes, { type: 'buffer' });
  } catch {
    return false;
  }
  if (container.FileIndex.some((entry) => /^(?:EncryptedPackage|EncryptionInfo)$/i.test(entry.name))) return true;
  const stream = workbookStream(container);
  if (!stream) return false;
  let isEncrypted = false;
  walkBiff(Uint8Array.from(stream.content), (type) => {
    if (type === FILEPASS_RECORD) isEncrypted = true;
  });
  return isEncrypted;
}

function hasFilePassRecord(bytes: Uint8Array): boolean {
  let isEncrypted = false;
  walkBiff(bytes, (type) => {
    if (type === FILEPASS_RECORD) isEncrypted = true;
  });
  return isEncrypted;
}

/** A copy of a legacy workbook whose CODEPAGE records say `codePage`. */
function withCodePage(bytes: Uint8Array, kind: 'cfb' | 'biff', codePage: number): Uint8Array {
  const patch = (stream: Uint8Array) => {
    const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
    walkBiff(stream, (type, dataOffset, size) => {
      if (type === CODEPAGE_RECORD && size >= 2) view.setUint16(dataOffset, codePage, true);
    });
    return stream;
  };
  if (kind === 'biff') return patch(Uint8Array.from(bytes));
  const container = CFB.read(bytes, { type: 'buffer' });
  const stream = workbookStream(container);
  if (!stream) return bytes;
  stream.content = patch(Uint8Array.from(stream.content));
  return CFB.write(container, { type: 'buffer' });
}

/**
 * How much a workbook's text looks like GBK bytes decoded as Windows-1252 ("ÀöË®ÊÐ" for 丽水市):
 * Latin-1 letters where a Chinese table has Chinese characters.
 */
export function mojibakeScore(sheets: readonly SheetCells[]): { latin: number; cjk: number } {
  let latin = 0;
  let cjk = 0;
  const count = (text: string) => {
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (code >= 0x80 && code <= 0xff) latin += 1;
      else if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) cjk += 1;
    }
  };
  for (const sheet of sheets) {
    count(sheet.name);
    for (const row of sheet.rows) for (const cell of row) if (typeof cell === 'string') count(cell);
  }
  return { latin, cjk };
}

function isMojibake(score: { latin: number; cjk: number }): boolean {
  return score.latin >= 4 && score.latin >= score.cjk * 2;
}

function parse(bytes: Uint8Array, fileName: string, limits: ReadLimits, codePage?: number): SheetCells[] {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, {
      type: 'buffer',
      dense: true,
      cellNF: true,
      // No formatted text per cell (a third of the parse): numbers are read as stored, percentages by their format.
      cellText: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
      ...(codePage ? { codepage: codePage } : {}),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(message)) throw importFailures.encrypted(fileName);
    throw importFailures.unreadable(fileName, `the workbook is damaged or not a spreadsheet (${message.slice(0, 200)}).`, `工作簿已损坏或不是电子表格（${message.slice(0, 200)}）。`, { reason: message.slice(0, 500) });
  }
  if (workbook.SheetNames.length > limits.maxSheets) {
    throw importFailures.tooLarge(fileName, `${workbook.SheetNames.length} sheets, the limit is ${limits.maxSheets}`, `${workbook.SheetNames.length} 个工作表，上限为 ${limits.maxSheets}`, {
      sheets: workbook.SheetNames.length,
      limit: limits.maxSheets,
    });
  }
  const budget = { cells: 0 };
  return workbook.SheetNames.map((name) => toSheetCells(name, workbook.Sheets[name]!, budget, fileName, limits));
}

/**
 * Reads an xlsx, xls (BIFF2–8) or ods workbook into cells. A legacy workbook whose text reads as
 * Western mojibake — Zhejiang yearbooks declare code page 1252 over GBK text — is read again as
 * GBK (code page 936); `forceCodePage` does so without asking.
 */
export function readWithSheetJs(bytes: Uint8Array, kind: 'zip' | 'cfb' | 'biff' | 'html', fileName: string, limits: ReadLimits, forceCodePage?: number): SheetJsResult {
  if ((kind === 'cfb' && isEncryptedCompound(bytes)) || (kind === 'biff' && hasFilePassRecord(bytes))) throw importFailures.encrypted(fileName);
  const isLegacy = kind === 'cfb' || kind === 'biff';
  if (isLegacy) loadCodePages();
  if (isLegacy && forceCodePage) {
    return { sheets: parse(withCodePage(bytes, kind, forceCodePage), fileName, limits, forceCodePage), codePage: forceCodePage, notes: [`Text decoded with code page ${forceCodePage} as requested.`] };
  }
  const sheets = parse(bytes, fileName, limits);
  if (!isLegacy) return { sheets, codePage: null, notes: [] };
  const score = mojibakeScore(sheets);
  if (!isMojibake(score)) return { sheets, codePage: null, notes: [] };
  const retried = parse(withCodePage(bytes, kind, GBK_CODE_PAGE), fileName, limits, GBK_CODE_PAGE);
  const after = mojibakeScore(retried);
  if (after.cjk > score.cjk && after.latin < score.latin) {
    return {
      sheets: retried,
      codePage: GBK_CODE_PAGE,
      notes: [`The workbook declares a Western code page but its text is Chinese: re-decoded as GBK (code page 936). / 工作簿声明为西文代码页，但内容为中文：已按 GBK（代码页 936）重新解码。`],
    };
  }
  return { sheets, codePage: null, notes: [] };
}

/** An HTML table saved with an .xls name, as some portals publish them. */
export function readHtmlWithSheetJs(text: string, fileName: string, limits: ReadLimits): SheetCells[] {
  try {
    const workbook = XLSX.read(text, { type: 'string', dense: true, cellNF: true });
    const budget = { cells: 0 };
    return workbook.SheetNames.map((name) => toSheetCells(name, workbook.Sheets[name]!, budget, fileName, limits));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw importFailures.unreadable(fileName, `the HTML table could not be read (${message.slice(0, 200)}).`, `无法读取其中的 HTML 表格（${message.slice(0, 200)}）。`);
  }
}
