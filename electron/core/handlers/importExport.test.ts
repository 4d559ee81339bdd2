import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { AppError } from '../../../shared/api/errors';
import type { ImportMapping } from '../../../shared/import/mapping';
import { confirmProposals } from '../../../shared/import/propose';
import { createBackend, type Backend } from '../backend';
import { gbk, xlsxWorkbook } from '../import/testFixtures';
import { makeTempDir } from '../testing/tempDir';

let temp: ReturnType<typeof makeTempDir>;
let backend: Backend;

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { appError: result.error });
  return result.value as MethodOutput<M>;
}

async function failure<M extends MethodName>(method: M, input: MethodInput<M>): Promise<AppError> {
  const result = await backend.dispatch(method, input);
  if (result.ok) throw new Error(`${method} succeeded`);
  return result.error;
}

/** A monthly release as the bureau sends it: title with the period, unit row, two header rows, a total and a 其中 row. */
function monthlyRows(month: number, lishui: number, extraColumn = false): (string | number | null)[][] {
  return [
    [`2024年1-${month}月各市主要经济指标`],
    ['单位：亿元'],
    ['地区', '营业收入', null, '利润总额', ...(extraColumn ? ['税金总额'] : [])],
    [null, `1-${month}月累计`, '增长%', `1-${month}月累计`, ...(extraColumn ? [`1-${month}月累计`] : [])],
    ['全省', 90000, 5.1, 5000, ...(extraColumn ? [800] : [])],
    ['杭州市', 20000, 6.0, 1500, ...(extraColumn ? [300] : [])],
    ['丽水市', lishui, 7.5, 120.5, ...(extraColumn ? [20] : [])],
    ['其中：丽水经开区', 500, 8.0, 30, ...(extraColumn ? [5] : [])],
    ['衢州市', 1500, 6.6, 98.2, ...(extraColumn ? [15] : [])],
  ];
}

async function writeMonthly(name: string, month: number, lishui: number, extraColumn = false): Promise<string> {
  const file = path.join(temp.dir, name);
  fs.writeFileSync(file, await xlsxWorkbook([{ name: '主要指标', rows: monthlyRows(month, lishui, extraColumn), merges: ['A1:D1', 'A3:A4', 'B3:C3'] }]));
  return file;
}

beforeEach(async () => {
  temp = makeTempDir();
  backend = createBackend({ transport: 'cli', appVersion: 'test', dataDir: temp.dir });
  await call('workspace.create', { path: path.join(temp.dir, 'w.sqlite'), sample: true });
});
afterEach(() => {
  backend.close();
  temp.cleanup();
});

describe('import: inspect, preview, commit', () => {
  it('proposes a mapping, writes nothing new without confirmation, then imports as one undoable change set with a snapshot', async () => {
    const file = await writeMonthly('2024年1-11月月报.xlsx', 11, 2000);
    const inspected = await call('import.inspect', { path: file });
    expect(inspected.file).toMatchObject({ fileName: '2024年1-11月月报.xlsx', format: 'xlsx' });
    expect(inspected.sheets[0]!.rows[0]).toEqual(['2024年1-11月各市主要经济指标']);
    expect(inspected.tables[0]).toMatchObject({ title: '2024年1-11月各市主要经济指标', tableUnit: '亿元', headerRows: { first: 3, last: 4 }, dataRows: { first: 5, last: 9 } });
    expect(inspected.proposals.indicators.map((indicator) => [indicator.nameZh, indicator.unit, indicator.accumulation])).toEqual([
      ['营业收入', '亿元', 'ytd'],
      ['利润总额', '亿元', 'ytd'],
    ]);

    const unconfirmed = await call('import.preview', { path: file, mapping: inspected.mapping! });
    expect(unconfirmed.counts).toMatchObject({ new: 0, rejected: 3 });
    expect(unconfirmed.rejected.map((r) => [r.code, r.address])).toEqual([
      ['UNKNOWN_INDICATOR', '主要指标!B5:B9'],
      ['UNKNOWN_INDICATOR', '主要指标!C5:C9'],
      ['UNKNOWN_INDICATOR', '主要指标!D5:D9'],
    ]);

    const mapping = confirmProposals(inspected.mapping!, inspected.proposals);
    const before = await call('workspace.info', {});
    const preview = await call('import.preview', { path: file, mapping });
    expect(preview.counts).toMatchObject({ new: 8, changed: 0, unchanged: 0, rejected: 0, skipped: 1 });
    expect(preview.skipped).toEqual([expect.objectContaining({ kind: 'memberOf', address: '主要指标!A8' })]);
    expect(preview.rows.find((row) => row.regionCode === '330000' && row.indicatorCode === '营业收入')).toMatchObject({ status: 'new', newValue: 90000, newGrowthReportedPct: 5.1, period: '2024M11' });
    // A preview writes nothing.
    expect((await call('workspace.info', {})).observationCount).toBe(before.observationCount);

    const committed = await call('import.commit', { path: file, mapping, snapshot: true });
    expect(committed).toMatchObject({ counts: { new: 8 }, created: { indicators: ['营业收入', '利润总额'], regions: [] }, snapshot: { label: '2024年1-11月月报', kind: 'import' } });
    const lishui = await call('series.query', { region: '丽水', indicator: '营业收入' });
    expect(lishui).toEqual([expect.objectContaining({ period: '2024M11', value: 2000, unit: '亿元', growthReportedPct: 7.5, source: '2024年1-11月月报.xlsx 主要指标!B7' })]);

    const undone = await call('edit.undo', {});
    expect(undone).toMatchObject({ id: committed.changeSetId, kind: 'import' });
    expect(await call('series.query', { region: '丽水', indicator: '营业收入' })).toEqual([]);
  });

  it('shows a revised figure as changed, old → new, and leaves unchanged ones alone', async () => {
    const first = await writeMonthly('11月.xlsx', 11, 2000);
    const inspected = await call('import.inspect', { path: first });
    const mapping = confirmProposals(inspected.mapping!, inspected.proposals);
    await call('import.commit', { path: first, mapping });
    const revised = await writeMonthly('11月修订.xlsx', 11, 2010.5);
    const again = await call('import.inspect', { path: revised });
    expect(again.proposals.indicators).toEqual([]);
    const preview = await call('import.preview', { path: revised, mapping: again.mapping! });
    expect(preview.counts).toMatchObject({ new: 0, changed: 1, unchanged: 7 });
    expect(preview.rows[0]).toMatchObject({ status: 'changed', regionCode: '331100', indicatorCode: '营业收入', oldValue: 2000, newValue: 2010.5, address: '主要指标!B7' });
    const committed = await call('import.commit', { path: revised, mapping: again.mapping! });
    expect(committed.counts).toMatchObject({ changed: 1, unchanged: 7 });
    const history = await call('observation.history', { indicator: '营业收入', region: '丽水', period: '2024M11' });
    expect(history.versions.map((version) => version.value)).toEqual([2000, 2010.5]);
  });

  it('writes nothing when asked to abort on rejected rows, and names every rejected cell', async () => {
    const file = path.join(temp.dir, '坏数据.csv');
    fs.writeFileSync(file, gbk('2024年各市指标\n地区,营业收入(亿元)\n丽水市,12..5\n火星,3\n杭州市,100\n'));
    const inspected = await call('import.inspect', { path: file });
    expect(inspected.file.encoding).toBe('gb18030');
    const mapping = confirmProposals(inspected.mapping!, { indicators: inspected.proposals.indicators, regions: [] });
    const before = await call('workspace.info', {});
    const error = await failure('import.commit', { path: file, mapping, onRejected: 'abort' });
    expect(error).toMatchObject({ code: 'IMPORT_REJECTED', message: expect.stringMatching(/2 rows or cells .* nothing was imported/) });
    expect((await call('workspace.info', {})).observationCount).toBe(before.observationCount);
    expect((await call('catalog.get', {})).indicators.some((indicator) => indicator.code === '营业收入')).toBe(false);

    const partial = await call('import.commit', { path: file, mapping });
    expect(partial.counts).toMatchObject({ new: 1, rejected: 2 });
    expect(partial.rejected.map((r) => [r.code, r.address, r.value ?? r.label])).toEqual([
      ['NOT_A_NUMBER', '坏数据!B3', '12..5'],
      ['UNKNOWN_REGION', '坏数据!A4', '火星'],
    ]);
  });

  it('creates a new region only when the mapping confirms it', async () => {
    const file = path.join(temp.dir, '2024年.csv');
    fs.writeFileSync(file, '地区,营业收入(亿元)\n丽水市,10\n义乌市,20\n');
    const inspected = await call('import.inspect', { path: file });
    expect(inspected.proposals.regions).toEqual([expect.objectContaining({ nameZh: '义乌市', parentCode: '330000', level: 'city' })]);
    const onlyIndicators = confirmProposals(inspected.mapping!, { indicators: inspected.proposals.indicators, regions: [] });
    expect((await call('import.preview', { path: file, mapping: onlyIndicators })).rejected).toEqual([expect.objectContaining({ code: 'UNKNOWN_REGION', label: '义乌市' })]);
    const committed = await call('import.commit', { path: file, mapping: confirmProposals(inspected.mapping!, inspected.proposals) });
    expect(committed.created.regions).toEqual(['义乌市']);
    expect(await call('series.query', { region: '义乌市' })).toEqual([expect.objectContaining({ value: 20, period: '2024' })]);
  });

  it('finds no table in a sheet of only text, and refuses a mapping whose new codes already exist', async () => {
    const text = path.join(temp.dir, '说明.csv');
    fs.writeFileSync(text, '说明\n本表为空\n请见附件\n');
    const inspected = await call('import.inspect', { path: text });
    expect(inspected.mapping).toBeNull();
    expect(inspected.tables).toEqual([]);

    const file = await writeMonthly('11月.xlsx', 11, 2000);
    const proposed = await call('import.inspect', { path: file });
    const clash: ImportMapping = confirmProposals(proposed.mapping!, {
      indicators: [{ ...proposed.proposals.indicators[0]!, code: 'industrial_value_added' }],
      regions: [],
    });
    expect(await failure('import.commit', { path: file, mapping: clash })).toMatchObject({ code: 'IMPORT_MAPPING_INVALID', message: expect.stringMatching(/"industrial_value_added" already exists/) });
  });

  it('reports an unreadable file as such', async () => {
    const file = path.join(temp.dir, 'cut.xlsx');
    const bytes = await xlsxWorkbook([{ name: 'S', rows: [['地区', '值'], ['丽水', 1]] }]);
    fs.writeFileSync(file, bytes.subarray(0, 200));
    expect(await failure('import.inspect', { path: file })).toMatchObject({ code: 'IMPORT_UNREADABLE' });
    expect(await failure('import.inspect', { path: path.join(temp.dir, 'missing.xlsx') })).toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});

describe('import templates', () => {
  it('saves a mapping, imports the next month in one step, and reports a column it does not know', async () => {
    const november = await writeMonthly('11月.xlsx', 11, 2000);
    const inspected = await call('import.inspect', { path: november });
    const mapping = confirmProposals(inspected.mapping!, inspected.proposals);
    await call('import.commit', { path: november, mapping });
    const saved = await call('importTemplate.save', { name: '月报', mapping, sourceFile: november });
    expect(saved).toMatchObject({ name: '月报', tableCount: 1 });
    expect((await call('importTemplate.list', {})).map((template) => template.name)).toEqual(['月报']);

    const december = await writeMonthly('12月.xlsx', 12, 2200);
    const applied = await call('importTemplate.apply', { name: '月报', path: december });
    expect(applied.mismatches).toEqual([]);
    const committed = await call('import.commit', { path: december, mapping: applied.mapping! });
    expect(committed.counts).toMatchObject({ new: 8, rejected: 0 });
    expect(await call('series.query', { region: '丽水', indicator: '营业收入', period: '2024M12' })).toEqual([expect.objectContaining({ value: 2200 })]);

    const withExtra = await writeMonthly('12月-新增列.xlsx', 12, 2200, true);
    const extra = await call('importTemplate.apply', { name: '月报', path: withExtra });
    expect(extra.mismatches).toEqual([expect.objectContaining({ kind: 'extraColumn', column: 'E', header: '税金总额 / 1-12月累计' })]);
    expect(extra.mapping!.tables[0]!.columns.find((column) => column.column === 'E')).toMatchObject({ role: 'ignore' });

    expect(await failure('importTemplate.apply', { name: '季报', path: december })).toMatchObject({ code: 'TEMPLATE_NOT_FOUND', message: expect.stringMatching(/Saved templates: 月报/) });
    expect(await call('importTemplate.delete', { name: '月报' })).toEqual({ deleted: true });
    expect(await call('importTemplate.list', {})).toEqual([]);
  });
});
