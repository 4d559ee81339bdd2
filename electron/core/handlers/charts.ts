import type { HandlersOf } from '../../../shared/api/contract';
import { AppFailure } from '../../../shared/api/errors';
import type { chartMethods, ChartResolved } from '../../../shared/api/methods/charts';
import type { ChartSpec } from '../../../shared/charts/spec';
import { chartWords } from '../../../shared/charts/text';
import { chartPptx, chartPng, chartSvg, deckSlide, writeFileSafely } from '../charts/exporter';
import { buildPptx } from '../charts/pptx';
import { resolveChart } from '../charts/resolve';
import { ChartRepository } from '../store/chartRepository';
import type { Workspace } from '../workspace';
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
    'export.deck': async ({ name, path, watermark }) => {
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
        throw new AppFailure('VALIDATION', `The deck "${name}" has no charts yet.`, `演示文稿“${name}”中还没有图表。`, { name });
      }
      const slides = [];
      for (const item of deck.items) slides.push(deckSlide(await resolve({ name: item.chart }), item.note));
      const lang = slides[0]!.resolved.chrome.lang;
      const snapshot = slides[0]!.resolved.chrome.snapshotLabel;
      const date = new Date().toISOString().slice(0, 10);
      const subtitle = [date, snapshot ? `${chartWords(lang).snapshot}${snapshot}` : ''].filter(Boolean).join(lang === 'zh' ? '\u3000' : ' · ');
      const { buffer, slideCount } = await buildPptx(slides, { title: deck.name, subtitle, lang, watermark });
      return { ...writeFileSafely(path, buffer), format: 'pptx' as const, slides: slideCount };
    },
  };
}
