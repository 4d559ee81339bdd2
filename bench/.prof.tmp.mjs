import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const N = Number(process.argv[2] ?? 20000);
const child = spawn(process.execPath, ['out-edit/main/server.js', `/tmp/ysx/prof${N}.sqlite`, '--port', '0', '--create-sample'], { stdio: ['ignore', 'pipe', 'pipe'] });
const m = await new Promise((resolve) => child.stdout.on('data', (d) => { const x = /(http:\/\/127\.0\.0\.1:\d+\/)#token=(\S+)/.exec(String(d)); if (x) resolve(x); }));
const server = { baseUrl: m[1], token: m[2], launchUrl: `${m[1]}#token=${m[2]}` };
const call = async (method, input) => { const r = await fetch(`${server.baseUrl}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Yardstick-Token': server.token }, body: JSON.stringify(input) }); const b = await r.json(); if (!b.ok) throw new Error(JSON.stringify(b.error)); return b.value; };
const PERIODS = Array.from({ length: 40 }, (_, i) => `${2021 + Math.floor(i / 12)}M${String((i % 12) + 1).padStart(2, '0')}`);
const pairs = N / 40; const ind = Math.round(Math.sqrt(pairs / 2)); const reg = Math.ceil(pairs / ind);
for (let i = 0; i < ind; i++) await call('catalog.addIndicator', { indicator: { code: `bench_${i}`, nameZh: `测试指标${i}`, nameEn: `B${i}`, unit: 'billion yuan', kind: 'flow', accumulation: 'point', category: 'industry', parentCode: null, sourceNote: null } });
for (let r = 0; r < reg; r++) await call('catalog.addRegion', { region: { code: `B${String(r).padStart(4, '0')}`, nameZh: `测试县${r}`, nameEn: `C${r}`, level: 'county', parentCode: '331100' } });
let batch = []; let n = 0;
for (let i = 0; i < ind; i++) for (let r = 0; r < reg; r++) for (const p of PERIODS) { if (n === N) break; batch.push({ indicator: `bench_${i}`, region: `B${String(r).padStart(4, '0')}`, period: p, value: n % 1000 }); n++; if (batch.length === 8000) { await call('cells.edit', { kind: 'add', cells: batch }); batch = []; } }
if (batch.length) await call('cells.edit', { kind: 'add', cells: batch });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
await page.goto(server.launchUrl);
await page.getByTestId('view-tab-table').click();
await page.locator('[data-testid="wide-table"] [role="row"][row-id]').first().waitFor();
await page.getByTestId('table-search').fill('测试');
await page.locator('[data-testid="wide-table"] [row-id="bench_0|B0000"] [col-id="period:2021M01"]').click();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start');
const ms = await page.evaluate(() => new Promise((resolve) => {
  const text = Array.from({ length: 50 }, (_, r) => `${Array.from({ length: 20 }, (_, c) => String(1000 + r + c / 10)).join('\t')}\r\n`).join('');
  const t = new DataTransfer(); t.setData('text/plain', text); const s = performance.now();
  document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: t, bubbles: true, cancelable: true }));
  const check = () => { const n = document.querySelector('[data-testid="edit-notice"]'); if (n && n.textContent.includes('1000')) resolve(performance.now() - s); else requestAnimationFrame(check); }; requestAnimationFrame(check);
}));
const { profile } = await cdp.send('Profiler.stop');
console.log('paste ms', ms);
const self = new Map(); const byId = new Map(profile.nodes.map((x) => [x.id, x]));
const dt = profile.timeDeltas; const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, us] of counts) { const node = byId.get(id); const cf = node.callFrame; const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`; self.set(key, (self.get(key) ?? 0) + us); }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(1)}ms ${k}`).join('\n'));
await browser.close(); child.kill();
