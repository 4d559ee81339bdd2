import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/api/bridge';
import { buildMenuTemplate, editAccelerators, flattenMenu, menuLanguageFor, recentItemId, routeEditAction, type EditAction, type MenuItemSpec, type MenuLanguage, type RecentMenuEntry } from './menuTemplate';

function build(language: MenuLanguage, platform: NodeJS.Platform = 'win32', isDevelopment = false, recent: RecentMenuEntry[] = []) {
  const sendCommand = vi.fn<(command: MenuCommand, argument?: string) => void>();
  const showAbout = vi.fn<() => void>();
  const forgetRecent = vi.fn<(request: { missing: true } | { all: true }) => void>();
  const editAction = vi.fn<(action: EditAction) => void>();
  const template = buildMenuTemplate({ language, platform, isDevelopment, sendCommand, showAbout, recent, forgetRecent, editAction });
  return { template, items: flattenMenu(template), sendCommand, showAbout, forgetRecent, editAction };
}

/** Commands the menu sends with an argument (Open Recent) or routes first (Undo, Redo). */
const ROUTED: readonly MenuCommand[] = ['workspace.openRecent', 'edit.undo', 'edit.redo'];

const byId = (items: MenuItemSpec[], id: string) => items.find((item) => item.id === id);
const roles = (items: MenuItemSpec[]) => items.map((item) => item.role).filter(Boolean);

describe('menuLanguageFor', () => {
  it('gives Chinese to every zh locale and English to the rest', () => {
    expect(menuLanguageFor('zh-CN')).toBe('zh-CN');
    expect(menuLanguageFor('zh-TW')).toBe('zh-CN');
    expect(menuLanguageFor('zh')).toBe('zh-CN');
    expect(menuLanguageFor('en-US')).toBe('en');
    expect(menuLanguageFor('de')).toBe('en');
  });
});

describe.each(['zh-CN', 'en'] as const)('application menu in %s', (language) => {
  it.each([
    ['workspace.new', 'CmdOrCtrl+N'],
    ['workspace.open', 'CmdOrCtrl+O'],
    ['snapshot.create', 'CmdOrCtrl+S'],
    ['view.toggleLanguage', 'Alt+L'],
    ['view.focusSearch', 'CmdOrCtrl+F'],
  ])('binds %s to %s', (id, accelerator) => {
    expect(byId(build(language).items, id)?.accelerator).toBe(accelerator);
  });

  it('has File, Edit, View, Window and Help in that order', () => {
    const labels = build(language).template.map((menu) => menu.label);
    expect(labels).toEqual(language === 'zh-CN' ? ['文件', '编辑', '视图', '窗口', '帮助'] : ['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('sends every renderer command, and only those, on click', () => {
    const { items, sendCommand } = build(language);
    const plain = MENU_COMMANDS.filter((command) => !ROUTED.includes(command));
    for (const command of plain) {
      const item = byId(items, command);
      expect(item?.label, command).toBeTruthy();
      item?.click?.();
      expect(sendCommand).toHaveBeenLastCalledWith(command);
    }
    expect(sendCommand).toHaveBeenCalledTimes(plain.length);
  });

  it('routes Edit › Undo and Redo through the app instead of the native text roles', () => {
    const { items, editAction, sendCommand } = build(language);
    expect(roles(items)).not.toContain('undo');
    expect(roles(items)).not.toContain('redo');
    byId(items, 'edit.undo')?.click?.();
    byId(items, 'edit.redo')?.click?.();
    expect(editAction.mock.calls).toEqual([['undo'], ['redo']]);
    expect(sendCommand).not.toHaveBeenCalled();
    expect(byId(items, 'edit.undo')?.label).toBe(language === 'zh-CN' ? '撤销' : 'Undo');
    expect(byId(items, 'edit.undo')?.accelerator).toBe('CmdOrCtrl+Z');
  });

  it('lists recent files under File › Open Recent; a missing one is disabled and marked', () => {
    const recent: RecentMenuEntry[] = [
      { path: '/data/月报.sqlite', fileName: '月报.sqlite', exists: true },
      { path: '/old/旧.sqlite', fileName: '旧.sqlite', exists: false },
    ];
    const { template, sendCommand, forgetRecent } = build(language, 'linux', false, recent);
    const openRecent = byId(template[0]?.submenu ?? [], 'workspace.openRecent');
    expect(openRecent?.label).toBe(language === 'zh-CN' ? '最近打开' : 'Open Recent');
    const submenu = openRecent?.submenu ?? [];
    const [first, second] = [byId(submenu, recentItemId(0)), byId(submenu, recentItemId(1))];
    expect(first).toMatchObject({ label: '月报.sqlite — /data/月报.sqlite', enabled: true });
    expect(second).toMatchObject({ enabled: false, label: language === 'zh-CN' ? '旧.sqlite （未找到） — /old/旧.sqlite' : '旧.sqlite (not found) — /old/旧.sqlite' });
    first?.click?.();
    expect(sendCommand).toHaveBeenCalledWith('workspace.openRecent', '/data/月报.sqlite');
    byId(submenu, 'workspace.forgetMissing')?.click?.();
    byId(submenu, 'workspace.clearRecent')?.click?.();
    expect(forgetRecent.mock.calls).toEqual([[{ missing: true }], [{ all: true }]]);
  });

  it('says so when there is no recent file', () => {
    const submenu = byId(build(language).items, 'workspace.openRecent')?.submenu ?? [];
    expect(submenu).toEqual([expect.objectContaining({ enabled: false, label: language === 'zh-CN' ? '没有最近打开的工作区' : 'No Recent Workspaces' })]);
  });

  it('uses the edit, zoom and fullscreen roles, with labels in the language', () => {
    const { items } = build(language);
    expect(roles(items)).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'quit', 'minimize']));
    expect(items.filter((item) => item.role).every((item) => typeof item.label === 'string' && item.label.length > 0)).toBe(true);
    expect(items.find((item) => item.role === 'copy')?.label).toBe(language === 'zh-CN' ? '复制' : 'Copy');
  });

  it('offers reload and developer tools only in development', () => {
    expect(roles(build(language, 'linux', false).items)).not.toEqual(expect.arrayContaining(['reload']));
    expect(roles(build(language, 'linux', false).items)).not.toContain('toggleDevTools');
    expect(roles(build(language, 'linux', true).items)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('has Save As and the backups in File, in the language', () => {
    const file = build(language).template[0]?.submenu ?? [];
    const labels = (ids: string[]) => ids.map((id) => byId(file, id)?.label);
    expect(labels(['workspace.saveAs', 'backup.create', 'backup.restore'])).toEqual(
      language === 'zh-CN' ? ['另存为…', '立即备份', '从备份恢复…'] : ['Save As…', 'Back Up Now', 'Restore from Backup…'],
    );
  });

  it('shows About from Help', () => {
    const { template, showAbout } = build(language);
    const help = template.at(-1);
    expect(help?.role).toBe('help');
    help?.submenu?.[0]?.click?.();
    expect(showAbout).toHaveBeenCalledOnce();
  });
});

describe('Edit › Undo and Redo', () => {
  it('undoes typing in a focused text field natively, and the workspace otherwise', () => {
    expect(routeEditAction('undo', true)).toEqual({ kind: 'native', action: 'undo' });
    expect(routeEditAction('redo', true)).toEqual({ kind: 'native', action: 'redo' });
    expect(routeEditAction('undo', false)).toEqual({ kind: 'command', command: 'edit.undo' });
    expect(routeEditAction('redo', false)).toEqual({ kind: 'command', command: 'edit.redo' });
  });

  it('binds redo to ⇧⌘Z on macOS and Ctrl+Y elsewhere', () => {
    expect(editAccelerators('darwin')).toEqual({ undo: 'CmdOrCtrl+Z', redo: 'Shift+CmdOrCtrl+Z' });
    expect(editAccelerators('win32')).toEqual({ undo: 'CmdOrCtrl+Z', redo: 'CmdOrCtrl+Y' });
    expect(byId(build('en', 'darwin').items, 'edit.redo')?.accelerator).toBe('Shift+CmdOrCtrl+Z');
  });
});

describe('platform differences', () => {
  it('puts About and Quit in the app menu on macOS, Quit in File elsewhere', () => {
    const mac = build('en', 'darwin').template;
    expect(mac[0]?.label).toBe('Yardstick');
    expect(roles(mac[0]?.submenu ?? [])).toContain('quit');
    expect(roles(mac[1]?.submenu ?? [])).not.toContain('quit');
    const windows = build('en', 'win32').template;
    expect(windows[0]?.label).toBe('File');
    expect(roles(windows[0]?.submenu ?? [])).toContain('quit');
  });

  it('never has two items with the same accelerator', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const accelerators = build('zh-CN', platform, true).items.map((item) => item.accelerator).filter(Boolean);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });
});
