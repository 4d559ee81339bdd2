import fs from 'node:fs';
import path from 'node:path';
import type { HandlersOf } from '../../../shared/api/contract';
import { AppFailure } from '../../../shared/api/errors';
import type { CellEditInput, editingMethods, UndoResult } from '../../../shared/api/methods/editing';
import type { ObservationFields } from '../store/observationRepository';
import { BackupStore, replaceWithBackup } from '../backups';
import { queryColumns, queryHead } from '../gridQuery';
import { Workspace, type CellEdit } from '../workspace';

/** How change sets name a cell (Workspace's CellCodes). */
interface CellCodes {
  indicator: string;
  region: string;
  period: string;
}
import type { HandlerContext } from './context';

const EDIT_LABELS: Record<string, string> = {
  edit: '编辑 / Edit',
  paste: '粘贴 / Paste',
  fill: '向下填充 / Fill down',
  delete: '清除 / Clear',
  add: '新增 / Add',
};

/** Undo or redo returns the cells it wrote beyond this many only as a summary (the client reloads). */
const CELLS_RETURNED = 20_000;

/**
 * Undoes or redoes, and returns with the summary each cell's content afterwards (the stored
 * inverse after undo, the forward writes after redo), unless the change set also added or removed
 * catalogue entries (an import) or is very large: then the client reloads.
 */
function stepWithCells(workspace: Workspace, step: 'undo' | 'redo'): UndoResult | null {
  const summary = step === 'undo' ? workspace.undo() : workspace.redo();
  if (!summary || summary.cellCount > CELLS_RETURNED) return summary;
  // After undo the set just undone is the next to redo; after redo the one just redone is the last done.
  const stored = step === 'undo' ? workspace.changeSets.nextUndone<CellCodes, ObservationFields>() : workspace.changeSets.lastDone<CellCodes, ObservationFields>();
  if (!stored || stored.id !== summary.id || stored.catalog) return summary;
  const writes = step === 'undo' ? stored.inverse : stored.forward;
  const cells = writes.map(({ key, fields }): CellEditInput =>
    fields === null
      ? { indicator: key.indicator, region: key.region, period: key.period, remove: true }
      : {
          indicator: key.indicator,
          region: key.region,
          period: key.period,
          value: fields.value,
          growthReportedPct: fields.growthReportedPct,
          rankReported: fields.rankReported,
          flags: [...fields.flags],
          note: fields.note,
          source: fields.source,
        },
  );
  return { ...summary, cells };
}

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
    'series.columns': (query) => queryColumns(requireWorkspace(), query),
    'series.head': (request) => queryHead(requireWorkspace(), request),
    'catalog.addIndicator': ({ indicator }) => requireWorkspace().addIndicator(indicator),
    'catalog.addRegion': ({ region }) => requireWorkspace().addRegion(region),
    'catalog.addCategory': ({ category }) => requireWorkspace().addCategory(category),
    'edit.undo': () => stepWithCells(requireWorkspace(), 'undo'),
    'edit.redo': () => stepWithCells(requireWorkspace(), 'redo'),
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
