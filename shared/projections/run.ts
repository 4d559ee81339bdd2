import { briefingFor } from './briefing';
import { catchUpYear } from './catchUp';
import { averageOfRates } from './history';
import { normaliseRates, ratesForYears, constantRate } from './rates';
import { projectRanks, type Contender } from './rank';
import { projectScenarios, type ScenarioKey } from './scenarios';
import type { ProjectionResult, ResolvedBase, ResolvedPeer, ScenarioSpec } from './schema';
import { growthGrid, sensitivityTable } from './sensitivity';
import { requiredGrowthForShare, sharePath, whenShareReached } from './share';
import { requiredGrowthByYear, whenReached } from './target';

/** Key of the projected region among peers in rank results. */
export const SELF_KEY = 'self';

/** The default rows of the sensitivity table: ±1 and ±2 points around the base scenario's average rate. */
function defaultSensitivityRates(spec: ScenarioSpec, years: number): number[] {
  const rates = normaliseRates(spec.rates.base);
  if ('kind' in rates) return [];
  const average = averageOfRates(ratesForYears(rates, years));
  if (average.kind !== 'average') return [];
  const centre = Math.round(average.growthPct * 10) / 10;
  return growthGrid(centre, 1, 2).filter((pct) => pct > -100);
}

/**
 * Runs a scenario whose base (and peers) have been resolved to numbers: the paths of each
 * scenario, when the target is reached, the growth it needs, the share of the province, catch-up
 * with peers, a sensitivity table, and briefing sentences built from those numbers.
 */
export function runProjection(spec: ScenarioSpec, base: ResolvedBase, peers: readonly ResolvedPeer[], name: string | null = null): ProjectionResult {
  const { startYear, value } = base;
  const scenarioPaths = projectScenarios(value, startYear, spec.years, spec.rates);
  const scenarios = scenarioPaths.map(({ key, schedule, path }) => {
    const rates = normaliseRates(schedule);
    return { key, ratesPct: 'kind' in rates ? [] : ratesForYears(rates, spec.years), path };
  });
  const withRates = scenarioPaths.map(({ key, schedule }) => ({ key, schedule }));

  const target = spec.target
    ? {
        value: spec.target.value,
        year: spec.target.year ?? null,
        reach: withRates.map(({ key, schedule }) => ({ key, reach: whenReached(value, spec.target!.value, schedule, startYear) })),
        required: spec.target.year === undefined ? null : requiredGrowthByYear(value, spec.target.value, startYear, spec.target.year),
      }
    : null;

  const shareSpec = spec.share;
  const share = shareSpec
    ? {
        sharePct: shareSpec.sharePct,
        provinceGrowthPct: shareSpec.provinceGrowthPct,
        targetSharePct: shareSpec.targetSharePct ?? null,
        targetYear: shareSpec.targetYear ?? null,
        paths: withRates.map(({ key, schedule }) => ({
          key,
          path: sharePath(shareSpec.sharePct, schedule, constantRate(shareSpec.provinceGrowthPct), startYear, spec.years),
        })),
        reach:
          shareSpec.targetSharePct === undefined
            ? null
            : withRates.map(({ key, schedule }) => ({
                key,
                reach: whenShareReached(shareSpec.sharePct, shareSpec.targetSharePct!, schedule, constantRate(shareSpec.provinceGrowthPct), startYear),
              })),
        required:
          shareSpec.targetSharePct === undefined || shareSpec.targetYear === undefined
            ? null
            : requiredGrowthForShare(shareSpec.sharePct, shareSpec.targetSharePct, shareSpec.provinceGrowthPct, startYear, shareSpec.targetYear),
      }
    : null;

  const peerResults =
    peers.length > 0
      ? {
          peers: [...peers],
          catchUp: peers.map((peer) => ({
            peerKey: peer.key,
            byScenario: withRates.map(({ key, schedule }) => ({
              key,
              catchUp: catchUpYear({ value, growth: schedule }, { value: peer.value, growth: constantRate(peer.growthPct) }, startYear),
            })),
          })),
          ranks: projectRanks(
            [
              { key: SELF_KEY, value, growth: spec.rates.base },
              ...peers.map((peer): Contender => ({ key: peer.key, value: peer.value, growth: constantRate(peer.growthPct) })),
            ],
            startYear,
            spec.years,
          ),
        }
      : null;

  const sensitivityYears = spec.sensitivity?.years ?? Array.from({ length: spec.years }, (_, index) => index + 1);
  const sensitivity = sensitivityTable(
    value,
    startYear,
    spec.sensitivity?.growthPcts ?? defaultSensitivityRates(spec, spec.years),
    sensitivityYears,
    spec.target?.value,
  );

  const result: Omit<ProjectionResult, 'briefing'> = {
    name,
    spec,
    base,
    scenarios,
    target,
    share,
    peers: peerResults,
    sensitivity,
  };
  return { ...result, briefing: briefingFor(result) };
}

export type { ScenarioKey };
