// Where the desktop app finds its files, as pure functions of what Electron reports at run time.
import path from 'node:path';

/** The built renderer, served under app://yardstick/. */
export function rendererRoot(appPath: string): string {
  return path.join(appPath, 'out', 'renderer');
}

/** The sandboxed preload, built as CommonJS. */
export function preloadPath(appPath: string): string {
  return path.join(appPath, 'out', 'preload', 'index.cjs');
}

/**
 * The Electron-ABI build of better-sqlite3 in a packaged app (electron-builder.yml copies it to
 * resources/native). Unpackaged runs use the module's own build, so this is undefined.
 */
export function nativeBindingPath(options: { isPackaged: boolean; resourcesPath: string }): string | undefined {
  return options.isPackaged ? path.join(options.resourcesPath, 'native', 'better_sqlite3.node') : undefined;
}

/**
 * A workspace named on the command line (a double-clicked .sqlite file, `yardstick-app file.sqlite`),
 * or undefined. Unpackaged, argv is [electron, app-dir, ...]; packaged, [app, ...].
 */
export function workspacePathFromArgv(argv: readonly string[], isPackaged: boolean): string | undefined {
  const args = argv.slice(isPackaged ? 1 : 2);
  return args.find((argument) => !argument.startsWith('-') && argument.toLowerCase().endsWith('.sqlite'));
}
