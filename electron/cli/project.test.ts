import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectionResult } from '../../shared/projections/schema';
import { makeTempDir } from '../core/testing/tempDir';
import { runCaptured } from './testing';

let temp: ReturnType<typeof makeTempDir>;
let file: string;

const cli = runCaptured;

const ISSUE = ['project', '--base', '471.78', '--growth', '9.3', '--years', '6', '--start-year', '2024', '--unit', 'billion yuan', '--name-zh', '规上工业增加值', '--name-en', 'added value'];

beforeEach(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'lishui.sqlite');
  expect((await cli('init', file, '--sample')).code).toBe(0);
});
afterEach(() => temp.cleanup());

describe('yardstick project without a workspace', () => {
  it('answers the issue in JSON: 600 bn passed in 2027, 11.57% needed for a 2.5% share by 2030', async () => {
    const { code, out } = await cli(...ISSUE, '--target', '600', '--target-year', '2030', '--province-growth', '7.5', '--share', '2.0', '--target-share', '2.5', '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(out) as ProjectionResult;
    expect(result.scenarios.map((s) => [s.key, s.ratesPct[0]])).toEqual([
      ['base', 9.3],
      ['high', 10.3],
      ['low', 8.3],
    ]);
    expect(result.target?.reach[0]).toEqual({ key: 'base', reach: { kind: 'reached', years: expect.closeTo(2.7035548, 6), wholeYears: 3, year: 2027, valueThatYear: expect.closeTo(616.0274, 4) } });
    expect(result.share?.required).toEqual({ kind: 'required', growthPct: expect.closeTo(11.5733, 4), gapPp: expect.closeTo(4.0733, 4), years: 6 });
    expect(result.briefing.zh[0]).toBe('按年均增长9.3%测算，规上工业增加值将于2027年突破6000亿元（高方案2027年，低方案2028年）。');
    expect(result.briefing.en[0]).toBe('At 9.3% a year, added value passes 600 billion yuan in 2027 (high case 2027, low case 2028).');
    expect(result.briefing.zh).toContain('要在2030年使占全省比重达到2.5%，需年均增长11.6%，高于全省4.1个百分点。');
  });

  it('prints a table with the paths, the answers, the sensitivity table and the briefing', async () => {
    const { code, out } = await cli(...ISSUE, '--target', '600', '--peer', '衢州市/Quzhou=500@7');
    expect(code).toBe(0);
    expect(out).toMatch(/^year\s+base\s+high\s+low$/m);
    expect(out).toMatch(/^2027\s+616\.03\s+633\.09\s+599\.27$/m);
    expect(out).toMatch(/target 600: base: 2027 \(2\.7 years\); high: 2027 \(2\.45 years\); low: 2028 \(3\.02 years\)/);
    expect(out).toMatch(/overtakes 衢州市 \(500 at 7%\): base 2027; high 2026; low 2029/);
    expect(out).toMatch(/^growth_pct\s+2025\s+2026\s+2027\s+2028\s+2029\s+2030$/m);
    expect(out).toMatch(/^9\.3\s+515\.66\s+563\.61\s+616\.03/m);
    expect(out).toContain('At 9.3% a year against 7% for Quzhou, the city overtakes Quzhou in 2027.');
  });

  it('writes the paths as csv', async () => {
    const { out } = await cli(...ISSUE, '--spread', '0', '--format', 'csv');
    const lines = out.trim().split('\r\n');
    expect(lines[0]).toBe('year,base');
    expect(lines[1]).toBe('2024,471.78');
    expect(lines).toHaveLength(8);
  });

  it('says "never" for zero or negative growth toward a higher target, and "already met"', async () => {
    const never = JSON.parse((await cli(...ISSUE, '--growth', '0', '--spread', '0', '--target', '600', '--format', 'json')).out);
    expect(never.target.reach[0].reach).toEqual({ kind: 'never', reason: 'NO_GROWTH' });
    expect(never.briefing.zh[0]).toBe('按年均增长0%测算，规上工业增加值无法达到6000亿元。');
    const met = JSON.parse((await cli(...ISSUE, '--target', '400', '--spread', '0', '--format', 'json')).out);
    expect(met.target.reach[0].reach).toEqual({ kind: 'already_met', year: 2024 });
  });

  it('refuses growth at or below −100% as a usage error', async () => {
    const { code, err } = await cli('project', '--base', '471.78', '--growth', '-100');
    expect(code).toBe(2);
    expect(err).toMatch(/growth must be above −100%/);
    expect(err).toMatch(/增速须高于−100%/);
  });

  it('says what is missing and exits 2', async () => {
    expect(await cli('project', '--growth', '9.3')).toMatchObject({ code: 2, err: expect.stringMatching(/project needs a base/) });
    expect(await cli('project', '--base', '471.78')).toMatchObject({ code: 2, err: expect.stringMatching(/needs a growth rate/) });
    expect(await cli('project', '--base', '471.78', '--growth', '9.3', '--share', '2')).toMatchObject({ code: 2, err: expect.stringMatching(/needs both --share/) });
    expect(await cli('project', '--base', '471.78', '--growth', '9.3', '--scenario', 'x')).toMatchObject({ code: 2, err: expect.stringMatching(/name the workspace file/) });
    expect(await cli('project', '--base', '471.78', '--growth', '9.3', '--target-year', '2030')).toMatchObject({ code: 2, err: expect.stringMatching(/--target-year goes with/) });
  });
});

describe('yardstick project with a workspace', () => {
  it('reads the base from the workspace', async () => {
    const { code, out } = await cli('project', file, '--indicator', '规上工业增加值', '--region', '丽水', '--period', '2024', '--growth', '9.3', '--target', '600', '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(out) as ProjectionResult;
    expect(result.base).toMatchObject({ value: 471.78, startYear: 2024, source: { kind: 'workspace', indicatorCode: 'industrial_value_added' } });
    expect(result.briefing.zh[0]).toMatch(/^按年均增长9\.3%测算，丽水市规上工业增加值将于2027年突破6000亿元/);
  });

  it('saves a scenario and runs it by name with the same JSON as projection.run', async () => {
    const saved = await cli('project', file, '--indicator', 'industrial_value_added', '--region', '331100', '--period', '2024', '--growth', '9.3', '--years', '6', '--target', '600', '--target-year', '2030', '--province-growth', '7.5', '--share', '2', '--target-share', '2.5', '--save', '基准', '--format', 'json');
    expect(saved.code).toBe(0);
    expect(saved.err).toMatch(/Saved scenario "基准"/);
    const { code, out } = await cli('project', file, '--scenario', '基准', '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(out) as ProjectionResult;
    expect(result).toEqual(JSON.parse(saved.out));
    expect(result.name).toBe('基准');
    expect(result.target?.reach[0]!.reach).toMatchObject({ year: 2027 });
    expect(result.share?.required).toMatchObject({ growthPct: expect.closeTo(11.5733, 4) });
  });

  it('explains an unknown scenario and exits 1', async () => {
    const { code, err } = await cli('project', file, '--scenario', '乐观');
    expect(code).toBe(1);
    expect(err).toMatch(/No saved scenario named "乐观"/);
    expect(err).toMatch(/没有名为“乐观”的已保存情景/);
  });

  it("gives semiconductors' contribution to 2024 growth", async () => {
    const { code, out } = await cli('project', file, '--contribution', '半导体产业产值', '--region', '丽水', '--period', '2024', '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.result).toMatchObject({ kind: 'contribution', contributionPp: expect.closeTo(2.0111, 4), shareOfGrowthPct: expect.closeTo(12.4913, 4) });
    const table = await cli('project', file, '--contribution', 'semiconductor_output', '--region', '331100', '--period', '2024');
    expect(table.out).toMatch(/semiconductor_output\s+leading_industries_output\s+331100\s+2024\s+15\.21\s+27\.1\s+187\.22\s+16\.1\s+2\.0111\s+12\.4913\s+from_growth\/from_growth/);
    expect(table.out).toContain('2024年，丽水市半导体产业产值增长27.1%，拉动五大主导产业产值增长2.0个百分点，贡献率12.5%。');
  });
});
