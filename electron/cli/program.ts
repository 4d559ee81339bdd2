import path from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { AppError } from '../../shared/api/errors';
import type { Catalog, Observation } from '../../shared/api/schemas';
import { APP_VERSION } from '../../shared/version';
import type { Backend } from '../core/backend';
import { render, type OutputFormat } from './output';
import { aggregateOption, registerAnalysisCommands, transformedSeriesOutput, transformOption } from './analysis';
import { registerProjectCommand } from './project';
import { registerChartCommands } from './charts';
import { registerImportExportCommands } from './importExport';

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes: 0 success, 1 a failure the message explains, 2 a usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

class CliFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

const formatOption = (formats: readonly OutputFormat[]) =>
  new Option('--format <format>', 'output format').choices(formats).default('table' as OutputFormat);
const langOption = () => new Option('--lang <lang>', 'language of names in tables').choices(['zh', 'en']).default('zh');

function usage(message: string): CommanderError {
  return new CommanderError(EXIT.usage, 'yardstick.usage', message);
}

function snapshotRef(text: string): number | string {
  if (text.trim() === '') throw new InvalidArgumentError('a snapshot number, label or "working" is needed');
  return /^\d+$/.test(text) ? Number(text) : text;
}

/** The backend, loaded on first use: `--help`, `--version` and import do not load it (nor its chart libraries). */
export async function openBackend(): Promise<Backend> {
  const [{ createBackend }, { defaultDataDir }] = await Promise.all([import('../core/backend'), import('../server/serve')]);
  return createBackend({ transport: 'cli', appVersion: APP_VERSION, dataDir: defaultDataDir() });
}

/** A backend (`open`: the full one unless a command needs less) with one workspace open, for one command. */
export async function withWorkspace<T>(file: string, step: (call: Call) => Promise<T>, open: () => Promise<Backend> = openBackend): Promise<T> {
  const backend = await open();
  try {
    const opened = backend.openAtStartup(file);
    if (!opened.ok) throw new CliFailure(opened.error);
    return await step(caller(backend));
  } finally {
    backend.close();
  }
}

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

function caller(backend: Backend): Call {
  return async (method, input) => {
    const result = await backend.dispatch(method, input);
    if (!result.ok) throw new CliFailure(result.error);
    return result.value as MethodOutput<typeof method>;
  };
}

function observationTable(observations: readonly Observation[], catalog: Catalog, lang: string) {
  const indicators = new Map(catalog.indicators.map((i) => [i.code, i]));
  const regions = new Map(catalog.regions.map((r) => [r.code, r]));
  const name = (item: { nameZh: string; nameEn: string } | undefined, code: string) => (item ? (lang === 'en' ? item.nameEn : item.nameZh) : code);
  return {
    header: ['indicator', 'name', 'region', 'region_name', 'period', 'value', 'unit', 'growth_reported_pct', 'rank_reported', 'flags'],
    rows: observations.map((o) => [
      o.indicatorCode,
      name(indicators.get(o.indicatorCode), o.indicatorCode),
      o.regionCode,
      name(regions.get(o.regionCode), o.regionCode),
      o.period,
      o.value,
      o.unit,
      o.growthReportedPct,
      o.rankReported,
      o.flags.join(','),
    ]),
  };
}

export function buildProgram(io: CliIo): Command {
  const program = new Command('yardstick')
    .description('Yardstick (对标): indicator workspaces from the terminal')
    .version(APP_VERSION)
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showHelpAfterError();

  program
    .command('init')
    .description('create a workspace file, empty or with the Lishui 2024 sample')
    .argument('<file>', 'new .sqlite file')
    .option('--sample', 'fill it with the sample workspace', false)
    .action(async (file: string, options: { sample: boolean }) => {
      const backend = await openBackend();
      try {
        const info = await caller(backend)('workspace.create', { path: path.resolve(file), sample: options.sample });
        io.out(`Created ${info.path} (${info.observationCount} observations${info.lastSnapshot ? `, snapshot "${info.lastSnapshot.label}"` : ''}).\n`);
      } finally {
        backend.close();
      }
    });

  program
    .command('series')
    .description('observations as of a snapshot (default: the working copy)')
    .argument('<file>', 'workspace file')
    .option('--indicator <query>', 'indicator code, Chinese or English name')
    .option('--region <query>', 'region code, Chinese or English name')
    .option('--period <period>', 'period code: 2024, 2024Q3, 2024M11')
    .option('--snapshot <ref>', 'snapshot number or label, or "working"', snapshotRef)
    .addOption(formatOption(['table', 'json', 'csv']))
    .addOption(langOption())
    .addOption(transformOption())
    .addOption(aggregateOption())
    .action(async (file: string, options: { indicator?: string; region?: string; period?: string; snapshot?: number | string; format: OutputFormat; lang: string; transform?: string; aggregate: string }) => {
      await withWorkspace(file, async (call) => {
        if (options.transform) return io.out(await transformedSeriesOutput(call, { ...options, transform: options.transform }));
        const observations = await call('series.query', {
          indicator: options.indicator,
          region: options.region,
          period: options.period,
          snapshot: options.snapshot,
        });
        const catalog = options.format === 'json' ? undefined : await call('catalog.get', {});
        io.out(render(options.format, observations, () => observationTable(observations, catalog!, options.lang)));
      });
    });

  program
    .command('snapshot')
    .description('list, create, compare and restore snapshots: snapshot <file> list | create --label L | diff A B | restore S')
    .argument('<file>', 'workspace file')
    .addArgument(new Argument('<action>', 'what to do').choices(['list', 'create', 'diff', 'restore']))
    .argument('[refs...]', 'for diff: two snapshot numbers or labels, or "working"; for restore: one snapshot')
    .option('--label <label>', 'for create: name of the snapshot, e.g. 2024年1-11月月报')
    .option('--note <note>', 'for create: a note kept with the snapshot')
    .addOption(formatOption(['table', 'json', 'csv']))
    .action(async (file: string, action: 'list' | 'create' | 'diff' | 'restore', refs: string[], options: { label?: string; note?: string; format: OutputFormat }) => {
      if (action === 'create' && !options.label) throw usage('snapshot create needs --label, e.g. --label 2024年1-11月月报');
      if (action === 'diff' && refs.length !== 2) throw usage('snapshot diff needs two snapshots: diff A B (a number, a label or "working")');
      if (action === 'restore' && refs.length !== 1) throw usage('snapshot restore needs one snapshot: restore S (a number or a label)');
      if ((action === 'list' || action === 'create') && refs.length > 0) throw usage(`unexpected arguments: ${refs.join(' ')}`);
      await withWorkspace(file, async (call) => {
        if (action === 'list') {
          const snapshots = await call('snapshot.list', {});
          io.out(
            render(options.format, snapshots, () => ({
              header: ['seq', 'label', 'created_at', 'kind', 'observations', 'source_file'],
              rows: snapshots.map((s) => [s.seq, s.label, s.createdAt, s.kind, s.observationCount, s.sourceFile]),
            })),
          );
        } else if (action === 'create') {
          const created = await call('snapshot.create', { label: options.label!, note: options.note });
          io.out(options.format === 'json' ? JSON.stringify(created, null, 2) + '\n' : `Snapshot ${created.seq} "${created.label}" (${created.observationCount} observations).\n`);
        } else if (action === 'restore') {
          const restored = await call('snapshot.restore', { snapshot: snapshotRef(refs[0]!) });
          io.out(
            options.format === 'json'
              ? JSON.stringify(restored, null, 2) + '\n'
              : `Restored snapshot ${restored.snapshot.seq} "${restored.snapshot.label}" into the working copy: ${restored.cellCount} cells changed (undoable).\n`,
          );
        } else {
          const diff = await call('snapshot.diff', { from: snapshotRef(refs[0]!), to: snapshotRef(refs[1]!) });
          io.out(
            render(options.format, diff, () => ({
              header: ['change', 'indicator', 'region', 'period', 'old_value', 'new_value', 'unit', 'old_growth_pct', 'new_growth_pct', 'old_rank', 'new_rank'],
              rows: diff.rows.map((r) => [r.change, r.indicatorCode, r.regionCode, r.period, r.oldValue, r.newValue, r.unit, r.oldGrowthReportedPct, r.newGrowthReportedPct, r.oldRankReported, r.newRankReported]),
            })),
          );
        }
      });
    });

  program
    .command('history')
    .description('every version of one cell')
    .argument('<file>', 'workspace file')
    .requiredOption('--indicator <query>', 'indicator')
    .requiredOption('--region <query>', 'region')
    .requiredOption('--period <period>', 'period')
    .addOption(formatOption(['table', 'json', 'csv']))
    .action(async (file: string, options: { indicator: string; region: string; period: string; format: OutputFormat }) => {
      await withWorkspace(file, async (call) => {
        const history = await call('observation.history', { indicator: options.indicator, region: options.region, period: options.period });
        io.out(
          render(options.format, history, () => ({
            header: ['version', 'value', 'unit', 'growth_reported_pct', 'rank_reported', 'first_snapshot', 'recorded_at'],
            rows: history.versions.map((v) => [v.versionId, v.value, history.unit, v.growthReportedPct, v.rankReported, v.firstSnapshotLabel ?? '(working copy)', v.recordedAt]),
          })),
        );
      });
    });

  program
    .command('serve')
    .description('serve the browser edition on 127.0.0.1')
    .argument('[file]', 'workspace file (default: the sample in your data folder)')
    .option('--port <port>', 'port (default: any free port)', (text) => {
      const port = Number(text);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a whole number from 0 to 65535');
      return port;
    })
    .action(async (file: string | undefined, options: { port?: number }) => {
      try {
        const { serve } = await import('../server/serve');
        const host = await serve({ workspace: file, port: options.port, appVersion: APP_VERSION });
        io.out(`Yardstick browser edition: ${host.launchUrl}\n`);
      } catch (error) {
        const appError = (error as { appError?: AppError }).appError;
        if (appError) throw new CliFailure(appError);
        throw error;
      }
    });

  registerAnalysisCommands(program, io);
  registerProjectCommand(program, io);
  registerImportExportCommands(program, io);
  registerChartCommands(program, io);
  return program;
}

/** Runs one command line; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CliFailure) {
      io.err(`${error.error.message}\n${error.error.messageZh}\n`);
      return EXIT.failed;
    }
    if (error instanceof CommanderError) {
      if (error.code === 'yardstick.usage') io.err(`error: ${error.message}\n`);
      if (error.code === 'yardstick.exit') return error.exitCode;
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
}
