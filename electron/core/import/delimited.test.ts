import { describe, expect, it } from 'vitest';
import { decodeText, validUtf8Start } from './decode';
import { parseDelimited, parseDelimitedUtf8, sniffDelimiter } from './delimited';
import { readDelimitedText } from './readText';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The rows a file gives when decoded whole and then parsed: what the byte parser must give too. */
function decodedRows(bytes: Uint8Array, delimiter = ','): unknown[][] {
  return parseDelimited(decodeText(bytes).text, delimiter);
}

describe('a UTF-8 csv parsed from its bytes', () => {
  it('gives the cells the decoded text gives: quotes, doubled quotes, line ends, empty and trailing fields', () => {
    const texts = [
      '地区,指标,数值\r\n丽水市,"规上工业增加值(亿元)",471.78\r\n"衢州市","1,234.5",\r\n',
      'a,b\nc\rd,"e\r\nf"\n\n"",x,\n"say ""嗨""",tail"after"\n"unclosed 引号,stays',
      '区域;值\n"杭州;市";1\n宁波市;2;;\n',
      '单元格\t数值\n丽水\t1\n',
      ',,,\n,\n  ,空格 , 2 \n',
    ];
    for (const text of texts) {
      const bytes = Buffer.from(text);
      const delimiter = text.includes(';') ? ';' : text.includes('\t') ? '\t' : ',';
      expect(parseDelimitedUtf8(bytes, 0, delimiter)).toEqual(decodedRows(bytes, delimiter));
    }
  });

  it('shares the texts that repeat down a column, and reads a column of thousands of distinct ones as well', () => {
    let text = '地区,期别,数值\n';
    for (let row = 0; row < 12_000; row += 1) text += `${row % 3 === 0 ? '丽水市' : '衢州市'},${2000 + (row % 25)}年${(row % 12) + 1}月,${(row * 7919) % 100_003}.${row % 10}\n`;
    const bytes = Buffer.from(text);
    const rows = parseDelimitedUtf8(bytes, 0, ',');
    expect(rows).toEqual(decodedRows(bytes));
    expect(rows).toHaveLength(12_001);
    expect(rows[4]![0]).toBe(rows[1]![0]);
  });

  it('is used only where the decoder would read the bytes as UTF-8 unchanged', () => {
    const text = Buffer.from('地区,数值\n丽水市,1\n');
    expect(validUtf8Start(text)).toBe(0);
    expect(validUtf8Start(Buffer.concat([BOM, text]))).toBe(3);
    expect(validUtf8Start(Buffer.concat([BOM, text]), 'utf-8')).toBe(3);
    // A second BOM (dropped by the decoder too), invalid bytes (GB18030 or replacement characters) and other encodings are decoded first.
    expect(validUtf8Start(Buffer.concat([BOM, BOM, text]))).toBeUndefined();
    expect(validUtf8Start(Buffer.concat([text, Buffer.from([0xc4, 0xe3])]))).toBeUndefined();
    expect(validUtf8Start(text, 'gb18030')).toBeUndefined();
    expect(validUtf8Start(Buffer.from('\ufeffa,b\n', 'utf16le'))).toBeUndefined();
  });

  it('reads a csv with a BOM, its delimiter chosen from its first lines, as the decoded text reads', () => {
    for (const lines of ['丽水市;1,5\r\n衢州市;2,5\r\n', `${'a;b;c\n'.repeat(45)}${'x,y\n'.repeat(100)}`, `${'a,b\r'.repeat(39)}a;b;c;d\r\n${'c;d;e;f\n'.repeat(60)}`]) {
      const bytes = Buffer.concat([BOM, Buffer.from(lines)]);
      const text = decodeText(bytes).text;
      const workbook = readDelimitedText(bytes, '月报.csv');
      expect(workbook).toMatchObject({ format: 'csv', encoding: 'utf-8' });
      expect(workbook.sheets[0]!.rows).toEqual(parseDelimited(text, sniffDelimiter(text, '月报.csv')));
    }
  });
});
