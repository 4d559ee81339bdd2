// What the IPC handlers do, without 'electron': ipc.ts registers these with ipcMain and supplies
// the sender facts and the native dialogs; tests call them directly.
import type { DialogRequest } from '../../shared/api/bridge';
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
  en: { open: 'Open Workspace', save: 'New Workspace', filter: 'Yardstick workspace', create: 'Create' },
  'zh-CN': { open: '打开工作区', save: '新建工作区', filter: '对标工作区', create: '创建' },
} as const satisfies Record<MenuLanguage, Record<string, string>>;

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
  if (kind === 'saveWorkspace') {
    const defaultName: unknown = Reflect.get(raw, 'defaultName');
    if (typeof defaultName !== 'string' || defaultName.length > 200) return null;
    return { kind, defaultName };
  }
  return null;
}

const FILE_NAME_RESERVED = '\\/:*?"<>|';

/** A file name the renderer suggested, reduced to a safe base name ending in .sqlite. */
export function safeWorkspaceFileName(name: string): string {
  const base = [...name]
    .map((character) => (character.charCodeAt(0) < 32 || FILE_NAME_RESERVED.includes(character) ? '_' : character))
    .join('')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  return ensureWorkspaceExtension(base.length > 0 ? base : 'workspace');
}

export function ensureWorkspaceExtension(filePath: string): string {
  return filePath.toLowerCase().endsWith(`.${WORKSPACE_EXTENSION}`) ? filePath : `${filePath}.${WORKSPACE_EXTENSION}`;
}

export function planDialog(request: DialogRequest, language: MenuLanguage, defaultDirectory: string, joinPath: (...parts: string[]) => string): DialogPlan {
  const text = DIALOG_TEXT[language];
  const filters = [{ name: text.filter, extensions: [WORKSPACE_EXTENSION] }];
  if (request.kind === 'openWorkspace') {
    return { kind: 'open', options: { title: text.open, defaultPath: defaultDirectory, filters, properties: ['openFile', 'dontAddToRecent'] } };
  }
  return {
    kind: 'save',
    options: {
      title: text.save,
      defaultPath: joinPath(defaultDirectory, safeWorkspaceFileName(request.defaultName)),
      buttonLabel: text.create,
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
  return result.canceled || !result.filePath ? null : ensureWorkspaceExtension(result.filePath);
}
