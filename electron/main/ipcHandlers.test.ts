import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../shared/api/errors';
import {
  ensureWorkspaceExtension,
  handleDialog,
  handleInvoke,
  handleTextFocus,
  parseDialogRequest,
  planDialog,
  RECENT_CHANGING_METHODS,
  safeWorkspaceFileName,
  type DialogHost,
} from './ipcHandlers';
import type { SenderFacts } from './security';

const ours: SenderFacts = { frameUrl: 'app://yardstick/index.html', isMainFrame: true, isOurWindow: true };
const untrusted: (SenderFacts | null)[] = [
  null,
  { ...ours, frameUrl: 'https://evil.example/' },
  { ...ours, isMainFrame: false },
  { ...ours, isOurWindow: false },
  { ...ours, frameUrl: null },
];

function backend(result: Result<unknown> = { ok: true, value: { version: '0.1.0' } }) {
  return { dispatch: vi.fn(async (_method: string, _input: unknown) => result) };
}

describe('invoke channel', () => {
  it('forwards a trusted call to core unchanged', async () => {
    const target = backend();
    const result = await handleInvoke(target, ours, 'app.info', {});
    expect(target.dispatch).toHaveBeenCalledWith('app.info', {});
    expect(result).toEqual({ ok: true, value: { version: '0.1.0' } });
  });

  it.each(untrusted)('refuses sender %j with FORBIDDEN before touching core', async (sender) => {
    const target = backend();
    const result = await handleInvoke(target, sender, 'workspace.open', { path: '/etc/passwd' });
    expect(target.dispatch).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!result.ok) expect(result.error.messageZh.length).toBeGreaterThan(0);
  });

  it('passes core errors through as values', async () => {
    const failure: Result<unknown> = { ok: false, error: { code: 'VALIDATION', message: 'Invalid request: path', messageZh: '请求参数无效：path' } };
    expect(await handleInvoke(backend(failure), ours, 'workspace.open', {})).toEqual(failure);
  });

  it('answers a non-string method name without calling core', async () => {
    const target = backend();
    expect(await handleInvoke(target, ours, { toString: 'x' }, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(target.dispatch).not.toHaveBeenCalled();
  });

  it('turns a throwing core into an INTERNAL value instead of a rejection', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const target = { dispatch: vi.fn(async () => Promise.reject(new Error('boom'))) };
    expect(await handleInvoke(target, ours, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    consoleError.mockRestore();
  });
});

describe('dialog channel', () => {
  const context = { language: 'zh-CN' as const, defaultDirectory: '/home/analyst/Documents', joinPath: path.posix.join };

  function host(open = { canceled: false, filePaths: ['/data/2024.sqlite'] }, save: { canceled: boolean; filePath?: string } = { canceled: false, filePath: '/data/new' }) {
    return {
      showOpen: vi.fn<DialogHost['showOpen']>(async () => open),
      showSave: vi.fn<DialogHost['showSave']>(async () => save),
    };
  }

  it('opens a workspace through a native dialog filtered to *.sqlite', async () => {
    const dialogs = host();
    expect(await handleDialog(dialogs, ours, { kind: 'openWorkspace' }, context)).toBe('/data/2024.sqlite');
    expect(dialogs.showOpen).toHaveBeenCalledWith(expect.objectContaining({ filters: [{ name: '对标工作区', extensions: ['sqlite'] }], properties: expect.arrayContaining(['openFile']) }));
  });

  it('adds .sqlite to a saved name and suggests a safe file name', async () => {
    const dialogs = host();
    expect(await handleDialog(dialogs, ours, { kind: 'saveWorkspace', defaultName: '../../2024年月报' }, context)).toBe('/data/new.sqlite');
    expect(dialogs.showSave).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: '/home/analyst/Documents/_.._2024年月报.sqlite' }));
  });

  it('resolves to null when cancelled', async () => {
    expect(await handleDialog(host({ canceled: true, filePaths: [] }), ours, { kind: 'openWorkspace' }, context)).toBeNull();
    expect(await handleDialog(host(undefined, { canceled: true }), ours, { kind: 'saveWorkspace', defaultName: 'x' }, context)).toBeNull();
  });

  it.each(untrusted)('shows no dialog to sender %j', async (sender) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const dialogs = host();
    expect(await handleDialog(dialogs, sender, { kind: 'openWorkspace' }, context)).toBeNull();
    expect(dialogs.showOpen).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('refuses malformed requests', async () => {
    for (const request of [null, 'openWorkspace', { kind: 'deleteEverything' }, { kind: 'saveWorkspace' }, { kind: 'saveWorkspace', defaultName: 'x'.repeat(201) }]) {
      expect(parseDialogRequest(request)).toBeNull();
    }
    const dialogs = host();
    expect(await handleDialog(dialogs, ours, { kind: 'nope' }, context)).toBeNull();
    expect(dialogs.showOpen).not.toHaveBeenCalled();
  });

  it('labels the dialogs in English too', () => {
    const plan = planDialog({ kind: 'openWorkspace' }, 'en', '/docs', path.posix.join);
    expect(plan.options.title).toBe('Open Workspace');
    expect(plan.options.filters).toEqual([{ name: 'Yardstick workspace', extensions: ['sqlite'] }]);
  });

  it('titles Save As as saving, not creating, and adds .sqlite', async () => {
    const dialogs = host(undefined, { canceled: false, filePath: '/data/副本' });
    expect(await handleDialog(dialogs, ours, { kind: 'saveWorkspaceAs', defaultName: '月报 副本' }, context)).toBe('/data/副本.sqlite');
    expect(dialogs.showSave).toHaveBeenCalledWith(
      expect.objectContaining({ title: '工作区另存为', buttonLabel: '保存', defaultPath: '/home/analyst/Documents/月报 副本.sqlite', properties: ['createDirectory', 'showOverwriteConfirmation'] }),
    );
    expect(planDialog({ kind: 'saveWorkspaceAs', defaultName: 'x' }, 'en', '/docs', path.posix.join).options).toMatchObject({ title: 'Save Workspace As', buttonLabel: 'Save' });
  });

  it.each([
    ['xlsx', 'Excel 工作簿', 'Excel workbook'],
    ['csv', 'CSV（UTF-8，逗号分隔）', 'CSV (UTF-8, comma-separated)'],
    ['png', 'PNG 图片', 'PNG image'],
    ['svg', 'SVG 矢量图', 'SVG image'],
    ['pptx', 'PowerPoint 演示文稿', 'PowerPoint presentation'],
  ] as const)('saves a %s export through a native dialog filtered to that type', async (format, zhFilter, enFilter) => {
    const dialogs = host(undefined, { canceled: false, filePath: '/data/本期修订' });
    const request = { kind: 'saveExport', format, defaultName: '本期修订: 快照1/快照2' } as const;
    expect(await handleDialog(dialogs, ours, request, context)).toBe(`/data/本期修订.${format}`);
    expect(dialogs.showSave).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '导出',
        buttonLabel: '保存',
        defaultPath: `/home/analyst/Documents/本期修订_ 快照1_快照2.${format}`,
        filters: [{ name: zhFilter, extensions: [format] }],
      }),
    );
    expect(planDialog(request, 'en', '/docs', path.posix.join).options.filters).toEqual([{ name: enFilter, extensions: [format] }]);
    // A name the user typed with the right extension (any case) is kept as typed.
    const typed = host(undefined, { canceled: false, filePath: `/data/Report.${format.toUpperCase()}` });
    expect(await handleDialog(typed, ours, request, context)).toBe(`/data/Report.${format.toUpperCase()}`);
  });

  it('refuses an export of an unknown type and shows no dialog to a stranger', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const request of [{ kind: 'saveExport', format: 'exe', defaultName: 'x' }, { kind: 'saveExport', defaultName: 'x' }, { kind: 'saveExport', format: 'csv' }]) {
      expect(parseDialogRequest(request)).toBeNull();
    }
    const dialogs = host();
    for (const sender of untrusted) expect(await handleDialog(dialogs, sender, { kind: 'saveExport', format: 'csv', defaultName: 'x' }, context)).toBeNull();
    expect(dialogs.showSave).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('makes file names safe', () => {
    expect(safeWorkspaceFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j.sqlite');
    expect(safeWorkspaceFileName('...')).toBe('workspace.sqlite');
    expect(safeWorkspaceFileName('月报.SQLITE')).toBe('月报.SQLITE');
    expect(ensureWorkspaceExtension('C:\\data\\x')).toBe('C:\\data\\x.sqlite');
  });
});

describe('text-focus channel', () => {
  it('takes a boolean from our window only', () => {
    expect(handleTextFocus(ours, true)).toBe(true);
    expect(handleTextFocus(ours, false)).toBe(false);
    expect(handleTextFocus(ours, 'true')).toBeNull();
    expect(handleTextFocus(ours, 1)).toBeNull();
    for (const sender of untrusted) expect(handleTextFocus(sender, true)).toBeNull();
  });
});

describe('File › Open Recent follows the calls that change the recent list', () => {
  it('rebuilds after opening, creating, Save As and forgetting; not after reads or edits', () => {
    for (const method of ['workspace.open', 'workspace.create', 'workspace.openSample', 'workspace.saveAs', 'workspace.forgetRecent']) {
      expect(RECENT_CHANGING_METHODS.has(method), method).toBe(true);
    }
    for (const method of ['workspace.recent', 'workspace.info', 'cells.edit', 'series.query']) expect(RECENT_CHANGING_METHODS.has(method), method).toBe(false);
  });
});
