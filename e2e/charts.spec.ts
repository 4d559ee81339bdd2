import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { expect, test } from './fixtures';
import { ChartsModel } from './page-models/ChartsModel';

// Rendering PNG and PPTX on the backend of a busy two-core machine takes a few seconds each.
test.beforeEach(() => {
  test.slow();
});

test('builds the ranking chart of the sample, explains what it cannot rank, and exports PNG, SVG and PPTX', async ({ page, server, workbench }) => {
  await workbench.open(server.launchUrl, null);
  const charts = new ChartsModel(page);
  await charts.open();
  await expect(charts.kind).toHaveValue('ranking');
  await charts.indicator.selectOption('industrial_value_added');

  // What a reader checks: the title, Lishui's growth, the provincial average, the source and the version.
  await expect(charts.chart).toContainText('2024年各市规上工业增加值增速排名');
  await expect(charts.chart).toContainText('1. 丽水市');
  await expect(charts.chart).toContainText('9.3%');
  await expect(charts.chart).toContainText('浙江省平均 7.5%');
  await expect(charts.chart).toContainText('资料来源：丽水市经信局');
  await expect(charts.chart).toContainText('数据版本：工作副本（未冻结）');
  // One city cannot be ranked: the view says so, and what the source printed.
  await expect(charts.gaps).toContainText('仅丽水市有2024年数据，其余10个市暂无，无法比较排名');
  await expect(charts.gaps).toContainText('资料所载丽水市排名：全省第5位');
  await workbench.screenshot('charts-ranking-zh');

  for (const format of ['png', 'svg', 'pptx'] as const) {
    const target = path.join(server.dir, `排名.${format}`);
    await charts.exportAs(format, target, { watermark: format === 'pptx' });
    await expect(charts.notice).toContainText(`已导出：${target}`);
    const bytes = readFileSync(target);
    if (format === 'png') expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([2560, 1440]);
    if (format === 'svg') expect(bytes.toString('utf8')).toContain('2024年各市规上工业增加值增速排名');
    if (format === 'pptx') expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  }
  await workbench.screenshot('charts-exported-zh');
});

test('switches chart type and language, and says why a chart cannot be drawn', async ({ page, server, workbench }) => {
  await workbench.open(server.launchUrl, null);
  const charts = new ChartsModel(page);
  await charts.open();
  await charts.kind.selectOption('growthComparison');
  await expect(charts.chart).toContainText('高于全省1.8个百分点');
  await workbench.languageSwitch.click();
  await expect(charts.chart).toContainText('1.8 pp above Zhejiang');
  await workbench.screenshot('charts-comparison-en');

  // The contribution of core digital manufacturing to the growth of industrial added value, the rest as "Other".
  await charts.kind.selectOption('waterfall');
  await expect(charts.chart).toContainText('Other');
  await expect(charts.chart).toContainText('9.3');
  await workbench.screenshot('charts-waterfall-en');
  await charts.kind.selectOption('valueGrowth');
  await expect(charts.chart).toContainText('471.78');

  // A period that is not one: the view says why there is no chart.
  await charts.kind.selectOption('ranking');
  await page.getByTestId('chart-period').fill('2024年底');
  await expect(charts.error).toContainText('is not a period');
  await workbench.screenshot('charts-error-en');
});

/** Slide XML files of a PPTX in slide order, with their notes. */
async function slidesOf(file: string): Promise<{ xml: string; notes: string }[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = Object.keys(zip.files)
    .map((name) => /^ppt\/slides\/slide(\d+)\.xml$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]));
  return Promise.all(
    names.map(async (match) => {
      const rels = await zip.file(`ppt/slides/_rels/slide${match[1]}.xml.rels`)!.async('string');
      const notesName = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
      return { xml: await zip.file(match[0])!.async('string'), notes: notesName ? await zip.file(`ppt/notesSlides/${notesName}`)!.async('string') : '' };
    }),
  );
}

test('builds a deck of two charts, reorders it with Alt+↑ and the buttons, notes a slide, and exports it to PPTX in that order', async ({ page, server, workbench }) => {
  await workbench.open(server.launchUrl, null);
  const charts = new ChartsModel(page);
  const deck = charts.deck;
  await charts.open();
  await charts.indicator.selectOption('industrial_value_added');
  await expect(deck.empty).toHaveText('还没有演示文稿。新建一个，再把图表加入其中。');

  await deck.create('月度汇报');
  await expect(deck.select).toHaveValue('月度汇报');
  await expect(deck.empty).toContainText('此演示文稿还没有内容');
  // The ranking is not saved yet: adding it asks for a name first.
  await deck.addCurrentChart('增速排名');
  await expect(deck.names).toHaveText(['增速排名']);
  await charts.kind.selectOption('growthComparison');
  await expect(charts.chart).toContainText('高于全省1.8个百分点');
  await deck.addCurrentChart('增速对比');
  await expect(deck.names).toHaveText(['增速排名', '增速对比']);
  // Added again, the saved chart is found by its settings: no second save.
  await deck.addCurrent.click();
  await expect(deck.names).toHaveText(['增速排名', '增速对比', '增速对比']);
  await deck.item(2).getByTestId('deck-item-remove').click();
  await expect(deck.names).toHaveText(['增速排名', '增速对比']);

  // Alt+↑ on the second slide moves it first, and it keeps the focus.
  await deck.item(1).locator('[data-deck-item]').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(deck.names).toHaveText(['增速对比', '增速排名']);
  await expect(deck.notice).toHaveText('已移到第1页');
  await expect(deck.item(0).locator('[data-deck-item]')).toBeFocused();
  await deck.item(0).getByTestId('deck-item-down').click();
  await expect(deck.names).toHaveText(['增速排名', '增速对比']);
  await deck.item(1).getByTestId('deck-item-up').click();
  await expect(deck.names).toHaveText(['增速对比', '增速排名']);

  await deck.item(0).getByTestId('deck-item-note').fill('先讲增速：高于全省1.8个百分点');
  await deck.item(1).getByTestId('deck-item-note').click();
  await expect(deck.item(0).getByTestId('deck-item-note')).toHaveValue('先讲增速：高于全省1.8个百分点');
  await deck.rename('2024年度汇报');
  await expect(deck.select).toHaveValue('2024年度汇报');
  await workbench.screenshot('charts-deck-zh');

  const target = path.join(server.dir, '汇报.pptx');
  await deck.exportTo(target, { watermark: true });
  await expect(deck.notice).toHaveText(`已导出 3 页：${target}`);
  const slides = await slidesOf(target);
  expect(slides).toHaveLength(3);
  expect(slides[0]!.xml).toContain('2024年度汇报');
  expect(slides[1]!.xml).toContain('增速对比');
  expect(slides[1]!.notes).toContain('先讲增速：高于全省1.8个百分点');
  expect(slides[2]!.xml).toContain('各市规上工业增加值增速排名');
  expect(slides.every((slide) => slide.xml.includes('内部资料'))).toBe(true);
  expect(slides[1]!.xml).toContain('资料来源：丽水市经信局');

  // Without the title slide: two slides; in English the panel speaks English.
  await deck.exportTo(path.join(server.dir, 'plain.pptx'), { titleSlide: false });
  expect(await slidesOf(path.join(server.dir, 'plain.pptx'))).toHaveLength(2);
  await workbench.languageSwitch.click();
  await expect(deck.panel).toContainText('Speaker note');
  await expect(page.getByRole('list', { name: 'Slides (Alt+↑/↓ to reorder)' })).toBeVisible();
  await workbench.screenshot('charts-deck-en');
  await page.getByTestId('deck-delete').click();
  await page.getByTestId('deck-delete-confirm').click();
  await expect(deck.empty).toHaveText('No deck yet. Create one, then add charts to it.');
});

test('adds a saved scenario from Projections and a brief from the Overview to a deck, and exports them as slides', async ({ page, server, workbench, request }) => {
  const saved = await request.post(`${server.baseUrl}api/scenario.save`, {
    headers: { 'x-yardstick-token': server.token },
    data: {
      name: '十五五基准',
      spec: {
        base: { kind: 'workspace', indicator: '规上工业增加值', region: '丽水', period: '2024' },
        years: 6,
        rates: { base: { kind: 'constant', growthPct: 9.3 }, high: { kind: 'constant', growthPct: 10.3 }, low: { kind: 'constant', growthPct: 8.3 } },
        target: { value: 600, year: 2030 },
      },
    },
  });
  expect(saved.ok()).toBe(true);
  await workbench.open(server.launchUrl, null);
  const deck = new ChartsModel(page).deck;

  await page.getByTestId('brief-add-to-deck').first().click();
  await deck.addTo('展望', { isNew: true });
  await expect(page.getByTestId('brief-deck-status').first()).toHaveText('已加入演示文稿“展望”');

  await page.getByTestId('view-tab-projections').click();
  await page.getByTestId('scenario-add-to-deck').click();
  await deck.addTo('展望');
  await expect(page.getByTestId('scenario-notice')).toHaveText('已加入演示文稿“展望”');

  await page.getByTestId('view-tab-charts').click();
  await expect(deck.select).toHaveValue('展望');
  await expect(deck.items.locator('.deck-item-kind')).toHaveText(['简报', '预测情景']);
  await expect(deck.names).toHaveText([/规上工业增加值 · 丽水市 · 2024/, '十五五基准']);
  await workbench.screenshot('charts-deck-kinds-zh');
  const target = path.join(server.dir, '展望.pptx');
  await deck.exportTo(target);
  await expect(deck.notice).toContainText('已导出 3 页');
  const slides = await slidesOf(target);
  expect(slides[1]!.xml).toContain('4717.8亿元');
  expect(slides[1]!.xml).toContain('全省第5');
  // The fan is a picture; its notes carry the briefing sentence.
  expect(slides[2]!.xml).toContain('<p:pic>');
  expect(slides[2]!.notes).toMatch(/2027/);

  // Deleting the scenario says which slide would break; cancelling keeps it.
  await page.getByTestId('view-tab-projections').click();
  await page.getByTestId('scenario-delete').click();
  await expect(page.getByTestId('scenario-delete-used')).toHaveText('幻灯片组中用到它：“展望”第 2 页。删除后这些幻灯片无法导出，需从组中移除。');
  await workbench.screenshot('projections-delete-used-zh');
  await page.getByRole('alertdialog').getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('scenario-select')).toHaveValue('十五五基准');
});

test('copies the chart to the clipboard as a PNG with the button and Ctrl+C, and says so when the clipboard is refused', async ({ page, context, server, workbench }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl.replace(/\/$/, '') });
  await workbench.open(server.launchUrl, null);
  const charts = new ChartsModel(page);
  await charts.open();
  await charts.indicator.selectOption('industrial_value_added');
  await expect(charts.chart).toContainText('9.3%');

  await charts.copyButton.click();
  await expect(charts.notice).toHaveText('已把图表复制到剪贴板（PNG），可直接粘贴到 PPT 或 Word。');
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const blob = await item!.getType('image/png');
    const bytes = new DataView(await blob.arrayBuffer());
    return { types: item!.types, width: bytes.getUint32(16), height: bytes.getUint32(20) };
  });
  // 2× the slide chart: what the PNG export writes.
  expect(copied).toEqual({ types: ['image/png'], width: 2560, height: 1440 });

  // Ctrl+C in the view (not in a field) copies again.
  await page.evaluate(() => navigator.clipboard.writeText('something else'));
  await page.getByTestId('chart-frame').click();
  await page.keyboard.press('Control+c');
  await expect.poll(() => page.evaluate(async () => (await navigator.clipboard.read())[0]!.types)).toEqual(['image/png']);

  // A refused clipboard: the view says why and what to do instead.
  await page.evaluate(() => {
    navigator.clipboard.write = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await charts.copyButton.click();
  await expect(charts.notice).toHaveText('无法写入剪贴板：Write permission denied。请改用“导出 PNG”。');
  await workbench.screenshot('charts-copy-refused-zh');
});
