import { CommanderError, InvalidArgumentError, Option, type Command } from 'commander';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { ContributionReport } from '../../shared/api/methods/projections';
import { describeRefusal } from '../../shared/projections/outcome';
import { shiftSchedule, type RateSchedule } from '../../shared/projections/rates';
import type { ProjectionResult, ScenarioSpecInput } from '../../shared/projections/schema';
import { render, toTextTable, type OutputFormat } from './output';
import { openBackend, withWorkspace, type CliIo } from './program';

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

interface ProjectOptions {
  base?: number;
  unit?: string;
  nameZh?: string;
  nameEn?: string;
  indicator?: string;
  region?: string;
  period?: string;
  growth?: number;
  growthPath?: number[];
  high?: number;
  low?: number;
  spread: number;
  years: number;
  startYear?: number;
  target?: number;
  targetYear?: number;
  provinceGrowth?: number;
  share?: number;
  targetShare?: number;
  peer?: { nameZh: string; nameEn?: string; value: number; growthPct: number }[];
  peerRegion?: string[];
  scenario?: string;
  save?: string;
  contribution?: string;
  parent?: string;
  format: OutputFormat;
}

function usage(message: string): CommanderError {
  return new CommanderError(2, 'yardstick.usage', message);
}

function numberArg(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new InvalidArgumentError('a number is needed');
  return value;
}

function growthArg(text: string): number {
  const value = numberArg(text);
  if (value <= -100) throw new InvalidArgumentError('growth must be above −100% (a fall of 100% leaves nothing to grow from) / 增速须高于−100%');
  return value;
}

function wholeArg(min: number, max: number) {
  return (text: string): number => {
    const value = numberArg(text);
    if (!Number.isInteger(value) || value < min || value > max) throw new InvalidArgumentError(`a whole number from ${min} to ${max}`);
    return value;
  };
}

function growthListArg(text: string): number[] {
  const rates = text.split(/[,，]/).map((part) => growthArg(part.trim()));
  if (rates.length === 0) throw new InvalidArgumentError('rates separated by commas, e.g. 9.3,8.5,8');
  return rates;
}

/** "衢州市/Quzhou=500@7": a peer's name (Chinese, optionally /English), level and growth. */
function peerArg(text: string, previous: ProjectOptions['peer'] = []): NonNullable<ProjectOptions['peer']> {
  const match = /^([^=/]+)(?:\/([^=]+))?=([^@]+)@(.+)$/.exec(text.trim());
  if (!match) throw new InvalidArgumentError('NAME[/ENGLISH]=VALUE@GROWTH, e.g. 衢州市/Quzhou=500@7');
  const value = numberArg(match[3]!);
  if (value <= 0) throw new InvalidArgumentError('the peer’s value must be above zero');
  const nameEn = match[2]?.trim();
  return [...previous, { nameZh: match[1]!.trim(), ...(nameEn ? { nameEn } : {}), value, growthPct: growthArg(match[4]!) }];
}

function collect(text: string, previous: string[] = []): string[] {
  return [...previous, text];
}

const SPEC_OPTIONS = [
  'base',
  'indicator',
  'growth',
  'growthPath',
  'high',
  'low',
  'target',
  'provinceGrowth',
  'share',
  'targetShare',
  'peer',
  'peerRegion',
  'startYear',
  'unit',
] as const satisfies readonly (keyof ProjectOptions)[];

/** Builds a scenario spec from the command line, or says what is missing (exit 2). */
export function specFromOptions(options: ProjectOptions, file: string | undefined, now = new Date()): ScenarioSpecInput {
  if (options.base !== undefined && options.indicator) throw usage('give either --base (a number) or --indicator/--region/--period (read from the workspace), not both');
  if (options.base === undefined && !options.indicator) throw usage('project needs a base: --base 471.78, or <workspace> --indicator … --region … --period 2024');
  if (options.indicator && !file) throw usage('--indicator reads the base from a workspace: name the workspace file first');
  if (options.indicator && (!options.region || !options.period)) throw usage('--indicator needs --region and --period (a year, e.g. 2024)');
  if (options.growth === undefined && !options.growthPath) throw usage('project needs a growth rate: --growth 9.3 (or --growth-path 9.3,8.5,8)');
  if (options.growth !== undefined && options.growthPath) throw usage('give either --growth or --growth-path, not both');
  if ((options.share === undefined) !== (options.provinceGrowth === undefined)) throw usage('a share path needs both --share (the current share, %) and --province-growth');
  if (options.targetShare !== undefined && options.share === undefined) throw usage('--target-share needs --share and --province-growth');
  if (options.targetYear !== undefined && options.target === undefined && options.targetShare === undefined) throw usage('--target-year goes with --target or --target-share');
  if (options.peerRegion?.length && !options.indicator) throw usage('--peer-region reads the peer from the workspace: use it with --indicator/--region/--period');

  const baseRate: RateSchedule =
    options.growth !== undefined ? { kind: 'constant', growthPct: options.growth } : { kind: 'perYear', growthPcts: options.growthPath! };
  const rateFor = (explicit: number | undefined, shift: number): RateSchedule | undefined =>
    explicit !== undefined ? { kind: 'constant', growthPct: explicit } : options.spread > 0 ? shiftSchedule(baseRate, shift) : undefined;
  const high = rateFor(options.high, options.spread);
  const low = rateFor(options.low, -options.spread);
  const peers = [...(options.peer ?? []), ...(options.peerRegion ?? []).map((region) => ({ region }))];

  return {
    base:
      options.base !== undefined
        ? {
            kind: 'value',
            value: options.base,
            unit: options.unit ?? '',
            // Analysts project from the last full year unless told otherwise.
            year: options.startYear ?? now.getFullYear() - 1,
            ...(options.nameZh ? { nameZh: options.nameZh } : {}),
            ...(options.nameEn ? { nameEn: options.nameEn } : {}),
          }
        : { kind: 'workspace', indicator: options.indicator!, region: options.region!, period: options.period! },
    years: options.years,
    rates: { base: baseRate, ...(high ? { high } : {}), ...(low ? { low } : {}) },
    ...(options.target !== undefined ? { target: { value: options.target, ...(options.targetYear !== undefined ? { year: options.targetYear } : {}) } } : {}),
    ...(options.share !== undefined
      ? {
          share: {
            sharePct: options.share,
            provinceGrowthPct: options.provinceGrowth!,
            ...(options.targetShare !== undefined ? { targetSharePct: options.targetShare } : {}),
            ...(options.targetShare !== undefined && options.targetYear !== undefined ? { targetYear: options.targetYear } : {}),
          },
        }
      : {}),
    ...(peers.length > 0 ? { peers } : {}),
  };
}

const round = (value: number, decimals = 2) => Number(value.toFixed(decimals));

function reachText(reach: ProjectionResult['target'] extends infer T ? (T extends { reach: (infer R)[] } ? R : never) : never): string {
  const r = reach.reach;
  switch (r.kind) {
    case 'reached':
      return `${reach.key}: ${r.year} (${round(r.years)} years)`;
    case 'already_met':
      return `${reach.key}: already met in ${r.year}`;
    case 'never':
      return `${reach.key}: never (growth at or below zero)`;
    default:
      return `${reach.key}: ${describeRefusal(r).en}`;
  }
}

/** The text form of a projection: the paths, the answers, the sensitivity table and the briefing. */
export function projectionTable(result: ProjectionResult): string {
  const lines: string[] = [];
  const { base } = result;
  const where = base.source.kind === 'workspace' ? `workspace ${base.source.indicatorCode} ${base.source.regionCode} ${base.source.period}` : 'input';
  lines.push(`${result.name ? `Scenario "${result.name}": ` : ''}${[base.regionZh, base.nameZh].filter(Boolean).join('') || 'base'} ${base.value} ${base.unit} in ${base.startYear} (${where})`.replace(/ +/g, ' '));
  const paths = result.scenarios.filter((s) => s.path.kind === 'path');
  const years = paths[0]?.path.kind === 'path' ? paths[0].path.points.map((p) => p.year) : [];
  const shareBase = result.share?.paths.find((p) => p.key === 'base')?.path;
  const header = ['year', ...paths.map((s) => s.key), ...(shareBase?.kind === 'path' ? ['share_base_pct'] : [])];
  const rows = years.map((year, index) => [
    year,
    ...paths.map((s) => (s.path.kind === 'path' ? round(s.path.points[index]!.value) : null)),
    ...(shareBase?.kind === 'path' ? [round(shareBase.points[index]!.sharePct, 3)] : []),
  ]);
  lines.push('', toTextTable(header, rows));
  for (const s of result.scenarios) if (s.path.kind === 'refused') lines.push(`${s.key}: ${describeRefusal(s.path).en}`);
  if (result.target) {
    lines.push('', `target ${result.target.value}: ${result.target.reach.map(reachText).join('; ')}`);
    const required = result.target.required;
    if (required && result.target.year !== null) {
      lines.push(
        required.kind === 'refused'
          ? `growth needed by ${result.target.year}: ${describeRefusal(required).en}`
          : `growth needed to reach ${result.target.value} by ${result.target.year}: ${round(required.growthPct, 3)}% a year${required.kind === 'already_met' ? ' (already met)' : ''}`,
      );
    }
  }
  if (result.share) {
    const { share } = result;
    if (share.reach && share.targetSharePct !== null) lines.push('', `share ${share.targetSharePct}%: ${share.reach.map(reachText).join('; ')}`);
    const required = share.required;
    if (required && share.targetYear !== null) {
      lines.push(
        required.kind === 'refused'
          ? `growth needed for the share: ${describeRefusal(required).en}`
          : `growth needed for a ${share.targetSharePct}% share by ${share.targetYear}: ${round(required.growthPct, 3)}% a year (${round(required.gapPp, 3)} pp against the province's ${share.provinceGrowthPct}%)`,
      );
    }
  }
  if (result.peers) {
    lines.push('');
    for (const { peerKey, byScenario } of result.peers.catchUp) {
      const peer = result.peers.peers.find((p) => p.key === peerKey);
      const text = byScenario.map(({ key, catchUp }) =>
        catchUp.kind === 'catches_up'
          ? `${key} ${catchUp.year}`
          : catchUp.kind === 'already_ahead'
            ? `${key} already ahead`
            : catchUp.kind === 'never'
              ? `${key} never`
              : `${key} ${describeRefusal(catchUp).en}`,
      );
      lines.push(`overtakes ${peer?.nameZh ?? peerKey} (${peer?.value} at ${peer?.growthPct}%): ${text.join('; ')}`);
    }
  }
  if (result.sensitivity.kind === 'table') {
    const table = result.sensitivity;
    lines.push('', 'sensitivity: level by growth (rows, %) and year (columns)');
    lines.push(toTextTable(['growth_pct', ...table.years.map(String)], table.values.map((row, index) => [table.growthPcts[index]!, ...row.map((v) => round(v))])));
  }
  lines.push('', ...result.briefing.zh, ...result.briefing.en);
  return lines.join('\n') + '\n';
}

/** The csv form: one row per year with each scenario's level and the base share. */
function projectionCsvTable(result: ProjectionResult) {
  const paths = result.scenarios.filter((s) => s.path.kind === 'path');
  const first = paths[0]?.path;
  const years = first?.kind === 'path' ? first.points.map((p) => p.year) : [];
  const shareBase = result.share?.paths.find((p) => p.key === 'base')?.path;
  return {
    header: ['year', ...paths.map((s) => s.key), ...(shareBase?.kind === 'path' ? ['share_base_pct'] : [])],
    rows: years.map((year, index) => [
      year,
      ...paths.map((s) => (s.path.kind === 'path' ? s.path.points[index]!.value : null)),
      ...(shareBase?.kind === 'path' ? [shareBase.points[index]!.sharePct] : []),
    ]),
  };
}

function contributionTable(report: ContributionReport) {
  const r = report.result;
  return {
    header: ['part', 'total', 'region', 'period', 'part_value', 'part_growth_pct', 'total_value', 'total_growth_pct', 'contribution_pp', 'share_of_growth_pct', 'prior_levels'],
    rows: [
      [
        report.part.indicatorCode,
        report.total.indicatorCode,
        report.regionCode,
        report.period,
        report.part.value,
        report.part.growthPct,
        report.total.value,
        report.total.growthPct,
        r.kind === 'refused' ? null : round(r.contributionPp, 4),
        r.kind === 'contribution' ? round(r.shareOfGrowthPct, 4) : null,
        r.kind === 'refused' ? describeRefusal(r).en : `${r.partPriorSource}/${r.totalPriorSource}`,
      ],
    ],
  };
}

/** Runs projection.run on a backend with no workspace open: the base was typed in. */
async function runWithoutWorkspace(input: MethodInput<'projection.run'>): Promise<ProjectionResult> {
  const backend = await openBackend();
  try {
    const result = await backend.dispatch('projection.run', input);
    if (result.ok) return result.value as ProjectionResult;
    // Without a workspace every input came from the command line: a refusal is a usage error.
    if (result.error.code === 'VALIDATION') throw usage(`${result.error.message}\n${result.error.messageZh}`);
    throw new Error(`${result.error.code}: ${result.error.message}`);
  } finally {
    backend.close();
  }
}

function output(format: OutputFormat, result: ProjectionResult): string {
  if (format === 'table') return projectionTable(result);
  return render(format, result, () => projectionCsvTable(result));
}

/** Registers `yardstick project`. */
export function registerProjectCommand(program: Command, io: CliIo): void {
  program
    .command('project')
    .description('what-if growth projections: years to a target, growth needed, share of the province, catch-up with peers')
    .argument('[file]', 'workspace file: for --indicator, --scenario, --save and --contribution')
    .option('--base <value>', 'the level to project from', numberArg)
    .option('--unit <unit>', 'unit of --base as the workspace writes it, e.g. "billion yuan" or 亿元')
    .option('--name-zh <name>', 'name for the briefing, e.g. 规上工业增加值')
    .option('--name-en <name>', 'English name for the briefing')
    .option('--indicator <query>', 'read the base from the workspace: indicator')
    .option('--region <query>', 'with --indicator: region')
    .option('--period <year>', 'with --indicator: the base year, e.g. 2024')
    .option('--growth <pct>', 'growth in % a year (the base scenario)', growthArg)
    .option('--growth-path <list>', 'growth per year instead of --growth, e.g. 9.3,8.5,8 (the last holds)', growthListArg)
    .option('--high <pct>', 'growth of the high scenario (default: base + spread)', growthArg)
    .option('--low <pct>', 'growth of the low scenario (default: base − spread)', growthArg)
    .option('--spread <pp>', 'points between the base and the high and low scenarios; 0 for the base only', numberArg, 1)
    .option('--years <n>', 'years to project', wholeArg(1, 50), 5)
    .option('--start-year <year>', 'year of --base (default: last year)', wholeArg(1900, 2200))
    .option('--target <value>', 'a level to reach, in the unit of the base', numberArg)
    .option('--target-year <year>', 'year for --target and --target-share: the growth they need', wholeArg(1900, 2200))
    .option('--province-growth <pct>', 'the province’s growth in % a year, for the share path', growthArg)
    .option('--share <pct>', 'the current share of the province in %', numberArg)
    .option('--target-share <pct>', 'a share of the province to reach, in %', numberArg)
    .option('--peer <name=value@growth>', 'a peer to overtake, e.g. 衢州市/Quzhou=500@7 (repeatable)', peerArg)
    .option('--peer-region <query>', 'a peer region of the workspace, same indicator and year (repeatable)', collect)
    .option('--scenario <name>', 'run a scenario saved in the workspace')
    .option('--save <name>', 'save these options as a scenario in the workspace, then run it')
    .option('--contribution <indicator>', "a sector's contribution to its parent's growth (with --region and --period)")
    .option('--parent <indicator>', 'with --contribution: the total (default: the parent in the catalogue)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .action(async (file: string | undefined, options: ProjectOptions) => {
      const specGiven = SPEC_OPTIONS.filter((name) => options[name] !== undefined);
      if (options.contribution) {
        if (!file) throw usage('--contribution reads the workspace: name the workspace file first');
        if (!options.region || !options.period) throw usage('--contribution needs --region and --period, e.g. --region 丽水 --period 2024');
        await withWorkspace(file, async (call: Call) => {
          const report = await call('projection.contribution', { indicator: options.contribution!, region: options.region!, period: options.period!, parent: options.parent });
          io.out(options.format === 'table' ? `${toTextTable(contributionTable(report).header, contributionTable(report).rows)}\n\n${[...report.briefing.zh, ...report.briefing.en].join('\n')}\n` : render(options.format, report, () => contributionTable(report)));
        });
        return;
      }
      if (options.scenario) {
        if (!file) throw usage('--scenario runs a scenario saved in a workspace: name the workspace file first');
        if (specGiven.length > 0 || options.save) throw usage(`--scenario runs the saved scenario as it is; drop ${specGiven.map((n) => `--${n}`).join(' ') || '--save'}`);
        await withWorkspace(file, async (call: Call) => {
          io.out(output(options.format, await call('projection.run', { scenario: options.scenario! })));
        });
        return;
      }
      const spec = specFromOptions(options, file);
      if (options.save && !file) throw usage('--save keeps the scenario in a workspace: name the workspace file first');
      if (!file) {
        io.out(output(options.format, await runWithoutWorkspace({ spec })));
        return;
      }
      await withWorkspace(file, async (call: Call) => {
        if (options.save) {
          const saved = await call('scenario.save', { name: options.save, spec });
          io.err(`${saved.created ? 'Saved' : 'Updated'} scenario "${saved.scenario.name}".\n`);
          io.out(output(options.format, await call('projection.run', { scenario: saved.scenario.name })));
        } else {
          io.out(output(options.format, await call('projection.run', { spec })));
        }
      });
    });
}
