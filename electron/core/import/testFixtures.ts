/**
 * Spreadsheet files made by tests, never copied from anywhere: GBK csv, xlsx with merged
 * headers, legacy .xls with a wrong code page, encrypted and damaged containers.
 */
import zlib from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full';
import ExcelJS from 'exceljs';

// The ES build exports the code-page utilities at the top level; its typings describe the CommonJS shape.
const codePages = cptable as unknown as { utils: { encode(codePage: number, text: string): ArrayLike<number> } };

export function gbk(text: string): Uint8Array {
  return Uint8Array.from(codePages.utils.encode(936, text));
}

export function utf16le(text: string, withBom = true): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return withBom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

type Row = (string | number | null)[];

/** An xlsx written by ExcelJS, as Excel would save it: merged title and header cells, numbers and numbers-as-text. */
export async function xlsxWorkbook(sheets: { name: string; rows: Row[]; merges?: string[]; percentCells?: string[] }[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row) => worksheet.addRow(row.map((cell) => cell ?? undefined)));
    for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
    for (const address of sheet.percentCells ?? []) worksheet.getCell(address).numFmt = '0.0%';
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A legacy .xls (BIFF5 or BIFF2) whose strings are GBK bytes while the file declares Western code page 1252. */
export function mojibakeXls(rows: Row[], bookType: 'biff5' | 'biff2' = 'biff5'): Uint8Array {
  // SheetJS writes 8-bit strings; ASCII placeholders of the right byte length are swapped for GBK bytes.
  const replacements: { placeholder: Buffer; bytes: Uint8Array }[] = [];
  let letter = 0;
  const placeholderRows = rows.map((row) =>
    row.map((cell) => {
      if (typeof cell !== 'string' || /^[\x20-\x7e]*$/.test(cell)) return cell;
      const bytes = gbk(cell);
      const placeholder = Buffer.from(String.fromCharCode(65 + (letter % 26)).repeat(bytes.length - 1) + String.fromCharCode(97 + Math.floor(letter / 26)));
      letter += 1;
      replacements.push({ placeholder, bytes });
      return placeholder.toString('latin1');
    }),
  );
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(placeholderRows), 'Sheet1');
  const buffer = Buffer.from(XLSX.write(workbook, { type: 'buffer', bookType }) as Uint8Array);
  for (const { placeholder, bytes } of replacements) {
    const at = buffer.indexOf(placeholder);
    if (at < 0) throw new Error('placeholder not found in the written workbook');
    Buffer.from(bytes).copy(buffer, at);
  }
  return buffer;
}

/** An OOXML workbook after Excel's "Encrypt with Password": a compound file holding EncryptionInfo and EncryptedPackage. */
export function encryptedOoxml(): Uint8Array {
  const CFB = XLSX.CFB as {
    utils: { cfb_new(): unknown; cfb_add(container: unknown, name: string, content: Uint8Array): void };
    write(container: unknown, options: { type: 'buffer' }): Uint8Array;
  };
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, 'EncryptionInfo', Uint8Array.from([4, 0, 4, 0, 0x40, 0, 0, 0, ...new Array<number>(200).fill(0)]));
  CFB.utils.cfb_add(container, 'EncryptedPackage', Uint8Array.from(new Array<number>(4096).fill(7)));
  return CFB.write(container, { type: 'buffer' });
}

/** A minimal zip writer (deflated entries), for archives no office program would write. */
export function zipArchive(entries: { name: string; content: Uint8Array; flags?: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = zlib.deflateRawSync(entry.content, { level: 9 });
    const crc = zlib.crc32 ? zlib.crc32(entry.content) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags ?? 0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.content.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.flags ?? 0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(entry.content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An ods written by SheetJS. */
export function odsWorkbook(rows: Row[]): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), '表1');
  return new Uint8Array(XLSX.write(workbook, { type: 'buffer', bookType: 'ods' }) as Uint8Array);
}
