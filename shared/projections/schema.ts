import { z } from 'zod';
import type { CatchUp } from './catchUp';
import type { PathResult } from './compound';
import type { Contribution } from './contribution';
import type { RankProjection } from './rank';
import type { RateSchedule } from './rates';
import type { SensitivityTable } from './sensitivity';
import type { RequiredShareGrowth, SharePathResult } from './share';
import type { RequiredGrowth, TargetReach } from './target';

/**
 * Schemas of a projection scenario (what is saved in the workspace and sent to projection.run)
 * and of its results. Kept beside the math so the two cannot drift apart.
 */

const Text = (max: number) => z.string().max(max);
export const Year = z.number().int().min(1900).max(2200);
export const GrowthPct = z
  .number()
  .gt(-100, 'growth must be above −100% (a fall of 100% leaves nothing to grow from) / 增速须高于−100%')
  .lte(1000, 'growth above 1000% a year is not a projection / 年增速不应超过1000%');
const Level = z.number().positive('needs a value above zero / 数值须大于零').lte(1e15);
const SharePct = z.number().positive('a share must be above zero / 比重须大于零').lte(100, 'a share is at most 100% / 比重不超过100%');
const HorizonYears = z.number().int().min(1).max(50);

export const RateScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constant'), growthPct: GrowthPct }).strict(),
  z.object({ kind: z.literal('perYear'), growthPcts: z.array(GrowthPct).min(1).max(50) }).strict(),
  z.object({ kind: z.literal('ramp'), fromPct: GrowthPct, toPct: GrowthPct, rampYears: HorizonYears }).strict(),
]);

/** The level to project from: typed in, or read from the workspace's working copy. */
export const ProjectionBase = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('value'),
      value: Level,
      /** Unit code as the workspace stores it ("billion yuan", "亿元"); empty for a bare number. */
      unit: Text(40).default(''),
      year: Year,
      nameZh: Text(200).optional(),
      nameEn: Text(200).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('workspace'),
      indicator: Text(200).min(1),
      region: Text(200).min(1),
      /** An annual period such as "2024". */
      period: Text(20).min(1),
    })
    .strict(),
]);

/** A peer to catch up with and rank against: typed in, or the same indicator of another region. */
export const PeerSpec = z.union([
  z.object({ nameZh: Text(200).min(1), nameEn: Text(200).optional(), value: Level, growthPct: GrowthPct }).strict(),
  z.object({ region: Text(200).min(1) }).strict(),
]);

/** A what-if scenario: a base, rates per scenario, and the targets to test them against. */
export const ScenarioSpec = z
  .object({
    base: ProjectionBase,
    years: HorizonYears,
    rates: z.object({ base: RateScheduleSchema, high: RateScheduleSchema.optional(), low: RateScheduleSchema.optional() }).strict(),
    /** A level to reach; with `year`, also the growth needed to reach it by then. */
    target: z.object({ value: Level, year: Year.optional() }).strict().optional(),
    /** Share of the province: the path at the scenarios' rates and the growth a target share needs. */
    share: z
      .object({
        sharePct: SharePct,
        provinceGrowthPct: GrowthPct,
        targetSharePct: SharePct.optional(),
        targetYear: Year.optional(),
      })
      .strict()
      .optional(),
    peers: z.array(PeerSpec).max(20).optional(),
    /** Rows and columns of the sensitivity table; by default ±1 and ±2 points around the base rate, every year. */
    sensitivity: z.object({ growthPcts: z.array(GrowthPct).min(1).max(21), years: z.array(HorizonYears).min(1).max(50) }).strict().optional(),
  })
  .strict();
export type ScenarioSpec = z.infer<typeof ScenarioSpec>;
export type ScenarioSpecInput = z.input<typeof ScenarioSpec>;

// ---- results ----

const Refused = z.object({
  kind: z.literal('refused'),
  reason: z.enum(['GROWTH_AT_OR_BELOW_MINUS_100', 'NON_POSITIVE_LEVEL', 'NOT_FINITE', 'NO_YEARS', 'MISSING_PRIOR', 'TOO_FEW_POINTS']),
  field: z.string(),
});

export const ScenarioKeySchema = z.enum(['base', 'high', 'low']);

const PathPoint = z.object({ year: z.number().int(), value: z.number(), growthPct: z.number().nullable() });
export const PathResultSchema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('path'), points: z.array(PathPoint) }), Refused]);

export const TargetReachSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reached'), years: z.number(), wholeYears: z.number().int(), year: z.number().int(), valueThatYear: z.number() }),
  z.object({ kind: z.literal('already_met'), year: z.number().int() }),
  z.object({ kind: z.literal('never'), reason: z.literal('NO_GROWTH') }),
  Refused,
]);

export const RequiredGrowthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('required'), growthPct: z.number(), years: z.number().int() }),
  z.object({ kind: z.literal('already_met'), growthPct: z.number(), years: z.number().int() }),
  Refused,
]);

export const RequiredShareGrowthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('required'), growthPct: z.number(), gapPp: z.number(), years: z.number().int() }),
  z.object({ kind: z.literal('already_met'), growthPct: z.number(), gapPp: z.number(), years: z.number().int() }),
  Refused,
]);

export const SharePathSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), points: z.array(z.object({ year: z.number().int(), sharePct: z.number() })) }),
  Refused,
]);

export const CatchUpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('catches_up'), years: z.number(), wholeYears: z.number().int(), year: z.number().int() }),
  z.object({ kind: z.literal('already_ahead'), year: z.number().int() }),
  z.object({ kind: z.literal('never'), reason: z.literal('NOT_FASTER') }),
  Refused,
]);

export const SensitivitySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('table'),
    growthPcts: z.array(z.number()),
    years: z.array(z.number().int()),
    values: z.array(z.array(z.number())),
    meetsTarget: z.array(z.array(z.boolean())).nullable(),
  }),
  Refused,
]);

const RankedEntry = z.object({ key: z.string(), value: z.number(), rank: z.number().int() });
export const RankProjectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ranks'), years: z.array(z.object({ year: z.number().int(), entries: z.array(RankedEntry) })) }),
  Refused,
]);

export const ContributionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('contribution'),
    partPrior: z.number(),
    totalPrior: z.number(),
    partPriorSource: z.enum(['stored', 'from_growth']),
    totalPriorSource: z.enum(['stored', 'from_growth']),
    totalGrowthPct: z.number(),
    contributionPp: z.number(),
    shareOfGrowthPct: z.number(),
  }),
  z.object({
    kind: z.literal('no_total_change'),
    partPrior: z.number(),
    totalPrior: z.number(),
    partPriorSource: z.enum(['stored', 'from_growth']),
    totalPriorSource: z.enum(['stored', 'from_growth']),
    contributionPp: z.number(),
  }),
  Refused,
]);

/** A sector's contribution to its parent's growth, as projection.contribution answers. */
const ContributionLevel = z.object({
  indicatorCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  value: z.number(),
  growthPct: z.number().nullable(),
  /** The prior period's level when the workspace stores it. */
  priorValue: z.number().nullable(),
});

export const ContributionReport = z.object({
  regionCode: z.string(),
  regionZh: z.string(),
  regionEn: z.string(),
  period: z.string(),
  priorPeriod: z.string(),
  unit: z.string(),
  part: ContributionLevel,
  total: ContributionLevel,
  result: ContributionSchema,
  briefing: z.object({ zh: z.array(z.string()), en: z.array(z.string()) }),
});
export type ContributionReport = z.infer<typeof ContributionReport>;

const Names = { nameZh: z.string(), nameEn: z.string() };

export const ResolvedBaseSchema = z.object({
  value: z.number(),
  unit: z.string(),
  startYear: z.number().int(),
  ...Names,
  regionZh: z.string().nullable(),
  regionEn: z.string().nullable(),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('input') }),
    z.object({
      kind: z.literal('workspace'),
      indicatorCode: z.string(),
      regionCode: z.string(),
      period: z.string(),
      versionId: z.number().int(),
      growthReportedPct: z.number().nullable(),
    }),
  ]),
});
export type ResolvedBase = z.infer<typeof ResolvedBaseSchema>;

export const ResolvedPeerSchema = z.object({ key: z.string(), ...Names, value: z.number(), growthPct: z.number() });
export type ResolvedPeer = z.infer<typeof ResolvedPeerSchema>;

/** Everything projection.run answers; the CLI's JSON output is exactly this. */
export const ProjectionResultSchema = z.object({
  /** The saved scenario's name, when one was run by name. */
  name: z.string().nullable(),
  spec: ScenarioSpec,
  base: ResolvedBaseSchema,
  scenarios: z.array(z.object({ key: ScenarioKeySchema, ratesPct: z.array(z.number()), path: PathResultSchema })),
  target: z
    .object({
      value: z.number(),
      year: z.number().int().nullable(),
      reach: z.array(z.object({ key: ScenarioKeySchema, reach: TargetReachSchema })),
      required: RequiredGrowthSchema.nullable(),
    })
    .nullable(),
  share: z
    .object({
      sharePct: z.number(),
      provinceGrowthPct: z.number(),
      targetSharePct: z.number().nullable(),
      targetYear: z.number().int().nullable(),
      paths: z.array(z.object({ key: ScenarioKeySchema, path: SharePathSchema })),
      reach: z.array(z.object({ key: ScenarioKeySchema, reach: TargetReachSchema })).nullable(),
      required: RequiredShareGrowthSchema.nullable(),
    })
    .nullable(),
  peers: z
    .object({
      peers: z.array(ResolvedPeerSchema),
      catchUp: z.array(z.object({ peerKey: z.string(), byScenario: z.array(z.object({ key: ScenarioKeySchema, catchUp: CatchUpSchema })) })),
      /** Ranks at each scenario's base rate for us and constant rates for the peers; key "self" is the base. */
      ranks: RankProjectionSchema,
    })
    .nullable(),
  sensitivity: SensitivitySchema,
  briefing: z.object({ zh: z.array(z.string()), en: z.array(z.string()) }),
});
export type ProjectionResult = z.infer<typeof ProjectionResultSchema>;

// The math's result types and these schemas describe the same values: the compiler checks both ways
// (here schema → type; run.ts assigns the math's results to ProjectionResult, type → schema).
const _schemaMatchesMath = {
  path: PathResultSchema satisfies z.ZodType<PathResult>,
  reach: TargetReachSchema satisfies z.ZodType<TargetReach>,
  required: RequiredGrowthSchema satisfies z.ZodType<RequiredGrowth>,
  requiredShare: RequiredShareGrowthSchema satisfies z.ZodType<RequiredShareGrowth>,
  sharePath: SharePathSchema satisfies z.ZodType<SharePathResult>,
  catchUp: CatchUpSchema satisfies z.ZodType<CatchUp>,
  sensitivity: SensitivitySchema satisfies z.ZodType<SensitivityTable>,
  ranks: RankProjectionSchema satisfies z.ZodType<RankProjection>,
  contribution: ContributionSchema satisfies z.ZodType<Contribution>,
  schedule: RateScheduleSchema satisfies z.ZodType<RateSchedule>,
};
