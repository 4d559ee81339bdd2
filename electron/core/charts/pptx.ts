import PptxGenJS from 'pptxgenjs';
import type { ChartResolved } from '../../../shared/api/methods/charts';
import { buildChartOption, buildFrame, chartScale, chartTheme, chartWords, defaultChartTitle, frameOfOption, rankedEntries, type Frame } from '../../../shared/charts';
import type { ChartData } from '../../../shared/charts/data';
import { formatNumber, type Language } from '../../../shared/format';

type Slide = ReturnType<PptxGenJS['addSlide']>;
type ChartName = PptxGenJS.CHART_NAME;
type ChartSeries = { name: string; labels: string[]; values: number[] };
type ChartOptions = NonNullable<Parameters<Slide['addChart']>[2]>;

/** One chart on its own slide: the figures and frame, its PNG (used where no native chart fits) and a note. */
export interface DeckSlide {
  resolved: ChartResolved;
  png: () => Promise<Buffer>;
  note: string | null;
}

export interface DeckOptions {
  /** The title slide's title; no title slide when null. */
  title: string | null;
  subtitle?: string | null;
  lang: Language;
  watermark: boolean;
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
    case 'projectionFan': {
      const result = data.result;
      const years = Array.from({ length: result.spec.years + 1 }, (_, i) => String(result.base.startYear + i));
      const paths = result.scenarios.flatMap((s) => (s.path.kind === 'path' ? [{ key: s.key, points: s.path.points }] : []));
      if (paths.length === 0) return undefined;
      const scale = chartScale(result.base.unit, paths.flatMap((p) => p.points.map((q) => q.value)), lang);
      const series = paths.map((p) => {
        const byYear = new Map(p.points.map((q) => [String(q.year), scale.convert(q.value)]));
        return { name: chartWords(lang)[p.key], labels: years, values: years.map((y) => byYear.get(y) ?? null) };
      });
      if (!series.every((s) => complete(s.values))) return undefined;
      const colours = { base: theme.palette[0]!, high: theme.palette[2]!, low: theme.palette[1]! };
      return {
        type: pptx.ChartType.line,
        series: series as ChartSeries[],
        options: { ...base, showValue: false, showLegend: true, legendPos: 'b', chartColors: paths.map((p) => hex(colours[p.key])), lineSize: 2 },
      };
    }
    case 'waterfall':
    case 'scatter':
      return undefined;
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
    default:
      return '';
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

/**
 * A deck as a PPTX file: an optional title slide, then one 16:9 slide per chart with its title,
 * an editable chart (or its PNG), the unit, footnotes, source and snapshot, and speaker notes.
 */
export async function buildPptx(slides: readonly DeckSlide[], options: DeckOptions): Promise<{ buffer: Buffer; slideCount: number }> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.author = 'Yardstick 对标';
  pptx.title = options.title ?? frameOf(slides[0]!.resolved).title;
  const { lang } = options;
  const font = FONT[lang];
  const theme = chartTheme('slide');
  const { margin, width } = SLIDE;
  const inner = width - 2 * margin;
  let slideCount = 0;
  // Pictures for the slides no native chart fits, drawn side by side before the slides are laid out.
  const natives = slides.map((item) => nativeChart(pptx, item.resolved.data, lang));
  const pictures = await Promise.all(slides.map((item, index) => (natives[index] ? Promise.resolve(null) : item.png())));

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
    const { resolved } = item;
    const frame = frameOf(resolved);
    const slide = pptx.addSlide();
    slideCount += 1;
    slide.background = { color: 'FFFFFF' };
    const native = natives[index];
    const footer = frame.footerLines.join('\n');
    const footerHeight = Math.min(1.2, 0.2 * Math.max(1, frame.footerLines.length) + 0.05);
    const footerTop = SLIDE.height - margin + 0.15 - footerHeight;
    if (native) {
      slide.addText(frame.title, { x: margin, y: 0.2, w: inner - 1.6, h: 0.55, fontFace: font, fontSize: 22, bold: true, color: hex(theme.text), valign: 'middle', fit: 'shrink' });
      let top = 0.75;
      if (frame.subtitle) {
        slide.addText(frame.subtitle, { x: margin, y: top, w: inner, h: 0.35, fontFace: font, fontSize: 13, color: hex(theme.muted) });
        top += 0.35;
      }
      const unit = unitLine(resolved.data, lang);
      if (unit) {
        slide.addText(unit, { x: margin, y: top, w: inner, h: 0.3, fontFace: font, fontSize: 10, color: hex(theme.muted) });
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
      slide.addText(footer, { x: margin, y: footerTop, w: inner, h: footerHeight, fontFace: font, fontSize: 9, color: hex(theme.muted), valign: 'top', paraSpaceAfter: 0 });
    } else {
      // The picture carries the chart's own title, unit and footer; never an SVG (pptxgenjs cannot embed one under Node).
      const png = pictures[index]!.toString('base64');
      const h = SLIDE.height - 0.3;
      const w = (h * 16) / 9;
      slide.addImage({ data: `image/png;base64,${png}`, x: (width - w) / 2, y: 0.15, w, h, altText: frame.title });
    }
    if (options.watermark) addWatermark(slide, lang);
    slide.addNotes(speakerNotes(item, frame, lang));
  }
  const buffer = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  return { buffer, slideCount };
}

export { nativeChart as nativeChartForTests };
