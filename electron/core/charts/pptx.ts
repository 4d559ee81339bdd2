import PptxGenJS from 'pptxgenjs';
import type { ChartResolved } from '../../../shared/api/methods/charts';
import { buildChartOption, buildFrame, chartScale, chartTheme, chartWords, defaultChartTitle, frameOfOption, rankedEntries, waterfallSteps, type Frame } from '../../../shared/charts';
import type { ChartData } from '../../../shared/charts/data';
import { formatNumber, type Language } from '../../../shared/format';

type Slide = ReturnType<PptxGenJS['addSlide']>;
type ChartName = PptxGenJS.CHART_NAME;
type ChartSeries = { name: string; labels: string[]; values: number[] };
type ChartOptions = NonNullable<Parameters<Slide['addChart']>[2]>;

/** One chart on its own slide: the figures and frame, its PNG (used where no native chart fits) and a note. */
export interface DeckSlide {
  kind?: 'chart';
  resolved: ChartResolved;
  png: () => Promise<Buffer>;
  note: string | null;
}

/** A slide of text (a brief): a title, the paragraph, lines under it (source, version) and a note. */
export interface TextSlide {
  kind: 'text';
  title: string;
  subtitle: string | null;
  body: string;
  footerLines: readonly string[];
  /** Sources for the speaker notes. */
  sources: readonly string[];
  note: string | null;
  lang: Language;
}

export type AnySlide = DeckSlide | TextSlide;

export interface DeckOptions {
  /** The title slide's title; no title slide when null. */
  title: string | null;
  subtitle?: string | null;
  lang: Language;
  watermark: boolean;
  /** The file's title property when there is no title slide. */
  documentTitle?: string;
}

const SLIDE = { width: 10, height: 5.625, margin: 0.4 } as const;
const FONT = { zh: 'Microsoft YaHei', en: 'Calibri' } as const;

const hex = (colour: string) => colour.replace('#', '').slice(0, 6).toUpperCase();

/** A native chart for the types PowerPoint draws itself (bar, line, combo); undefined where only a picture will do. */
interface NativeChart {
  type: ChartName | 'combo';
  series: ChartSeries[];
  combo?: { type: ChartName; data: ChartSeries[]; options: ChartOptions }[];
  options: ChartOptions;
}

function complete(values: readonly (number | null)[]): values is number[] {
  return values.every((v) => v !== null);
}

function nativeChart(pptx: PptxGenJS, data: ChartData, lang: Language): NativeChart | undefined {
  const theme = chartTheme('slide');
  const font = FONT[lang];
  const base: ChartOptions = {
    catAxisLabelFontFace: font,
    valAxisLabelFontFace: font,
    dataLabelFontFace: font,
    legendFontFace: font,
    catAxisLabelFontSize: 11,
    valAxisLabelFontSize: 10,
    dataLabelFontSize: 10,
    legendFontSize: 11,
    valGridLine: { color: hex(theme.gridLine), size: 0.5 },
    catGridLine: { style: 'none' },
    showValue: true,
  };
  // Two series stacked so one bar per category carries the own region's colour; zeros print nothing.
  const highlighted = (labels: string[], values: number[], isOwn: boolean[], format: string): NativeChart => ({
    type: pptx.ChartType.bar,
    series: [
      { name: lang === 'zh' ? '本市' : 'Own city', labels, values: values.map((v, i) => (isOwn[i] ? v : 0)) },
      { name: lang === 'zh' ? '其他' : 'Others', labels, values: values.map((v, i) => (isOwn[i] ? 0 : v)) },
    ],
    options: { ...base, barGrouping: 'stacked', chartColors: [hex(theme.own), hex(theme.peer)], dataLabelFormatCode: `${format};-${format};;`, dataLabelPosition: 'ctr', dataLabelColor: 'FFFFFF', showLegend: false },
  });
  switch (data.kind) {
    case 'valueGrowth': {
      const scale = chartScale(data.unit, data.points.map((p) => p.value), lang);
      const values = data.points.map((p) => (p.value === null ? null : scale.convert(p.value)));
      const growth = data.points.map((p) => p.growthPct);
      if (!complete(values) || data.points.length === 0) return undefined;
      const labels = data.points.map((p) => p.label[lang]);
      const barSeries = { name: `${data.indicator[lang]}（${scale.unit.label}）`, labels, values };
      const valueFormat = scale.decimals > 0 ? `0.${'0'.repeat(scale.decimals)}` : '0';
      if (!complete(growth)) {
        return { type: pptx.ChartType.bar, series: [barSeries], options: { ...base, barDir: 'col', chartColors: [hex(theme.palette[0]!)], dataLabelFormatCode: valueFormat, dataLabelPosition: 'outEnd' } };
      }
      return {
        type: 'combo',
        series: [],
        combo: [
          { type: pptx.ChartType.bar, data: [barSeries], options: { barDir: 'col', chartColors: [hex(theme.palette[0]!)], dataLabelFormatCode: valueFormat, dataLabelPosition: 'outEnd' } },
          {
            type: pptx.ChartType.line,
            data: [{ name: chartWords(lang).growthPct, labels, values: growth }],
            options: { chartColors: [hex(theme.palette[1]!)], secondaryValAxis: true, secondaryCatAxis: true, dataLabelFormatCode: '0.0"%"', dataLabelPosition: 't', lineSize: 2 },
          },
        ],
        options: {
          ...base,
          showLegend: true,
          legendPos: 'b',
          valAxes: [{ showValAxisTitle: false, valAxisLabelFormatCode: '0' }, { showValAxisTitle: false, valAxisLabelFormatCode: '0"%"', valGridLine: { style: 'none' } }],
          catAxes: [{ catAxisTitle: '' }, { catAxisHidden: true }],
        },
      };
    }
    case 'growthComparison': {
      const shown = data.entries.filter((e) => e.growthPct !== null);
      if (shown.length === 0) return undefined;
      return highlighted(
        shown.map((e) => e.name[lang]),
        shown.map((e) => e.growthPct!),
        shown.map((e) => e.code === data.ownCode),
        '0.0"%"',
      );
    }
    case 'ranking': {
      const ranked = rankedEntries(data);
      if (ranked.length === 0) return undefined;
      const unit = data.measure === 'growth' ? '%' : data.unit;
      const scale = chartScale(unit, ranked.map((e) => e.measure), lang);
      const format = `${scale.decimals > 0 ? `0.${'0'.repeat(scale.decimals)}` : '0'}${scale.isRate ? '"%"' : ''}`;
      // PowerPoint draws the first category of a horizontal bar chart at the bottom: the best goes last.
      const bottomUp = [...ranked].reverse();
      const chart = highlighted(
        bottomUp.map((e) => `${e.rank}. ${e.name[lang]}`),
        bottomUp.map((e) => scale.convert(e.measure)),
        bottomUp.map((e) => e.code === data.ownCode),
        format,
      );
      return { ...chart, options: { ...chart.options, barDir: 'bar' } };
    }
    case 'vintages': {
      const periods = [...new Set(data.vintages.flatMap((v) => v.points.map((p) => p.period)))].sort();
      const unit = data.measure === 'growth' ? '%' : data.unit;
      const pick = (p: { value: number | null; growthPct: number | null }) => (data.measure === 'growth' ? p.growthPct : p.value);
      const scale = chartScale(unit, data.vintages.flatMap((v) => v.points.map(pick)), lang);
      const labelOf = new Map(data.vintages.flatMap((v) => v.points.map((p) => [p.period, p.label[lang]] as const)));
      const series = data.vintages.map((v) => {
        const byPeriod = new Map(v.points.map((p) => [p.period, pick(p)]));
        return { name: v.label[lang], labels: periods.map((p) => labelOf.get(p) ?? p), values: periods.map((p) => byPeriod.get(p) ?? null) };
      });
      if (series.length === 0 || !series.every((s) => complete(s.values))) return undefined;
      return {
        type: pptx.ChartType.line,
        series: series.map((s) => ({ ...s, values: (s.values as number[]).map(scale.convert) })),
        options: { ...base, showValue: false, showLegend: true, legendPos: 'b', chartColors: theme.palette.map(hex), lineSize: 2 },
      };
    }
    // The fan's shaded band and the dotted lines at the years the target is passed and a peer
    // overtaken have no native equivalent: a picture shows them as the app does.
    case 'projectionFan':
      return undefined;
    case 'waterfall': {
      // A stacked bar: an invisible base up to where each step starts, then its rise or fall; the total from zero.
      const steps = waterfallSteps(data);
      if (steps.length === 0) return undefined;
      const scale = chartScale(data.unit, steps.map((step) => step.value), lang);
      const sign = (step: (typeof steps)[number]) => (step.isTotal || step.value < 0 ? '' : '+');
      // The figure rides in the category name: a stacked bar's labels would also print the invisible base.
      const labels = steps.map((step) => `${step.name[lang] || step.name.zh} ${sign(step)}${scale.format(scale.convert(step.value))}`);
      const low = (step: (typeof steps)[number]) => (step.isTotal ? Math.min(0, step.to) : Math.min(step.from, step.to));
      const words = chartWords(lang);
      return {
        type: pptx.ChartType.bar,
        series: [
          { name: lang === 'zh' ? '起点' : 'Start', labels, values: steps.map((step) => scale.convert(low(step))) },
          { name: lang === 'zh' ? '增加' : 'Increase', labels, values: steps.map((step) => (!step.isTotal && step.value >= 0 ? scale.convert(step.value) : 0)) },
          { name: lang === 'zh' ? '减少' : 'Decrease', labels, values: steps.map((step) => (!step.isTotal && step.value < 0 ? scale.convert(-step.value) : 0)) },
          { name: words.total, labels, values: steps.map((step) => (step.isTotal ? scale.convert(Math.abs(step.value)) : 0)) },
        ],
        options: { ...base, barDir: 'col', barGrouping: 'stacked', showValue: false, showLegend: false, chartColors: ['transparent', hex(theme.palette[0]!), hex(theme.own), hex(theme.reference)] },
      };
    }
    case 'scatter': {
      const plotted = data.entries.filter((e) => e.value !== null && e.growthPct !== null);
      if (plotted.length === 0) return undefined;
      const scale = chartScale(data.unit, plotted.map((e) => e.value), lang);
      const isOwn = plotted.map((e) => e.code === data.ownCode);
      const names = plotted.map((e) => e.name[lang] || e.name.zh);
      // X values, then the own city and the others as two Y series so the own one has its colour.
      return {
        type: pptx.ChartType.scatter,
        series: [
          { name: 'X', labels: names, values: plotted.map((e) => scale.convert(e.value!)) },
          { name: lang === 'zh' ? '本市' : 'Own city', labels: names, values: plotted.map((e, i) => (isOwn[i] ? e.growthPct! : null)) as number[] },
          { name: lang === 'zh' ? '其他' : 'Others', labels: names, values: plotted.map((e, i) => (isOwn[i] ? null : e.growthPct!)) as number[] },
        ].map((series, index) => (index === 0 ? series : { ...series, labels: [names.map((n, i) => ((index === 1) === isOwn[i] ? n : ''))] as unknown as string[] })),
        options: {
          ...base,
          showValue: false,
          showLabel: true,
          dataLabelFormatScatter: 'custom',
          dataLabelPosition: 'r',
          lineSize: 0,
          lineDataSymbolSize: 12,
          showLegend: false,
          // Both axes take the value axis's number format in pptxgenjs: General for both; the unit line says which is which.
          chartColors: [hex(theme.own), hex(theme.peer)],
        },
      };
    }
  }
}

/** The frame the chart's option builder made: the same title, subtitle and footer lines as the picture. */
function frameOf(resolved: ChartResolved): Frame {
  const frame = frameOfOption(buildChartOption(resolved.data, resolved.chrome));
  return frame ?? buildFrame(resolved.chrome, { title: defaultChartTitle(resolved.data, resolved.chrome.lang) });
}

/** The unit line printed above a native chart (a picture carries its own). */
function unitLine(data: ChartData, lang: Language): string {
  const words = chartWords(lang);
  switch (data.kind) {
    case 'valueGrowth': {
      const scale = chartScale(data.unit, data.points.map((p) => p.value), lang);
      return data.points.some((p) => p.growthPct !== null) ? `${words.leftAxis}${scale.unit.label}\u3000${words.rightAxis}%` : `${words.unit}${scale.unit.label}`;
    }
    case 'growthComparison':
      return `${words.unit}%`;
    case 'ranking': {
      const scale = chartScale(data.measure === 'growth' ? '%' : data.unit, rankedEntries(data).map((e) => e.measure), lang);
      const averages = data.averages.map((a) => `${a.label[lang]} ${formatNumber(scale.convert(a.value), lang, scale.decimals, scale.isRate ? 1 : 0)}${scale.isRate ? '%' : ''}`);
      return `${words.unit}${scale.unit.label}${averages.length ? `\u3000${averages.join('\u3000')}` : ''}`;
    }
    case 'vintages':
      return `${words.unit}${chartScale(data.measure === 'growth' ? '%' : data.unit, data.vintages.flatMap((v) => v.points.map((p) => (data.measure === 'growth' ? p.growthPct : p.value))), lang).unit.label}`;
    case 'projectionFan':
      return `${words.unit}${chartScale(data.result.base.unit, [data.result.base.value], lang).unit.label}`;
    case 'waterfall':
      return `${words.unit}${chartScale(data.unit, waterfallSteps(data).map((step) => step.value), lang).unit.label}`;
    case 'scatter': {
      const label = chartScale(data.unit, data.entries.map((e) => e.value), lang).unit.label;
      return lang === 'zh' ? `横轴：${label}\u3000纵轴：${words.growthPct}` : `x: ${label}; y: ${words.growthPct}`;
    }
  }
}

function addWatermark(slide: Slide, lang: Language): void {
  slide.addText(chartWords(lang).internal, {
    x: SLIDE.width - 1.75,
    y: 0.12,
    w: 1.4,
    h: 0.38,
    fontFace: FONT.zh,
    fontSize: 14,
    bold: true,
    color: 'C00000',
    align: 'center',
    valign: 'middle',
    line: { color: 'C00000', width: 1.25 },
  });
}

/** Speaker notes: the title, the deck's note, what the chart cannot show, and the source of every figure. */
function speakerNotes(slide: DeckSlide, frame: Frame, lang: Language): string {
  const words = chartWords(lang);
  const lines = [frame.title];
  if (slide.note) lines.push('', slide.note);
  if (frame.footerLines.length) lines.push('', `${words.notesHeading}:`, ...frame.footerLines);
  if (slide.resolved.sources.length) lines.push('', `${words.source}`, ...slide.resolved.sources.map((s) => `- ${s}`));
  return lines.join('\n');
}

/** A brief as a slide of text: its title, the paragraph in large type, source and version under it. */
function addTextSlide(pptx: PptxGenJS, item: TextSlide, watermark: boolean): void {
  const theme = chartTheme('slide');
  const font = FONT[item.lang];
  const { margin, width, height } = SLIDE;
  const inner = width - 2 * margin;
  const slide = pptx.addSlide();
  slide.background = { color: 'FFFFFF' };
  slide.addText(item.title, { x: margin, y: 0.2, w: inner - 1.6, h: 0.6, fontFace: font, fontSize: 24, bold: true, color: hex(theme.text), valign: 'middle', fit: 'shrink' });
  let top = 0.85;
  if (item.subtitle) {
    slide.addText(item.subtitle, { x: margin, y: top, w: inner, h: 0.35, fontFace: font, fontSize: 13, color: hex(theme.muted) });
    top += 0.4;
  }
  slide.addShape(pptx.ShapeType.rect, { x: margin, y: top + 0.05, w: 0.08, h: 2.6, fill: { color: hex(theme.palette[0]!) }, line: { color: hex(theme.palette[0]!) } });
  const footerHeight = Math.min(1.2, 0.22 * Math.max(1, item.footerLines.length) + 0.05);
  const footerTop = height - margin + 0.15 - footerHeight;
  slide.addText(item.body, {
    x: margin + 0.25,
    y: top,
    w: inner - 0.25,
    h: footerTop - top - 0.15,
    fontFace: font,
    fontSize: 20,
    color: hex(theme.text),
    valign: 'top',
    lineSpacingMultiple: 1.3,
    fit: 'shrink',
  });
  if (item.footerLines.length) {
    slide.addText(item.footerLines.join('\n'), { x: margin, y: footerTop, w: inner, h: footerHeight, fontFace: font, fontSize: 9, color: hex(theme.muted), valign: 'top', paraSpaceAfter: 0 });
  }
  if (watermark) addWatermark(slide, item.lang);
  const words = chartWords(item.lang);
  const notes = [item.title, '', item.body];
  if (item.note) notes.push('', item.note);
  if (item.footerLines.length) notes.push('', `${words.notesHeading}:`, ...item.footerLines);
  if (item.sources.length) notes.push('', words.source, ...item.sources.map((s) => `- ${s}`));
  slide.addNotes(notes.join('\n'));
}

/**
 * A deck as a PPTX file: an optional title slide, then one 16:9 slide per chart with its title,
 * an editable chart (or its PNG), the unit, footnotes, source and snapshot, and speaker notes.
 */
export async function buildPptx(slides: readonly AnySlide[], options: DeckOptions): Promise<{ buffer: Buffer; slideCount: number }> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.author = 'Yardstick 对标';
  const first = slides[0];
  pptx.title = options.title ?? options.documentTitle ?? (first === undefined ? 'Yardstick' : first.kind === 'text' ? first.title : frameOf(first.resolved).title);
  const { lang } = options;
  const font = FONT[lang];
  const theme = chartTheme('slide');
  const { margin, width } = SLIDE;
  const inner = width - 2 * margin;
  let slideCount = 0;
  // Pictures for the slides no native chart fits, drawn side by side before the slides are laid out.
  const natives = slides.map((item) => (item.kind === 'text' ? undefined : nativeChart(pptx, item.resolved.data, item.resolved.chrome.lang)));
  const pictures = await Promise.all(slides.map((item, index) => (item.kind === 'text' || natives[index] ? Promise.resolve(null) : item.png())));

  if (options.title !== null) {
    const slide = pptx.addSlide();
    slideCount += 1;
    slide.background = { color: 'FFFFFF' };
    slide.addShape(pptx.ShapeType.rect, { x: 0, y: 2.1, w: width, h: 0.06, fill: { color: hex(theme.palette[0]!) }, line: { color: hex(theme.palette[0]!) } });
    slide.addText(options.title, { x: margin, y: 1.0, w: inner, h: 1.0, fontFace: font, fontSize: 32, bold: true, color: hex(theme.text), valign: 'bottom' });
    if (options.subtitle) slide.addText(options.subtitle, { x: margin, y: 2.3, w: inner, h: 0.6, fontFace: font, fontSize: 16, color: hex(theme.muted) });
    if (options.watermark) addWatermark(slide, lang);
    slide.addNotes(options.subtitle ? `${options.title}\n${options.subtitle}` : options.title);
  }

  for (const [index, item] of slides.entries()) {
    if (item.kind === 'text') {
      addTextSlide(pptx, item, options.watermark);
      slideCount += 1;
      continue;
    }
    const { resolved } = item;
    const slideLang = resolved.chrome.lang;
    const slideFont = FONT[slideLang];
    const frame = frameOf(resolved);
    const slide = pptx.addSlide();
    slideCount += 1;
    slide.background = { color: 'FFFFFF' };
    const native = natives[index];
    const footer = frame.footerLines.join('\n');
    const footerHeight = Math.min(1.2, 0.2 * Math.max(1, frame.footerLines.length) + 0.05);
    const footerTop = SLIDE.height - margin + 0.15 - footerHeight;
    if (native) {
      slide.addText(frame.title, { x: margin, y: 0.2, w: inner - 1.6, h: 0.55, fontFace: slideFont, fontSize: 22, bold: true, color: hex(theme.text), valign: 'middle', fit: 'shrink' });
      let top = 0.75;
      if (frame.subtitle) {
        slide.addText(frame.subtitle, { x: margin, y: top, w: inner, h: 0.35, fontFace: slideFont, fontSize: 13, color: hex(theme.muted) });
        top += 0.35;
      }
      const unit = unitLine(resolved.data, slideLang);
      if (unit) {
        slide.addText(unit, { x: margin, y: top, w: inner, h: 0.3, fontFace: slideFont, fontSize: 10, color: hex(theme.muted) });
        top += 0.3;
      }
      const box = { x: margin, y: top, w: inner, h: footerTop - top - 0.05 };
      if (native.type === 'combo') {
        // pptxgenjs takes a combo as the list of its parts, then the options in the data's place (its types say otherwise).
        const addCombo = slide.addChart as unknown as (parts: PptxGenJS.IChartMulti[], options: ChartOptions) => Slide;
        addCombo.call(slide, native.combo!.map((c) => ({ type: c.type, data: c.data, options: c.options })), { ...native.options, ...box });
      } else {
        slide.addChart(native.type, native.series, { ...native.options, ...box });
      }
      slide.addText(footer, { x: margin, y: footerTop, w: inner, h: footerHeight, fontFace: slideFont, fontSize: 9, color: hex(theme.muted), valign: 'top', paraSpaceAfter: 0 });
    } else {
      // The picture carries the chart's own title, unit and footer; never an SVG (pptxgenjs cannot embed one under Node).
      const png = pictures[index]!.toString('base64');
      const h = SLIDE.height - 0.3;
      const w = (h * 16) / 9;
      slide.addImage({ data: `image/png;base64,${png}`, x: (width - w) / 2, y: 0.15, w, h, altText: frame.title });
    }
    if (options.watermark) addWatermark(slide, slideLang);
    slide.addNotes(speakerNotes(item, frame, slideLang));
  }
  const buffer = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  return { buffer, slideCount };
}

export { nativeChart as nativeChartForTests };
