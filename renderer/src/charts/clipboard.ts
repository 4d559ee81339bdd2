import type { EChartsOption } from 'echarts';
import * as echarts from 'echarts/core';

/**
 * The chart as a PNG: ECharts draws the option to an SVG string (its server-side mode works in the
 * page too), the browser rasterises it at `scale`× on a canvas.
 */
export async function chartPngBlob(option: EChartsOption, width: number, height: number, scale = 2): Promise<Blob> {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption(option);
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export type CopyOutcome = { ok: true } | { ok: false; reason: string };

/**
 * Writes the chart to the clipboard as image/png. The PNG is handed over as a promise so the
 * write starts inside the click (user activation) while the picture is still being drawn; works
 * in Electron's renderer and in Chromium on http://127.0.0.1 (a secure context).
 */
export async function copyChartPng(option: EChartsOption, width: number, height: number, unsupported: string): Promise<CopyOutcome> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return { ok: false, reason: unsupported };
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': chartPngBlob(option, width, height) })]);
    return { ok: true };
  } catch (error) {
    // The browser's words, without their full stop: the message around them adds its own.
    return { ok: false, reason: (error instanceof Error ? error.message : String(error)).replace(/[.。]\s*$/, '') };
  }
}
