import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/api/bridge';
import { buildMenuTemplate, flattenMenu, menuLanguageFor, type MenuItemSpec, type MenuLanguage } from './menuTemplate';

function build(language: MenuLanguage, platform: NodeJS.Platform = 'win32', isDevelopment = false) {
  const sendCommand = vi.fn<(command: MenuCommand) => void>();
  const showAbout = vi.fn<() => void>();
  const template = buildMenuTemplate({ language, platform, isDevelopment, sendCommand, showAbout });
  return { template, items: flattenMenu(template), sendCommand, showAbout };
}

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
    for (const command of MENU_COMMANDS) {
      const item = byId(items, command);
      expect(item?.label, command).toBeTruthy();
      item?.click?.();
      expect(sendCommand).toHaveBeenLastCalledWith(command);
    }
    expect(sendCommand).toHaveBeenCalledTimes(MENU_COMMANDS.length);
  });

  it('uses the edit, zoom and fullscreen roles, with labels in the language', () => {
    const { items } = build(language);
    expect(roles(items)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'quit', 'minimize']));
    expect(items.filter((item) => item.role).every((item) => typeof item.label === 'string' && item.label.length > 0)).toBe(true);
    const undo = items.find((item) => item.role === 'undo');
    expect(undo?.label).toBe(language === 'zh-CN' ? '撤销' : 'Undo');
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
