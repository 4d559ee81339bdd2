import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/api/errors';
import { makeTempDir } from '../testing/tempDir';
import { readSpreadsheet, readSpreadsheetFile } from './readFile';
import { encryptedOoxml, gbk, mojibakeXls, odsWorkbook, utf16le, xlsxWorkbook, zipArchive } from './testFixtures';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

function failureOf(step: () => unknown): AppFailure {
  try {
    step();
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

const CSV = '地区,规上工业增加值(亿元),增长(%)\r\n丽水市,471.78,9.3\r\n"衢州市","1,234.5",6.2\r\n';

describe('csv and tsv', () => {
  it('reads GBK (as WPS and Excel save it) through GB18030 when the bytes are not UTF-8', () => {
    const workbook = readSpreadsheet(gbk(CSV), '月报.csv');
    expect(workbook).toMatchObject({ format: 'csv', encoding: 'gb18030' });
    expect(workbook.sheets[0]!.rows).toEqual([
      ['地区', '规上工业增加值(亿元)', '增长(%)'],
      ['丽水市', '471.78', '9.3'],
      ['衢州市', '1,234.5', '6.2'],
    ]);
    expect(workbook.notes.join(' ')).toMatch(/GB18030/);
  });

  it('reads UTF-8 with and without BOM, and UTF-16 with a BOM', () => {
    expect(readSpreadsheet(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV)]), 'a.csv')).toMatchObject({ encoding: 'utf-8', sheets: [{ rows: expect.arrayContaining([['丽水市', '471.78', '9.3']]) }] });
    expect(readSpreadsheet(Buffer.from(CSV), 'a.csv').encoding).toBe('utf-8');
    expect(readSpreadsheet(utf16le(CSV), 'a.csv')).toMatchObject({ encoding: 'utf-16le', sheets: [{ rows: expect.arrayContaining([['丽水市', '471.78', '9.3']]) }] });
  });

  it('takes a manual encoding over the detection', () => {
    const workbook = readSpreadsheet(Buffer.from(CSV), 'a.csv', { encoding: 'gb18030' });
    expect(workbook.encoding).toBe('gb18030');
    expect(workbook.sheets[0]!.rows[1]![0]).not.toBe('丽水市');
  });

  it('reads quoting as RFC 4180 has it: doubled quotes, text after a closing quote, empty and trailing fields, lone CR', () => {
    const workbook = readSpreadsheet(Buffer.from('a,"say ""hi""",c\r"x"y,,\n\n"",last,\nend'), 'q.csv');
    expect(workbook.sheets[0]!.rows).toEqual([['a', 'say "hi"', 'c'], ['xy'], [], ['', 'last'], ['end']]);
  });

  it('reads a csv of 300,000 rows, with the progress of its parse, without running out of stack', () => {
    const lines = ['地区,期别,数值'];
    for (let index = 0; index < 300_000; index += 1) lines.push(`丽水市,${2000 + (index % 25)}年,${index / 10}`);
    const progress: number[] = [];
    const workbook = readSpreadsheet(Buffer.from(lines.join('\n')), 'big.csv', {}, (step) => progress.push(step.done / step.total));
    expect(workbook.sheets[0]!.rows).toHaveLength(300_001);
    expect(workbook.sheets[0]!.rows[300_000]).toEqual(['丽水市', '2024年', '29999.9']);
    expect(progress.length).toBeGreaterThan(20);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('reads tab-separated text and quoted fields with line breaks', () => {
    const workbook = readSpreadsheet(Buffer.from('地区\t值\n"丽水\n市"\t1\n'), 'x.tsv');
    expect(workbook).toMatchObject({ format: 'tsv', sheets: [{ name: 'x', rows: [['地区', '值'], ['丽水\n市', '1']] }] });
  });
});

describe('workbooks', () => {
  it('reads an xlsx with merged cells, numbers as text and percentages as displayed', async () => {
    const bytes = await xlsxWorkbook([
      {
        name: '月报',
        rows: [['2024年1-11月主要指标'], ['地区', '规上工业增加值', null], [null, '1-11月累计', '增长'], ['丽水市', '471.78', 0.093]],
        merges: ['A1:C1', 'A2:A3', 'B2:C2'],
        percentCells: ['C4'],
      },
    ]);
    const workbook = readSpreadsheet(bytes, '月报.xlsx');
    expect(workbook.format).toBe('xlsx');
    expect(workbook.sheets[0]!.rows[3]).toEqual(['丽水市', '471.78', '9.3%']);
    expect(workbook.sheets[0]!.merges).toEqual(expect.arrayContaining([{ startRow: 1, startColumn: 1, endRow: 1, endColumn: 2 }]));
  });

  it('reads an ods', () => {
    expect(readSpreadsheet(odsWorkbook([['地区', '值'], ['丽水市', 1.5]]), 'a.ods')).toMatchObject({ format: 'ods', sheets: [{ rows: [['地区', '值'], ['丽水市', 1.5]] }] });
  });

  it.each(['biff5', 'biff2'] as const)('re-decodes a %s .xls whose declared code page is Western but whose text is GBK', (bookType) => {
    const bytes = mojibakeXls([['地区', '生产总值(亿元)'], ['丽水市', 1540], ['杭州市', 16106]], bookType);
    const workbook = readSpreadsheet(bytes, '17-2.xls');
    expect(workbook).toMatchObject({ format: 'xls', encoding: 'cp936' });
    expect(workbook.sheets[0]!.rows).toEqual([['地区', '生产总值(亿元)'], ['丽水市', 1540], ['杭州市', 16106]]);
    expect(workbook.notes.join(' ')).toMatch(/GBK/);
  });

  it('reads an HTML table saved with an .xls name', () => {
    const html = '<html><body><table><tr><td>地区</td><td>值</td></tr><tr><td>丽水市</td><td>1.5</td></tr></table></body></html>';
    expect(readSpreadsheet(Buffer.from(html), 'portal.xls')).toMatchObject({ format: 'html', sheets: [{ rows: [['地区', '值'], ['丽水市', 1.5]] }] });
  });
});

describe('files that cannot be imported', () => {
  it('refuses a password-protected workbook, whether OOXML or zip-encrypted', () => {
    expect(failureOf(() => readSpreadsheet(encryptedOoxml(), 'secret.xlsx'))).toMatchObject({ code: 'IMPORT_ENCRYPTED', message: expect.stringMatching(/secret\.xlsx is password-protected/) });
    const zipped = zipArchive([{ name: '[Content_Types].xml', content: Buffer.from('<Types/>'), flags: 1 }]);
    expect(failureOf(() => readSpreadsheet(zipped, 'wps.xlsx')).code).toBe('IMPORT_ENCRYPTED');
  });

  it('refuses a truncated xlsx', async () => {
    const bytes = await xlsxWorkbook([{ name: 'S', rows: [['地区', '值'], ['丽水', 1]] }]);
    const failure = failureOf(() => readSpreadsheet(bytes.subarray(0, Math.floor(bytes.length * 0.6)), 'cut.xlsx'));
    expect(failure).toMatchObject({ code: 'IMPORT_UNREADABLE', message: expect.stringMatching(/truncated or damaged/), messageZh: expect.stringMatching(/不完整或已损坏/) });
  });

  it('refuses a zip bomb before inflating it', () => {
    const bomb = zipArchive([
      { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(64 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const failure = failureOf(() => readSpreadsheet(bomb, 'bomb.xlsx'));
    expect(failure).toMatchObject({ code: 'IMPORT_TOO_LARGE', message: expect.stringMatching(/zip bomb/) });
  });

  it('refuses a 200 MB file without reading it', () => {
    const file = path.join(temp.dir, 'huge.csv');
    const handle = fs.openSync(file, 'w');
    fs.ftruncateSync(handle, 200 * 1024 * 1024);
    fs.closeSync(handle);
    expect(failureOf(() => readSpreadsheetFile(file))).toMatchObject({ code: 'IMPORT_TOO_LARGE', message: expect.stringMatching(/200\.0 MB, the limit is 100\.0 MB/) });
  });

  it('refuses too many cells or sheets', async () => {
    expect(failureOf(() => readSpreadsheet(Buffer.from('a,b,c\n1,2,3\n4,5,6\n7,8,9\n'), 'a.csv', { limits: { maxCells: 5 } })).code).toBe('IMPORT_TOO_LARGE');
    const bytes = await xlsxWorkbook([1, 2, 3].map((n) => ({ name: `S${n}`, rows: [['x', n]] })));
    expect(failureOf(() => readSpreadsheet(bytes, 'many.xlsx', { limits: { maxSheets: 2 } })).message).toMatch(/3 sheets, the limit is 2/);
  });

  it('refuses an empty file, empty sheets and something that is not a spreadsheet', async () => {
    expect(failureOf(() => readSpreadsheet(new Uint8Array(), 'empty.csv')).code).toBe('IMPORT_EMPTY');
    const blank = await xlsxWorkbook([{ name: 'S', rows: [] }]);
    expect(failureOf(() => readSpreadsheet(blank, 'blank.xlsx')).code).toBe('IMPORT_EMPTY');
    const junk = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256);
    expect(failureOf(() => readSpreadsheet(junk, 'photo.xls')).code).toBe('IMPORT_UNREADABLE');
  });
});
