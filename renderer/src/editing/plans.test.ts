import { describe, expect, it } from 'vitest';
import { parseTsv } from '../../../shared/editing/tsv';
import { copyRows, planClear, planDeleteRows, planFill, planFillDown, planPaste, withoutHeaderRow } from './plans';
import { fillTarget } from './selection';
import type { SheetCell, SheetGrid } from './plans';
import type { EditTarget } from './targets';

// Columns: name (read-only), 2023, 2024 (values in 亿元 stored as billion yuan), note.
const columns = ['指标', '2023年', '2024年', '备注'];
const rows = ['规上工业增加值 · 丽水市', '规上工业增加值 · 衢州市', '半导体产业产值 · 丽水市'];
function grid(): SheetGrid {
  return {
    rowCount: rows.length,
    colCount: columns.length,
    rowKeysAt: (row) => [{ indicatorCode: row === 2 ? 'semi' : 'iva', regionCode: row === 1 ? 'QZ' : 'LS', period: '2024' }],
    cellAt: (row, col): SheetCell => {
      const base = { rowLabel: rows[row]!, columnLabel: columns[col]! };
      if (col === 0) return { ...base, target: null, text: rows[row]! };
      const target: EditTarget = {
        indicatorCode: row === 2 ? 'semi' : 'iva',
        regionCode: row === 1 ? 'QZ' : 'LS',
        period: col === 3 ? '2024' : col === 1 ? '2023' : '2024',
        field: col === 3 ? 'note' : 'value',
        storedUnit: 'billion yuan',
        displayUnit: '亿元',
        ...base,
        text: col === 3 ? '' : String(100 * (row + 1) + col),
      };
      return { ...base, target, text: target.text };
    },
  };
}

describe('paste plans', () => {
  it('pastes a block with a quoted tab as one merged edit per cell', () => {
    const block = parseTsv('4800\t5000\t"a\tb"\r\n1,000\t4717.8亿\t\r\n');
    const plan = planPaste(block, { top: 0, bottom: 0, left: 1, right: 1 }, grid());
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.cellCount).toBe(6);
    expect(plan.edits).toEqual([
      { indicator: 'iva', region: 'LS', period: '2023', value: 480 },
      { indicator: 'iva', region: 'LS', period: '2024', value: 500, note: 'a\tb' },
      { indicator: 'iva', region: 'QZ', period: '2023', value: 100 },
      { indicator: 'iva', region: 'QZ', period: '2024', value: 471.78, note: null },
    ]);
  });

  it('refuses text in a numeric column, naming the row and the column', () => {
    const plan = planPaste(parseTsv('1\t2\r\n3\tabc\r\n'), { top: 0, bottom: 0, left: 1, right: 1 }, grid());
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.zh).toContain('规上工业增加值 · 衢州市');
    expect(plan.zh).toContain('2024年');
    expect(plan.zh).toContain('“abc”不是数字');
    expect(plan.en).toContain('row "规上工业增加值 · 衢州市", column "2024年"');
  });

  it('refuses a block that does not fit and a change to a read-only column', () => {
    expect(planPaste(parseTsv('1\t2\t3\t4'), { top: 0, bottom: 0, left: 1, right: 1 }, grid())).toMatchObject({ ok: false });
    expect(planPaste(parseTsv('x\t1'), { top: 0, bottom: 0, left: 0, right: 0 }, grid())).toMatchObject({ ok: false });
    // The name it already shows is accepted and skipped.
    const same = planPaste(parseTsv('规上工业增加值 · 丽水市\t1'), { top: 0, bottom: 0, left: 0, right: 0 }, grid());
    expect(same).toMatchObject({ ok: true, cellCount: 1 });
  });

  it('fills one value into a larger selection', () => {
    const plan = planPaste([['7']], { top: 0, bottom: 1, left: 1, right: 2 }, grid());
    expect(plan).toMatchObject({ ok: true, cellCount: 4 });
  });

  it('drops a header line that repeats the column names', () => {
    const block = parseTsv('2023年\t2024年\r\n1\t2\r\n');
    expect(withoutHeaderRow(block, { top: 0, bottom: 0, left: 1, right: 2 }, grid())).toEqual([['1', '2']]);
  });
});

describe('fill, clear and copy', () => {
  it('fills the top row down and clears only editable cells', () => {
    const fill = planFillDown({ top: 0, bottom: 2, left: 1, right: 1 }, grid());
    expect(fill).toMatchObject({ ok: true, cellCount: 2 });
    if (fill.ok) expect(fill.edits.map((e) => e.value)).toEqual([10.1, 10.1]);
    const clear = planClear({ top: 0, bottom: 0, left: 0, right: 3 }, grid());
    expect(clear.ok && clear.edits).toEqual([{ indicator: 'iva', region: 'LS', period: '2023', value: null }, { indicator: 'iva', region: 'LS', period: '2024', value: null, note: null }]);
  });

  it('fills from the handle: down repeats the source rows, right repeats the source columns', () => {
    const source = { top: 0, bottom: 0, left: 1, right: 1 };
    const down = fillTarget(source, { rowIndex: 2, colIndex: 1 })!;
    expect(down).toEqual({ top: 1, bottom: 2, left: 1, right: 1 });
    const fill = planFill(source, down, grid());
    expect(fill).toMatchObject({ ok: true, cellCount: 2, rect: { top: 0, bottom: 2, left: 1, right: 1 } });
    if (fill.ok) expect(fill.edits.map((e) => [e.region, e.value])).toEqual([['QZ', 10.1], ['LS', 10.1]]);
    const right = fillTarget(source, { rowIndex: 0, colIndex: 2 })!;
    expect(right).toEqual({ top: 0, bottom: 0, left: 2, right: 2 });
    const across = planFill(source, right, grid());
    expect(across.ok && across.edits).toEqual([{ indicator: 'iva', region: 'LS', period: '2024', value: 10.1 }]);
    expect(fillTarget(source, { rowIndex: 0, colIndex: 1 })).toBeNull();
    // A two-row source repeats its rows down the target: the first row lands first.
    const pattern = planFill({ top: 0, bottom: 1, left: 2, right: 2 }, { top: 2, bottom: 2, left: 2, right: 2 }, grid());
    if (pattern.ok) expect(pattern.edits.map((e) => e.value)).toEqual([10.2]);
  });

  it('copies the selection with its headers', () => {
    expect(copyRows({ top: 0, bottom: 1, left: 0, right: 1 }, grid())).toEqual([
      ['指标', '2023年'],
      ['规上工业增加值 · 丽水市', '101'],
      ['规上工业增加值 · 衢州市', '201'],
    ]);
  });
});

describe('deleting rows', () => {
  it('removes every observation of the selected rows', () => {
    const plan = planDeleteRows({ top: 1, bottom: 2, left: 2, right: 2 }, grid());
    expect(plan.ok && plan.edits).toEqual([
      { indicator: 'iva', region: 'QZ', period: '2024', remove: true },
      { indicator: 'semi', region: 'LS', period: '2024', remove: true },
    ]);
  });
});
