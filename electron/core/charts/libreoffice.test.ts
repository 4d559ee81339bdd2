import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../backend';
import { makeTempDir } from '../testing/tempDir';

/**
 * What people see: each export is opened by LibreOffice (PPTX → PDF) and by poppler (PDF → text
 * and PNG pages), and the text a reader checks must be there. Skipped, saying so, without soffice.
 */
const hasTool = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const hasLibreOffice = hasTool('soffice') && hasTool('pdftotext') && hasTool('pdftoppm');
if (!hasLibreOffice) console.warn('[charts] LibreOffice (soffice) or poppler-utils missing: the rendered-export checks are skipped.');

// YARDSTICK_CHART_LOOK=dir keeps the rendered pages there, for a person to look at.
const lookDir = process.env.YARDSTICK_CHART_LOOK;

let temp: ReturnType<typeof makeTempDir>;
let backend: Backend;

async function ok<T = unknown>(method: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** PPTX or SVG → PDF with a throwaway LibreOffice profile, then its text and first pages as PNG. */
function render(file: string): { text: string; pages: string[] } {
  const outDir = path.join(temp.dir, `pdf-${path.basename(file)}`);
  fs.mkdirSync(outDir);
  const profile = `file://${path.join(temp.dir, 'lo-profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file], { stdio: 'pipe', timeout: 150_000 });
  const pdf = path.join(outDir, `${path.parse(file).name}.pdf`);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(outDir, 'page')]);
  const pages = fs.readdirSync(outDir).filter((f) => f.endsWith('.png')).sort().map((f) => path.join(outDir, f));
  if (lookDir) {
    fs.mkdirSync(lookDir, { recursive: true });
    for (const page of pages) fs.copyFileSync(page, path.join(lookDir, `${path.parse(file).name}-${path.basename(page)}`));
  }
  return { text, pages };
}

beforeAll(async () => {
  temp = makeTempDir('yardstick-charts-lo-');
  backend = createBackend({ transport: 'cli', appVersion: 'test', dataDir: path.join(temp.dir, 'data') });
  await ok('workspace.create', { path: path.join(temp.dir, 'ws.sqlite'), sample: true });
});
afterAll(() => {
  backend.close();
  temp.cleanup();
});

describe.skipIf(!hasLibreOffice)('exports opened by LibreOffice', () => {
  it('a deck PPTX opens with its Chinese titles, native chart data, source notes and the watermark', async () => {
    await ok('chart.save', { name: '对比', spec: { kind: 'growthComparison', indicator: '规上工业增加值' } });
    await ok('chart.save', { name: '排名', spec: { kind: 'ranking', indicator: '规上工业增加值' } });
    await ok('chart.save', { name: '散点', spec: { kind: 'scatter', indicator: '规上工业增加值' } });
    await ok('deck.save', { name: '2024年工业经济汇报', items: [{ chart: '对比' }, { chart: '排名' }, { chart: '散点' }] });
    const deck = path.join(temp.dir, 'deck.pptx');
    await ok('export.deck', { name: '2024年工业经济汇报', path: deck, watermark: true });
    const { text, pages } = render(deck);
    expect(pages).toHaveLength(4);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('2024年工业经济汇报');
    expect(flat).toContain('2024年规上工业增加值增速对比');
    expect(flat).toContain('2024年各市规上工业增加值增速排名');
    expect(flat).toContain('资料来源：丽水市经信局、市招商投资促进中心2024年工作总结（英文版）');
    expect(flat).toContain('高于全省1.8个百分点');
    expect(flat).toContain('内部资料');
    // The native chart's own labels are text in the PDF: its data came through.
    expect(flat).toContain('9.3%');
  }, 180_000);

  it('a deck with a brief, a scenario fan and a waterfall opens with the brief readable, the fan and the waterfall labelled', async () => {
    await ok('scenario.save', {
      name: '十五五基准',
      spec: {
        base: { kind: 'workspace', indicator: '规上工业增加值', region: '丽水', period: '2024' },
        years: 6,
        rates: { base: { kind: 'constant', growthPct: 9.3 }, high: { kind: 'constant', growthPct: 10.3 }, low: { kind: 'constant', growthPct: 8.3 } },
        target: { value: 600, year: 2030 },
      },
    });
    await ok('chart.save', { name: '贡献', spec: { kind: 'waterfall', indicator: '规上工业增加值' } });
    await ok('deck.save', {
      name: '展望',
      items: [
        { kind: 'brief', brief: { indicator: '规上工业增加值', region: '丽水', period: '2024', lang: 'zh' } },
        { kind: 'scenario', scenario: '十五五基准' },
        { chart: '贡献' },
        { kind: 'brief', brief: { indicator: '规上工业增加值', region: '丽水', period: '2024', lang: 'en' } },
      ],
    });
    const deck = path.join(temp.dir, 'outlook.pptx');
    await ok('export.deck', { name: '展望', path: deck, titleSlide: false });
    const { text, pages } = render(deck);
    expect(pages).toHaveLength(4);
    const flat = text.replace(/\s+/g, '');
    // The brief slides: the paragraph the brief builder wrote, in both languages, with the source.
    expect(flat).toContain('规上工业增加值4717.8亿元，同比增长9.3%，增速全省第5，高于全省平均1.8个百分点');
    expect(text.replace(/\s+/g, ' ')).toContain('471.78 billion yuan, up 9.3% year on year, 5th in the province');
    expect(flat).toContain('资料来源：丽水市经信局');
    // The waterfall is a native chart: its categories carry the figures.
    expect(flat).toContain('规上工业增加值增速9.3');
    // The fan is a picture (its band and year marks have no native form): no text of its own in the PDF.
    expect(flat).not.toContain('2027年达到目标');
  }, 180_000);

  it('an exported SVG opens with its Chinese title and source note', async () => {
    const svg = path.join(temp.dir, 'value.svg');
    await ok('export.chart', { spec: { kind: 'valueGrowth', indicator: '规上工业增加值' }, format: 'svg', path: svg });
    const flat = render(svg).text.replace(/\s+/g, '');
    expect(flat).toContain('丽水市规上工业增加值及增速');
    expect(flat).toContain('4717.8');
    expect(flat).toContain('资料来源：丽水市经信局');
  }, 180_000);
});
