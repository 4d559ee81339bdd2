import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChartResolved, SavedChart, SavedDeck } from '../../../shared/api/methods/charts';
import type { RankingData } from '../../../shared/charts/data';
import { createBackend, type Backend } from '../backend';
import { makeTempDir } from '../testing/tempDir';

let temp: ReturnType<typeof makeTempDir>;
let backend: Backend;

async function ok<T = unknown>(method: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function failure(method: string, input: unknown) {
  const result = await backend.dispatch(method, input);
  if (result.ok) throw new Error(`${method} succeeded`);
  return result.error;
}

const ranking = { kind: 'ranking', indicator: '规上工业增加值', period: '2024' } as const;
const comparison = { kind: 'growthComparison', indicator: 'industrial_value_added' } as const;
const scenario = {
  base: { kind: 'workspace', indicator: '规上工业增加值', region: '丽水', period: '2024' },
  years: 6,
  rates: { base: { kind: 'constant', growthPct: 9.3 }, high: { kind: 'constant', growthPct: 10.3 }, low: { kind: 'constant', growthPct: 8.3 } },
  target: { value: 600, year: 2030 },
} as const;

beforeEach(async () => {
  temp = makeTempDir();
  backend = createBackend({ transport: 'cli', appVersion: 'test', dataDir: path.join(temp.dir, 'data') });
  await ok('workspace.create', { path: path.join(temp.dir, 'ws.sqlite'), sample: true });
});
afterEach(() => {
  backend.close();
  temp.cleanup();
});

describe('chart.data on the Lishui sample', () => {
  it('ranks the cities that have figures and says why one city cannot be ranked', async () => {
    const resolved = await ok<ChartResolved>('chart.data', { spec: ranking });
    const data = resolved.data as RankingData;
    expect(data.measure).toBe('growth');
    expect(data.peerCount).toBe(11);
    expect(data.entries.filter((e) => e.growthPct !== null).map((e) => [e.name.zh, e.growthPct, e.rankReported])).toEqual([['丽水市', 9.3, 5]]);
    expect(data.averages).toEqual([{ label: { zh: '浙江省平均', en: 'Zhejiang average' }, value: 7.5 }]);
    expect(resolved.gaps[0]).toBe('仅丽水市有2024年数据，其余10个市暂无，无法比较排名。导入各市数据后即可排名。');
    expect(resolved.chrome).toMatchObject({ lang: 'zh', sourceNote: '丽水市经信局、市招商投资促进中心2024年工作总结（英文版）', snapshotLabel: '工作副本（未冻结）' });
    expect(resolved.sources.some((source) => source.includes('471.78 billion yuan'))).toBe(true);
  });

  it('compares Lishui with Zhejiang at the latest period, pinned to a snapshot by its number', async () => {
    const resolved = await ok<ChartResolved>('chart.data', { spec: { ...comparison, snapshot: 1, lang: 'en' } });
    expect(resolved.data).toMatchObject({ kind: 'growthComparison', period: { en: '2024' }, ownCode: '331100' });
    expect(resolved.chrome.snapshotLabel).toBe('丽水市经信局2024年工作报告（样例）');
  });

  it('answers an unknown indicator with the catalogue’s error', async () => {
    expect((await failure('chart.data', { spec: { kind: 'ranking', indicator: '不存在的指标' } })).code).toBe('INDICATOR_NOT_FOUND');
    expect((await failure('chart.data', { spec: ranking, name: 'x' })).code).toBe('VALIDATION');
  });
});

describe('chart.render', () => {
  it('renders the ranking as SVG with its Chinese title, value and source note', async () => {
    const { svg, width, height } = await ok<{ svg: string; width: number; height: number }>('chart.render', { spec: ranking });
    expect([width, height]).toEqual([1280, 720]);
    expect(svg).toContain('2024年各市规上工业增加值增速排名');
    expect(svg).toContain('资料来源：丽水市经信局');
    expect(svg).toContain('9.3%');
  });

  it('renders value bars of the sample in 亿元', async () => {
    const { svg } = await ok<{ svg: string }>('chart.render', { spec: { kind: 'valueGrowth', indicator: '规上工业增加值' }, width: 960, height: 540 });
    expect(svg).toContain('4717.8');
    expect(svg).toContain('width="960"');
  });
});

describe('saved charts and decks', () => {
  it('saves, lists, replaces and deletes charts; a chart in a deck cannot be deleted', async () => {
    const saved = await ok<{ chart: SavedChart; created: boolean }>('chart.save', { name: '增速排名', spec: ranking });
    expect(saved.created).toBe(true);
    expect((await ok<{ created: boolean }>('chart.save', { name: '增速排名', spec: { ...ranking, lang: 'en' } })).created).toBe(false);
    await ok('chart.save', { name: '增速对比', spec: comparison });
    expect((await ok<SavedChart[]>('chart.list', {})).map((c) => [c.name, c.spec?.lang])).toEqual([
      ['增速对比', 'zh'],
      ['增速排名', 'en'],
    ]);
    const deck = await ok<{ deck: SavedDeck }>('deck.save', { name: '月度汇报', items: [{ chart: '增速对比', note: '先讲增速' }, { chart: '增速排名' }] });
    expect(deck.deck.items.map((i) => [i.position, i.chart, i.note])).toEqual([
      [0, '增速对比', '先讲增速'],
      [1, '增速排名', null],
    ]);
    const refused = await failure('chart.delete', { name: '增速排名' });
    expect(refused.messageZh).toContain('月度汇报');
    expect((await failure('deck.save', { name: '坏', items: [{ chart: '没有' }] })).messageZh).toContain('没有名为“没有”的已保存图表');
    expect(await ok('deck.delete', { name: '月度汇报' })).toEqual({ deleted: true });
    expect(await ok('chart.delete', { name: '增速排名' })).toEqual({ deleted: true });
    expect(await ok('chart.delete', { name: '增速排名' })).toEqual({ deleted: false });
  });
});

describe('export.chart and export.deck', () => {
  it('writes SVG, PNG at 2× and 3×, and PPTX with an editable chart holding its data', async () => {
    const out = (name: string) => path.join(temp.dir, name);
    const svg = await ok<{ path: string; bytes: number }>('export.chart', { spec: ranking, format: 'svg', path: out('r.svg') });
    expect(fs.readFileSync(svg.path, 'utf8')).toContain('<svg');
    for (const scale of [2, 3]) {
      const png = await ok<{ path: string }>('export.chart', { spec: ranking, format: 'png', scale, path: out(`r${scale}.png`) });
      const bytes = fs.readFileSync(png.path);
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1280 * scale, 720 * scale]);
    }
    const pptx = await ok<{ path: string }>('export.chart', { spec: { ...comparison, period: '2024' }, format: 'pptx', path: out('c.pptx'), watermark: true });
    const zip = await JSZip.loadAsync(fs.readFileSync(pptx.path));
    const chartXml = await zip.file('ppt/charts/chart1.xml')!.async('string');
    expect(chartXml).toContain('<c:v>9.3</c:v>');
    expect(chartXml).toContain('丽水市');
    expect(Object.keys(zip.files).some((f) => f.startsWith('ppt/embeddings/') && f.endsWith('.xlsx'))).toBe(true);
    const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(slide).toContain('资料来源：丽水市经信局');
    expect(slide).toContain('内部资料');
    const notes = Object.keys(zip.files).filter((f) => /notesSlide\d+\.xml$/.test(f));
    expect(await zip.file(notes[0]!)!.async('string')).toContain('471.78 billion yuan');
  });

  it('writes a deck with a title slide and one slide per chart, scatter charts native too', async () => {
    await ok('chart.save', { name: '对比', spec: comparison });
    await ok('chart.save', { name: '构成', spec: { kind: 'scatter', indicator: '规上工业增加值' } });
    await ok('deck.save', { name: '汇报', items: [{ chart: '对比', note: '讲稿' }, { chart: '构成' }] });
    const written = await ok<{ path: string; slides: number }>('export.deck', { name: '汇报', path: path.join(temp.dir, 'deck.pptx') });
    expect(written.slides).toBe(3);
    const zip = await JSZip.loadAsync(fs.readFileSync(written.path));
    expect(await zip.file('ppt/slides/slide1.xml')!.async('string')).toContain('汇报');
    // Both are native charts now (the scatter too): editable, no picture.
    expect(Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(2);
    expect(Object.keys(zip.files).filter((f) => /^ppt\/media\/.*\.png$/.test(f))).toHaveLength(0);
    const chartXml = await Promise.all(Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    const scatterXml = chartXml.find((xml) => xml.includes('<c:scatterChart>'));
    expect(scatterXml).toContain('丽水市');
    expect(Object.keys(zip.files).some((f) => f.endsWith('.svg'))).toBe(false);
  });

  it('writes a scenario as its fan (target year marked, assumptions under it, briefing in the notes) and a brief written at export', async () => {
    await ok('chart.save', { name: '对比', spec: comparison });
    await ok('scenario.save', { name: '十五五基准', spec: scenario });
    const brief = { indicator: '规上工业增加值', region: '丽水', period: '2024', lang: 'zh' };
    const saved = await ok<{ deck: SavedDeck }>('deck.save', {
      name: '季度汇报',
      items: [{ kind: 'brief', brief, note: '开场' }, { chart: '对比' }, { kind: 'scenario', scenario: '十五五基准', note: '展望' }],
    });
    expect(saved.deck.items.map((i) => [i.kind, i.chart ?? i.scenario ?? i.brief?.indicator, i.missing])).toEqual([
      ['brief', '规上工业增加值', false],
      ['chart', '对比', false],
      ['scenario', '十五五基准', false],
    ]);
    const written = await ok<{ path: string; slides: number }>('export.deck', { name: '季度汇报', path: path.join(temp.dir, 'q.pptx') });
    expect(written.slides).toBe(4);
    const zip = await JSZip.loadAsync(fs.readFileSync(written.path));
    // The brief: the paragraph the brief builder writes from the workspace's numbers, with its source.
    const briefXml = await zip.file('ppt/slides/slide2.xml')!.async('string');
    expect(briefXml).toContain('4717.8亿元');
    expect(briefXml).toContain('9.3%');
    expect(briefXml).toContain('资料来源：丽水市经信局');
    // The fan is a picture (band and marks have no native equivalent); the notes carry the briefing sentence.
    const fanRels = await zip.file('ppt/slides/_rels/slide4.xml.rels')!.async('string');
    expect(fanRels).toContain('media/');
    const notes = await Promise.all(Object.keys(zip.files).filter((f) => /notesSlide\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(notes.some((n) => n.includes('展望') && n.includes('2027'))).toBe(true);
    expect(notes.some((n) => n.includes('开场') && n.includes('4717.8亿元'))).toBe(true);

    // Numbers change in the workspace: the brief follows, it was never stored as text.
    await ok('cells.edit', { cells: [{ indicator: 'industrial_value_added', region: '331100', period: '2024', growthReportedPct: 9.5 }] });
    const again = await ok<{ path: string }>('export.deck', { name: '季度汇报', path: path.join(temp.dir, 'q2.pptx') });
    const briefAgain = await (await JSZip.loadAsync(fs.readFileSync(again.path))).file('ppt/slides/slide2.xml')!.async('string');
    expect(briefAgain).toContain('9.5%');

    // A scenario deleted since: the item says so, and the export names the slide to remove.
    await ok('scenario.delete', { name: '十五五基准' });
    expect((await ok<SavedDeck[]>('deck.list', {}))[0]!.items[2]!.missing).toBe(true);
    expect((await failure('export.deck', { name: '季度汇报', path: path.join(temp.dir, 'q3.pptx') })).messageZh).toContain('第3项是情景“十五五基准”');
    expect((await failure('deck.save', { name: '坏', items: [{ kind: 'scenario', scenario: '没有' }] })).messageZh).toContain('没有名为“没有”的已保存情景');
  });

  it('renames a deck, refusing a name another deck has', async () => {
    await ok('chart.save', { name: '对比', spec: comparison });
    await ok('deck.save', { name: 'a', items: [{ chart: '对比', note: 'n' }] });
    await ok('deck.save', { name: 'b', items: [] });
    expect((await failure('deck.rename', { name: 'a', to: 'b' })).messageZh).toContain('已有名为“b”');
    const renamed = await ok<{ deck: SavedDeck }>('deck.rename', { name: 'a', to: '月报' });
    expect(renamed.deck.items.map((i) => [i.chart, i.note])).toEqual([['对比', 'n']]);
    expect((await ok<SavedDeck[]>('deck.list', {})).map((d) => d.name)).toEqual(['b', '月报']);
    expect((await failure('deck.rename', { name: 'a', to: 'c' })).code).toBe('VALIDATION');
  });

  it('refuses a folder that does not exist, with a message naming it', async () => {
    const error = await failure('export.chart', { spec: ranking, format: 'svg', path: path.join(temp.dir, 'nope', 'x.svg') });
    expect(error.code).toBe('FILE_NOT_FOUND');
  });
});
