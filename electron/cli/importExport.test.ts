import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encryptedOoxml, gbk, xlsxWorkbook } from '../core/import/testFixtures';
import { makeTempDir } from '../core/testing/tempDir';
import { runCaptured } from './testing';

let temp: ReturnType<typeof makeTempDir>;
let workspace: string;

const cli = runCaptured;

async function monthly(name: string, month: number, lishui: number | string, extraColumn = false): Promise<string> {
  const file = path.join(temp.dir, name);
  const rows = [
    [`2024年1-${month}月各市主要经济指标`],
    ['单位：亿元'],
    ['地区', '营业收入', '利润总额', ...(extraColumn ? ['税金总额'] : [])],
    ['杭州市', 20000, 1500, ...(extraColumn ? [300] : [])],
    ['丽水市', lishui, 120.5, ...(extraColumn ? [20] : [])],
    ['衢州市', 1500, 98.2, ...(extraColumn ? [15] : [])],
  ];
  fs.writeFileSync(file, await xlsxWorkbook([{ name: '主要指标', rows }]));
  return file;
}

beforeEach(async () => {
  temp = makeTempDir();
  workspace = path.join(temp.dir, 'w.sqlite');
  expect((await cli('init', workspace, '--sample')).code).toBe(0);
});
afterEach(() => temp.cleanup());

describe('yardstick import', () => {
  it('imports with the detected mapping and prints the counts (exit 0)', async () => {
    const file = await monthly('11月.xlsx', 11, 2000);
    const result = await cli('import', workspace, file, '--auto', '--confirm-new', '--snapshot');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Imported 11月\.xlsx \(xlsx\): 6 new, 0 changed, 0 unchanged, 0 rejected/);
    expect(result.out).toMatch(/Created indicators \/ 新建指标: 营业收入, 利润总额/);
    expect(result.out).toMatch(/Snapshot 2 "11月"/);
    const series = JSON.parse((await cli('series', workspace, '--region', '丽水', '--indicator', '营业收入', '--format', 'json')).out);
    expect(series).toEqual([expect.objectContaining({ period: '2024M11', value: 2000, unit: '亿元' })]);
  });

  it('lists new indicators and rejects their figures until they are confirmed (exit 3)', async () => {
    const file = await monthly('11月.xlsx', 11, 2000);
    const result = await cli('import', workspace, file, '--auto');
    expect(result.code).toBe(3);
    expect(result.err).toMatch(/New indicators \(not in the workspace\)/);
    expect(result.err).toMatch(/--confirm-new/);
    expect(result.out).toMatch(/主要指标!B4:B6 {2}UNKNOWN_INDICATOR/);
  });

  it('shows what a dry run would do and writes nothing', async () => {
    const file = await monthly('11月.xlsx', 11, 2000);
    const result = await cli('import', workspace, file, '--auto', '--confirm-new', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Would import 11月\.xlsx .*6 new/);
    expect(JSON.parse((await cli('series', workspace, '--region', '丽水', '--format', 'json')).out).some((o: { indicatorCode: string }) => o.indicatorCode === '营业收入')).toBe(false);
  });

  it('prints every rejected cell with its address and exits 3', async () => {
    const file = path.join(temp.dir, '2024年指标.csv');
    fs.writeFileSync(file, gbk('地区,营业收入(亿元)\n丽水市,12..5\n火星,3\n杭州市,100\n'));
    const result = await cli('import', workspace, file, '--auto', '--confirm-new', '--format', 'json');
    expect(result.code).toBe(3);
    const report = JSON.parse(result.out);
    expect(report.counts).toMatchObject({ new: 2, rejected: 1 });
    expect(report.rejected).toEqual([expect.objectContaining({ code: 'NOT_A_NUMBER', address: '2024年指标!B2' })]);
    // --confirm-new created 火星 as a region: the user asked for every proposal.
    expect(report.created.regions).toEqual(['火星']);

    const strict = path.join(temp.dir, '2023年指标.csv');
    fs.writeFileSync(strict, gbk('地区,营业收入(亿元)\n丽水市,12..5\n杭州市,100\n'));
    const refused = await cli('import', workspace, strict, '--auto', '--strict');
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(/nothing was imported/);
    expect(refused.err).toMatch(/2023年指标!B2/);
  });

  it('tells an unreadable file apart (exit 4)', async () => {
    const truncated = path.join(temp.dir, 'cut.xlsx');
    fs.writeFileSync(truncated, (await xlsxWorkbook([{ name: 'S', rows: [['地区', '值'], ['丽水', 1]] }])).subarray(0, 300));
    const cut = await cli('import', workspace, truncated, '--auto');
    expect(cut.code).toBe(4);
    expect(cut.err).toMatch(/cut\.xlsx cannot be read/);

    const secret = path.join(temp.dir, 'secret.xlsx');
    fs.writeFileSync(secret, encryptedOoxml());
    expect((await cli('import', workspace, secret, '--auto')).code).toBe(4);

    const text = path.join(temp.dir, '说明.csv');
    fs.writeFileSync(text, '说明\n本表无数据\n');
    const empty = await cli('import', workspace, text, '--auto');
    expect(empty.code).toBe(4);
    expect(empty.err).toMatch(/no table of figures/);

    expect((await cli('import', workspace, path.join(temp.dir, 'missing.xlsx'), '--auto')).code).toBe(4);
  });

  it('exits 2 on usage errors, showing what it found when no mapping is chosen', async () => {
    const file = await monthly('11月.xlsx', 11, 2000);
    const bare = await cli('import', workspace, file);
    expect(bare.code).toBe(2);
    expect(bare.out).toMatch(/1 table\(s\) found/);
    expect(bare.err).toMatch(/add --auto/);
    expect((await cli('import', workspace, file, '--auto', '--template', 'x')).code).toBe(2);
    expect((await cli('import', workspace, file, '--encoding', 'latin9')).code).toBe(2);
  });

  it('saves a template and imports the next month with it; a new column is reported (exit 3)', async () => {
    const november = await monthly('11月.xlsx', 11, 2000);
    expect((await cli('import', workspace, november, '--auto', '--confirm-new', '--save-template', '月报')).code).toBe(0);
    const december = await monthly('12月.xlsx', 12, 2200);
    const next = await cli('import', workspace, december, '--template', '月报');
    expect(next.code).toBe(0);
    expect(next.out).toMatch(/6 new/);
    const extra = await cli('import', workspace, await monthly('12月新.xlsx', 12, 2200, true), '--template', '月报');
    expect(extra.code).toBe(3);
    expect(extra.out).toMatch(/Template: Table 1: column D \("税金总额"\) is not in the template/);
    const missing = await cli('import', workspace, december, '--template', '季报');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/No import template "季报"/);
  });
});

describe('yardstick export', () => {
  it('writes xlsx and csv files of the working copy or a snapshot', async () => {
    const out = path.join(temp.dir, 'out.xlsx');
    const xlsx = await cli('export', workspace, '--format', 'xlsx', '--out', out);
    expect(xlsx.code).toBe(0);
    expect(xlsx.out).toMatch(/Exported 43 observations \(working copy\) to .*out\.xlsx/);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const csv = path.join(temp.dir, 'out.csv');
    const snapshot = await cli('export', workspace, '--format', 'csv', '--snapshot', '1', '--out', csv);
    expect(snapshot.out).toMatch(/snapshot 1 "丽水市经信局2024年工作报告（样例）"/);
    expect(fs.readFileSync(csv).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect((await cli('export', workspace, '--format', 'csv', '--out', csv)).code).toBe(1);
    expect((await cli('export', workspace, '--out', csv)).code).toBe(2);
  });
});

const CORPUS = '/work/shared/corpus/yearbook';
const hasCorpus = fs.existsSync(path.join(CORPUS, 'zhejiang')) && fs.existsSync(path.join(CORPUS, 'jiangsu'));
if (!hasCorpus) console.warn(`[importExport.test] ${CORPUS} is absent: the corpus tests (Zhejiang and Jiangsu yearbooks) are skipped.`);

describe.skipIf(!hasCorpus)('the yearbook corpus', () => {
  it('imports every Zhejiang table with --auto, and series returns the 2020 Lishui figures as printed, with units', async () => {
    const folder = path.join(CORPUS, 'zhejiang');
    const files = fs.readdirSync(folder).sort();
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const name of files) {
      const result = await cli('import', workspace, path.join(folder, name), '--auto', '--confirm-new', '--format', 'json');
      expect(result.code, `${name}: ${result.err}`).toBe(0);
      const report = JSON.parse(result.out);
      expect(report.rejected, name).toEqual([]);
      expect(report.counts.new, name).toBeGreaterThan(150);
      // Regional subtotals (浙东北, 浙西南) and the "其中：义乌市" row are skipped, each with its reason.
      for (const skipped of report.skipped) expect(['subtotal', 'memberOf']).toContain(skipped.kind);
    }
    // Once the catalogue knows the indicators, --auto alone imports a file again: nothing new, nothing changed.
    const again = await cli('import', workspace, path.join(folder, files.find((name) => name.includes('2020'))!), '--auto', '--format', 'json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).counts).toMatchObject({ new: 0, changed: 0, unchanged: 176 });

    const series = JSON.parse((await cli('series', workspace, '--region', '丽水', '--period', '2020', '--format', 'json')).out) as { indicatorCode: string; value: number; unit: string }[];
    const byName = Object.fromEntries(series.map((o) => [o.indicatorCode, [o.value, o.unit]]));
    expect(byName).toEqual({
      年末常住人口: [250.8, '万人'],
      生产总值: [1540, '亿元'],
      '生产总值.第一产业': [105, '亿元'],
      '生产总值.第二产业': [555, '亿元'],
      '生产总值.第三产业': [880, '亿元'],
      '生产总值.工业': [434, '亿元'],
      人均生产总值: [61811, '元'],
      社会消费品零售总额: [727.48, '亿元'],
      进口总额: [42.94, '亿元'],
      // 2012–2016 print 出口总额 in 亿美元: the 2020 figure in 亿元 is a separate indicator, never converted at a guessed rate.
      出口总额_100_million_yuan: [300.71, '亿元'],
      财政总收入: [240.15, '亿元'],
      一般公共预算收入: [143.86, '亿元'],
      一般公共预算支出: [527.1, '亿元'],
      住户存款年末余额: [2099.57, '亿元'],
      城镇居民人均可支配收入: [48532, '元'],
      农村居民人均可支配收入: [23637, '元'],
    });
  }, 120_000);

  it('imports every stacked table of a Jiangsu sheet and says which rows it skipped and why', async () => {
    const file = path.join(CORPUS, 'jiangsu', '2-12分市地区生产总值(2018).xlsx');
    const result = await cli('import', workspace, file, '--auto', '--confirm-new');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/546 new, 0 changed, 0 unchanged, 0 rejected/);
    expect(result.out).toMatch(/Created regions \/ 新建地区: 南京, 无锡, 徐州, 常州, 苏州, 南通, 连云港, 淮安, 盐城, 扬州, 镇江, 泰州, 宿迁/);
    expect(result.out).toMatch(/Sheet1!A22 {2}subtotal {2}Regional subtotal "苏南", skipped\./);
    expect(result.out).toMatch(/Sheet1!A151 {2}subtotal {2}Regional subtotal "苏北", skipped\./);
    const nanjing = JSON.parse((await cli('series', workspace, '--region', '南京', '--period', '2017', '--format', 'json')).out) as { indicatorCode: string; value: number; unit: string }[];
    expect(nanjing.map((o) => [o.indicatorCode, o.value, o.unit])).toEqual([
      ['gross_domestic_product', 11715.1, '亿元'],
      ['value_added_of_the_primary_industry', 263.01, '亿元'],
      ['value_added_of_the_second_industry', 4454.87, '亿元'],
      ['value_added_of_the_tertiary_industry', 6997.22, '亿元'],
      ['value_added_of_the_industry', 3853.39, '亿元'],
      ['per_capita_gdp', 141103, '元'],
    ]);
  }, 60_000);
});
