// The library's floor for bench/grid.mjs: AG Grid Community on its own, with the modules and the
// theme the app's tables use (bench/gridFloorPage.ts bundles renderer/src/table/gridSetup.ts) and
// nothing else of the app (no React, store, formatting, class rules or tooltips), in the same
// browser, at the same size, with as many rows and columns as the app's wide table, timed the same
// way. What the app takes beyond these numbers is the app's; what they take is what this machine
// gives AG Grid.
import http from 'node:http';
import path from 'node:path';
import { build } from 'rolldown';

const here = path.dirname(new URL(import.meta.url).pathname);
const { output } = await build({
  input: path.join(here, 'gridFloorPage.ts'),
  platform: 'browser',
  write: false,
  transform: { define: { 'import.meta.env.DEV': 'false' } },
  // Minified as the app's build is; YARDSTICK_MINIFY=0 keeps names for a profile, as it does there.
  output: { format: 'iife', minify: process.env.YARDSTICK_MINIFY !== '0' },
});
const bundle = output[0].code;

/** Period columns and the two after them, as the wide table has (bench/grid.mjs fills 40 months). */
function rowsOf(rowCount, periodCount) {
  const rows = [];
  for (let r = 0; r < rowCount; r += 1) {
    const row = { indicator: `测试指标${r % 97}`, region: `测试县${r}`, unit: '亿元', growth: ((r * 37) % 200) / 10 - 5, rank: (r % 11) + 1 };
    for (let p = 0; p < periodCount; p += 1) row[`p${p}`] = ((r * periodCount + p) * 7919 % 100000) / 100;
    rows.push(row);
  }
  return rows;
}

// The page: the bundle, then the rows fetched, then the grid; `__benchFirstRowsAt` is set after the
// paint that first shows rows, as bench/grid.mjs times the app. With the app's theme as many rows and
// columns are on screen.
const page = (box, periodCount, widths) => `<!doctype html><html data-ag-theme-mode="light"><meta charset="utf-8"><title>AG Grid alone</title>
<style>body { margin: 0; font: 13px system-ui, 'Noto Sans CJK SC', sans-serif; }</style>
<script src="/ag-grid.js"></script>
<div id="grid" style="width:${box.width}px;height:${box.height}px"></div>
<script>
new MutationObserver((_, observer) => {
  if (!document.querySelector('#grid [role="row"][row-id]')) return;
  observer.disconnect();
  requestAnimationFrame(() => setTimeout(() => (window.__benchFirstRowsAt = performance.now()), 0));
}).observe(document, { childList: true, subtree: true });
fetch('/rows').then((response) => response.json()).then((rowData) => {
  const { createGrid, theme } = floorGrid;
  const periods = Array.from({ length: ${periodCount} }, (_, p) => ({ field: 'p' + p, headerName: 'M' + p, type: 'rightAligned', width: ${widths.period} }));
  createGrid(document.getElementById('grid'), {
    theme,
    headerHeight: 34, rowBuffer: 4, animateRows: false, rowData,
    defaultColDef: { resizable: true, sortable: true, suppressMovable: true },
    columnDefs: [
      { field: 'indicator', pinned: 'left', width: ${widths.names[0]} }, { field: 'region', pinned: 'left', width: ${widths.names[1]} }, { field: 'unit', pinned: 'left', width: ${widths.names[2]} },
      ...periods, { field: 'growth', type: 'rightAligned', width: 100 }, { field: 'rank', type: 'rightAligned', width: 80 },
    ],
  });
});
</script>`;

/** The floor's page with these rows and columns on a free port: its address and a close(). */
export function floorSite({ rows, periods, box, widths }) {
  return serve(page(box, periods, widths), JSON.stringify(rowsOf(rows, periods)));
}

/** Serves the page, the bundle and the rows on a free port; resolves with its address and a close(). */
function serve(html, rowsJson) {
  const server = http.createServer((request, response) => {
    const [type, body] =
      request.url === '/ag-grid.js' ? ['text/javascript', bundle] : request.url === '/rows' ? ['application/json', rowsJson] : ['text/html; charset=utf-8', html];
    response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    response.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })));
}

/**
 * One page load of AG Grid alone on a floorSite (its rows and columns as the app's wide table has
 * them, in a box of the table's size): first rows from navigation, and the median frame of the same
 * scroll as bench/grid.mjs (120 frames, 120 px a frame).
 */
export async function floorSample(browser, site) {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 760 }, locale: 'zh-CN' });
  try {
    await tab.goto(site.url);
    await tab.waitForFunction(() => window.__benchFirstRowsAt !== undefined, null, { polling: 'raf' });
    const firstRowsMs = await tab.evaluate(() => window.__benchFirstRowsAt);
    return { firstRowsMs, medianFrameMs: median(await scrollFrames(tab, '#grid')) };
  } finally {
    await tab.close();
  }
}

/** Medians of floor samples. */
export function floorOf(samples) {
  return { firstRowsMs: median(samples.map((sample) => sample.firstRowsMs)), medianFrameMs: median(samples.map((sample) => sample.medianFrameMs)) };
}

/**
 * The gaps between frames while the grid under `selector` scrolls 120 px a frame for 120 frames
 * (wrapping round at the end, so that a small table keeps scrolling as long as a large one), then
 * back to the top. The app's table is timed by the same loop.
 */
export function scrollFrames(page, selector) {
  return page.evaluate(
    (selector) =>
      new Promise((resolve) => {
        // The grid's vertically scrolling body (found by behaviour: class names change between AG Grid versions).
        const viewport = [...document.querySelectorAll(`${selector} *`)].find(
          (element) => element.scrollHeight > element.clientHeight + 10 && /(auto|scroll)/.test(getComputedStyle(element).overflowY),
        );
        const gaps = [];
        let last = performance.now();
        let count = 0;
        const step = (now) => {
          gaps.push(now - last);
          last = now;
          viewport.scrollTop = (viewport.scrollTop + 120) % Math.max(1, viewport.scrollHeight - viewport.clientHeight);
          count += 1;
          if (count < 120) requestAnimationFrame(step);
          else {
            viewport.scrollTop = 0;
            resolve(gaps.slice(1));
          }
        };
        requestAnimationFrame(step);
      }),
    selector,
  );
}

export const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
