import { describe, expect, it } from 'vitest';
import { chooseDisplayUnit, formatWithUnit, toDisplayValue } from './format';

describe('formatWithUnit', () => {
  it('writes money the way each language reports it', () => {
    expect(formatWithUnit(471.78, 'billion yuan', 'zh')).toBe('4717.8亿元');
    expect(formatWithUnit(471.78, 'billion yuan', 'en')).toBe('471.78 billion yuan');
    expect(formatWithUnit(223, 'million yuan', 'zh')).toBe('2.23亿元');
    expect(formatWithUnit(223, 'million yuan', 'en')).toBe('223 million yuan');
    expect(formatWithUnit(0.5, '亿元', 'zh')).toBe('5000万元');
  });

  it('writes rates with one decimal and differences of rates in percentage points', () => {
    expect(formatWithUnit(25, '%', 'zh')).toBe('25.0%');
    expect(formatWithUnit(1.8, 'pp', 'zh')).toBe('1.8个百分点');
    expect(formatWithUnit(17.4, 'pp', 'en')).toBe('17.4 percentage points');
  });

  it('writes land in mu, grouped in English only', () => {
    expect(formatWithUnit(7379, 'mu', 'zh')).toBe('7379亩');
    expect(formatWithUnit(1276.9, 'mu', 'en')).toBe('1,276.9 mu');
  });
});

describe('chooseDisplayUnit', () => {
  it('judges by the stored unit when a row has no values', () => {
    expect(chooseDisplayUnit('billion yuan', [null], 'zh').code).toBe('亿元');
    expect(chooseDisplayUnit('billion yuan', [], 'en').code).toBe('billion yuan');
  });

  it('picks one unit for a row from its largest value', () => {
    const display = chooseDisplayUnit('billion yuan', [0.05, 471.78, null], 'zh');
    expect(display.code).toBe('亿元');
    expect(toDisplayValue(0.05, 'billion yuan', display)).toBe(0.5);
  });
});
