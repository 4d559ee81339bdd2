// The application menu as data. No 'electron' import: index.ts passes the result to
// Menu.buildFromTemplate, which checks it against MenuItemConstructorOptions at compile time.
import type { MenuCommand } from '../../shared/api/bridge';

export type MenuLanguage = 'zh-CN' | 'en';

/** The Electron menu roles this template uses (undo and redo are the app's own, see routeEditAction). */
export type MenuRole =
  | 'about' | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit'
  | 'cut' | 'copy' | 'paste' | 'selectAll'
  | 'reload' | 'forceReload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'
  | 'window' | 'minimize' | 'zoom' | 'front' | 'close' | 'help';

/** The subset of Electron's MenuItemConstructorOptions we build. */
export interface MenuItemSpec {
  readonly id?: string;
  readonly label?: string;
  readonly role?: MenuRole;
  readonly type?: 'normal' | 'separator' | 'submenu';
  readonly accelerator?: string;
  readonly enabled?: boolean;
  readonly click?: () => void;
  readonly submenu?: MenuItemSpec[];
}

/** zh* locales get Chinese menus; every other locale English. */
export function menuLanguageFor(locale: string): MenuLanguage {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const STRINGS = {
  en: {
    file: 'File', newWorkspace: 'New Workspace…', open: 'Open Workspace…', openSample: 'Open Sample Workspace',
    snapshot: 'Take Snapshot…', quit: 'Quit',
    openRecent: 'Open Recent', noRecent: 'No Recent Workspaces', notFound: '(not found)', removeMissing: 'Remove Missing Files', clearRecent: 'Clear Recent',
    saveAs: 'Save As…', backupNow: 'Back Up Now', restoreBackup: 'Restore from Backup…', snapshots: 'Snapshots',
    edit: 'Edit', undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select All',
    view: 'View', table: 'Table', toggleLanguage: 'Switch Language (中文/English)', toggleTheme: 'Switch Light/Dark Theme', find: 'Find…',
    reload: 'Reload', forceReload: 'Force Reload', devTools: 'Developer Tools',
    resetZoom: 'Actual Size', zoomIn: 'Zoom In', zoomOut: 'Zoom Out', fullScreen: 'Toggle Full Screen',
    window: 'Window', minimize: 'Minimize', zoom: 'Zoom', front: 'Bring All to Front', close: 'Close Window',
    help: 'Help', about: 'About Yardstick', services: 'Services', hide: 'Hide Yardstick', hideOthers: 'Hide Others', unhide: 'Show All',
  },
  'zh-CN': {
    file: '文件', newWorkspace: '新建工作区…', open: '打开工作区…', openSample: '打开示例工作区',
    snapshot: '创建快照…', quit: '退出',
    openRecent: '最近打开', noRecent: '没有最近打开的工作区', notFound: '（未找到）', removeMissing: '移除已不存在的文件', clearRecent: '清除最近列表',
    saveAs: '另存为…', backupNow: '立即备份', restoreBackup: '从备份恢复…', snapshots: '快照',
    edit: '编辑', undo: '撤销', redo: '重做', cut: '剪切', copy: '复制', paste: '粘贴', selectAll: '全选',
    view: '视图', table: '表格', toggleLanguage: '切换语言（中文/English）', toggleTheme: '切换浅色/深色主题', find: '查找…',
    reload: '重新加载', forceReload: '强制重新加载', devTools: '开发者工具',
    resetZoom: '实际大小', zoomIn: '放大', zoomOut: '缩小', fullScreen: '切换全屏',
    window: '窗口', minimize: '最小化', zoom: '缩放', front: '全部置于顶层', close: '关闭窗口',
    help: '帮助', about: '关于 对标 Yardstick', services: '服务', hide: '隐藏 对标', hideOthers: '隐藏其他', unhide: '全部显示',
  },
} as const satisfies Record<MenuLanguage, Record<string, string>>;

export type MenuStrings = (typeof STRINGS)[MenuLanguage];

export function menuStrings(language: MenuLanguage): MenuStrings {
  return STRINGS[language];
}

/** Accelerators of the commands the renderer handles; one place, so tests and docs agree. */
export const MENU_ACCELERATORS: Readonly<Partial<Record<MenuCommand, string>>> = {
  'workspace.new': 'CmdOrCtrl+N',
  'workspace.open': 'CmdOrCtrl+O',
  'snapshot.create': 'CmdOrCtrl+S',
  'view.toggleLanguage': 'Alt+L',
  'view.focusSearch': 'CmdOrCtrl+F',
};

/** A file of File › Open Recent, as workspace.recent reports it. */
export interface RecentMenuEntry {
  readonly path: string;
  readonly fileName: string;
  readonly exists: boolean;
}

export type EditAction = 'undo' | 'redo';

/** Where Edit › Undo/Redo goes: the focused text field's own undo, or the workspace's log in the renderer. */
export type EditRoute = { readonly kind: 'native'; readonly action: EditAction } | { readonly kind: 'command'; readonly command: 'edit.undo' | 'edit.redo' };

export function routeEditAction(action: EditAction, isTextFocused: boolean): EditRoute {
  if (isTextFocused) return { kind: 'native', action };
  return { kind: 'command', command: action === 'undo' ? 'edit.undo' : 'edit.redo' };
}

/** Undo is Ctrl+Z everywhere; redo is ⇧⌘Z on macOS and Ctrl+Y elsewhere (the page also takes Ctrl+Shift+Z). */
export function editAccelerators(platform: NodeJS.Platform): Record<EditAction, string> {
  return { undo: 'CmdOrCtrl+Z', redo: platform === 'darwin' ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y' };
}

/** Id of the n-th item of File › Open Recent. */
export function recentItemId(index: number): string {
  return `workspace.openRecent.${index}`;
}

export interface MenuTemplateOptions {
  readonly language: MenuLanguage;
  readonly platform: NodeJS.Platform;
  /** Adds reload and developer tools; never in a packaged build. */
  readonly isDevelopment: boolean;
  /** Sends a command to the renderer on IPC_MENU_CHANNEL (with the path for workspace.openRecent). */
  readonly sendCommand: (command: MenuCommand, argument?: string) => void;
  readonly showAbout: () => void;
  /** File › Open Recent, most recent first. */
  readonly recent?: readonly RecentMenuEntry[];
  /** Prunes the recent list (main asks the backend, then rebuilds the menu). */
  readonly forgetRecent?: (request: { missing: true } | { all: true }) => void;
  /** Edit › Undo/Redo: main routes it with routeEditAction. */
  readonly editAction?: (action: EditAction) => void;
}

const separator: MenuItemSpec = { type: 'separator' };

/** The whole application menu: File, Edit, View, Window, Help (and the app menu on macOS). */
export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemSpec[] {
  const text = menuStrings(options.language);
  const isMac = options.platform === 'darwin';
  const command = (id: MenuCommand, label: string): MenuItemSpec => {
    const accelerator = MENU_ACCELERATORS[id];
    return {
      id,
      label,
      ...(accelerator ? { accelerator } : {}),
      click: () => options.sendCommand(id),
    };
  };
  const about: MenuItemSpec = { label: text.about, click: options.showAbout };
  const recent = options.recent ?? [];
  const recentItems: MenuItemSpec[] =
    recent.length === 0
      ? [{ id: 'workspace.openRecent.none', label: text.noRecent, enabled: false }]
      : [
          ...recent.map(
            (entry, index): MenuItemSpec => ({
              id: recentItemId(index),
              label: entry.exists ? `${entry.fileName} — ${entry.path}` : `${entry.fileName} ${text.notFound} — ${entry.path}`,
              enabled: entry.exists,
              click: () => options.sendCommand('workspace.openRecent', entry.path),
            }),
          ),
          separator,
          { id: 'workspace.forgetMissing', label: text.removeMissing, enabled: recent.some((entry) => !entry.exists), click: () => options.forgetRecent?.({ missing: true }) },
          { id: 'workspace.clearRecent', label: text.clearRecent, click: () => options.forgetRecent?.({ all: true }) },
        ];
  const editAccelerator = editAccelerators(options.platform);
  const editItem = (action: EditAction): MenuItemSpec => ({
    id: action === 'undo' ? 'edit.undo' : 'edit.redo',
    label: action === 'undo' ? text.undo : text.redo,
    accelerator: editAccelerator[action],
    click: () => options.editAction?.(action),
  });

  const appMenu: MenuItemSpec = {
    label: 'Yardstick',
    submenu: [
      about,
      separator,
      { role: 'services', label: text.services },
      separator,
      { role: 'hide', label: text.hide },
      { role: 'hideOthers', label: text.hideOthers },
      { role: 'unhide', label: text.unhide },
      separator,
      { role: 'quit', label: text.quit },
    ],
  };

  const fileMenu: MenuItemSpec = {
    label: text.file,
    submenu: [
      command('workspace.new', text.newWorkspace),
      command('workspace.open', text.open),
      { id: 'workspace.openRecent', label: text.openRecent, submenu: recentItems },
      command('workspace.openSample', text.openSample),
      command('workspace.saveAs', text.saveAs),
      separator,
      command('snapshot.create', text.snapshot),
      command('backup.create', text.backupNow),
      command('backup.restore', text.restoreBackup),
      ...(isMac ? [] : [separator, { role: 'quit', label: text.quit } satisfies MenuItemSpec]),
    ],
  };

  const editMenu: MenuItemSpec = {
    label: text.edit,
    submenu: [
      editItem('undo'),
      editItem('redo'),
      separator,
      { role: 'cut', label: text.cut },
      { role: 'copy', label: text.copy },
      { role: 'paste', label: text.paste },
      separator,
      { role: 'selectAll', label: text.selectAll },
    ],
  };

  const developmentItems: MenuItemSpec[] = options.isDevelopment
    ? [
        { role: 'reload', label: text.reload },
        { role: 'forceReload', label: text.forceReload },
        { role: 'toggleDevTools', label: text.devTools },
        separator,
      ]
    : [];

  const viewMenu: MenuItemSpec = {
    label: text.view,
    submenu: [
      command('view.table', text.table),
      command('view.snapshots', text.snapshots),
      command('view.focusSearch', text.find),
      separator,
      command('view.toggleLanguage', text.toggleLanguage),
      command('view.toggleTheme', text.toggleTheme),
      separator,
      ...developmentItems,
      { role: 'resetZoom', label: text.resetZoom },
      { role: 'zoomIn', label: text.zoomIn },
      { role: 'zoomOut', label: text.zoomOut },
      separator,
      { role: 'togglefullscreen', label: text.fullScreen },
    ],
  };

  const windowMenu: MenuItemSpec = {
    role: 'window',
    label: text.window,
    submenu: [
      { role: 'minimize', label: text.minimize },
      ...(isMac
        ? [{ role: 'zoom', label: text.zoom } satisfies MenuItemSpec, separator, { role: 'front', label: text.front } satisfies MenuItemSpec]
        : [{ role: 'close', label: text.close } satisfies MenuItemSpec]),
    ],
  };

  const helpMenu: MenuItemSpec = { role: 'help', label: text.help, submenu: [about] };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

/** Every item of a template, depth first; for tests and for finding an item by id. */
export function flattenMenu(items: readonly MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => [item, ...flattenMenu(item.submenu ?? [])]);
}
