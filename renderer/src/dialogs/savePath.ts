import type { DialogRequest, ExportFormat } from '../../../shared/api/bridge';
import { nativeFileChooser } from '../api';

/** What a Save As or export should do for its path. */
export type SavePathChoice =
  /** The desktop app's native Save dialog gave a path (extension added, overwrite confirmed). */
  | { readonly kind: 'chosen'; readonly path: string }
  /** The user cancelled the native dialog: do nothing. */
  | { readonly kind: 'cancelled' }
  /** The browser edition has no native dialog: ask for the path in the text dialog. */
  | { readonly kind: 'ask' };

/**
 * Where to save: the native Save dialog in the desktop app (titled and filtered for the request),
 * 'ask' in the browser edition, whose server writes to this computer's disk and takes a typed path.
 */
export async function chooseSavePath(request: Extract<DialogRequest, { kind: 'saveWorkspaceAs' | 'saveExport' }>, win: Window = window): Promise<SavePathChoice> {
  const choose = nativeFileChooser(win);
  if (!choose) return { kind: 'ask' };
  const path = await choose(request);
  return path ? { kind: 'chosen', path } : { kind: 'cancelled' };
}

/** chooseSavePath for an export of `format`, suggesting `defaultName` (a name, not a path). */
export function chooseExportPath(format: ExportFormat, defaultName: string, win: Window = window): Promise<SavePathChoice> {
  return chooseSavePath({ kind: 'saveExport', format, defaultName }, win);
}
