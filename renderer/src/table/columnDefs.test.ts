// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ValueFormatterParams } from 'ag-grid-community';
import { i18n } from '../i18n';
import type { WideRow, WideTable } from './buildWideRows';
import { buildColumnDefs, GROWTH_COLUMN_ID, RANK_COLUMN_ID } from './columnDefs';

const row = (latestRank: number | null) => ({ id: 'x|y', latestRank, cells: {}, latestGrowth: 9.3, latestGrowthText: '9.3%' }) as unknown as WideRow;
const table: WideTable = { periods: [{ period: '2024', label: '2024年' }], commonLatestPeriod: null, rows: [] };

function rankColumn(language: 'zh' | 'en') {
  void i18n.changeLanguage(language);
  const columns = buildColumnDefs(table, {
    indicator: 'i', region: 'r', unit: 'u',
    growth: () => 'growth',
    rank: (period) => (period ? i18n.t('table.rank', { period }) : i18n.t('table.latestRank')),
    rankValue: (count) => i18n.t('table.rankValue', { count, ordinal: true }),
    flag: (flag) => flag,
  });
  const ids = columns.map((column) => column.colId);
  expect(ids.indexOf(RANK_COLUMN_ID)).toBe(ids.indexOf(GROWTH_COLUMN_ID) + 1);
  const column = columns.find((c) => c.colId === RANK_COLUMN_ID)!;
  const format = (latestRank: number | null) =>
    (column.valueFormatter as (params: ValueFormatterParams<WideRow>) => string)({ data: row(latestRank) } as ValueFormatterParams<WideRow>);
  return { header: column.headerName, format };
}

describe('the rank column', () => {
  it('sits right after growth and reads 第5 in Chinese', () => {
    const { header, format } = rankColumn('zh');
    expect(header).toBe('最新排名');
    expect(format(5)).toBe('第5');
    expect(format(null)).toBe('—');
  });

  it('uses English ordinals', () => {
    const { header, format } = rankColumn('en');
    expect(header).toBe('Latest rank');
    expect([1, 2, 3, 4, 5, 11, 12, 13, 21, 22].map(format)).toEqual(['1st', '2nd', '3rd', '4th', '5th', '11th', '12th', '13th', '21st', '22nd']);
  });
});
