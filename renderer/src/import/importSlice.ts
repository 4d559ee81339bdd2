import type { AppError, MethodInput, MethodName, MethodOutput, Result } from '../../../shared/api/contract';
import type { ColumnMapping, ImportMapping, Proposals, TableMapping } from '../../../shared/import/mapping';
import type { CommitResult, ImportProgress, InspectResult, PreviewResult, TemplateApplyResult, TemplateSummary } from '../../../shared/import/results';
import type { SliceCreator } from '../store/types';

export type ImportEncodingChoice = MethodInput<'import.inspect'>['encoding'] & string;

/** What the wizard is waiting for; `importProgress` says how far the backend has come with it. */
export type ImportPhase = 'inspect' | 'preview' | 'commit' | 'template';

/** How often the wizard asks the backend how far a job has come (IPC and HTTP are request/response). */
export const PROGRESS_POLL_MS = 200;

/** Methods that run as a backend job (they take a `job` id for progress and Cancel). */
const JOB_METHODS: ReadonlySet<MethodName> = new Set<MethodName>(['import.inspect', 'import.preview', 'import.commit', 'importTemplate.apply']);

export type ImportMismatch = TemplateApplyResult['mismatches'][number];

export type ImportNotice =
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'tooLate' }
  | { readonly kind: 'templateSaved'; readonly name: string }
  | { readonly kind: 'undone' };

export interface ImportSlice {
  importPath: string;
  importEncoding: ImportEncodingChoice;
  importInspect: InspectResult | null;
  /** The mapping being edited; preview and commit send it with the confirmed creations. */
  importMapping: ImportMapping | null;
  importProposals: Proposals;
  /** Codes of proposed regions and indicators the user ticked. */
  importConfirmed: readonly string[];
  importMismatches: readonly ImportMismatch[];
  importPreview: PreviewResult | null;
  importCommitted: CommitResult | null;
  importBusy: ImportPhase | null;
  /** The backend's last answer about the running job (phase, done of total). */
  importProgress: ImportProgress | null;
  /** True from Cancel until the backend confirms that the job stopped. */
  importCancelling: boolean;
  importError: AppError | null;
  importNotice: ImportNotice | null;
  importTemplates: TemplateSummary[];
  setImportPath: (path: string) => void;
  setImportEncoding: (encoding: ImportEncodingChoice) => void;
  /** Reads the file (or another sheet of it) and takes the detected mapping. */
  inspectImport: (sheet?: string) => Promise<void>;
  updateImportTable: (tableIndex: number, patch: Partial<TableMapping>) => void;
  updateImportColumn: (tableIndex: number, column: string, patch: Partial<ColumnMapping>) => void;
  toggleImportCreate: (code: string) => void;
  /** Ticks every proposed region and indicator, or none. */
  confirmAllImportCreates: (isAll: boolean) => void;
  previewImport: () => Promise<void>;
  commitImport: (isTakingSnapshot: boolean) => Promise<void>;
  /** Asks the backend to stop the running job: a read or check stops, a write is rolled back whole. */
  cancelImport: () => Promise<void>;
  undoImport: () => Promise<void>;
  loadImportTemplates: () => Promise<void>;
  saveImportTemplate: (name: string) => Promise<void>;
  applyImportTemplate: (name: string) => Promise<void>;
  /** Back to an empty wizard (another file). */
  resetImport: () => void;
}

const EMPTY_PROPOSALS: Proposals = { indicators: [], regions: [] };

const INITIAL = {
  importInspect: null,
  importMapping: null,
  importProposals: EMPTY_PROPOSALS,
  importConfirmed: [],
  importMismatches: [],
  importPreview: null,
  importCommitted: null,
  importBusy: null,
  importProgress: null,
  importCancelling: false,
  importError: null,
  importNotice: null,
} satisfies Partial<ImportSlice>;

/** The mapping as sent: the user's edits plus the new regions and indicators they confirmed. */
export function mappingToSend(mapping: ImportMapping, proposals: Proposals, confirmed: readonly string[]): ImportMapping {
  const isConfirmed = (code: string) => confirmed.includes(code);
  return {
    ...mapping,
    create: {
      indicators: [...mapping.create.indicators, ...proposals.indicators.filter((indicator) => isConfirmed(indicator.code))],
      regions: [...mapping.create.regions, ...proposals.regions.filter((region) => isConfirmed(region.code))],
    },
  };
}

export const createImportSlice: SliceCreator<ImportSlice> = (set, get) => {
  // Each request gets a number; starting over (another file) moves past it, so a late answer is dropped.
  let latestRequest = 0;
  /** The job id of the request in flight: progress polls and Cancel name it. */
  let runningJob: string | null = null;

  function send<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
    const client = get().client;
    if (!client) throw new Error(`No API client connected before calling ${method}`);
    return client(method, input);
  }

  /**
   * Runs one request as a backend job with the progress bar: polls `import.progress` while it
   * runs; Cancel (import.cancel) makes it end with IMPORT_CANCELLED. Returns undefined when it
   * failed or was cancelled.
   */
  async function run<M extends MethodName>(phase: ImportPhase, method: M, input: MethodInput<M>): Promise<MethodOutput<M> | undefined> {
    const request = ++latestRequest;
    const job = `import-${Date.now().toString(36)}-${request}`;
    runningJob = job;
    set({ importBusy: phase, importProgress: null, importCancelling: false, importError: null, importNotice: null });
    let isRunning = true;
    const poll = async () => {
      while (isRunning) {
        await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
        if (!isRunning) break;
        const progress = await send('import.progress', { job });
        if (isRunning && progress.ok && request === latestRequest) set({ importProgress: progress.value });
      }
    };
    void poll();
    const result = await send(method, (JOB_METHODS.has(method) ? { ...input, job } : input) as MethodInput<M>);
    isRunning = false;
    if (runningJob === job) runningJob = null;
    if (request !== latestRequest) return undefined;
    const wasCancelling = get().importCancelling;
    set({ importBusy: null, importProgress: null, importCancelling: false });
    if (!result.ok) {
      if (result.error.code === 'IMPORT_CANCELLED') set({ importNotice: { kind: 'cancelled' } });
      else set({ importError: result.error });
      return undefined;
    }
    if (wasCancelling) set({ importNotice: { kind: 'tooLate' } });
    return result.value;
  }

  function editMapping(edit: (mapping: ImportMapping) => ImportMapping): void {
    const mapping = get().importMapping;
    if (mapping) set({ importMapping: edit(mapping), importPreview: null, importCommitted: null });
  }

  function currentMapping(): ImportMapping | null {
    const { importMapping, importProposals, importConfirmed } = get();
    return importMapping && mappingToSend(importMapping, importProposals, importConfirmed);
  }

  return {
    importPath: '',
    importEncoding: 'auto',
    ...INITIAL,
    importTemplates: [],
    setImportPath: (path) => set({ importPath: path }),
    setImportEncoding: (encoding) => set({ importEncoding: encoding }),
    inspectImport: async (sheet) => {
      const { importPath, importEncoding } = get();
      const value = await run('inspect', 'import.inspect', { path: importPath.trim(), encoding: importEncoding, ...(sheet ? { sheet } : {}) });
      if (!value) return;
      set({
        ...INITIAL,
        importInspect: value,
        importMapping: value.mapping,
        importProposals: value.proposals,
      });
    },
    updateImportTable: (tableIndex, patch) =>
      editMapping((mapping) => ({ ...mapping, tables: mapping.tables.map((table, index) => (index === tableIndex ? { ...table, ...patch } : table)) })),
    updateImportColumn: (tableIndex, column, patch) =>
      editMapping((mapping) => ({
        ...mapping,
        tables: mapping.tables.map((table, index) =>
          index === tableIndex ? { ...table, columns: table.columns.map((entry) => (entry.column === column ? { ...entry, ...patch } : entry)) } : table,
        ),
      })),
    toggleImportCreate: (code) => {
      const confirmed = get().importConfirmed;
      set({ importConfirmed: confirmed.includes(code) ? confirmed.filter((entry) => entry !== code) : [...confirmed, code], importPreview: null, importCommitted: null });
    },
    confirmAllImportCreates: (isAll) => {
      const proposals = get().importProposals;
      set({ importConfirmed: isAll ? [...proposals.regions.map((region) => region.code), ...proposals.indicators.map((indicator) => indicator.code)] : [], importPreview: null, importCommitted: null });
    },
    previewImport: async () => {
      const mapping = currentMapping();
      if (!mapping) return;
      const { importPath, importEncoding } = get();
      const value = await run('preview', 'import.preview', { path: importPath.trim(), encoding: importEncoding, mapping, rowLimit: 2000 });
      if (value) set({ importPreview: value });
    },
    commitImport: async (isTakingSnapshot) => {
      const mapping = currentMapping();
      if (!mapping) return;
      const { importPath, importEncoding } = get();
      const value = await run('commit', 'import.commit', { path: importPath.trim(), encoding: importEncoding, mapping, snapshot: isTakingSnapshot, onRejected: 'skip' });
      if (!value) return;
      await get().loadWorkspace();
      set({ importCommitted: value, importPreview: null });
    },
    cancelImport: async () => {
      const job = runningJob;
      if (!job || get().importCancelling) return;
      set({ importCancelling: true });
      const result = await send('import.cancel', { job });
      if (!result.ok) set({ importCancelling: false, importError: result.error });
    },
    undoImport: async () => {
      const value = await run('commit', 'edit.undo', {});
      if (value === undefined) return;
      await get().loadWorkspace();
      set({ importCommitted: null, importNotice: { kind: 'undone' } });
    },
    loadImportTemplates: async () => {
      const result = await send('importTemplate.list', {});
      if (result.ok) set({ importTemplates: result.value });
    },
    saveImportTemplate: async (name) => {
      const mapping = currentMapping();
      if (!mapping) return;
      const value = await run('template', 'importTemplate.save', { name, mapping, sourceFile: get().importPath.trim() || undefined });
      if (!value) return;
      set({ importNotice: { kind: 'templateSaved', name: value.name } });
      await get().loadImportTemplates();
    },
    applyImportTemplate: async (name) => {
      const { importPath, importEncoding } = get();
      const path = importPath.trim();
      const inspected = get().importInspect?.file.path === path ? get().importInspect : await run('inspect', 'import.inspect', { path, encoding: importEncoding });
      if (!inspected) return;
      const value = await run('template', 'importTemplate.apply', { name, path, encoding: importEncoding });
      if (!value) return;
      set({
        ...INITIAL,
        importInspect: inspected,
        importMapping: value.mapping,
        importProposals: value.proposals,
        importMismatches: value.mismatches,
      });
    },
    resetImport: () => {
      latestRequest += 1;
      set({ ...INITIAL, importPath: '' });
    },
  };
};
