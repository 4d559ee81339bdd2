import {
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  CustomEditorModule,
  RenderApiModule,
  RowApiModule,
  RowAutoHeightModule,
  ScrollApiModule,
  colorSchemeVariable,
  ModuleRegistry,
  themeQuartz,
  TooltipModule,
  ValidationModule,
} from 'ag-grid-community';
import type { Module } from 'ag-grid-community';

let isRegistered = false;

/** Registers only the Community modules the table uses; the validation module only in development. */
export function registerGridModules(): void {
  if (isRegistered) return;
  const modules: Module[] = [
    ClientSideRowModelModule,
    // resetRowHeights: the wide table's row heights follow its names and its name column's width.
    ClientSideRowModelApiModule,
    CellStyleModule,
    ColumnAutoSizeModule,
    RowAutoHeightModule,
    TooltipModule,
    // Editing with our own editor, and the API the sheet layer uses (rows, columns, scrolling, class refresh).
    CustomEditorModule,
    RowApiModule,
    ColumnApiModule,
    ScrollApiModule,
    RenderApiModule,
  ];
  if (import.meta.env.DEV) modules.push(ValidationModule);
  ModuleRegistry.registerModules(modules);
  isRegistered = true;
}

/**
 * Quartz with both colour schemes; `data-ag-theme-mode` on <html> picks one, so a theme switch
 * restyles the grid without re-creating it. The font is the app's (no web font: the app is offline).
 */
export const gridTheme = themeQuartz
  .withPart(colorSchemeVariable)
  .withParams({
    fontFamily: 'inherit',
    fontSize: 13,
    headerFontSize: 13,
    headerFontWeight: 600,
    spacing: 6,
    rowHeight: 30,
    wrapperBorderRadius: 0,
    wrapperBorder: false,
    columnBorder: true,
  })
  .withParams(
    { backgroundColor: '#ffffff', foregroundColor: '#1d2630', headerBackgroundColor: '#eef2f6', borderColor: '#d5dbe2', accentColor: '#1f63c6', oddRowBackgroundColor: '#f8fafc' },
    'light',
  )
  .withParams(
    { backgroundColor: '#1a1f26', foregroundColor: '#e3e8ee', headerBackgroundColor: '#232a33', borderColor: '#39424d', accentColor: '#5aa2ff', oddRowBackgroundColor: '#1e242c', browserColorScheme: 'dark' },
    'dark',
  );
