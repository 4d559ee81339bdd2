import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/api/errors';
import type { ChartResolved } from '../../../shared/api/methods/charts';
import { buildChartOption, chartTheme } from '../../../shared/charts';
import type { Language } from '../../../shared/format';
import { buildPptx, type DeckSlide } from './pptx';
import { renderSvg, svgToPng } from './render';

/** The size a resolved chart is drawn at: its chrome's, else its theme's. */
export function chartSize(resolved: ChartResolved): { width: number; height: number } {
  const theme = chartTheme(resolved.chrome.theme ?? 'slide');
  return { width: resolved.chrome.width ?? theme.width, height: resolved.chrome.height ?? theme.height };
}

/** The chart as an SVG document, drawn by ECharts' server-side renderer from the shared option builders. */
export function chartSvg(resolved: ChartResolved): { svg: string; width: number; height: number } {
  const { width, height } = chartSize(resolved);
  const svg = renderSvg(buildChartOption(resolved.data, { ...resolved.chrome, width, height }), width, height);
  return { svg, width, height };
}

export function chartPng(resolved: ChartResolved, scale: number): Promise<Buffer> {
  return svgToPng(chartSvg(resolved).svg, scale);
}

/** A slide's chart: its PNG is drawn only when the slide needs a picture. */
export function deckSlide(resolved: ChartResolved, note: string | null): DeckSlide {
  // Pictures on slides are drawn in the 16:9 slide size whatever size the chart was asked at.
  const onSlide: ChartResolved = { ...resolved, chrome: { ...resolved.chrome, width: undefined, height: undefined, theme: 'slide' } };
  return { resolved: onSlide, note, png: () => chartPng(onSlide, 2) };
}

export async function chartPptx(resolved: ChartResolved, options: { watermark: boolean; lang: Language }): Promise<Buffer> {
  const { buffer } = await buildPptx([deckSlide(resolved, null)], { title: null, lang: options.lang, watermark: options.watermark });
  return buffer;
}

/** Writes next to the final name first and renames, so a failure never leaves half a file. */
export function writeFileSafely(target: string, content: Buffer | string): { path: string; bytes: number } {
  const absolute = path.resolve(target);
  const folder = path.dirname(absolute);
  if (!fs.existsSync(folder)) {
    throw new AppFailure('FILE_NOT_FOUND', `The folder ${folder} does not exist. Choose a folder that exists.`, `文件夹 ${folder} 不存在，请选择已有的文件夹。`, { path: folder });
  }
  if (fs.existsSync(absolute) && fs.statSync(absolute).isDirectory()) {
    throw new AppFailure('FILE_EXISTS', `${absolute} is a folder. Give a file name.`, `${absolute} 是文件夹，请填写文件名。`, { path: absolute });
  }
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const temporary = `${absolute}.${process.pid}.partial`;
  try {
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, absolute);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  return { path: absolute, bytes: bytes.length };
}
