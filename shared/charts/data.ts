import { z } from 'zod';
import { ObservationFlag, RegionLevel } from '../api/schemas';
import { ProjectionResultSchema } from '../projections/schema';

/**
 * What a chart shows, resolved from the workspace into plain numbers: core resolves a saved spec
 * into one of these, and the option builders (pure) turn it into an ECharts option.
 */

const Label = z.string().max(2000);
/** A name or label in both languages. */
export const Names = z.object({ zh: Label, en: Label });
export type Names = z.infer<typeof Names>;

const Flags = z.array(ObservationFlag);
const Value = z.number().nullable();

export const PeriodPoint = z.object({ period: z.string().max(20), label: Names, value: Value, growthPct: Value, flags: Flags });
export type PeriodPoint = z.infer<typeof PeriodPoint>;

export const RegionEntry = z.object({
  code: z.string().max(64),
  name: Names,
  level: RegionLevel,
  value: Value,
  growthPct: Value,
  rankReported: z.number().int().nullable(),
  flags: Flags,
});
export type RegionEntry = z.infer<typeof RegionEntry>;

/** A level over periods as bars, its growth as a line on a second axis. */
export const ValueGrowthData = z.object({
  kind: z.literal('valueGrowth'),
  indicator: Names,
  region: Names,
  unit: z.string().max(40),
  points: z.array(PeriodPoint),
});

/** Growth of the city, its province and the nation in one period; gaps in percentage points. */
export const GrowthComparisonData = z.object({
  kind: z.literal('growthComparison'),
  indicator: Names,
  period: Names,
  ownCode: z.string().max(64),
  entries: z.array(RegionEntry),
});

/** Peer cities ranked by value or growth, the own city highlighted, with average lines. */
export const RankingData = z.object({
  kind: z.literal('ranking'),
  indicator: Names,
  period: Names,
  measure: z.enum(['value', 'growth']),
  /** Unit of the ranked measure ("%" for growth). */
  unit: z.string().max(40),
  ownCode: z.string().max(64),
  /** The cities that could be ranked (values and nulls). */
  entries: z.array(RegionEntry),
  /** How many peers there are (the cities of the province), ranked or not. */
  peerCount: z.number().int().nonnegative(),
  averages: z.array(z.object({ label: Names, value: z.number() })),
});

/** One series as known at several snapshots. */
export const VintagesData = z.object({
  kind: z.literal('vintages'),
  indicator: Names,
  region: Names,
  measure: z.enum(['value', 'growth']),
  unit: z.string().max(40),
  vintages: z.array(
    z.object({
      label: Names,
      isWorking: z.boolean(),
      points: z.array(PeriodPoint),
    }),
  ),
});

/** Parts building up to a total: levels (composition) or percentage points of growth (contribution). */
export const WaterfallData = z.object({
  kind: z.literal('waterfall'),
  mode: z.enum(['composition', 'contribution']),
  indicator: Names,
  region: Names,
  period: Names,
  unit: z.string().max(40),
  parts: z.array(z.object({ name: Names, value: z.number(), flags: Flags })),
  total: z.object({ name: Names, value: z.number(), flags: Flags }),
});

/** Regions by size (x) and growth (y), the own one highlighted, the province's growth as a line. */
export const ScatterData = z.object({
  kind: z.literal('scatter'),
  indicator: Names,
  period: Names,
  unit: z.string().max(40),
  ownCode: z.string().max(64),
  entries: z.array(RegionEntry),
  reference: z.object({ label: Names, growthPct: z.number() }).nullable(),
});

export const ProjectionFanData = z.object({ kind: z.literal('projectionFan'), result: ProjectionResultSchema });

export const ChartData = z.discriminatedUnion('kind', [
  ValueGrowthData,
  GrowthComparisonData,
  RankingData,
  VintagesData,
  WaterfallData,
  ScatterData,
  ProjectionFanData,
]);
export type ChartData = z.infer<typeof ChartData>;
export type ValueGrowthData = z.infer<typeof ValueGrowthData>;
export type GrowthComparisonData = z.infer<typeof GrowthComparisonData>;
export type RankingData = z.infer<typeof RankingData>;
export type VintagesData = z.infer<typeof VintagesData>;
export type WaterfallData = z.infer<typeof WaterfallData>;
export type ScatterData = z.infer<typeof ScatterData>;
export type ChartKind = ChartData['kind'];

export const CHART_KINDS = ['valueGrowth', 'growthComparison', 'ranking', 'vintages', 'waterfall', 'scatter', 'projectionFan'] as const satisfies readonly ChartKind[];
