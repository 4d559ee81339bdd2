import { z } from 'zod';
import { SnapshotRef } from '../api/schemas';
import { ScenarioSpec } from '../projections/schema';
import { CHART_KINDS } from './data';
import { CHART_THEMES } from './theme';

const Text = (max: number) => z.string().max(max);
const Query = Text(200).trim().min(1);

/**
 * A chart as the analyst asks for it and as it is saved in the workspace: what to show (names or
 * codes, resolved against the workspace when drawn) and how to frame it. Drawing the same spec
 * after an import shows the new figures; `snapshot` pins it to a frozen version.
 */
export const ChartSpec = z
  .object({
    kind: z.enum(CHART_KINDS),
    /** The indicator (code, Chinese or English name); not needed for a projection fan. */
    indicator: Query.optional(),
    /** The own region; by default the workspace's home region. */
    region: Query.optional(),
    /** Regions to compare or rank instead of the default (province and nation; the province's cities). */
    regions: z.array(Query).max(60).optional(),
    /** One period ("2024", "2024M11"); by default the latest with a figure for the own region. */
    period: Text(20).trim().min(1).optional(),
    /** First and last period of a series (value bars, vintages). */
    from: Text(20).trim().min(1).optional(),
    to: Text(20).trim().min(1).optional(),
    /** Rank, plot or compare vintages of the level or of its growth. */
    measure: z.enum(['value', 'growth']).optional(),
    /** Waterfall: the part indicators (by default the indicator's children in the catalogue). */
    parts: z.array(Query).max(30).optional(),
    mode: z.enum(['composition', 'contribution']).optional(),
    snapshot: SnapshotRef.optional(),
    /** Vintages: the snapshots to overlay (by default every snapshot and the working copy). */
    snapshots: z.array(SnapshotRef).max(24).optional(),
    /** Projection fan: a saved scenario, or a scenario given here. */
    scenario: Query.optional(),
    projection: ScenarioSpec.optional(),
    lang: z.enum(['zh', 'en']).default('zh'),
    theme: z.enum(CHART_THEMES).default('slide'),
    title: Text(300).optional(),
    subtitle: Text(500).optional(),
    note: Text(1000).optional(),
  })
  .strict()
  .superRefine((spec, context) => {
    if (spec.kind === 'projectionFan') {
      if (!spec.scenario && !spec.projection) {
        context.addIssue({ code: 'custom', path: ['scenario'], message: 'a projection fan needs a saved scenario or a projection spec / 预测扇形图需要已保存的情景或预测设定' });
      }
    } else if (!spec.indicator) {
      context.addIssue({ code: 'custom', path: ['indicator'], message: 'choose an indicator / 请选择指标' });
    }
  });
export type ChartSpec = z.infer<typeof ChartSpec>;
export type ChartSpecInput = z.input<typeof ChartSpec>;
