import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../core/testing/tempDir';
import { runCli } from './program';

let temp: ReturnType<typeof makeTempDir>;

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join(''), err: err.join('') };
}

beforeEach(async () => {
  temp = makeTempDir();
  expect((await run('init', path.join(temp.dir, 'ws.sqlite'), '--sample')).code).toBe(0);
  fs.writeFileSync(path.join(temp.dir, 'ranking.json'), JSON.stringify({ kind: 'ranking', indicator: '规上工业增加值', period: '2024' }));
});
afterEach(() => temp.cleanup());

describe('yardstick chart and deck', () => {
  it('writes a chart as SVG, PNG and PPTX from a spec file', async () => {
    const ws = path.join(temp.dir, 'ws.sqlite');
    const spec = path.join(temp.dir, 'ranking.json');
    for (const ext of ['svg', 'png', 'pptx']) {
      const out = path.join(temp.dir, `r.${ext}`);
      const result = await run('chart', ws, '--spec', spec, '--out', out);
      expect(result.code, result.err).toBe(0);
      expect(result.out).toContain(`Wrote ${out}`);
    }
    expect(fs.readFileSync(path.join(temp.dir, 'r.svg'), 'utf8')).toContain('2024年各市规上工业增加值增速排名');
    expect(fs.readFileSync(path.join(temp.dir, 'r.png')).readUInt32BE(16)).toBe(2560);
  });

  it('saves charts, defines a deck and writes it', async () => {
    const ws = path.join(temp.dir, 'ws.sqlite');
    expect((await run('chart', ws, '--spec', path.join(temp.dir, 'ranking.json'), '--save', '排名')).code).toBe(0);
    const deck = path.join(temp.dir, 'd.pptx');
    const result = await run('deck', ws, '--deck', '汇报', '--charts', '排名', '--out', deck, '--watermark');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('2 slides');
    expect(fs.existsSync(deck)).toBe(true);
  });

  it('defines a deck of a chart and a brief from an items file and writes it without a title slide', async () => {
    const ws = path.join(temp.dir, 'ws.sqlite');
    expect((await run('chart', ws, '--spec', path.join(temp.dir, 'ranking.json'), '--save', '排名')).code).toBe(0);
    const items = path.join(temp.dir, 'items.json');
    fs.writeFileSync(items, JSON.stringify([{ chart: '排名', note: '先讲' }, { kind: 'brief', brief: { indicator: '规上工业增加值', region: '丽水', period: '2024', lang: 'en' } }]));
    const deck = path.join(temp.dir, 'b.pptx');
    const result = await run('deck', ws, '--deck', '简报', '--items', items, '--out', deck, '--no-title-slide');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('Saved deck "简报" with 2 slides');
    expect(result.out).toContain('(2 slides');
    fs.writeFileSync(items, JSON.stringify([{ kind: 'brief', brief: { indicator: '规上工业增加值' } }]));
    const bad = await run('deck', ws, '--deck', '简报', '--items', items);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('is not a list of deck items');
  });

  it('explains a wrong extension, a bad spec and an unknown deck', async () => {
    const ws = path.join(temp.dir, 'ws.sqlite');
    const wrong = await run('chart', ws, '--spec', path.join(temp.dir, 'ranking.json'), '--out', path.join(temp.dir, 'x.jpg'));
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('.svg, .png or .pptx');
    fs.writeFileSync(path.join(temp.dir, 'bad.json'), JSON.stringify({ kind: 'ranking' }));
    const bad = await run('chart', ws, '--spec', path.join(temp.dir, 'bad.json'), '--out', path.join(temp.dir, 'x.svg'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('indicator');
    const unknown = await run('deck', ws, '--deck', '没有', '--out', path.join(temp.dir, 'x.pptx'));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('没有名为“没有”的演示文稿');
  });
});
