import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', 471.78, null]])).toBe('"a,b","say ""hi""","two\nlines",471.78,\r\n');
  });

  it('neutralises text a spreadsheet would evaluate, but keeps negative numbers', () => {
    expect(toCsv([['=SUM(A1:A2)', '+1', '-cmd', '@x', -1.5]])).toBe("'=SUM(A1:A2),'+1,'-cmd,'@x,-1.5\r\n");
  });
});
