import { describe, expect, it } from 'vitest';
import { parseNumericInput } from './valueInput';
import type { NumericTarget } from './valueInput';

const money: NumericTarget = { field: 'value', storedUnit: 'billion yuan', displayUnit: '亿元' };
const value = (text: string, target: NumericTarget = money) => {
  const parsed = parseNumericInput(text, target);
  if (!parsed.ok) throw new Error(parsed.en);
  return parsed.value;
};

describe('parseNumericInput', () => {
  it('reads a bare number in the unit the column shows and stores it in the indicator unit', () => {
    expect(value('4800')).toBe(480);
    expect(value('4717.8')).toBe(471.78);
    expect(value('1,234.5')).toBe(123.45);
    expect(value(' －１２.５ ')).toBe(-1.25);
    expect(value('(1,000)')).toBe(-100);
    expect(value('1.2E+03')).toBe(120);
  });

  it('converts a number written with a unit of the same dimension', () => {
    expect(value('4717.8亿')).toBe(471.78);
    expect(value('4717.8亿元')).toBe(471.78);
    expect(value('471.78 billion yuan')).toBe(471.78);
    expect(value('471.78bn')).toBe(471.78);
    expect(value('47178000万元')).toBe(471.78);
    expect(value('3万', { field: 'value', storedUnit: '个' })).toBe(30000);
    expect(value('15公顷', { field: 'value', storedUnit: 'mu' })).toBe(225);
  });

  it('refuses a unit of another dimension and names the column unit', () => {
    const parsed = parseNumericInput('9.3%', money);
    expect(parsed).toMatchObject({ ok: false, code: 'WRONG_DIMENSION' });
    if (!parsed.ok) {
      expect(parsed.zh).toContain('亿元');
      expect(parsed.en).toContain('100 million yuan');
    }
    expect(parseNumericInput('1.8%', { field: 'value', storedUnit: 'pp' })).toMatchObject({ ok: false, code: 'WRONG_DIMENSION' });
    expect(parseNumericInput('5亿美元', money)).toMatchObject({ ok: false, code: 'WRONG_DIMENSION' });
  });

  it('refuses text and unknown units', () => {
    expect(parseNumericInput('约五千亿', money)).toMatchObject({ ok: false, code: 'NOT_A_NUMBER' });
    expect(parseNumericInput('abc', money)).toMatchObject({ ok: false, code: 'NOT_A_NUMBER' });
    expect(parseNumericInput('1,5', money)).toMatchObject({ ok: false, code: 'NOT_A_NUMBER' });
    expect(parseNumericInput('12 apples', money)).toMatchObject({ ok: false, code: 'UNKNOWN_UNIT' });
    expect(parseNumericInput('3万%', { field: 'value', storedUnit: '%' })).toMatchObject({ ok: false, code: 'SCALE_NOT_ALLOWED' });
  });

  it('reads percentages, growth and ranks', () => {
    expect(value('9.3%', { field: 'value', storedUnit: '%' })).toBe(9.3);
    expect(value('9.3', { field: 'growthReportedPct', storedUnit: 'billion yuan' })).toBe(9.3);
    expect(value('-2.1%', { field: 'growthReportedPct', storedUnit: 'billion yuan' })).toBe(-2.1);
    expect(value('1.8个百分点', { field: 'value', storedUnit: 'pp' })).toBe(1.8);
    const rank: NumericTarget = { field: 'rankReported', storedUnit: 'billion yuan' };
    expect(value('第5', rank)).toBe(5);
    expect(value('5th', rank)).toBe(5);
    expect(value('5', rank)).toBe(5);
    expect(parseNumericInput('5.5', rank)).toMatchObject({ ok: false, code: 'NOT_A_RANK' });
    expect(parseNumericInput('0', rank)).toMatchObject({ ok: false, code: 'NOT_A_RANK' });
  });

  it('clears the figure for an empty cell or a dash', () => {
    expect(value('')).toBeNull();
    expect(value('  ')).toBeNull();
    expect(value('—')).toBeNull();
  });
});
