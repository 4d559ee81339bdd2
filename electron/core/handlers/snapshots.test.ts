import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { AppError } from '../../../shared/api/errors';
import { createBackend, createWorkspace, type Backend } from '../backend';
import { makeTempDir } from '../testing/tempDir';

let temp: ReturnType<typeof makeTempDir>;
let backend: Backend;

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

async function failure<M extends MethodName>(method: M, input: MethodInput<M>): Promise<AppError> {
  const result = await backend.dispatch(method, input);
  if (result.ok) throw new Error(`${method} succeeded`);
  return result.error;
}

async function readSheet(file: string, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

beforeEach(async () => {
  temp = makeTempDir();
  const file = path.join(temp.dir, 'ws.sqlite');
  createWorkspace(file, true).close();
  backend = createBackend({ transport: 'http', appVersion: 'test', dataDir: path.join(temp.dir, 'data') });
  const opened = backend.openAtStartup(file);
  if (!opened.ok) throw new Error(opened.error.message);
  await call('cells.edit', {
    cells: [
      { indicator: 'industrial_value_added', region: '331100', period: '2024', value: 480, growthReportedPct: 9.5, rankReported: 3 },
      { indicator: 'semiconductor_output', region: '331100', period: '2024', remove: true },
      { indicator: 'industrial_land_supply', region: '331100', period: '2023', value: 7000 },
    ],
  });
  await call('snapshot.create', { label: '2024年修订' });
});
afterEach(() => {
  backend.close();
  temp.cleanup();
});

describe('snapshot.exportDiff', () => {
  it('writes every change with old and new value, differences in the table’s units, and what was compared', async () => {
    const target = path.join(temp.dir, '修订报告');
    const written = await call('snapshot.exportDiff', { from: 1, to: '2024年修订', path: target });
    expect(written).toMatchObject({ path: `${target}.xlsx`, rowCount: 3, to: { seq: 2, label: '2024年修订' } });
    const rows = await readSheet(written.path, '修订 Revisions');
    expect(rows[0]?.[0]).toBe('变动 Change');
    const byIndicator = new Map(rows.slice(1).map((row) => [row[15], row]));
    // 471.78 → 480 billion yuan is 4717.8 → 4800 亿元, as the table shows it; growth +0.2 pp, two places up.
    expect(byIndicator.get('industrial_value_added')).toEqual(['修改', '规上工业增加值', '丽水市', '2024年', '亿元', 4717.8, 4800, 82.2, expect.closeTo(1.7423, 3), 9.3, 9.5, 0.2, 5, 3, 2, 'industrial_value_added', '331100']);
    expect(byIndicator.get('semiconductor_output')?.slice(0, 1)).toEqual(['删除']);
    expect(byIndicator.get('industrial_land_supply')?.slice(0, 1)).toEqual(['新增']);
    const about = await readSheet(written.path, '说明 About');
    expect(about).toContainEqual(['到 To', '2 2024年修订']);
    expect(about).toContainEqual(['修改 Changed', 1]);
  });

  it('filters by indicator or region (names work too) and writes English names on request', async () => {
    const target = path.join(temp.dir, 'report.xlsx');
    const written = await call('snapshot.exportDiff', { from: 1, to: 'working', path: target, indicator: '规上工业增加值', language: 'en' });
    expect(written.rowCount).toBe(1);
    const rows = await readSheet(target, '修订 Revisions');
    expect(rows[1]?.slice(0, 3)).toEqual(['changed', 'Added value of industries above designated size', 'Lishui']);
    expect((await failure('snapshot.exportDiff', { from: 1, to: 2, path: path.join(temp.dir, 'x.xlsx'), region: 'Atlantis' })).code).toBe('REGION_NOT_FOUND');
  });

  it('refuses to overwrite unless asked, and names a missing folder; never leaves a partial file', async () => {
    const target = path.join(temp.dir, 'report.xlsx');
    await call('snapshot.exportDiff', { from: 1, to: 2, path: target });
    const exists = await failure('snapshot.exportDiff', { from: 1, to: 2, path: target });
    expect(exists.code).toBe('FILE_EXISTS');
    expect(exists.messageZh).toContain('已存在');
    await call('snapshot.exportDiff', { from: 1, to: 2, path: target, overwrite: true });
    const missing = await failure('snapshot.exportDiff', { from: 1, to: 2, path: path.join(temp.dir, 'no', 'such', 'r.xlsx') });
    expect(missing.code).toBe('FILE_NOT_FOUND');
    expect((await failure('snapshot.exportDiff', { from: 1, to: 'no such snapshot', path: path.join(temp.dir, 'y.xlsx') })).code).toBe('SNAPSHOT_NOT_FOUND');
    expect(fs.readdirSync(temp.dir).filter((name) => name.includes('partial'))).toEqual([]);
  });
});
