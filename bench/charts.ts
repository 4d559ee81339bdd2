/**
 * Chart benchmarks (issue 6), each printed beside a baseline measured in the same run; asserts nothing.
 *  1. A 20-chart deck exported to PPTX (resolved from a workspace, native charts and PNG pictures)
 *     against a one-chart deck (target: under 3 s).
 *  2. One chart of 10 years × 11 cities × 12 months (11 lines of 120 monthly points) built and
 *     rendered to SVG server-side, against a small chart of 5 points (target: under 100 ms).
 *  3. For information (no target): one chart rasterised to PNG at 2× with resvg and the bundled CJK
 *     font, against the same chart as SVG. PNG is what a slide costs when no native chart fits
 *     (the projection fan), and what "Export PNG" costs.
 *
 * Every chart type of the 20-chart deck (ranking, comparison, value bars, scatter, waterfall) is a
 * native editable PowerPoint chart, so the deck needs no PNG; before that, the 8 scatter and
 * waterfall slides were pictures and took about 1 s each to rasterise.
 *
 *   npx rolldown bench/charts.ts -p node -f esm -e better-sqlite3 -e echarts -e pptxgenjs -e @resvg/resvg-js -o bench/results/charts.mjs
 *   node bench/results/charts.mjs
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildChartOption, type VintagesData } from '../shared/charts';
import * as fixtures from '../shared/charts/testing/fixtures';
import { createBackend } from '../electron/core/backend';
import { renderSvg, svgToPng } from '../electron/core/charts/render';

const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(step: () => unknown | Promise<unknown>, runs = RUNS): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await step();
    times.push(performance.now() - start);
  }
  return median(times);
}

function monthly(cities: number, years: number): VintagesData {
  const periods = Array.from({ length: years * 12 }, (_, i) => {
    const year = 2015 + Math.floor(i / 12);
    const month = (i % 12) + 1;
    return { period: `${year}M${String(month).padStart(2, '0')}`, label: { zh: `${year}年${month}月`, en: `${year}-${month}` } };
  });
  return {
    kind: 'vintages',
    indicator: { zh: '规上工业增加值', en: 'Industrial added value' },
    region: { zh: '浙江省各市', en: 'Zhejiang cities' },
    measure: 'value',
    unit: 'billion yuan',
    vintages: Array.from({ length: cities }, (_, city) => ({
      label: { zh: `城市${city + 1}`, en: `City ${city + 1}` },
      isWorking: city === cities - 1,
      points: periods.map((p, i) => ({ ...p, value: 20 + city * 8 + i * 0.3 + Math.sin(i / 3 + city) * 2, growthPct: null, flags: [] })),
    })),
  };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yardstick-bench-charts-'));
  const backend = createBackend({ transport: 'cli', appVersion: 'bench', dataDir: path.join(dir, 'data') });
  const call = async (method: string, input: unknown) => {
    const result = await backend.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  try {
    await call('workspace.create', { path: path.join(dir, 'ws.sqlite'), sample: true });
    const kinds = [
      { kind: 'ranking', indicator: '规上工业增加值' },
      { kind: 'growthComparison', indicator: '规上工业增加值' },
      { kind: 'valueGrowth', indicator: '规上工业增加值' },
      { kind: 'scatter', indicator: '规上工业增加值' },
      { kind: 'waterfall', indicator: '规上工业增加值' },
    ];
    for (let i = 0; i < 20; i += 1) await call('chart.save', { name: `图${i + 1}`, spec: kinds[i % kinds.length] });
    await call('deck.save', { name: 'one', items: [{ chart: '图1' }] });
    await call('deck.save', { name: 'twenty', items: Array.from({ length: 20 }, (_, i) => ({ chart: `图${i + 1}` })) });
    await call('export.deck', { name: 'one', path: path.join(dir, 'warm.pptx') });
    const oneDeck = await time(() => call('export.deck', { name: 'one', path: path.join(dir, 'one.pptx') }));
    const twentyDeck = await time(() => call('export.deck', { name: 'twenty', path: path.join(dir, 'twenty.pptx') }));

    const big = monthly(11, 10);
    const small = monthly(1, 1);
    small.vintages[0]!.points = small.vintages[0]!.points.slice(0, 5);
    const draw = (data: VintagesData) => renderSvg(buildChartOption(data, { lang: 'zh' }), 1280, 720);
    draw(small);
    const smallChart = await time(() => draw(small), 7);
    const bigChart = await time(() => draw(big), 7);

    const rankingSvg = renderSvg(buildChartOption(fixtures.ranking11, { lang: 'zh' }), 1280, 720);
    await svgToPng(rankingSvg, 2);
    const pngChart = await time(() => svgToPng(rankingSvg, 2));
    const svgChart = await time(() => renderSvg(buildChartOption(fixtures.ranking11, { lang: 'zh' }), 1280, 720), 7);
    console.log(`one ranking chart → PNG 2×: ${pngChart.toFixed(0)} ms (its SVG ${svgChart.toFixed(0)} ms; no target)`);
    console.log(`RESULT ${JSON.stringify({ bench: 'charts', what: 'one chart → PNG 2× (info)', ms: Math.round(pngChart), baselineMs: Math.round(svgChart), ratio: Number((pngChart / svgChart).toFixed(2)), target: 'none (information)' })}`);

    const rows = [
      ['20-chart deck → PPTX', twentyDeck, oneDeck, 3000],
      ['10 y × 11 cities × 12 m → SVG', bigChart, smallChart, 100],
    ] as const;
    for (const [what, measured, baseline, target] of rows) {
      const verdict = measured <= target ? 'within target' : 'OVER target';
      console.log(`${what}: ${measured.toFixed(0)} ms (baseline ${baseline.toFixed(0)} ms, ×${(measured / baseline).toFixed(1)}; target ${target} ms: ${verdict})`);
      console.log(`RESULT ${JSON.stringify({ bench: 'charts', what, ms: Math.round(measured), baselineMs: Math.round(baseline), ratio: Number((measured / baseline).toFixed(2)), targetMs: target })}`);
    }
  } finally {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
