import type { HandlersOf } from '../../../shared/api/contract';
import type { importExportMethods } from '../../../shared/api/methods/importExport';
import { writeExport } from '../export/exportData';
import { ImportService, type ImportServiceOptions } from '../import/service';
import type { HandlerContext } from './context';

/** Import (inspect → preview → commit), import templates and export, over the open workspace. */
export function importExportHandlers(context: HandlerContext, options: ImportServiceOptions = {}): HandlersOf<typeof importExportMethods> {
  const service = new ImportService(() => context.requireWorkspace(), options);
  return {
    'import.inspect': ({ path, sheet, encoding }) => service.inspect({ path, sheet, encoding }),
    'import.preview': ({ path, mapping, encoding, rowLimit }) => service.preview({ path, mapping, encoding, rowLimit }),
    'import.commit': ({ path, mapping, encoding, snapshot, onRejected }) => service.commit({ path, mapping, encoding, snapshot, onRejected }),
    'importTemplate.save': ({ name, mapping, sourceFile }) => service.saveTemplate(name, mapping, sourceFile ?? null),
    'importTemplate.list': () => service.listTemplates(),
    'importTemplate.apply': ({ name, path, encoding }) => service.applyTemplate({ name, path, encoding }),
    'importTemplate.delete': ({ name }) => ({ deleted: service.deleteTemplate(name) }),
    'export.write': (request) => writeExport(context.requireWorkspace(), request),
  };
}
