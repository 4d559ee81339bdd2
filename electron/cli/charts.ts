import fs from 'node:fs';
import path from 'node:path';
import { CommanderError, InvalidArgumentError, Option, type Command } from 'commander';
import { z } from 'zod';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { DeckItem } from '../../shared/api/methods/charts';
import { ChartSpec } from '../../shared/charts/spec';
import { withWorkspace, type CliIo } from './program';

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;
type Format = 'svg' | 'png' | 'pptx';

function usage(message: string): CommanderError {
  return new CommanderError(2, 'yardstick.usage', message);
}

/** The export format named by the output file's extension. */
export function formatOf(out: string): Format {
  const extension = path.extname(out).slice(1).toLowerCase();
  if (extension === 'svg' || extension === 'png' || extension === 'pptx') return extension;
  throw usage(`--out must end in .svg, .png or .pptx (got "${path.basename(out)}") / 输出文件须以 .svg、.png 或 .pptx 结尾`);
}

/** Reads and checks a chart spec file (JSON); a bad spec is a usage error that lists what is wrong. */
export function readSpec(file: string): ChartSpec {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw usage(`cannot read the spec file ${file} / 无法读取图表设定文件 ${file}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw usage(`${file} is not JSON: ${(error as Error).message} / ${file} 不是 JSON 文件`);
  }
  const parsed = ChartSpec.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(spec)'}: ${issue.message}`);
    throw usage(`${file} is not a chart spec: ${issues.join('; ')}`);
  }
  return parsed.data;
}

/** Reads a deck's items from a JSON file: saved charts, saved scenarios and briefs, in order. */
export function readItems(file: string): MethodInput<'deck.save'>['items'] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw usage(`cannot read the items file ${file}: ${(error as Error).message} / 无法读取演示文稿内容文件 ${file}`);
  }
  const parsed = z.array(DeckItem).max(100).safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(items)'}: ${issue.message}`);
    throw usage(`${file} is not a list of deck items ({"chart": NAME} | {"kind": "scenario", "scenario": NAME} | {"kind": "brief", "brief": {indicator, region, period, lang}}): ${issues.join('; ')}`);
  }
  return parsed.data;
}

function scaleArg(text: string): 2 | 3 {
  if (text === '2' || text === '3') return Number(text) as 2 | 3;
  throw new InvalidArgumentError('2 or 3');
}

interface ChartOptions {
  spec?: string;
  name?: string;
  out?: string;
  save?: string;
  scale: 2 | 3;
  watermark: boolean;
  lang?: 'zh' | 'en';
  theme?: 'slide' | 'print';
}

/** `yardstick chart` and `yardstick deck`: exports from the same option builders as the app. */
export function registerChartCommands(program: Command, io: CliIo): void {
  program
    .command('chart')
    .description('Export a chart as SVG, PNG (2× or 3×) or a one-slide PPTX / 导出图表（SVG、PNG、PPTX）')
    .argument('<file>', 'workspace file')
    .option('--spec <file>', 'chart spec (JSON): {"kind": "ranking", "indicator": "规上工业增加值", "period": "2024", …}')
    .option('--name <name>', 'a chart saved in the workspace, instead of --spec')
    .option('--out <file>', 'output file: .svg, .png or .pptx')
    .option('--save <name>', 'also save the --spec in the workspace under this name (for decks)')
    .addOption(new Option('--scale <n>', 'PNG scale').argParser(scaleArg).default(2))
    .option('--watermark', 'PPTX: print 内部资料 on the slide', false)
    .addOption(new Option('--lang <lang>', 'language of the chart (overrides the spec)').choices(['zh', 'en']))
    .addOption(new Option('--theme <theme>', 'slide (16:9) or print (overrides the spec)').choices(['slide', 'print']))
    .action(async (file: string, options: ChartOptions) => {
      if (Boolean(options.spec) === Boolean(options.name)) throw usage('give either --spec FILE or --name SAVED_CHART / 请给出 --spec 或 --name 之一');
      if (options.save && !options.spec) throw usage('--save saves a --spec / --save 须与 --spec 同用');
      if (!options.out && !options.save) throw usage('say where to write the chart: --out x.svg|x.png|x.pptx / 请用 --out 指定输出文件');
      const format = options.out ? formatOf(options.out) : undefined;
      const overrides = { ...(options.lang ? { lang: options.lang } : {}), ...(options.theme ? { theme: options.theme } : {}) };
      await withWorkspace(file, async (call: Call) => {
        let spec = options.spec ? readSpec(options.spec) : undefined;
        if (!spec && Object.keys(overrides).length > 0) {
          const saved = (await call('chart.list', {})).find((chart) => chart.name === options.name);
          if (saved?.spec) spec = saved.spec;
        }
        const target = spec ? { spec: { ...spec, ...overrides } } : { name: options.name! };
        if (options.save && target.spec) {
          const saved = await call('chart.save', { name: options.save, spec: target.spec });
          io.out(`${saved.created ? 'Saved' : 'Replaced'} chart "${options.save}" / ${saved.created ? '已保存' : '已更新'}图表“${options.save}”\n`);
        }
        if (!options.out || !format) return;
        const written = await call('export.chart', { ...target, format, path: options.out, scale: options.scale, watermark: options.watermark });
        io.out(`Wrote ${written.path} (${format.toUpperCase()}, ${written.bytes} bytes) / 已写出\n`);
      });
    });

  program
    .command('deck')
    .description('Export a saved deck as PPTX: a title slide and one slide per chart, scenario fan or brief / 导出演示文稿（PPTX）')
    .argument('<file>', 'workspace file')
    .requiredOption('--deck <name>', 'name of the deck saved in the workspace')
    .option('--charts <names>', 'first (re)define the deck as these saved charts, in order, separated by commas')
    .option('--items <file>', 'first (re)define the deck from a JSON list of items: {"chart": NAME}, {"kind": "scenario", "scenario": NAME, "lang": "zh"}, {"kind": "brief", "brief": {"indicator": Q, "region": Q, "period": P, "lang": "zh"}}, each with an optional "note"')
    .option('--out <file>', 'output file (.pptx)')
    .option('--watermark', 'print 内部资料 on every slide', false)
    .option('--no-title-slide', 'leave out the title slide')
    .action(async (file: string, options: { deck: string; charts?: string; items?: string; out?: string; watermark: boolean; titleSlide: boolean }) => {
      if (!options.out && !options.charts && !options.items) throw usage('say where to write the deck: --out d.pptx / 请用 --out 指定输出文件');
      if (options.charts && options.items) throw usage('give either --charts or --items / --charts 与 --items 只能给一个');
      if (options.out && formatOf(options.out) !== 'pptx') throw usage('a deck is written as .pptx / 演示文稿须导出为 .pptx');
      const items = options.items
        ? readItems(options.items)
        : options.charts
          ? options.charts
              .split(/[,，]/)
              .map((name) => name.trim())
              .filter(Boolean)
              .map((chart) => ({ chart }))
          : undefined;
      await withWorkspace(file, async (call: Call) => {
        if (items) {
          const saved = await call('deck.save', { name: options.deck, items });
          io.out(`Saved deck "${options.deck}" with ${saved.deck.items.length} slides / 已保存演示文稿\n`);
        }
        if (!options.out) return;
        const written = await call('export.deck', { name: options.deck, path: options.out, watermark: options.watermark, titleSlide: options.titleSlide });
        io.out(`Wrote ${written.path} (${written.slides} slides, ${written.bytes} bytes) / 已写出 ${written.slides} 页\n`);
      });
    });
}
