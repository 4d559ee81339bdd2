import fs from 'node:fs';
import path from 'node:path';
import type { HandlersOf } from '../../../shared/api/contract';
import { AppFailure } from '../../../shared/api/errors';
import type { editingMethods } from '../../../shared/api/methods/editing';
import { BackupStore, replaceWithBackup } from '../backups';
import { Workspace, type CellEdit } from '../workspace';
import type { HandlerContext } from './context';

const EDIT_LABELS: Record<string, string> = {
  edit: '编辑 / Edit',
  paste: '粘贴 / Paste',
  fill: '向下填充 / Fill down',
  delete: '清除 / Clear',
  add: '新增 / Add',
};

export function editingHandlers(context: HandlerContext, backups = new BackupStore(context.options.dataDir)): HandlersOf<typeof editingMethods> {
  const { requireWorkspace } = context;
  return {
    'cells.edit': ({ kind, label, cells }) => {
      const workspace = requireWorkspace();
      const edits: CellEdit[] = cells.map(({ indicator, region, period, remove, ...fields }) => ({
        indicatorCode: indicator,
        regionCode: region,
        period,
        remove,
        fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      }));
      const id = workspace.editCells(edits, { kind, label: label ?? `${EDIT_LABELS[kind]} (${cells.length})` });
      return workspace.recentChangeSets(1).find((c) => c.id === id)!;
    },
    'catalog.addIndicator': ({ indicator }) => requireWorkspace().addIndicator(indicator),
    'catalog.addRegion': ({ region }) => requireWorkspace().addRegion(region),
    'catalog.addCategory': ({ category }) => requireWorkspace().addCategory(category),
    'edit.undo': () => requireWorkspace().undo(),
    'edit.redo': () => requireWorkspace().redo(),
    'edit.log': ({ limit }) => requireWorkspace().recentChangeSets(limit),
    'snapshot.restore': ({ snapshot }) => requireWorkspace().restore(snapshot),
    'workspace.saveAs': ({ path: target }) => {
      const workspace = requireWorkspace();
      const absolute = path.resolve(target);
      if (fs.existsSync(absolute)) {
        throw new AppFailure('FILE_EXISTS', `${absolute} already exists. Choose another name.`, `${absolute} 已存在。请换一个文件名。`, { path: absolute });
      }
      workspace.saveCopy(absolute);
      const info = context.replace(Workspace.open(absolute));
      return { path: info.path, fileName: info.fileName };
    },
    'backup.list': () => backups.list(requireWorkspace().filePath),
    'backup.create': () => backups.create(requireWorkspace()),
    'backup.restore': async ({ name }) => {
      const workspace = requireWorkspace();
      const chosen = backups.find(workspace.filePath, name);
      // First keep what is there now, so that restoring a backup can itself be taken back.
      const safetyBackup = await backups.create(workspace);
      const filePath = workspace.filePath;
      workspace.close();
      try {
        replaceWithBackup(filePath, chosen.path, (file) => Workspace.open(file).close());
      } finally {
        context.replace(Workspace.open(filePath));
      }
      return { restored: chosen, safetyBackup };
    },
  };
}
