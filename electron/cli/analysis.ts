import { CommanderError, Option, type Command } from 'commander';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { TRANSFORM_SYNTAX } from '../../shared/transform';
import { AGGREGATE_TARGETS } from '../../shared/ytd';
import { render, type OutputFormat } from './output';
import { withWorkspace, type CliIo } from './program';

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/** `--transform` and `--aggregate` of `yardstick series`. */
export const transformOption = () => new Option('--transform <transform>', `transformation: ${TRANSFORM_SYNTAX} (needs --indicator and --region)`);
export const aggregateOption = () =>
  new Option('--aggregate <basis>', 'period aggregation, applied before the transformation').choices(AGGREGATE_TARGETS as string[]).default('none');

export interface TransformOptions {
  indicator?: string;
  region?: string;
  snapshot?: number | string;
  transform: string;
  aggregate: string;
  format: OutputFormat;
  lang: string;
}

/** The output of `series … --transform`: one row per period, with its label, value, unit and the reason when there is no value. */
export async function transformedSeriesOutput(call: Call, options: TransformOptions): Promise<string> {
  if (!options.indicator || !options.region) {
    // The code runCli reports as a usage error (exit 2).
    throw new CommanderError(2, 'yardstick.usage', '--transform needs --indicator and --region, e.g. --indicator 规上工业增加值 --region 丽水');
  }
  const series = await call('series.transform', {
    indicator: options.indicator,
    region: options.region,
    transform: options.transform,
    aggregate: options.aggregate as 'none',
    snapshot: options.snapshot,
  });
  const isEnglish = options.lang === 'en';
  const unit = isEnglish ? series.unitLabel.en : series.unitLabel.zh;
  return render(options.format, series, () => ({
    header: ['indicator', 'region', 'period', 'label', 'value', 'unit', 'reported_growth_pct', 'reason'],
    rows: series.points.map((p) => [
      series.indicatorCode,
      series.regionCode,
      p.period,
      isEnglish ? p.labelEn : p.labelZh,
      p.value,
      unit,
      p.reportedGrowthPct ?? null,
      p.reason ? (isEnglish ? p.reason.en : p.reason.zh) : null,
    ]),
  }));
}

/** Registers `yardstick brief`. */
export function registerAnalysisCommands(program: Command, io: CliIo): void {
  program
    .command('brief')
    .description('a paragraph on one indicator, region and period, from the workspace numbers')
    .argument('<file>', 'workspace file')
    .requiredOption('--indicator <query>', 'indicator code, Chinese or English name')
    .requiredOption('--region <query>', 'region code, Chinese or English name, or pinyin (lsh)')
    .requiredOption('--period <period>', 'period code: 2024, 2024Q3, 2024M11')
    .option('--snapshot <ref>', 'snapshot number or label, or "working"')
    .addOption(new Option('--lang <lang>', 'language of the paragraph').choices(['zh', 'en']).default('zh'))
    .addOption(new Option('--format <format>', 'text: the paragraph; json: paragraph, facts and warnings').choices(['text', 'json']).default('text'))
    .action(async (file: string, options: { indicator: string; region: string; period: string; snapshot?: string; lang: 'zh' | 'en'; format: 'text' | 'json' }) => {
      await withWorkspace(file, async (call) => {
        const snapshot = options.snapshot === undefined ? undefined : /^\d+$/.test(options.snapshot) ? Number(options.snapshot) : options.snapshot;
        const brief = await call('brief.get', { indicator: options.indicator, region: options.region, period: options.period, snapshot, lang: options.lang });
        io.out(options.format === 'json' ? JSON.stringify(brief, null, 2) + '\n' : `${brief.text}\n`);
      });
    });
}
