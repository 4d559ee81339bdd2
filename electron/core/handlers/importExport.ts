import type { HandlersOf } from '../../../shared/api/contract';
import type { importExportMethods } from '../../../shared/api/methods/importExport';
import { ImportService, type ImportServiceOptions } from '../import/service';
import type { HandlerContext } from './context';

/** Import (inspect → preview → commit, with progress and cancel), import templates and export, over the open workspace. */
export function importExportHandlers(context: HandlerContext, options: ImportServiceOptions = {}): HandlersOf<typeof importExportMethods> {
  const service = new ImportService(() => context.requireWorkspace(), { nativeBinding: context.options.nativeBinding, ...options });
  return {
    'import.inspect': ({ path, sheet, encoding, job }) => service.inspect({ path, sheet, encoding, job }),
    'import.preview': ({ path, mapping, encoding, rowLimit, rejectedLimit, job }) => service.preview({ path, mapping, encoding, rowLimit, rejectedLimit, job }),
    'import.commit': ({ path, mapping, encoding, snapshot, onRejected, rejectedLimit, job }) => service.commit({ path, mapping, encoding, snapshot, onRejected, rejectedLimit, job }),
    'import.progress': ({ job }) => service.progress(job),
    'import.cancel': ({ job }) => service.cancel(job),
    'importTemplate.save': ({ name, mapping, sourceFile }) => service.saveTemplate(name, mapping, sourceFile ?? null),
    'importTemplate.list': () => service.listTemplates(),
    'importTemplate.apply': ({ name, path, encoding, job }) => service.applyTemplate({ name, path, encoding, job }),
    'importTemplate.delete': ({ name }) => ({ deleted: service.deleteTemplate(name) }),
    // Loaded on first use: its xlsx writer is heavy, and most runs of the command line never export.
    'export.write': async (request) => (await import('../export/exportData')).writeExport(context.requireWorkspace(), request),
  };
}
