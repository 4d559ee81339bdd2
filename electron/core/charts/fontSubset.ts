import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import subsetFont from 'subset-font';
import { bundledFontPath } from './fonts';

/**
 * resvg lays out every text element against the whole font it is given, and with the 8 MB CJK
 * font that costs 80–300 ms per label (measured: 40 labels, 3.3 s), most of a chart's PNG time.
 * The same labels against a font holding only the characters the chart uses take milliseconds.
 * So a PNG is drawn with a subset of the bundled font cut by HarfBuzz (subset-font) to the SVG's
 * characters; the glyph outlines are the font's own, so the pixels are the same.
 *
 * resvg-js takes fonts as file paths (a `fontBuffers` entry goes through JSON and is slower
 * still), so subsets are files, named by the hash of their characters in a folder under the
 * temp directory: the same characters reuse the same file, also across processes. A file is
 * written to a temp name and renamed, so a reader never sees half a font.
 */

/** Printable ASCII is always in: axis numbers and Latin labels vary between charts. */
const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
const ENTITY = /&#(x[0-9a-f]+|\d+);/gi;
const MAX_REMEMBERED = 256;

let fontData: Buffer | undefined;
const remembered = new Map<string, Promise<string>>();

/** The characters an SVG document can draw: every non-ASCII character, numeric entities decoded. */
export function charactersOf(svg: string): string {
  const decoded = svg.replace(ENTITY, (_, code: string) => {
    const point = code[0] === 'x' || code[0] === 'X' ? parseInt(code.slice(1), 16) : parseInt(code, 10);
    return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : '';
  });
  const wide = new Set<string>();
  for (const char of decoded) if (char.codePointAt(0)! > 0x7e) wide.add(char);
  return ASCII + [...wide].sort().join('');
}

function cacheDir(): string {
  return path.join(os.tmpdir(), 'yardstick-font-subsets');
}

async function writeSubset(characters: string, file: string): Promise<string> {
  if (fs.existsSync(file)) return file;
  fontData ??= await fs.promises.readFile(bundledFontPath());
  const subset = await subsetFont(fontData, characters, { targetFormat: 'sfnt' });
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await fs.promises.writeFile(temp, subset);
  await fs.promises.rename(temp, file);
  return file;
}

/**
 * A font file holding the bundled font's glyphs for every character of `svg`; the whole bundled
 * font when subsetting fails (slower, same pixels).
 */
export function fontFileFor(svg: string): Promise<string> {
  const characters = charactersOf(svg);
  const key = createHash('sha256').update(characters).digest('hex').slice(0, 32);
  let pending = remembered.get(key);
  if (!pending) {
    pending = writeSubset(characters, path.join(cacheDir(), `${key}.otf`)).catch(() => bundledFontPath());
    if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
    remembered.set(key, pending);
  }
  return pending;
}
