import { z } from 'zod';
import { ChartChromeSchema } from '../../charts/chrome';
import { ChartData } from '../../charts/data';
import { ChartSpec } from '../../charts/spec';
import { FilePath, Text } from '../schemas';
import type { MethodSpec } from './spec';

const Empty = z.object({}).strict();
const Name = Text(200).trim().min(1, 'a name is needed / 须填写名称');

/** A saved chart; `spec` is null (and `problem` says why) when this version cannot read the stored spec. */
export const SavedChart = z.object({
  id: z.number().int(),
  name: Text(200),
  spec: ChartSpec.nullable(),
  problem: Text(2000).nullable(),
  createdAt: Text(40),
  updatedAt: Text(40),
});
export type SavedChart = z.infer<typeof SavedChart>;

const Note = Text(2000).nullable().default(null);
const Lang = z.enum(['zh', 'en']);

/** A brief slide: which brief to write; its text is built from the workspace's numbers when the deck is exported, never stored. */
export const BriefSlideSpec = z
  .object({
    indicator: Text(200).trim().min(1),
    region: Text(200).trim().min(1),
    period: Text(20).trim().min(1),
    lang: Lang.default('zh'),
  })
  .strict();
export type BriefSlideSpec = z.infer<typeof BriefSlideSpec>;

/**
 * One slide of a deck: a saved chart (`{chart, note}`, the original shape, `kind` optional), a
 * saved projection scenario drawn as its fan, or a brief written at export.
 */
export const DeckItem = z.union([
  z.object({ kind: z.literal('chart').optional(), chart: Name, note: Note }).strict(),
  z.object({ kind: z.literal('scenario'), scenario: Name, lang: Lang.default('zh'), note: Note }).strict(),
  z.object({ kind: z.literal('brief'), brief: BriefSlideSpec, note: Note }).strict(),
]);
export type DeckItem = z.input<typeof DeckItem>;

export const SavedDeckItem = z.object({
  position: z.number().int(),
  kind: z.enum(['chart', 'scenario', 'brief']),
  /** The saved chart (kind "chart"); null for other kinds. */
  chartId: z.number().int().nullable(),
  chart: Text(200).nullable(),
  /** The saved scenario's name (kind "scenario"); `missing` when it has been deleted since. */
  scenario: Text(200).nullable(),
  brief: BriefSlideSpec.nullable(),
  /** Language of a scenario or brief slide (a chart's is in its spec). */
  lang: Lang.nullable(),
  note: Text(2000).nullable(),
  missing: z.boolean(),
});
export type SavedDeckItem = z.infer<typeof SavedDeckItem>;

export const SavedDeck = z.object({
  id: z.number().int(),
  name: Text(200),
  items: z.array(SavedDeckItem),
  createdAt: Text(40),
  updatedAt: Text(40),
});
export type SavedDeck = z.infer<typeof SavedDeck>;

/** A chart given inline (`spec`) or by the name it was saved under (`name`), at an optional size in px. */
const ChartTarget = {
  spec: ChartSpec.optional(),
  name: Name.optional(),
  width: z.number().int().min(200).max(4000).optional(),
  height: z.number().int().min(150).max(3000).optional(),
};
const oneChart = (input: { spec?: unknown; name?: unknown }) => (input.spec === undefined) !== (input.name === undefined);
const ONE_CHART = { message: 'give either a chart spec or the name of a saved chart / 请给出图表设定或已保存图表的名称' };

export const ChartResolved = z.object({
  data: ChartData,
  chrome: ChartChromeSchema,
  /** Sources of every figure shown (observation sources), for speaker notes. */
  sources: z.array(Text(4000)),
  /** What the chart cannot show, in the chart's language (an incomplete ranking says why). */
  gaps: z.array(Text(1000)),
});
export type ChartResolved = z.infer<typeof ChartResolved>;

const Written = z.object({ path: Text(4096), bytes: z.number().int().nonnegative(), format: z.enum(['png', 'svg', 'pptx']) });

/** Comparison charts, saved charts and decks, and their export to PNG, SVG and PPTX. */
export const chartMethods = {
  'chart.data': {
    input: z.object(ChartTarget).strict().refine(oneChart, ONE_CHART),
    output: ChartResolved,
    summary: 'The figures and frame (title, unit, source, snapshot) of a chart, for drawing it with the shared option builders.',
  },
  'chart.render': {
    input: z.object(ChartTarget).strict().refine(oneChart, ONE_CHART),
    output: z.object({ svg: z.string(), width: z.number().int(), height: z.number().int() }),
    summary: 'Render a chart (given, or saved by name) to an SVG string, server-side.',
  },
  'chart.save': {
    input: z.object({ name: Name, spec: ChartSpec }).strict(),
    output: z.object({ chart: SavedChart, created: z.boolean() }),
    summary: 'Save a chart under a name, replacing the spec of one with the same name.',
  },
  'chart.list': { input: Empty, output: z.array(SavedChart), summary: 'Charts saved in the workspace, by name.' },
  'chart.delete': {
    input: z.object({ name: Name }).strict(),
    output: z.object({ deleted: z.boolean() }),
    summary: 'Delete a saved chart; refused while a deck uses it.',
  },
  'deck.save': {
    input: z.object({ name: Name, items: z.array(DeckItem).max(100) }).strict(),
    output: z.object({ deck: SavedDeck, created: z.boolean() }),
    summary: 'Save a deck: an ordered list of saved charts, scenarios and briefs, each with a note for the speaker.',
  },
  'deck.rename': {
    input: z.object({ name: Name, to: Name }).strict(),
    output: z.object({ deck: SavedDeck }),
    summary: 'Rename a deck; refused when another deck has the new name.',
  },
  'deck.list': { input: Empty, output: z.array(SavedDeck), summary: 'Decks saved in the workspace, by name.' },
  'deck.delete': {
    input: z.object({ name: Name }).strict(),
    output: z.object({ deleted: z.boolean() }),
    summary: 'Delete a deck (its charts stay).',
  },
  'export.chart': {
    input: z
      .object({
        ...ChartTarget,
        format: z.enum(['png', 'svg', 'pptx']),
        path: FilePath,
        /** PNG: 2× or 3× the chart's size in pixels. */
        scale: z.union([z.literal(2), z.literal(3)]).default(2),
        /** PPTX: print "内部资料" on the slide. */
        watermark: z.boolean().default(false),
      })
      .strict()
      .refine(oneChart, ONE_CHART),
    output: Written,
    summary: 'Write one chart as PNG (2× or 3×), SVG, or a one-slide PPTX with an editable chart where the type allows.',
  },
  'export.deck': {
    input: z
      .object({
        name: Name,
        path: FilePath,
        watermark: z.boolean().default(false),
        /** A first slide with the deck's name, the date and the data version. */
        titleSlide: z.boolean().default(true),
      })
      .strict(),
    output: Written.extend({ slides: z.number().int() }),
    summary: 'Write a saved deck as PPTX: a title slide, one slide per chart, scenario fan or brief, speaker notes with sources.',
  },
} as const satisfies Record<string, MethodSpec>;
