import type { ComponentType } from 'react';
import type { MenuCommand } from '../../../shared/api/bridge';
import type { Messages } from '../i18n/zh';
import { OverviewView } from '../overview/OverviewView';
import { loadable } from './loadable';
import type { KeyChord } from './shortcuts';

// The overview (first screen) loads with the app; the other views, and ECharts with them, load on
// first use, so a launch parses about a third less script (a loading line shows meanwhile).
// The table (and AG Grid with it) is a chunk of its own that the app asks for as it starts
// (preloadTableView, called by main.tsx): the browser compiles it while the overview draws and the
// workspace loads, so the first screen does not wait for it.
const TableView = loadable(() => import('../table/TableView').then((module) => module.TableView));

/** Asks for the table's chunk now (the app's start); importing this module alone asks for nothing. */
export function preloadTableView(): void {
  TableView.preload();
}

const ProjectionsView = loadable(() => import('../projections/ProjectionsView').then((module) => module.ProjectionsView));
const SnapshotsView = loadable(() => import('../snapshots/SnapshotsView').then((module) => module.SnapshotsView));
const ChartsView = loadable(() => import('../charts/ChartsView').then((module) => module.ChartsView));
const ImportView = loadable(() => import('../import/ImportView').then((module) => module.ImportView));

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
