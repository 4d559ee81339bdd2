import { describe, expect, it } from 'vitest';
import { parseTsv, serialiseTsv } from './tsv';

describe('parseTsv', () => {
  it('reads rows and cells as Excel writes them, CRLF and a final line break', () => {
    expect(parseTsv('4800\t9.3\r\n1.8\t\r\n')).toEqual([
      ['4800', '9.3'],
      ['1.8', ''],
    ]);
  });

  it('reads quoted cells that hold a tab, a line break and doubled quotes', () => {
    const text = 'a\t"note\twith tab"\r\n"two\r\nlines"\t"say ""hi"""\r\n';
    expect(parseTsv(text)).toEqual([
      ['a', 'note\twith tab'],
      ['two\r\nlines', 'say "hi"'],
    ]);
  });

  it('keeps text that only starts with a quote as it is', () => {
    expect(parseTsv('"5" inches\tx')).toEqual([['"5" inches', 'x']]);
    expect(parseTsv('"open\tx')).toEqual([['"open', 'x']]);
  });

  it('reads LF-only text, a single value and pads short rows', () => {
    expect(parseTsv('1\t2\n3')).toEqual([
      ['1', '2'],
      ['3', ''],
    ]);
    expect(parseTsv('42')).toEqual([['42']]);
    expect(parseTsv('\r\n')).toEqual([['']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('round-trips what it writes', () => {
    const rows = [
      ['指标', '2024年'],
      ['规上工业增加值', '4717.8'],
      ['note\twith tab', 'line\nbreak "quoted"'],
    ];
    const text = serialiseTsv(rows);
    expect(text).toBe('指标\t2024年\r\n规上工业增加值\t4717.8\r\n"note\twith tab"\t"line\nbreak ""quoted"""\r\n');
    expect(parseTsv(text)).toEqual(rows);
  });
});
