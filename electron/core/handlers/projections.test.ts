import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectionResult } from '../../../shared/projections/schema';
import { createBackend, type Backend } from '../backend';
import { makeTempDir } from '../testing/tempDir';

let temp: ReturnType<typeof makeTempDir>;
let backend: Backend;

const fromWorkspace = {
  base: { kind: 'workspace', indicator: '规上工业增加值', region: '丽水', period: '2024' },
  years: 6,
  rates: { base: { kind: 'constant', growthPct: 9.3 }, high: { kind: 'constant', growthPct: 10.3 }, low: { kind: 'constant', growthPct: 8.3 } },
  target: { value: 600, year: 2030 },
  share: { sharePct: 2, provinceGrowthPct: 7.5, targetSharePct: 2.5, targetYear: 2030 },
} as const;

async function ok<T = unknown>(method: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

beforeEach(() => {
  temp = makeTempDir();
  backend = createBackend({ transport: 'cli', appVersion: 'test', dataDir: path.join(temp.dir, 'data') });
});
afterEach(() => {
  backend.close();
  temp.cleanup();
});

describe('projection.run', () => {
  it('projects a typed-in base without any workspace open', async () => {
    const result = await ok<ProjectionResult>('projection.run', {
      spec: { base: { kind: 'value', value: 471.78, unit: 'billion yuan', year: 2024 }, years: 5, rates: { base: { kind: 'constant', growthPct: 9.3 } }, target: { value: 600 } },
    });
    expect(result.target?.reach).toEqual([{ key: 'base', reach: expect.objectContaining({ kind: 'reached', year: 2027 }) }]);
    expect(result.base.source).toEqual({ kind: 'input' });
  });

  it('reads the base from the working copy of the sample: 471.78 bn of Lishui in 2024 passes 600 bn in 2027', async () => {
    backend.openAtStartup();
    const result = await ok<ProjectionResult>('projection.run', { spec: fromWorkspace });
    expect(result.base).toMatchObject({
      value: 471.78,
      unit: 'billion yuan',
      startYear: 2024,
      nameZh: '规上工业增加值',
      regionZh: '丽水市',
      source: { kind: 'workspace', indicatorCode: 'industrial_value_added', regionCode: '331100', period: '2024', growthReportedPct: 9.3 },
    });
    expect(result.scenarios.map((s) => s.key)).toEqual(['base', 'high', 'low']);
    expect(result.target?.reach.map((r) => (r.reach.kind === 'reached' ? r.reach.year : r.reach.kind))).toEqual([2027, 2027, 2028]);
    expect(result.target?.required).toMatchObject({ kind: 'required', growthPct: expect.closeTo(4.0883, 4) });
    expect(result.share?.required).toMatchObject({ kind: 'required', growthPct: expect.closeTo(11.5733, 4), gapPp: expect.closeTo(4.0733, 4) });
    expect(result.briefing.zh[0]).toBe('按年均增长9.3%测算，丽水市规上工业增加值将于2027年突破6000亿元（高方案2027年，低方案2028年）。');
  });

  it('follows an edit of the working copy', async () => {
    backend.openAtStartup();
    backend.current()!.writeCells(
      [{ indicatorCode: 'industrial_value_added', regionCode: '331100', period: '2024', fields: { value: 500, growthReportedPct: 9.3, rankReported: null, flags: [], note: null, source: null } }],
      { kind: 'edit', label: 'test' },
    );
    const result = await ok<ProjectionResult>('projection.run', { spec: fromWorkspace });
    expect(result.base.value).toBe(500);
    expect(result.target?.reach[0]!.reach).toMatchObject({ year: 2027 });
  });

  it('ranks and catches up with a peer region read from the workspace', async () => {
    backend.openAtStartup();
    backend.current()!.writeCells(
      [{ indicatorCode: 'industrial_value_added', regionCode: '330800', period: '2024', fields: { value: 500, growthReportedPct: 7, rankReported: null, flags: [], note: null, source: null } }],
      { kind: 'edit', label: 'Quzhou' },
    );
    const result = await ok<ProjectionResult>('projection.run', { spec: { ...fromWorkspace, peers: [{ region: '衢州' }] } });
    expect(result.peers?.peers).toEqual([{ key: '330800', nameZh: '衢州市', nameEn: 'Quzhou', value: 500, growthPct: 7 }]);
    expect(result.peers?.catchUp[0]!.byScenario[0]!.catchUp).toMatchObject({ kind: 'catches_up', year: 2027 });
    expect(result.briefing.zh).toContain('按年均增长9.3%、衢州市年均增长7%测算，丽水市将于2027年超过衢州市。');
  });

  it('explains what it cannot use', async () => {
    const noWorkspace = await backend.dispatch('projection.run', { spec: fromWorkspace });
    expect(noWorkspace).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } });
    backend.openAtStartup();
    const monthly = await backend.dispatch('projection.run', { spec: { ...fromWorkspace, base: { ...fromWorkspace.base, period: '2024M11' } } });
    expect(monthly).toMatchObject({ ok: false, error: { code: 'PERIOD_UNPARSEABLE', message: expect.stringMatching(/whole year/) } });
    const empty = await backend.dispatch('projection.run', { spec: { ...fromWorkspace, base: { ...fromWorkspace.base, period: '2023' } } });
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageZh: expect.stringMatching(/工作副本中没有丽水市2023年“规上工业增加值”的数值/) } });
    const refused = await backend.dispatch('projection.run', { spec: { ...fromWorkspace, rates: { base: { kind: 'constant', growthPct: -100 } } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/rates\.base\.growthPct: growth must be above −100%/) } });
  });
});

describe('saved scenarios', () => {
  it('saves with codes, lists, runs by name and deletes', async () => {
    backend.openAtStartup();
    const saved = await ok<{ created: boolean; scenario: { name: string; spec: { base: unknown } } }>('scenario.save', { name: '  十五五基准  ', spec: fromWorkspace });
    expect(saved.created).toBe(true);
    expect(saved.scenario.name).toBe('十五五基准');
    expect(saved.scenario.spec.base).toEqual({ kind: 'workspace', indicator: 'industrial_value_added', region: '331100', period: '2024' });
    expect((await ok<{ name: string }[]>('scenario.list', {})).map((s) => s.name)).toEqual(['十五五基准']);

    const run = await ok<ProjectionResult>('projection.run', { scenario: '十五五基准' });
    expect(run.name).toBe('十五五基准');
    expect(run.target?.reach[0]!.reach).toMatchObject({ year: 2027 });

    expect(await ok('scenario.delete', { name: '十五五基准' })).toEqual({ deleted: true });
    expect(await ok('scenario.delete', { name: '十五五基准' })).toEqual({ deleted: false });
    const missing = await backend.dispatch('projection.run', { scenario: '十五五基准' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/No saved scenario named "十五五基准"/) } });
  });

  it('refuses to save a scenario whose base is not in the workspace', async () => {
    backend.openAtStartup();
    const result = await backend.dispatch('scenario.save', { name: 'x', spec: { ...fromWorkspace, base: { ...fromWorkspace.base, indicator: '火星产值' } } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INDICATOR_NOT_FOUND' } });
    expect(await ok('scenario.list', {})).toEqual([]);
  });
});

describe('projection.contribution', () => {
  it("gives semiconductors' contribution to the leading industries' 2024 growth", async () => {
    backend.openAtStartup();
    const report = await ok<{ result: Record<string, unknown>; total: { indicatorCode: string }; briefing: { zh: string[]; en: string[] } }>('projection.contribution', {
      indicator: '半导体产业产值',
      region: '丽水',
      period: '2024',
    });
    expect(report.total.indicatorCode).toBe('leading_industries_output');
    expect(report.result).toMatchObject({
      kind: 'contribution',
      partPriorSource: 'from_growth',
      contributionPp: expect.closeTo(2.0111, 4),
      shareOfGrowthPct: expect.closeTo(12.4913, 4),
    });
    expect(report.briefing.zh).toEqual(['2024年，丽水市半导体产业产值增长27.1%，拉动五大主导产业产值增长2.0个百分点，贡献率12.5%。']);
  });

  it('uses the prior year when it is stored', async () => {
    backend.openAtStartup();
    const fields = (value: number) => ({ value, growthReportedPct: null, rankReported: null, flags: [], note: null, source: null });
    backend.current()!.writeCells(
      [
        { indicatorCode: 'semiconductor_output', regionCode: '331100', period: '2023', fields: fields(12) },
        { indicatorCode: 'leading_industries_output', regionCode: '331100', period: '2023', fields: fields(160) },
      ],
      { kind: 'edit', label: '2023' },
    );
    const report = await ok<{ result: Record<string, unknown> }>('projection.contribution', { indicator: 'semiconductor_output', region: '331100', period: '2024' });
    expect(report.result).toMatchObject({ partPriorSource: 'stored', totalPriorSource: 'stored', contributionPp: expect.closeTo(((15.21 - 12) / 160) * 100, 12) });
  });

  it('needs a parent', async () => {
    backend.openAtStartup();
    const result = await backend.dispatch('projection.contribution', { indicator: 'industrial_value_added', region: '丽水', period: '2024' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/no parent indicator/) } });
  });
});
