// What the IPC handlers do, without 'electron': ipc.ts registers these with ipcMain and supplies
// the sender facts and the native dialogs; tests call them directly.
import { EXPORT_FORMATS, type DialogRequest, type ExportFormat } from '../../shared/api/bridge';
import { fail, type Result } from '../../shared/api/errors';
import type { MenuLanguage } from './menuTemplate';
import { isTrustedSender, type SenderFacts } from './security';

/** The part of core's Backend that IPC forwards to. */
export interface InvokeTarget {
  dispatch(method: string, rawInput: unknown): Promise<Result<unknown>>;
}

export function forbiddenSender(): Result<never> {
  return fail(
    'FORBIDDEN',
    'This request did not come from the Yardstick window and was refused.',
    '该请求并非来自“对标”主窗口，已被拒绝。',
  );
}

/**
 * The invoke channel: the sender check comes first, then the call goes to core, which validates
 * the method name and input against the contract. Always resolves to a Result.
 */
export async function handleInvoke(
  target: InvokeTarget,
  sender: SenderFacts | null,
  method: unknown,
  input: unknown,
  origins?: readonly string[],
): Promise<Result<unknown>> {
  if (!isTrustedSender(sender, origins)) return forbiddenSender();
  if (typeof method !== 'string') {
    return fail('UNKNOWN_METHOD', 'The method name must be a string.', '方法名必须是字符串。');
  }
  try {
    return await target.dispatch(method, input);
  } catch (error) {
    // dispatch promises never to throw; if it does, the renderer still gets a value, not a rejection.
    console.error(`[ipc] ${method} threw`, error);
    return fail('INTERNAL', 'Unexpected error in the application; see the log.', '程序内部错误，请查看日志。');
  }
}

export const WORKSPACE_EXTENSION = 'sqlite';

const DIALOG_TEXT = {
  en: { open: 'Open Workspace', save: 'New Workspace', filter: 'Yardstick workspace', create: 'Create', saveAs: 'Save Workspace As', export: 'Export', save_: 'Save' },
  'zh-CN': { open: '打开工作区', save: '新建工作区', filter: '对标工作区', create: '创建', saveAs: '工作区另存为', export: '导出', save_: '保存' },
} as const satisfies Record<MenuLanguage, Record<string, string>>;

/** The file type offered for each export format, in both languages. */
const EXPORT_FILTERS: Record<ExportFormat, Record<MenuLanguage, string>> = {
  xlsx: { en: 'Excel workbook', 'zh-CN': 'Excel 工作簿' },
  csv: { en: 'CSV (UTF-8, comma-separated)', 'zh-CN': 'CSV（UTF-8，逗号分隔）' },
  png: { en: 'PNG image', 'zh-CN': 'PNG 图片' },
  svg: { en: 'SVG image', 'zh-CN': 'SVG 矢量图' },
  pptx: { en: 'PowerPoint presentation', 'zh-CN': 'PowerPoint 演示文稿' },
};

/** The extension a saved file must end in: .sqlite for workspaces, the format's own for exports. */
export function extensionFor(request: DialogRequest): string {
  return request.kind === 'saveExport' ? request.format : WORKSPACE_EXTENSION;
}

/** Options for dialog.showOpenDialog / showSaveDialog, as data. */
export type DialogPlan =
  | {
      readonly kind: 'open';
      readonly options: {
        title: string;
        defaultPath: string;
        filters: { name: string; extensions: string[] }[];
        properties: ('openFile' | 'dontAddToRecent')[];
      };
    }
  | {
      readonly kind: 'save';
      readonly options: {
        title: string;
        defaultPath: string;
        buttonLabel: string;
        filters: { name: string; extensions: string[] }[];
        properties: ('createDirectory' | 'showOverwriteConfirmation')[];
      };
    };

/** Checks a DialogRequest from the renderer; anything else is refused. */
export function parseDialogRequest(raw: unknown): DialogRequest | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const kind: unknown = Reflect.get(raw, 'kind');
  if (kind === 'openWorkspace') return { kind };
  const defaultName: unknown = Reflect.get(raw, 'defaultName');
  if (typeof defaultName !== 'string' || defaultName.length > 200) return null;
  if (kind === 'saveWorkspace' || kind === 'saveWorkspaceAs') return { kind, defaultName };
  if (kind === 'saveExport') {
    const format = EXPORT_FORMATS.find((candidate) => candidate === Reflect.get(raw, 'format'));
    return format ? { kind, format, defaultName } : null;
  }
  return null;
}

const FILE_NAME_RESERVED = '\\/:*?"<>|';

/** A file name the renderer suggested, reduced to a safe base name ending in .sqlite. */
export function safeWorkspaceFileName(name: string): string {
  return safeFileName(name, WORKSPACE_EXTENSION, 'workspace');
}

/** A suggested name reduced to a safe base name ending in `.extension`. */
export function safeFileName(name: string, extension: string, fallback: string): string {
  const base = [...name]
    .map((character) => (character.charCodeAt(0) < 32 || FILE_NAME_RESERVED.includes(character) ? '_' : character))
    .join('')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  return ensureExtension(base.length > 0 ? base : fallback, extension);
}

export function ensureWorkspaceExtension(filePath: string): string {
  return ensureExtension(filePath, WORKSPACE_EXTENSION);
}

export function ensureExtension(filePath: string, extension: string): string {
  return filePath.toLowerCase().endsWith(`.${extension}`) ? filePath : `${filePath}.${extension}`;
}

export function planDialog(request: DialogRequest, language: MenuLanguage, defaultDirectory: string, joinPath: (...parts: string[]) => string): DialogPlan {
  const text = DIALOG_TEXT[language];
  const filters = [{ name: text.filter, extensions: [WORKSPACE_EXTENSION] }];
  if (request.kind === 'openWorkspace') {
    return { kind: 'open', options: { title: text.open, defaultPath: defaultDirectory, filters, properties: ['openFile', 'dontAddToRecent'] } };
  }
  if (request.kind === 'saveExport') {
    return {
      kind: 'save',
      options: {
        title: text.export,
        defaultPath: joinPath(defaultDirectory, safeFileName(request.defaultName, request.format, 'export')),
        buttonLabel: text.save_,
        filters: [{ name: EXPORT_FILTERS[request.format][language], extensions: [request.format] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      },
    };
  }
  const isSaveAs = request.kind === 'saveWorkspaceAs';
  return {
    kind: 'save',
    options: {
      title: isSaveAs ? text.saveAs : text.save,
      defaultPath: joinPath(defaultDirectory, safeWorkspaceFileName(request.defaultName)),
      buttonLabel: isSaveAs ? text.save_ : text.create,
      filters,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    },
  };
}

/** The native dialogs, supplied by ipc.ts. */
export interface DialogHost {
  showOpen(options: Extract<DialogPlan, { kind: 'open' }>['options']): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSave(options: Extract<DialogPlan, { kind: 'save' }>['options']): Promise<{ canceled: boolean; filePath?: string | undefined }>;
}

/**
 * The dialog channel: same sender check, then a native dialog. Resolves to the chosen path or
 * null (cancelled, refused sender, malformed request).
 */
export async function handleDialog(
  host: DialogHost,
  sender: SenderFacts | null,
  rawRequest: unknown,
  context: { language: MenuLanguage; defaultDirectory: string; joinPath: (...parts: string[]) => string; origins?: readonly string[] },
): Promise<string | null> {
  if (!isTrustedSender(sender, context.origins)) {
    console.warn('[ipc] dialog request from an untrusted sender refused', sender?.frameUrl ?? null);
    return null;
  }
  const request = parseDialogRequest(rawRequest);
  if (request === null) return null;
  const plan = planDialog(request, context.language, context.defaultDirectory, context.joinPath);
  if (plan.kind === 'open') {
    const result = await host.showOpen(plan.options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  const result = await host.showSave(plan.options);
  return result.canceled || !result.filePath ? null : ensureExtension(result.filePath, extensionFor(request));
}

/**
 * The text-focus channel (one-way): whether focus in our window is in a text field. Returns the
 * new state, or null when the message is refused (untrusted sender, not a boolean).
 */
export function handleTextFocus(sender: SenderFacts | null, value: unknown, origins?: readonly string[]): boolean | null {
  if (!isTrustedSender(sender, origins) || typeof value !== 'boolean') return null;
  return value;
}

/** Methods after which the recent list may differ, so main rebuilds File › Open Recent. */
export const RECENT_CHANGING_METHODS: ReadonlySet<string> = new Set([
  'workspace.open',
  'workspace.create',
  'workspace.openSample',
  'workspace.saveAs',
  'workspace.forgetRecent',
]);
