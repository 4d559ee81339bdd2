import type { HandlersOf } from '../../../shared/api/contract';
import { AppFailure } from '../../../shared/api/errors';
import type { ContributionReport, projectionMethods } from '../../../shared/api/methods/projections';
import type { Observation } from '../../../shared/api/schemas';
import { parsePeriod } from '../../../shared/periods';
import { contributionSentences } from '../../../shared/projections/briefing';
import { contributionToGrowth } from '../../../shared/projections/contribution';
import { runProjection } from '../../../shared/projections/run';
import type { ResolvedBase, ResolvedPeer, ScenarioSpec } from '../../../shared/projections/schema';
import { convert } from '../../../shared/units';
import { ScenarioRepository } from '../store/scenarioRepository';
import type { Workspace } from '../workspace';
import type { HandlerContext } from './context';

const repositories = new WeakMap<Workspace, ScenarioRepository>();

/** The scenario repository of an open workspace, prepared once per workspace. */
function scenariosOf(workspace: Workspace): ScenarioRepository {
  let repository = repositories.get(workspace);
  if (!repository) {
    repository = new ScenarioRepository(workspace.db);
    repositories.set(workspace, repository);
  }
  return repository;
}

function missingValue(what: { indicator: string; region: string; period: string }, detail: string, detailZh: string): AppFailure {
  return new AppFailure(
    'VALIDATION',
    `The working copy has no ${detail} for ${what.indicator} in ${what.region}, ${what.period}. Enter it first, or give the number directly.`,
    `工作副本中没有${what.region}${what.period}年“${what.indicator}”的${detailZh}。请先录入，或直接输入数值。`,
    what,
  );
}

/** The one observation of a cell in the working copy, or undefined. */
function cell(workspace: Workspace, indicator: string, region: string, period: string): Observation | undefined {
  return workspace.querySeries({ indicator, region, period })[0];
}

/** Same period one year earlier: 2024 → 2023, 2024M11 → 2023M11. */
function priorYearPeriod(code: string): string | undefined {
  const period = parsePeriod(code);
  if (!period) return undefined;
  return parsePeriod(`${period.year - 1}${code.slice(4)}`)?.code;
}

function annualPeriod(text: string): { code: string; year: number } {
  const period = parsePeriod(text);
  if (!period || period.frequency !== 'year') {
    throw new AppFailure(
      'PERIOD_UNPARSEABLE',
      `A projection starts from a whole year: use a period such as 2024 (got "${text}").`,
      `预测须从整年起算：请使用如 2024 的年份（收到“${text}”）。`,
      { period: text },
    );
  }
  return { code: period.code, year: period.year };
}

interface Resolved {
  base: ResolvedBase;
  peers: ResolvedPeer[];
  /** The spec with workspace names replaced by codes, as it is saved. */
  normalised: ScenarioSpec;
}

/** Reads the base level (and peers named by region) of a spec from the working copy. */
function resolveSpec(spec: ScenarioSpec, workspace: () => Workspace): Resolved {
  const peers = spec.peers ?? [];
  if (spec.base.kind === 'value') {
    if (peers.some((peer) => 'region' in peer)) {
      throw new AppFailure(
        'VALIDATION',
        'A peer named by region needs a base read from the workspace (indicator, region, period); give the peer’s value and growth instead.',
        '按地区指定的对标城市需要从工作区读取基数（指标、地区、期别）；否则请直接输入对标城市的数值和增速。',
      );
    }
    const { value, unit, year, nameZh, nameEn } = spec.base;
    return {
      base: { value, unit, startYear: year, nameZh: nameZh ?? '', nameEn: nameEn ?? '', regionZh: null, regionEn: null, source: { kind: 'input' } },
      peers: peers.flatMap((peer, index) => ('value' in peer ? [typedPeer(peer, index)] : [])),
      normalised: spec,
    };
  }
  const open = workspace();
  const indicator = open.findIndicator(spec.base.indicator);
  const region = open.findRegion(spec.base.region);
  const period = annualPeriod(spec.base.period);
  const names = { indicator: indicator.nameZh, region: region.nameZh, period: period.code };
  const observation = cell(open, indicator.code, region.code, period.code);
  if (!observation || observation.value === null) throw missingValue(names, 'value', '数值');
  if (observation.value <= 0) {
    throw new AppFailure(
      'VALIDATION',
      `Compound growth needs a base above zero; ${indicator.nameEn} in ${region.nameEn}, ${period.code} is ${observation.value}.`,
      `复合增长的基数须大于零；${region.nameZh}${period.code}年“${indicator.nameZh}”为${observation.value}。`,
      names,
    );
  }
  const resolvedPeers = peers.map((peer, index): ResolvedPeer => {
    if ('value' in peer) return typedPeer(peer, index);
    // A peer region: the same indicator and year, at its reported growth.
    const peerRegion = open.findRegion(peer.region);
    const peerCell = cell(open, indicator.code, peerRegion.code, period.code);
    const peerNames = { ...names, region: peerRegion.nameZh };
    if (!peerCell || peerCell.value === null || peerCell.value <= 0) throw missingValue(peerNames, 'value', '数值');
    if (peerCell.growthReportedPct === null || peerCell.growthReportedPct <= -100) throw missingValue(peerNames, 'growth rate', '增速');
    return { key: peerRegion.code, nameZh: peerRegion.nameZh, nameEn: peerRegion.nameEn, value: peerCell.value, growthPct: peerCell.growthReportedPct };
  });
  return {
    base: {
      value: observation.value,
      unit: observation.unit,
      startYear: period.year,
      nameZh: indicator.nameZh,
      nameEn: indicator.nameEn,
      regionZh: region.nameZh,
      regionEn: region.nameEn,
      source: {
        kind: 'workspace',
        indicatorCode: indicator.code,
        regionCode: region.code,
        period: period.code,
        versionId: observation.versionId,
        growthReportedPct: observation.growthReportedPct,
      },
    },
    peers: resolvedPeers,
    normalised: {
      ...spec,
      base: { kind: 'workspace', indicator: indicator.code, region: region.code, period: period.code },
      ...(spec.peers ? { peers: spec.peers.map((peer, index) => ('value' in peer ? peer : { region: resolvedPeers[index]!.key })) } : {}),
    },
  };
}

type ValuePeer = Extract<NonNullable<ScenarioSpec['peers']>[number], { value: number }>;

function typedPeer(peer: ValuePeer, index: number): ResolvedPeer {
  return { key: `peer${index + 1}`, nameZh: peer.nameZh, nameEn: peer.nameEn ?? peer.nameZh, value: peer.value, growthPct: peer.growthPct };
}

function savedSpec(workspace: Workspace, name: string): ScenarioSpec {
  const saved = scenariosOf(workspace).byName(name);
  if (!saved) {
    const known = scenariosOf(workspace)
      .list()
      .map((s) => s.name);
    throw new AppFailure(
      'VALIDATION',
      `No saved scenario named "${name}".${known.length ? ` Saved: ${known.join('; ')}` : ' None is saved yet.'}`,
      `没有名为“${name}”的已保存情景。${known.length ? `已保存：${known.join('；')}` : '尚未保存任何情景。'}`,
      { name, known },
    );
  }
  if (!saved.spec) {
    throw new AppFailure(
      'VALIDATION',
      `The saved scenario "${name}" cannot be read by this version (${saved.problem}). Save it again from the scenario editor.`,
      `已保存的情景“${name}”无法被本版本读取（${saved.problem}）。请在情景编辑器中重新保存。`,
      { name },
    );
  }
  return saved.spec;
}

function contribution(workspace: Workspace, input: { indicator: string; region: string; period: string; parent?: string }): ContributionReport {
  const part = workspace.findIndicator(input.indicator);
  if (!input.parent && !part.parentCode) {
    throw new AppFailure(
      'VALIDATION',
      `${part.nameEn} has no parent indicator in the catalogue; name the total with "parent".`,
      `“${part.nameZh}”在目录中没有上级指标；请用 parent 指定合计指标。`,
      { indicator: part.code },
    );
  }
  const total = workspace.findIndicator(input.parent ?? part.parentCode!);
  const region = workspace.findRegion(input.region);
  const period = parsePeriod(input.period);
  if (!period) {
    throw new AppFailure('PERIOD_UNPARSEABLE', `"${input.period}" is not a period. Write a year (2024), a quarter (2024Q3) or a month (2024M11).`, `“${input.period}”不是有效的期别。请写年份（2024）、季度（2024Q3）或月份（2024M11）。`, {
      period: input.period,
    });
  }
  const prior = priorYearPeriod(period.code)!;
  const read = (indicator: typeof part) => {
    const now = cell(workspace, indicator.code, region.code, period.code);
    if (!now || now.value === null) throw missingValue({ indicator: indicator.nameZh, region: region.nameZh, period: period.code }, 'value', '数值');
    const before = cell(workspace, indicator.code, region.code, prior);
    return { now, priorValue: before?.value ?? null };
  };
  const partCells = read(part);
  const totalCells = read(total);
  // Part and total are compared in the total's unit.
  const inTotalUnit = (value: number | null): number | null => {
    if (value === null || partCells.now.unit === totalCells.now.unit) return value;
    const converted = convert(value, partCells.now.unit, totalCells.now.unit);
    if (!converted.ok) {
      throw new AppFailure(
        'VALIDATION',
        `${part.nameEn} (${partCells.now.unit}) and ${total.nameEn} (${totalCells.now.unit}) are not in comparable units.`,
        `“${part.nameZh}”（${partCells.now.unit}）与“${total.nameZh}”（${totalCells.now.unit}）单位不可比。`,
      );
    }
    return converted.value;
  };
  const partLevel = { value: inTotalUnit(partCells.now.value)!, priorValue: inTotalUnit(partCells.priorValue), growthPct: partCells.now.growthReportedPct };
  const totalLevel = { value: totalCells.now.value!, priorValue: totalCells.priorValue, growthPct: totalCells.now.growthReportedPct };
  const result = contributionToGrowth(partLevel, totalLevel);
  const level = (indicator: typeof part, values: typeof partLevel) => ({
    indicatorCode: indicator.code,
    nameZh: indicator.nameZh,
    nameEn: indicator.nameEn,
    value: values.value,
    growthPct: values.growthPct,
    priorValue: values.priorValue,
  });
  const report = {
    regionCode: region.code,
    regionZh: region.nameZh,
    regionEn: region.nameEn,
    period: period.code,
    priorPeriod: prior,
    unit: totalCells.now.unit,
    part: level(part, partLevel),
    total: level(total, totalLevel),
    result,
  };
  return { ...report, briefing: contributionSentences(report) };
}

export function projectionHandlers(context: HandlerContext): HandlersOf<typeof projectionMethods> {
  const { requireWorkspace } = context;
  return {
    'projection.run': (input) => {
      if ('scenario' in input) {
        const workspace = requireWorkspace();
        const spec = savedSpec(workspace, input.scenario);
        const { base, peers } = resolveSpec(spec, () => workspace);
        return runProjection(spec, base, peers, input.scenario);
      }
      // A base typed in needs no workspace: the CLI projects without one.
      const { base, peers } = resolveSpec(input.spec, requireWorkspace);
      return runProjection(input.spec, base, peers);
    },
    'projection.contribution': (input) => contribution(requireWorkspace(), input),
    'scenario.list': () => scenariosOf(requireWorkspace()).list(),
    'scenario.save': ({ name, spec }) => {
      const workspace = requireWorkspace();
      // A spec naming a workspace base is checked against the workspace, and saved with codes, not names.
      const { normalised } = resolveSpec(spec, () => workspace);
      return scenariosOf(workspace).save(name, normalised, new Date().toISOString());
    },
    'scenario.delete': ({ name }) => ({ deleted: scenariosOf(requireWorkspace()).delete(name) }),
  };
}
