import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeColumns, encodeColumns } from '../../shared/editing/columns';
import { createWorkspace } from './backend';
import { openVersionsSql, queryColumns, queryHead } from './gridQuery';
import { makeTempDir } from './testing/tempDir';
import { Workspace } from './workspace';

let temp: ReturnType<typeof makeTempDir>;
let workspace: Workspace;

beforeEach(() => {
  temp = makeTempDir();
  const file = path.join(temp.dir, 'ws.sqlite');
  createWorkspace(file, true).close();
  workspace = Workspace.open(file);
});
afterEach(() => {
  workspace.close();
  temp.cleanup();
});

describe('series.columns', () => {
  it('holds exactly what series.query returns for the working copy, with flags, notes and sources', () => {
    workspace.createSnapshot({ label: 'before', kind: 'manual' });
    workspace.editCells(
      [{ indicatorCode: 'industrial_value_added', regionCode: '331100', period: '2024', fields: { value: 480.5, flags: ['revised', 'estimated'], note: '改过' } }],
      { kind: 'edit', label: 'test' },
    );
    const expected = workspace.querySeries({});
    expect(expected.some((o) => o.flags.length > 0 && o.note !== null)).toBe(true);
    expect(decodeColumns(queryColumns(workspace, {}))).toEqual(expected);
    const lishui = decodeColumns(queryColumns(workspace, {})).find((o) => o.indicatorCode === 'industrial_value_added' && o.regionCode === '331100' && o.period === '2024');
    expect(lishui).toMatchObject({ value: 480.5, unit: 'billion yuan', flags: ['revised', 'estimated'], note: '改过' });
  });

  it('applies the filters and the snapshot as series.query does', () => {
    workspace.createSnapshot({ label: 'first', kind: 'manual' });
    workspace.editCells([{ indicatorCode: 'industrial_value_added', regionCode: '331100', period: '2024', fields: { value: 1 } }], { kind: 'edit', label: 'x' });
    for (const query of [{ region: '丽水' }, { indicator: 'industrial_value_added', period: '2024' }, { category: 'industry' }, { snapshot: 'first' }, { snapshot: 'first', region: '331100' }]) {
      expect(decodeColumns(queryColumns(workspace, query))).toEqual(workspace.querySeries(query));
    }
    const atFirst = decodeColumns(queryColumns(workspace, { snapshot: 'first', indicator: 'industrial_value_added', region: '331100', period: '2024' }));
    expect(atFirst[0]?.value).toBe(471.78);
  });

  it('sends codes and units once each, and far fewer bytes than the rows', () => {
    // A month-by-month table of plain figures, as the monthly releases fill it.
    const months = Array.from({ length: 600 }, (_, index) => `${1980 + Math.floor(index / 12)}M${String((index % 12) + 1).padStart(2, '0')}`);
    workspace.editCells(
      months.map((period, index) => ({ indicatorCode: 'industrial_value_added', regionCode: '331100', period, fields: { value: 100 + index / 10 } })),
      { kind: 'add', label: 'months' },
    );
    const columns = queryColumns(workspace, {});
    expect(new Set(columns.indicatorCodes).size).toBe(columns.indicatorCodes.length);
    expect(columns.units).toHaveLength(columns.indicatorCodes.length);
    expect(JSON.stringify(columns).length).toBeLessThan(JSON.stringify(workspace.querySeries({})).length / 3);
  });

  it('reads the working copy cell by cell in key order: no sort, no scan of the versions', () => {
    const plan = workspace.db
      .prepare(`EXPLAIN QUERY PLAN ${openVersionsSql({})}`)
      .all()
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).toMatch(/SCAN c\b/);
    expect(plan).toMatch(/SEARCH ov USING INTEGER PRIMARY KEY/);
    expect(plan).not.toMatch(/SCAN ov\b|TEMP B-TREE/);
  });

  it('round-trips observations through the codec', () => {
    const observations = workspace.querySeries({});
    const decoded = decodeColumns(encodeColumns(observations));
    expect(decoded).toEqual(observations);
  });
});

describe('series.head', () => {
  it('gives a working copy of at most `over` observations whole', () => {
    const head = queryHead(workspace, { rows: 3, over: 1000 });
    expect(head.complete).toBe(true);
    expect(decodeColumns(head.columns)).toEqual(workspace.querySeries({}));
  });

  it('gives a larger one\'s first rows as whole indicators in catalog order, with every period and the row count', () => {
    // A year-to-date indicator, last in the catalogue, with months that the first rows do not have.
    workspace.addIndicator({ code: 'ytd_revenue', nameZh: '累计营收', nameEn: 'Revenue, year to date', unit: 'billion yuan', kind: 'flow', accumulation: 'ytd', category: 'industry', parentCode: null, sourceNote: null });
    const months = ['2025M01', '2025M02', '2025M03'];
    workspace.editCells(
      ['331100', '330000'].flatMap((regionCode) => months.map((period, index) => ({ indicatorCode: 'ytd_revenue', regionCode, period, fields: { value: 10 + index } }))),
      { kind: 'add', label: 'months' },
    );
    const all = workspace.querySeries({});
    const order = workspace.catalog.indicators().map((indicator) => indicator.code);
    const rowsOf = (code: string) => new Set(all.filter((o) => o.indicatorCode === code).map((o) => o.regionCode)).size;
    // Whole indicators, taken in catalog order until they make at least three rows.
    const taken: string[] = [];
    for (let count = 0; count < 3; ) {
      const code = order[taken.length]!;
      taken.push(code);
      count += rowsOf(code);
    }
    const head = queryHead(workspace, { rows: 3, over: 10 });
    if (head.complete) throw new Error('expected the first rows only');
    expect(decodeColumns(head.columns)).toEqual(all.filter((o) => taken.includes(o.indicatorCode)));
    expect(taken.length).toBeLessThan(order.length);
    expect(head.rowCount).toBe(new Set(all.map((o) => `${o.indicatorCode}|${o.regionCode}`)).size);
    // The sample's own figures are all point-in-time; the months are the year-to-date indicator's.
    const periods = [...new Set(all.map((o) => o.period))].map((period) => ({ period, ytd: months.includes(period) }));
    const byPeriod = (a: { period: string }, b: { period: string }) => a.period.localeCompare(b.period);
    expect([...head.periods].sort(byPeriod)).toEqual(periods.sort(byPeriod));
    expect(periods.filter((p) => !p.ytd).length).toBeGreaterThan(0);
  });
});
