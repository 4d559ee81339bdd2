import fs from 'node:fs';
import path from 'node:path';

/** The CJK font bundled for server-side rendering (SIL OFL 1.1; see resources/fonts/README.md). */
export const BUNDLED_FONT_FILE = 'NotoSansHans-Regular.otf';
/** Its family name, as the SVG's font stack names it (shared/charts/theme.ts). */
export const BUNDLED_FONT_FAMILY = 'Noto Sans S Chinese';

let cached: string | undefined;

/**
 * Where the bundled font is: YARDSTICK_FONT_DIR, the packaged app's resources, or the checkout
 * (from the sources, the built bundle or the working directory).
 */
export function bundledFontPath(): string {
  if (cached && fs.existsSync(cached)) return cached;
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  // __dirname is there in the CommonJS bundles and tests, not in an ES-module bundle (benchmarks).
  const here = typeof __dirname === 'string' ? __dirname : undefined;
  const candidates = [
    process.env.YARDSTICK_FONT_DIR,
    resourcesPath ? path.join(resourcesPath, 'resources', 'fonts') : undefined,
    here && path.resolve(here, '../../../resources/fonts'),
    here && path.resolve(here, '../../resources/fonts'),
    path.resolve(process.cwd(), 'resources/fonts'),
  ].filter((dir): dir is string => Boolean(dir));
  for (const dir of candidates) {
    const file = path.join(dir, BUNDLED_FONT_FILE);
    if (fs.existsSync(file)) return (cached = file);
  }
  throw new Error(`The bundled chart font ${BUNDLED_FONT_FILE} was not found in: ${candidates.join(', ')}`);
}
