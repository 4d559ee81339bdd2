import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/api/errors';
import { seedSample } from '../sample';
import { makeTempDir } from '../testing/tempDir';
import { Workspace } from '../workspace';
import { exportCsvText, collectExport, writeExport } from './exportData';

let temp: ReturnType<typeof makeTempDir>;
let workspace: Workspace;

beforeEach(() => {
  temp = makeTempDir();
  workspace = Workspace.create(path.join(temp.dir, 'w.sqlite'), seedSample);
  // A note a spreadsheet would run as a formula, as a hostile or careless source might write it.
  workspace.editCells([{ indicatorCode: 'industrial_value_added', regionCode: '331100', period: '2024', fields: { note: '=HYPERLINK("http://x","y")' } }], { kind: 'edit', label: 'note' });
});
afterEach(() => {
  workspace.close();
  temp.cleanup();
});

describe('export', () => {
  it('writes xlsx with units in the headers, number formats, a frozen header and a sources sheet', async () => {
    const out = path.join(temp.dir, 'out.xlsx');
    const result = await writeExport(workspace, { path: out, format: 'xlsx' });
    expect(result).toMatchObject({ path: out, format: 'xlsx', snapshot: { label: 'working' } });
    expect(result.observationCount).toBe(workspace.querySeries({}).length);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['数据 Data', '明细 Observations', '来源 Sources']);
    const data = book.getWorksheet('数据 Data')!;
    const headers = (data.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 3)).toEqual(['地区 Region', '地区代码 Code', '期别 Period']);
    expect(headers).toContain('规上工业增加值（十亿元）');
    expect(data.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 1 });
    const column = headers.indexOf('规上工业增加值（十亿元）') + 1;
    const lishuiRow = data.getRows(2, data.rowCount - 1)!.find((row) => row.getCell(2).value === '331100' && row.getCell(3).value === '2024')!;
    expect(lishuiRow.getCell(column).value).toBe(471.78);
    expect(lishuiRow.getCell(column).numFmt).toBe('#,##0.00');

    const observations = book.getWorksheet('明细 Observations')!;
    const noteRow = observations.getRows(2, observations.rowCount - 1)!.find((row) => row.getCell(1).value === 'industrial_value_added' && row.getCell(3).value === '331100')!;
    expect(noteRow.getCell(7).value).toBe('billion yuan');
    expect(noteRow.getCell(11).value).toBe('\'=HYPERLINK("http://x","y")');

    const sources = book.getWorksheet('来源 Sources')!;
    const texts = sources.getSheetValues().flat().filter((value) => typeof value === 'string');
    expect(texts).toContain('丽水市经信局、市招商投资促进中心2024年工作总结（英文版）');
  });

  it('writes csv in UTF-8 with a BOM, numbers as numbers and formulas neutralised', () => {
    const text = exportCsvText(collectExport(workspace, { region: '丽水', indicator: '规上工业增加值' }));
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('指标代码 indicator,指标 name,地区代码 region,地区 region name,期别 period,数值 value,单位 unit,增速(%) growth %,位次 rank,标记 flags,备注 note,来源 source');
    expect(lines[1]).toMatch(/^industrial_value_added,规上工业增加值,331100,丽水市,2024,471\.78,billion yuan,9\.3,5,,"'=HYPERLINK\(""http:\/\/x"",""y""\)",/);
  });

  it('exports a snapshot as it was, and refuses to overwrite a file unless asked', async () => {
    workspace.editCells([{ indicatorCode: 'industrial_value_added', regionCode: '331100', period: '2024', fields: { value: 480 } }], { kind: 'edit', label: 'edit' });
    const out = path.join(temp.dir, 'snap.csv');
    await writeExport(workspace, { path: out, format: 'csv', snapshot: 1, region: '丽水', indicator: '规上工业增加值' });
    expect(fs.readFileSync(out, 'utf8')).toMatch(/,471\.78,/);
    await expect(writeExport(workspace, { path: out, format: 'csv' })).rejects.toThrow(AppFailure);
    await writeExport(workspace, { path: out, format: 'csv', overwrite: true, region: '丽水', indicator: '规上工业增加值' });
    expect(fs.readFileSync(out, 'utf8')).toMatch(/,480,/);
  });
});
