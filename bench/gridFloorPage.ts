// The page script of bench/gridFloor.mjs: AG Grid Community with exactly the modules and the theme
// the app's tables use (renderer/src/table/gridSetup.ts), and nothing of the app.
import { createGrid } from 'ag-grid-community';
import { gridTheme, registerGridModules } from '../renderer/src/table/gridSetup';

registerGridModules();
Object.assign(window, { floorGrid: { createGrid, theme: gridTheme } });
