import { z } from 'zod';
import { ContributionReport, ProjectionResultSchema, ScenarioSpec } from '../../projections/schema';
import { Text } from '../schemas';
import type { MethodSpec } from './spec';

const Empty = z.object({}).strict();
const ScenarioName = Text(200).trim().min(1, 'a scenario needs a name / 情景须有名称');

/** A saved scenario; `spec` is null (and `problem` says why) when the stored spec cannot be read by this version. */
export const SavedScenario = z.object({
  id: z.number().int(),
  name: Text(200),
  spec: ScenarioSpec.nullable(),
  problem: Text(2000).nullable(),
  createdAt: Text(40),
  updatedAt: Text(40),
});
export type SavedScenario = z.infer<typeof SavedScenario>;

export { ContributionReport };

/** What-if growth projections and the scenarios saved in the workspace. */
export const projectionMethods = {
  'projection.run': {
    input: z.union([z.object({ spec: ScenarioSpec }).strict(), z.object({ scenario: ScenarioName }).strict()]),
    output: ProjectionResultSchema,
    summary: 'Project a scenario (given, or saved by name): paths, target year, required growth, share, catch-up, sensitivity, briefing.',
  },
  'projection.contribution': {
    input: z
      .object({
        indicator: Text(200).min(1),
        region: Text(200).min(1),
        period: Text(20).min(1),
        /** The total to contribute to; by default the indicator's parent in the catalogue. */
        parent: Text(200).min(1).optional(),
      })
      .strict(),
    output: ContributionReport,
    summary: "A sector's contribution to its parent's growth in percentage points and share of growth.",
  },
  'scenario.list': { input: Empty, output: z.array(SavedScenario), summary: 'Scenarios saved in the workspace, by name.' },
  'scenario.save': {
    input: z.object({ name: ScenarioName, spec: ScenarioSpec }).strict(),
    output: z.object({ scenario: SavedScenario, created: z.boolean() }),
    summary: 'Save a scenario under a name, replacing the spec of one with the same name.',
  },
  'scenario.delete': {
    input: z.object({ name: ScenarioName }).strict(),
    output: z.object({ deleted: z.boolean() }),
    summary: 'Delete a saved scenario by name; deleted is false when there was none.',
  },
} as const satisfies Record<string, MethodSpec>;
