import { describe, expect, it } from 'vitest';
import type { ColDef } from 'ag-grid-community';
import type { WideRow } from './buildWideRows';
import { estimateText, lineCount, ROW_HEIGHT, withFittedWidths, wrappedRowHeight } from './columnWidths';

const row = (indicatorName: string, text: string) => ({ indicatorName, cells: { '2024': { text } } }) as unknown as WideRow;
const columns: ColDef<WideRow>[] = [
  { colId: 'indicator', headerName: '指标', field: 'indicatorName', minWidth: 160, maxWidth: 320 },
  { colId: 'period:2024', headerName: '2024年', minWidth: 90, valueFormatter: ({ data }) => data?.cells['2024']?.text ?? '' },
];

describe('column widths from the text', () => {
  it('fits the longest name up to the max width, and the widest figure', () => {
    const short = withFittedWidths(columns, [row('规上工业增加值', '4717.8')], estimateText);
    expect(short[0]!.width).toBe(160);
    const long = withFittedWidths(columns, [row('数字经济核心产业制造业增加值增速高于全省', '4717.8'), row('a', '1,234,567,890.1234')], estimateText);
    // 20 CJK characters (260 px) and the padding: wider than the min, within the max.
    expect(long[0]!.width).toBeGreaterThan(260);
    expect(long[0]!.width).toBeLessThanOrEqual(320);
    expect(long[1]!.width).toBeGreaterThan(estimateText('1,234,567,890.1234', false));
    expect(withFittedWidths(columns, [row('x'.repeat(100), '1')], estimateText)[0]!.width).toBe(320);
  });

  it('counts wrapped lines between words and between CJK characters', () => {
    expect(lineCount('Added value', 300, estimateText)).toBe(1);
    expect(lineCount('Added value of industries above designated size', 280, estimateText)).toBe(2);
    expect(lineCount('规上工业增加值'.repeat(4), 13 * 10, estimateText)).toBe(3);
    expect(wrappedRowHeight('Added value', 320, estimateText)).toBe(ROW_HEIGHT);
    expect(wrappedRowHeight('Added value of industries above designated size', 300, estimateText)).toBeGreaterThan(ROW_HEIGHT + 10);
  });
});
