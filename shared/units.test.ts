import { describe, expect, it } from 'vitest';
import { convert, roundToSignificant } from './units';

describe('convert', () => {
  it('turns billions into 亿元 exactly as a reader would write them', () => {
    expect(convert(471.78, 'billion yuan', '亿元')).toEqual({ ok: true, value: 4717.8 });
    expect(convert(4.113, 'billion yuan', '亿元')).toEqual({ ok: true, value: 41.13 });
    expect(convert(223, 'million yuan', '亿元')).toEqual({ ok: true, value: 2.23 });
    expect(convert(4717.8, '亿元', 'billion yuan')).toEqual({ ok: true, value: 471.78 });
    expect(convert(1, '亿元', '万元')).toEqual({ ok: true, value: 10000 });
  });

  it('converts mu and hectares (15 mu to the hectare)', () => {
    expect(convert(7379, 'mu', 'hectare')).toEqual({ ok: true, value: 491.933333333333 });
    expect(convert(1, 'hectare', '亩')).toEqual({ ok: true, value: 15 });
  });

  it('refuses to convert across dimensions or from unknown units', () => {
    expect(convert(9.3, '%', '亿元')).toMatchObject({ ok: false, reason: 'DIMENSION_MISMATCH' });
    expect(convert(1.8, 'pp', '%')).toMatchObject({ ok: false, reason: 'DIMENSION_MISMATCH' });
    expect(convert(1, 'furlong', 'mu')).toMatchObject({ ok: false, reason: 'UNKNOWN_UNIT' });
  });
});

describe('roundToSignificant', () => {
  it('removes float noise from spreadsheet values', () => {
    expect(roundToSignificant(87435.12999999999, 15)).toBe(87435.13);
    expect(roundToSignificant(0.1 + 0.2, 15)).toBe(0.3);
  });
});
