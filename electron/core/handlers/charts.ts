import type { HandlersOf } from '../../../shared/api/contract';
import { AppFailure } from '../../../shared/api/errors';
import type { chartMethods, ChartResolved, SavedDeckItem } from '../../../shared/api/methods/charts';
import type { ChartSpec } from '../../../shared/charts/spec';
import { chartWords } from '../../../shared/charts/text';
import { chartPptx, chartPng, chartSvg, deckSlide, writeFileSafely } from '../charts/exporter';
import { buildPptx, type AnySlide, type TextSlide } from '../charts/pptx';
import { resolveChart } from '../charts/resolve';
import { ChartRepository } from '../store/chartRepository';
import type { Workspace } from '../workspace';
import { analysisHandlers } from './analysis';
import type { HandlerContext } from './context';
import { projectionHandlers } from './projections';

const repositories = new WeakMap<Workspace, ChartRepository>();

/** The chart repository of an open workspace, prepared once per workspace. */
export function chartsOf(workspace: Workspace): ChartRepository {
  let repository = repositories.get(workspace);
  if (!repository) {
    repository = new ChartRepository(workspace.db);
    repositories.set(workspace, repository);
  }
  return repository;
}

function savedSpec(workspace: Workspace, name: string): ChartSpec {
  const saved = chartsOf(workspace).chartByName(name);
  if (!saved) {
    const known = chartsOf(workspace)
      .listCharts()
      .map((c) => c.name);
    throw new AppFailure(
      'VALIDATION',
      `No saved chart named "${name}".${known.length ? ` Saved: ${known.join('; ')}` : ' None is saved yet.'}`,
      `没有名为“${name}”的已保存图表。${known.length ? `已保存：${known.join('；')}` : '尚未保存任何图表。'}`,
      { name, known },
    );
  }
  if (!saved.spec) {
    throw new AppFailure(
      'VALIDATION',
      `The saved chart "${name}" cannot be read by this version (${saved.problem}). Save it again from the Charts view.`,
      `已保存的图表“${name}”无法被本版本读取（${saved.problem}）。请在“图表”视图中重新保存。`,
      { name },
    );
  }
  return saved.spec;
}

export function chartHandlers(context: HandlerContext): HandlersOf<typeof chartMethods> {
  const { requireWorkspace } = context;
  const runProjection = projectionHandlers(context)['projection.run'];
  const getBrief = analysisHandlers(context)['brief.get'];

  /** A brief slide, written now from the workspace's numbers by the brief builder (never stored text). */
  const briefSlide = async (workspace: Workspace, item: SavedDeckItem): Promise<TextSlide> => {
    const spec = item.brief!;
    const brief = await getBrief({ indicator: spec.indicator, region: spec.region, period: spec.period, lang: spec.lang });
    const lang = spec.lang;
    const words = chartWords(lang);
    const indicator = workspace.catalog.indicators().find((i) => i.code === brief.indicatorCode);
    const cell = workspace.querySeries({ indicator: brief.indicatorCode, region: brief.regionCode, period: brief.period })[0];
    const snapshot = brief.snapshot.label === 'working' ? words.working : brief.snapshot.label;
    return {
      kind: 'text',
      title: brief.title[lang],
      subtitle: null,
      body: brief.text,
      footerLines: [...(indicator?.sourceNote ? [`${words.source}${indicator.sourceNote}`] : []), `${words.snapshot}${snapshot}`],
      sources: cell?.source ? [cell.source] : [],
      note: item.note,
      lang,
    };
  };

  /** Every slide of a saved deck, in order: charts and scenario fans resolved, briefs written. */
  const deckSlides = async (workspace: Workspace, deckName: string, items: readonly SavedDeckItem[]): Promise<AnySlide[]> => {
    const slides: AnySlide[] = [];
    for (const item of items) {
      if (item.missing) {
        const what = item.kind === 'scenario' ? `the scenario "${item.scenario}" (deleted since)` : 'a brief this version cannot read';
        const whatZh = item.kind === 'scenario' ? `情景“${item.scenario}”（已被删除）` : '本版本无法读取的简报';
        throw new AppFailure(
          'VALIDATION',
          `Slide ${item.position + 1} of the deck "${deckName}" is ${what}. Remove it from the deck, or save the scenario again.`,
          `演示文稿“${deckName}”第${item.position + 1}项是${whatZh}。请从演示文稿中移除该项，或重新保存该情景。`,
          { name: deckName, position: item.position },
        );
      }
      if (item.kind === 'brief') slides.push(await briefSlide(workspace, item));
      else if (item.kind === 'scenario') slides.push(deckSlide(await resolve({ spec: { kind: 'projectionFan', scenario: item.scenario!, lang: item.lang ?? 'zh', theme: 'slide' } }), item.note));
      else slides.push(deckSlide(await resolve({ name: item.chart! }), item.note));
    }
    return slides;
  };

  const resolve = (input: { spec?: ChartSpec; name?: string; width?: number; height?: number }): Promise<ChartResolved> => {
    const spec = input.spec ?? savedSpec(requireWorkspace(), input.name!);
    // A projection fan typed in needs no workspace; every other chart reads one.
    const workspace = spec.kind === 'projectionFan' && !spec.scenario ? context.current() : requireWorkspace();
    return resolveChart(workspace, spec, runProjection, { width: input.width, height: input.height });
  };

  return {
    'chart.data': (input) => resolve(input),
    'chart.render': async (input) => chartSvg(await resolve(input)),
    'chart.save': ({ name, spec }) => {
      const workspace = requireWorkspace();
      return chartsOf(workspace).saveChart(name, spec, new Date().toISOString());
    },
    'chart.list': () => chartsOf(requireWorkspace()).listCharts(),
    'chart.delete': ({ name }) => ({ deleted: chartsOf(requireWorkspace()).deleteChart(name) }),
    'deck.save': ({ name, items }) => chartsOf(requireWorkspace()).saveDeck(name, items, new Date().toISOString()),
    'deck.list': () => chartsOf(requireWorkspace()).listDecks(),
    'deck.rename': ({ name, to }) => ({ deck: chartsOf(requireWorkspace()).renameDeck(name, to, new Date().toISOString()) }),
    'deck.delete': ({ name }) => ({ deleted: chartsOf(requireWorkspace()).deleteDeck(name) }),
    'export.chart': async (input) => {
      const resolved = await resolve(input);
      const lang = resolved.chrome.lang;
      const content =
        input.format === 'svg'
          ? chartSvg(resolved).svg
          : input.format === 'png'
            ? await chartPng(resolved, input.scale)
            : await chartPptx(resolved, { watermark: input.watermark, lang });
      return { ...writeFileSafely(input.path, content), format: input.format };
    },
    'export.deck': async ({ name, path, watermark, titleSlide }) => {
      const workspace = requireWorkspace();
      const deck = chartsOf(workspace).deckByName(name);
      if (!deck) {
        const known = chartsOf(workspace)
          .listDecks()
          .map((d) => d.name);
        throw new AppFailure(
          'VALIDATION',
          `No saved deck named "${name}".${known.length ? ` Saved: ${known.join('; ')}` : ' None is saved yet.'}`,
          `没有名为“${name}”的演示文稿。${known.length ? `已保存：${known.join('；')}` : '尚未保存任何演示文稿。'}`,
          { name, known },
        );
      }
      if (deck.items.length === 0) {
        throw new AppFailure('VALIDATION', `The deck "${name}" has no slides yet. Add a saved chart, a scenario or a brief first.`, `演示文稿“${name}”中还没有内容。请先加入已保存的图表、情景或简报。`, { name });
      }
      const slides = await deckSlides(workspace, name, deck.items);
      const first = slides[0]!;
      const lang = first.kind === 'text' ? first.lang : first.resolved.chrome.lang;
      const chartSlide = slides.find((slide): slide is Exclude<AnySlide, TextSlide> => slide.kind !== 'text');
      const snapshot = chartSlide ? chartSlide.resolved.chrome.snapshotLabel : null;
      const date = new Date().toISOString().slice(0, 10);
      const subtitle = [date, snapshot ? `${chartWords(lang).snapshot}${snapshot}` : ''].filter(Boolean).join(lang === 'zh' ? '\u3000' : ' · ');
      const { buffer, slideCount } = await buildPptx(slides, { title: titleSlide ? deck.name : null, subtitle, lang, watermark, documentTitle: deck.name });
      return { ...writeFileSafely(path, buffer), format: 'pptx' as const, slides: slideCount };
    },
  };
}
