import path from 'node:path';
import { CommanderError, InvalidArgumentError, Option, type Command } from 'commander';
import type { AppError } from '../../shared/api/errors';
import type { ImportMapping, Proposals } from '../../shared/import/mapping';
import { confirmProposals } from '../../shared/import/propose';
import type { CommitResult, PreviewResult } from '../../shared/import/results';
import type { TemplateMismatch } from '../../shared/import/template';
import { withWorkspace, type CliIo } from './program';

/** Import and export need only their own methods: the full backend's chart libraries are not loaded. */
const openImportBackend = async () => (await import('./importBackend')).createImportBackend();

/** Exit codes of `yardstick import` beyond program.ts's 0/1/2: rows rejected, file unreadable. */
export const IMPORT_EXIT = { rejected: 3, unreadable: 4 } as const;

/** The command line prints every rejection (the API lists 2,000 unless asked for more). */
const EVERY_REJECTION = 1_000_000;

/** Failures that mean the file itself cannot be imported (exit 4), as opposed to the workspace. */
const UNREADABLE = new Set(['IMPORT_UNREADABLE', 'IMPORT_ENCRYPTED', 'IMPORT_TOO_LARGE', 'IMPORT_EMPTY', 'FILE_NOT_FOUND']);

function exitWith(code: number, message: string): CommanderError {
  // runCli returns the exit code of a 'yardstick.exit' error as is; the message was printed already.
  return new CommanderError(code, 'yardstick.exit', message);
}

function appErrorOf(error: unknown): AppError | undefined {
  const candidate = (error as { error?: AppError } | undefined)?.error;
  return candidate && typeof candidate.code === 'string' && typeof candidate.messageZh === 'string' ? candidate : undefined;
}

interface ImportOptions {
  sheet?: string;
  template?: string;
  auto: boolean;
  dryRun: boolean;
  confirmNew: boolean;
  strict: boolean;
  snapshot?: string | boolean;
  saveTemplate?: string;
  encoding: 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  format: 'table' | 'json';
}

function describeProposals(proposals: Proposals): string {
  const lines: string[] = [];
  if (proposals.indicators.length > 0) {
    lines.push(`New indicators (not in the workspace) / 新指标：`);
    for (const indicator of proposals.indicators) lines.push(`  ${indicator.code}  ${indicator.nameZh}${indicator.nameEn ? ` (${indicator.nameEn})` : ''}  [${indicator.unit || 'no unit / 无单位'}]`);
  }
  if (proposals.regions.length > 0) {
    lines.push(`New regions (not in the workspace) / 新地区：`);
    for (const region of proposals.regions) lines.push(`  ${region.code}  ${region.nameZh}${region.nameEn ? ` (${region.nameEn})` : ''}  ${region.level}${region.parentCode ? ` under ${region.parentCode}` : ''}`);
  }
  return lines.join('\n');
}

function reportText(result: PreviewResult | CommitResult, isDryRun: boolean, mismatches: readonly TemplateMismatch[]): string {
  const { counts } = result;
  const verb = isDryRun ? 'Would import' : 'Imported';
  const verbZh = isDryRun ? '预演导入' : '已导入';
  const lines = [
    `${verb} ${result.file.fileName} (${result.file.format}${result.file.encoding ? `, ${result.file.encoding}` : ''}): ${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.rejected} rejected (${counts.rejectedFigures} figures), ${counts.skipped} rows skipped.`,
    `${verbZh}：新增 ${counts.new}，修改 ${counts.changed}，未变 ${counts.unchanged}，拒绝 ${counts.rejected} 处（${counts.rejectedFigures} 个数据），跳过 ${counts.skipped} 行。`,
  ];
  for (const note of result.file.notes) lines.push(`Note: ${note}`);
  if ('created' in result) {
    if (result.created.indicators.length > 0) lines.push(`Created indicators / 新建指标: ${result.created.indicators.join(', ')}`);
    if (result.created.regions.length > 0) lines.push(`Created regions / 新建地区: ${result.created.regions.join(', ')}`);
    if (result.snapshot) lines.push(`Snapshot ${result.snapshot.seq} "${result.snapshot.label}".`);
    if (result.changeSetId !== null) lines.push(`Change set ${result.changeSetId} (undo with Edit › Undo).`);
  } else {
    if (result.creates.indicators.length > 0) lines.push(`Would create indicators / 将新建指标: ${result.creates.indicators.map((i) => i.code).join(', ')}`);
    if (result.creates.regions.length > 0) lines.push(`Would create regions / 将新建地区: ${result.creates.regions.map((r) => r.code).join(', ')}`);
    for (const problem of result.problems) lines.push(`Problem: ${problem.message} / ${problem.messageZh}`);
  }
  for (const mismatch of mismatches) lines.push(`Template: ${mismatch.message} / ${mismatch.messageZh}`);
  if (result.rejected.length > 0) {
    lines.push('Rejected / 拒绝:');
    for (const rejection of result.rejected) lines.push(`  ${rejection.address}  ${rejection.code}  ${rejection.reason}  ${rejection.reasonZh}`);
  }
  if (result.skipped.length > 0) {
    lines.push('Skipped / 跳过:');
    for (const skipped of result.skipped) lines.push(`  ${skipped.address}  ${skipped.kind}  ${skipped.reason}`);
  }
  return lines.join('\n') + '\n';
}

function snapshotOption(value: string | undefined): string | boolean {
  if (value === undefined) return true;
  if (value.trim() === '') throw new InvalidArgumentError('a snapshot label, or no value for one named after the file');
  return value;
}

/** Registers `yardstick import` and `yardstick export`. */
export function registerImportExportCommands(program: Command, io: CliIo): void {
  program
    .command('import')
    .description('import a spreadsheet (xlsx, xls, ods, csv, tsv); exit 0 imported, 3 rows rejected, 4 file unreadable, 2 usage')
    .argument('<file>', 'workspace file')
    .argument('<spreadsheet>', 'file to import')
    .option('--sheet <sheet>', 'import only this sheet')
    .option('--template <name>', 'apply a saved import template')
    .option('--auto', 'apply the detected mapping', false)
    .option('--dry-run', 'show what would be imported; write nothing', false)
    .option('--confirm-new', 'create the new indicators and regions the file needs (listed otherwise)', false)
    .option('--strict', 'write nothing when any row is rejected', false)
    .option('--snapshot [label]', 'take a snapshot after importing, named after the file unless a label is given', snapshotOption)
    .option('--save-template <name>', 'save the mapping used as a template')
    .addOption(new Option('--encoding <encoding>', 'text encoding of a csv/tsv (gb18030 also re-reads a legacy .xls as GBK)').choices(['auto', 'utf-8', 'utf-16le', 'utf-16be', 'gb18030']).default('auto'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (file: string, spreadsheet: string, options: ImportOptions) => {
      if (options.auto && options.template) throw new CommanderError(2, 'yardstick.usage', 'choose one of --auto and --template');
      // The engine's thread loads its code while this one loads the backend (it is asked for at once).
      (await import('../core/import/runner')).prestartEngineWorker();
      const sourcePath = path.resolve(spreadsheet);
      const code = await withWorkspace(file, async (call) => {
        try {
          let mapping: ImportMapping | null;
          let proposals: Proposals;
          let mismatches: TemplateMismatch[] = [];
          if (options.template) {
            const applied = await call('importTemplate.apply', { name: options.template, path: sourcePath, encoding: options.encoding });
            mapping = applied.mapping;
            proposals = applied.proposals;
            mismatches = applied.mismatches;
          } else {
            const inspected = await call('import.inspect', { path: sourcePath, sheet: options.sheet, encoding: options.encoding });
            mapping = inspected.mapping;
            proposals = inspected.proposals;
            if (!options.auto) {
              io.out(
                [
                  `${inspected.file.fileName}: ${inspected.tables.length} table(s) found / 识别到 ${inspected.tables.length} 张表`,
                  ...inspected.tables.map(
                    (table, index) =>
                      `  ${index + 1}. ${table.sheet} rows ${table.dataRows.first}-${table.dataRows.last}: ${table.title || '(no title)'}; ${table.columns.filter((c) => c.kind !== 'text' && c.kind !== 'empty').length} value columns; period ${table.period?.code ?? (table.columnsCarry === 'period' ? 'in the headers' : 'not found')}`,
                  ),
                  describeProposals(proposals),
                  '',
                ].join('\n'),
              );
              throw new CommanderError(2, 'yardstick.usage', 'nothing imported: add --auto to import with the detected mapping, or --template NAME');
            }
            if (!mapping) {
              io.err(`${inspected.file.fileName} holds no table of figures to import. / 文件中没有可导入的数据表。\n`);
              return IMPORT_EXIT.unreadable;
            }
          }
          if (!mapping) {
            for (const mismatch of mismatches) io.err(`${mismatch.message}\n${mismatch.messageZh}\n`);
            return IMPORT_EXIT.rejected;
          }
          if (options.confirmNew) mapping = confirmProposals(mapping, proposals);
          else if (proposals.indicators.length > 0 || proposals.regions.length > 0) {
            const unconfirmed = describeProposals(proposals);
            if (unconfirmed !== '') io.err(`${unconfirmed}\nFigures for these are rejected; rerun with --confirm-new to create them. / 以上指标或地区的数据被拒绝；如需新建，请加 --confirm-new 重新运行。\n`);
          }
          const result = options.dryRun
            ? await call('import.preview', { path: sourcePath, mapping, encoding: options.encoding, rowLimit: 100_000, rejectedLimit: EVERY_REJECTION })
            : await call('import.commit', { path: sourcePath, mapping, encoding: options.encoding, snapshot: options.snapshot ?? false, onRejected: options.strict ? 'abort' : 'skip', rejectedLimit: EVERY_REJECTION });
          if (options.saveTemplate) {
            await call('importTemplate.save', { name: options.saveTemplate, mapping, sourceFile: sourcePath });
          }
          if (options.format === 'json') io.out(JSON.stringify({ ...result, mismatches }, null, 2) + '\n');
          else io.out(reportText(result, options.dryRun, mismatches));
          const isStructural = mismatches.some((mismatch) => mismatch.kind !== 'extraTable');
          return result.rejected.length > 0 || isStructural ? IMPORT_EXIT.rejected : 0;
        } catch (error) {
          const appError = appErrorOf(error);
          if (appError && UNREADABLE.has(appError.code)) {
            io.err(`${appError.message}\n${appError.messageZh}\n`);
            return IMPORT_EXIT.unreadable;
          }
          if (appError && (appError.code === 'IMPORT_REJECTED' || appError.code === 'IMPORT_MAPPING_INVALID')) {
            io.err(`${appError.message}\n${appError.messageZh}\n`);
            const rejected = (appError.details?.rejected ?? []) as { address: string; reason: string }[];
            for (const rejection of rejected) io.err(`  ${rejection.address}  ${rejection.reason}\n`);
            return IMPORT_EXIT.rejected;
          }
          throw error;
        }
      }, openImportBackend);
      if (code !== 0) throw exitWith(code, `import finished with exit code ${code}`);
    });

  program
    .command('export')
    .description('export observations as xlsx (units in headers, sources sheet) or csv (UTF-8 with BOM)')
    .argument('<file>', 'workspace file')
    .addOption(new Option('--format <format>', 'file format').choices(['xlsx', 'csv']).makeOptionMandatory())
    .option('--snapshot <ref>', 'snapshot number or label (default: the working copy)')
    .option('--out <file>', 'output file (default: <workspace>-<snapshot>.<format> in the current folder)')
    .option('--indicator <query>', 'only this indicator')
    .option('--region <query>', 'only this region')
    .option('--period <period>', 'only this period')
    .option('--force', 'overwrite an existing output file', false)
    .action(async (file: string, options: { format: 'xlsx' | 'csv'; snapshot?: string; out?: string; indicator?: string; region?: string; period?: string; force: boolean }) => {
      const snapshot = options.snapshot === undefined ? undefined : /^\d+$/.test(options.snapshot) ? Number(options.snapshot) : options.snapshot;
      const base = path.basename(file).replace(/\.[A-Za-z0-9]{2,8}$/, '');
      const suffix = options.snapshot === undefined ? 'working' : String(options.snapshot).replace(/[\\/:*?"<>|\s]+/g, '_');
      const out = path.resolve(options.out ?? `${base}-${suffix}.${options.format}`);
      await withWorkspace(file, async (call) => {
        const result = await call('export.write', {
          path: out,
          format: options.format,
          snapshot,
          indicator: options.indicator,
          region: options.region,
          period: options.period,
          overwrite: options.force,
        });
        io.out(`Exported ${result.observationCount} observations (${result.snapshot.label === 'working' ? 'working copy' : `snapshot ${result.snapshot.seq} "${result.snapshot.label}"`}) to ${result.path}\n`);
      }, openImportBackend);
    });
}
