import { projectPath, type PathResult } from './compound';
import { shiftSchedule, type RateSchedule } from './rates';

export const SCENARIO_KEYS = ['base', 'high', 'low'] as const;
export type ScenarioKey = (typeof SCENARIO_KEYS)[number];

export type ScenarioRates = { readonly base: RateSchedule } & Partial<Record<'high' | 'low', RateSchedule>>;

export interface ScenarioPath {
  readonly key: ScenarioKey;
  readonly schedule: RateSchedule;
  readonly path: PathResult;
}

/** High and low scenarios as the base schedule moved up and down by `spreadPp` percentage points. */
export function spreadScenarios(base: RateSchedule, spreadPp: number): Required<ScenarioRates> {
  return { base, high: shiftSchedule(base, spreadPp), low: shiftSchedule(base, -spreadPp) };
}

/** The path of each scenario that has rates, in the order base, high, low. */
export function projectScenarios(base: number, startYear: number, years: number, rates: ScenarioRates): ScenarioPath[] {
  return SCENARIO_KEYS.flatMap((key) => {
    const schedule = rates[key];
    return schedule ? [{ key, schedule, path: projectPath(base, startYear, schedule, years) }] : [];
  });
}
