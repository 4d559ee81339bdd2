import { createElement, lazy, type ComponentType } from 'react';
import type { MenuCommand } from '../../../shared/api/bridge';
import type { Messages } from '../i18n/zh';
import { OverviewView } from '../overview/OverviewView';
import type { KeyChord } from './shortcuts';

// The overview (first screen) loads with the app; the other views, and ECharts with them, load on
// first use, so a launch parses about a third less script (MainView shows a loading line meanwhile).
// The table (and AG Grid with it) is a chunk of its own that the app asks for as it starts
// (preloadTableView, called by main.tsx): the browser compiles it while the overview draws and the
// workspace loads, so the first screen does not wait for it.
const TableView = preloaded(() => import('../table/TableView').then((module) => ({ default: module.TableView })));

/** Asks for the table's chunk now (the app's start); importing this module alone asks for nothing. */
export function preloadTableView(): void {
  TableView.preload();
}

/**
 * A view whose chunk can be asked for ahead of time: once it has arrived, the view renders at once.
 * React.lazy would still suspend on its first render, show the loading line and then hold the view
 * back for up to 300 ms (React throttles revealing a suspended boundary), which a launch that opens
 * the table straight away paid in full.
 */
function preloaded(load: () => Promise<{ default: ComponentType }>): ComponentType & { preload: () => void } {
  let loaded: ComponentType | undefined;
  let chunk: Promise<{ default: ComponentType }> | undefined;
  const start = () =>
    (chunk ??= load().then((module) => {
      loaded = module.default;
      return module;
    }));
  const Lazy = lazy(start);
  const View = () => createElement(loaded ?? Lazy);
  return Object.assign(View, { preload: () => void start() });
}
const ProjectionsView = lazy(() => import('../projections/ProjectionsView').then((module) => ({ default: module.ProjectionsView })));
const SnapshotsView = lazy(() => import('../snapshots/SnapshotsView').then((module) => ({ default: module.SnapshotsView })));
const ChartsView = lazy(() => import('../charts/ChartsView').then((module) => ({ default: module.ChartsView })));
const ImportView = lazy(() => import('../import/ImportView').then((module) => ({ default: module.ImportView })));

/** A view's id is the key of its name in the i18n `views` section, so every view has a name in both languages. */
export type ViewId = keyof Messages['views'] & string;

/** One view of the main area. Adding a view: its name in i18n `views`, and one entry in VIEWS. */
export interface ViewSpec {
  readonly id: ViewId;
  readonly labelKey: `views.${ViewId}`;
  readonly component: ComponentType;
  /** Bound in both editions: showing a view twice is harmless if the desktop menu binds the key too. */
  readonly shortcut: KeyChord;
  /** The application-menu command that shows this view, if the desktop menu has one. */
  readonly menuCommand?: MenuCommand;
}

export const VIEWS: readonly [ViewSpec, ...ViewSpec[]] = [
  // First: the overview is the first screen a user sees.
  { id: 'overview', labelKey: 'views.overview', component: OverviewView, shortcut: { code: 'Digit1', mod: true } },
  { id: 'table', labelKey: 'views.table', component: TableView, shortcut: { code: 'Digit2', mod: true }, menuCommand: 'view.table' },
  { id: 'projections', labelKey: 'views.projections', component: ProjectionsView, shortcut: { code: 'Digit3', mod: true } },
  { id: 'snapshots', labelKey: 'views.snapshots', component: SnapshotsView, shortcut: { code: 'Digit5', mod: true }, menuCommand: 'view.snapshots' },
  { id: 'charts', labelKey: 'views.charts', component: ChartsView, shortcut: { code: 'Digit6', mod: true } },
  { id: 'import', labelKey: 'views.import', component: ImportView, shortcut: { code: 'Digit7', mod: true } },
];

export function viewById(id: ViewId): ViewSpec {
  return VIEWS.find((view) => view.id === id) ?? VIEWS[0];
}
