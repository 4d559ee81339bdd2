import { z } from 'zod';
import { FACT_BASES, FACT_KEYS } from '../../brief';
import { parseTransform, TRANSFORM_SYNTAX } from '../../transform';
import { AGGREGATE_TARGETS, REASON_CODES } from '../../ytd';
import { Code, SnapshotRef, Text } from '../schemas';
import type { MethodSpec } from './spec';

const Language = z.enum(['zh', 'en']);
const Bilingual = z.object({ zh: Text(4000), en: Text(4000) });

/** Why a value could not be derived (never NaN). */
export const DerivationReason = z.object({
  code: z.enum(REASON_CODES as [string, ...string[]]),
  en: Text(1000),
  zh: Text(1000),
  periods: z.array(Code),
});

export const BriefFact = z.object({
  key: z.enum(FACT_KEYS as [string, ...string[]]),
  value: z.number().nullable(),
  unit: Text(40),
  basis: z.enum(FACT_BASES as [string, ...string[]]),
  isStated: z.boolean(),
  zh: Text(1000),
  en: Text(1000),
  previous: z.number().nullable().optional(),
  regionCode: Code.optional(),
  indicatorCode: Code.optional(),
});
export type BriefFact = z.infer<typeof BriefFact>;

export const BriefWarning = z.object({ code: z.enum(['GAP_DISAGREES']), zh: Text(1000), en: Text(1000) });

export const BriefResult = z.object({
  indicatorCode: Code,
  regionCode: Code,
  period: Code,
  snapshot: z.object({ seq: z.number().int(), label: Text(200) }),
  title: Bilingual,
  zh: Text(4000),
  en: Text(4000),
  /** The paragraph in the requested language. */
  text: Text(4000),
  facts: z.array(BriefFact),
  warnings: z.array(BriefWarning),
});
export type BriefResult = z.infer<typeof BriefResult>;

export const ConsistencyFailure = z.object({ code: z.enum(['PART_EXCEEDS_WHOLE', 'GAP_DISAGREES']), zh: Text(1000), en: Text(1000) });
export type ConsistencyFailure = z.infer<typeof ConsistencyFailure>;

export const OverviewPoint = z.object({
  period: Code,
  labelZh: Text(40),
  labelEn: Text(40),
  value: z.number().nullable(),
  growthReportedPct: z.number().nullable(),
});

/** One pinned indicator on the overview. Gaps are in percentage points; null when not known. */
export const OverviewCard = z.object({
  indicatorCode: Code,
  nameZh: Text(200),
  nameEn: Text(200),
  unit: Text(40),
  accumulation: z.enum(['point', 'ytd']),
  /** Latest period with a figure, or null when the region has none for this indicator. */
  period: Code.nullable(),
  periodLabel: Bilingual.nullable(),
  value: z.number().nullable(),
  valueText: Bilingual.nullable(),
  growthPct: z.number().nullable(),
  growthBasis: z.enum(['reported', 'computed_from_levels']).nullable(),
  /** Growth computed from levels, shown next to the reported one. */
  growthComputedPct: z.number().nullable(),
  rank: z.number().int().nullable(),
  gapProvincePp: z.number().nullable(),
  gapNationPp: z.number().nullable(),
  /** Recent periods of the same frequency, oldest first, as stored (year-to-date values stay year to date). */
  recent: z.array(OverviewPoint),
  failures: z.array(ConsistencyFailure),
  hasFailure: z.boolean(),
  brief: Bilingual,
});
export type OverviewCard = z.infer<typeof OverviewCard>;

export const Overview = z.object({
  region: z.object({ code: Code, nameZh: Text(200), nameEn: Text(200) }),
  snapshot: z.object({ seq: z.number().int(), label: Text(200) }),
  cards: z.array(OverviewCard),
});
export type Overview = z.infer<typeof Overview>;

export const TransformedPoint = z.object({
  period: Code,
  startMonth: z.number().int().min(1).max(12),
  labelZh: Text(40),
  labelEn: Text(40),
  value: z.number().nullable(),
  reason: DerivationReason.nullable(),
  reportedGrowthPct: z.number().nullable().optional(),
  basis: z.enum(['reported', 'computed']).optional(),
});

export const TransformedSeries = z.object({
  indicatorCode: Code,
  regionCode: Code,
  /** Fixed order: period aggregation, then the transformation. */
  aggregate: z.enum(AGGREGATE_TARGETS as [string, ...string[]]),
  transform: Text(40),
  unit: Text(40),
  unitLabel: Bilingual,
  base: Code.optional(),
  /** The parent (share) or comparator (gap) the series was computed against. */
  against: z.object({ kind: z.enum(['region', 'indicator']), code: Code }).optional(),
  points: z.array(TransformedPoint),
});
export type TransformedSeries = z.infer<typeof TransformedSeries>;

export const SearchHit = z.object({
  kind: z.enum(['region', 'indicator']),
  code: Code,
  nameZh: Text(200),
  nameEn: Text(200),
  matchedBy: Text(40),
  score: z.number(),
});

const TransformText = Text(40)
  .min(1)
  .refine((text) => parseTransform(text) !== undefined, { message: `not a transformation; use ${TRANSFORM_SYNTAX}` });

/** The most indicators the overview pins. */
export const MAX_PINNED = 40;

/** What the overview shows: its pinned indicators in order and its home region. */
export const PinSettings = z.object({
  indicators: z.array(Code),
  region: z.object({ code: Code, nameZh: Text(200), nameEn: Text(200) }),
});
export type PinSettings = z.infer<typeof PinSettings>;

/** Periods, transformations, the written brief, the overview and catalogue search. */
export const analysisMethods = {
  'brief.get': {
    input: z
      .object({
        indicator: Text(200).min(1),
        region: Text(200).min(1),
        period: Text(20).min(1),
        snapshot: SnapshotRef.optional(),
        lang: Language.default('zh'),
      })
      .strict(),
    output: BriefResult,
    summary: 'A paragraph in Chinese and English on one indicator, region and period, with every number it states.',
  },
  'overview.get': {
    input: z.object({ snapshot: SnapshotRef.optional(), region: Text(200).min(1).optional() }).strict(),
    output: Overview,
    summary: 'Cards for the pinned indicators of the home region: value, growth, rank, gaps, recent periods, brief.',
  },
  'overview.setPins': {
    input: z
      .object({
        /** Pinned indicator codes in the order the cards show them; an empty list unpins all. */
        indicators: z
          .array(Code)
          .max(MAX_PINNED)
          .refine((codes) => new Set(codes).size === codes.length, { message: 'each indicator may be pinned once' }),
        /** The overview's home region (code, Chinese or English name); unchanged when absent. */
        region: Text(200).min(1).optional(),
      })
      .strict(),
    output: PinSettings,
    summary: 'Set the overview’s pinned indicators (in card order) and, optionally, its home region, in one transaction.',
  },
  'series.transform': {
    input: z
      .object({
        indicator: Text(200).min(1),
        region: Text(200).min(1),
        transform: TransformText.default('level'),
        aggregate: z.enum(AGGREGATE_TARGETS as [string, ...string[]]).default('none'),
        /** For gap: the comparator region (default: the province, or the nation for a province). */
        comparator: Text(200).min(1).optional(),
        /** For share: the parent region or the parent indicator (default: the indicator's parent if it has one). */
        shareOf: z.enum(['region', 'indicator']).optional(),
        snapshot: SnapshotRef.optional(),
      })
      .strict(),
    output: TransformedSeries,
    summary: `One series aggregated (none|single|ytd|quarter|year), then transformed (${TRANSFORM_SYNTAX}), with its unit.`,
  },
  'catalog.search': {
    input: z
      .object({
        query: Text(100),
        kinds: z.array(z.enum(['region', 'indicator'])).max(2).optional(),
        limit: z.number().int().min(1).max(100).default(20),
      })
      .strict(),
    output: z.array(SearchHit),
    summary: 'Regions and indicators by code, Chinese, pinyin (lsh → 丽水) or English, best first.',
  },
} as const satisfies Record<string, MethodSpec>;
