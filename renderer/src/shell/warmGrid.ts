import { createGrid, type ColDef } from 'ag-grid-community';
import { useAppStore, type StoreState } from '../store';
import { gridTheme, registerGridModules } from '../table/gridSetup';

/** A few rows and columns like the wide table's: enough for AG Grid to run (and compile) its row and cell code once. */
const WARM_ROWS = 12;
const WARM_COLUMNS: ColDef<Record<string, string | number>>[] = [
  { field: 'name', pinned: 'left', width: 160 },
  ...Array.from({ length: 8 }, (_, index) => ({ field: `p${index}`, width: 90 })),
];

let isStarted = false;

const hasGrid = (): boolean => document.querySelector('.ag-root-wrapper') !== null;

type Moment = 'now' | 'later' | 'never';

/**
 * When warming pays: once another view has its data (the first screen is drawn first). Never on the
 * table, which draws its own grid: a launch that reopens on the table waits for its observations,
 * and a warm-up in that wait (about 0.3 s of the page's thread) was measured to hold back the table
 * when they arrived during it.
 */
function momentFor(state: StoreState): Moment {
  if (isStarted || hasGrid() || state.view === 'table') return 'never';
  return state.status === 'ready' ? 'now' : 'later';
}

/** Warms the grid at the first idle moment that pays (see momentFor), once per page. */
export function scheduleGridWarmup(): void {
  let isWaiting = false;
  const warmWhenIdle = (): void => {
    isWaiting = true;
    requestIdleCallback(
      () => {
        isWaiting = false;
        // The state may have moved on while the page was busy.
        const moment = momentFor(useAppStore.getState());
        if (moment === 'never') return stop();
        if (moment === 'later') return;
        stop();
        warmGrid();
      },
      { timeout: 2000 },
    );
  };
  const consider = (): void => {
    const moment = momentFor(useAppStore.getState());
    if (moment === 'never') return stop();
    if (moment === 'now' && !isWaiting) warmWhenIdle();
  };
  const stop = useAppStore.subscribe(consider);
  consider();
}

/**
 * AG Grid's first grid on a page costs more than the next: its code runs for the first time, and
 * its theme CSS (the Theming API's, made at run time) is injected and the page restyled. Warmed,
 * the table opened from the overview shows its rows about 0.2 s sooner (733 → 543 ms at 2,000
 * observations, 685 → 512 ms at 200,000, on a loaded two-core machine). So, while the page is idle after launch, a
 * hidden grid is made with the table's theme, shows a few rows once, and then stays, empty and
 * inert: AG Grid removes a theme's CSS when the last grid using it is destroyed, and this one keeps
 * the CSS in place for every table mounted later (a switch back to the table no longer restyles the page).
 *
 * Nothing is done if a grid is already on the page (the user reached the table first).
 */
export function warmGrid(): void {
  if (isStarted || hasGrid()) return;
  isStarted = true;
  registerGridModules();
  const host = document.createElement('div');
  host.className = 'grid-warmup';
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  // Laid out (so that AG Grid measures and draws rows) but off screen and invisible.
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:800px;height:400px;visibility:hidden;pointer-events:none;contain:strict';
  document.body.append(host);
  const rowData = Array.from({ length: WARM_ROWS }, (_, row) =>
    Object.fromEntries([['name', `—${row}`], ...Array.from({ length: 8 }, (_, index) => [`p${index}`, row * 10 + index])]),
  );
  const api = createGrid(host, { theme: gridTheme, columnDefs: WARM_COLUMNS, rowData, animateRows: false, suppressNoRowsOverlay: true });
  // Once its rows are drawn, the rows go: the grid stays only to keep the theme's CSS.
  requestAnimationFrame(() => setTimeout(() => api.setGridOption('rowData', []), 0));
}
