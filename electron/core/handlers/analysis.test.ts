import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import { createBackend, type Backend } from '../backend';
import { makeTempDir } from '../testing/tempDir';

let temp: ReturnType<typeof makeTempDir>;
let backend: Backend;

beforeEach(async () => {
  temp = makeTempDir();
  backend = createBackend({ transport: 'cli', appVersion: 'test', dataDir: path.join(temp.dir, 'data') });
  await call('workspace.create', { path: path.join(temp.dir, 'lishui.sqlite'), sample: true });
});
afterEach(() => {
  backend.close();
  temp.cleanup();
});

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

describe('brief.get on the sample workspace', () => {
  it('writes the headline sentence in Chinese and English from the workspace numbers', async () => {
    const brief = await call('brief.get', { indicator: 'industrial_value_added', region: '丽水', period: '2024' });
    expect(brief.zh).toContain('规上工业增加值4717.8亿元，同比增长9.3%，增速全省第5，高于全省平均1.8个百分点');
    expect(brief.en).toContain(
      'Added value of industries above designated size was 471.78 billion yuan, up 9.3% year on year, 5th in the province, 1.8 percentage points above the provincial average',
    );
    expect(brief.text).toBe(brief.zh);
    // No national figures are in the report: the national gap is left out, not invented.
    expect(brief.zh).not.toContain('全国');
    expect(brief.en).not.toContain('national');
    expect(brief.facts.map((f) => f.key)).toEqual(['value', 'growth', 'rank', 'gap_province']);
  });

  it('says which gap figure it uses and that it agrees with the provincial growth', async () => {
    const brief = await call('brief.get', { indicator: 'industrial_value_added', region: '331100', period: '2024', lang: 'en' });
    const gap = brief.facts.find((f) => f.key === 'gap_province');
    expect(gap).toMatchObject({ value: 1.8, unit: 'pp', basis: 'stored_indicator', indicatorCode: 'industrial_value_added_gap_province', regionCode: '330000' });
    expect(gap?.en).toContain('agrees with 1.8 points computed from Zhejiang');
    expect(brief.warnings).toEqual([]);
    expect(brief.text).toBe(brief.en);
  });

  it('states the contribution of a part to the growth of its whole', async () => {
    const brief = await call('brief.get', { indicator: 'digital_core_mfg_value_added', region: 'lsh', period: '2024' });
    expect(brief.zh).toContain('规上数字经济核心产业制造业增加值41.13亿元，同比增长25.0%，增速全省第2，高于全省平均17.4个百分点，拉动规上工业增加值增长0.2个百分点');
    expect(brief.facts.find((f) => f.key === 'contribution')).toMatchObject({ basis: 'computed_from_growth', indicatorCode: 'industrial_value_added' });
  });

  it('reports a revision since the last snapshot', async () => {
    await call('workspace.info', {});
    const workspace = backend.current()!;
    workspace.writeCells(
      [{ indicatorCode: 'industrial_value_added', regionCode: '331100', period: '2024', fields: { value: 480, growthReportedPct: 9.3, rankReported: 5, flags: [], note: null, source: 'test' } }],
      { kind: 'edit', label: 'edit' },
    );
    const brief = await call('brief.get', { indicator: 'industrial_value_added', region: '331100', period: '2024' });
    expect(brief.zh).toContain('较快照“丽水市经信局2024年工作报告（样例）”，数值由4717.8亿元修订为4800亿元。');
    expect(brief.en).toContain('Revised since snapshot “丽水市经信局2024年工作报告（样例）”: value from 471.78 billion yuan to 480 billion yuan.');
    // As of the snapshot itself there is no earlier snapshot, so no revision is stated.
    const frozen = await call('brief.get', { indicator: 'industrial_value_added', region: '331100', period: '2024', snapshot: 1 });
    expect(frozen.zh).toContain('4717.8亿元');
    expect(frozen.facts.some((f) => f.key === 'revision')).toBe(false);
  });

  it('leaves out what is missing and refuses a bad period', async () => {
    const brief = await call('brief.get', { indicator: 'it_services_revenue', region: '331100', period: '2024' });
    // The province holds no figure for it, so the printed rank is stated without claiming a scope.
    expect(brief.zh).toBe('软件和信息技术服务业收入增速排名第1。');
    expect(brief.en).toBe('Revenue from IT services: ranked 1st by growth.');
    const sector = await call('brief.get', { indicator: 'semiconductor_output', region: '331100', period: '2024' });
    expect(sector.zh).toBe('半导体产业产值152.1亿元，同比增长27.1%，增速排名第2，拉动五大主导产业产值增长2.0个百分点。');
    const none = await call('brief.get', { indicator: 'industrial_value_added', region: '331100', period: '2023' });
    expect(none.facts).toEqual([]);
    expect(none.zh).toBe('丽水市2023年规上工业增加值暂无数据。');
    const bad = await backend.dispatch('brief.get', { indicator: 'industrial_value_added', region: '331100', period: 'last year' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'PERIOD_UNPARSEABLE' } });
  });
});

describe('overview.get on the sample workspace', () => {
  it('shows the pinned headline cards with value, growth, rank and gap', async () => {
    const overview = await call('overview.get', {});
    expect(overview.region.code).toBe('331100');
    expect(overview.cards.map((c) => c.indicatorCode)).toEqual(['industrial_value_added', 'digital_core_mfg_value_added', 'leading_industries_output', 'semiconductor_output']);
    const [headline, digital] = overview.cards;
    expect(headline).toMatchObject({
      period: '2024',
      value: 471.78,
      valueText: { zh: '4717.8亿元', en: '471.78 billion yuan' },
      growthPct: 9.3,
      growthBasis: 'reported',
      rank: 5,
      gapProvincePp: 1.8,
      gapNationPp: null,
      hasFailure: false,
    });
    expect(headline?.recent).toEqual([{ period: '2024', labelZh: '2024年', labelEn: '2024', value: 471.78, growthReportedPct: 9.3 }]);
    expect(headline?.brief.zh).toContain('高于全省平均1.8个百分点');
    expect(digital).toMatchObject({ value: 4.113, growthPct: 25, rank: 2, gapProvincePp: 17.4 });
    expect(digital?.valueText?.en).toBe('4.113 billion yuan');
  });
});

describe('series.transform', () => {
  /** Made-up year-to-date figures (亿元), Jan–Feb combined, for 2023 and 2024. */
  const YTD_2023 = [80, 130, 175, 223, 275, 322, 368, 418, 467, 518, 578];
  const YTD_2024 = [88, 143, 192.5, 242.5, 299.7, 348.7, 397, 449.5, 503.4, 559.5, 622.5];

  beforeEach(async () => {
    await call('workspace.info', {});
    const workspace = backend.current()!;
    workspace.catalog.addIndicator(
      { code: 'test_ytd_output', nameZh: '测试累计产值', nameEn: 'Test YTD output', unit: '亿元', kind: 'flow', accumulation: 'ytd', category: 'industry', parentCode: null, sourceNote: null },
      999,
    );
    const cells = [...YTD_2023.map((v, i) => [2023, i, v] as const), ...YTD_2024.map((v, i) => [2024, i, v] as const)].map(([year, i, value]) => ({
      indicatorCode: 'test_ytd_output',
      regionCode: '331100',
      period: `${year}M${String(i + 2).padStart(2, '0')}`,
      fields: { value, growthReportedPct: year === 2024 ? 8 : null, rankReported: null, flags: [], note: null, source: 'test' },
    }));
    workspace.writeCells(cells, { kind: 'test', label: 'ytd' });
  });

  it('gives single months from year to date and their growth from a year ago', async () => {
    const singles = await call('series.transform', { indicator: 'test_ytd_output', region: '丽水', aggregate: 'single' });
    const of2024 = singles.points.filter((p) => p.period.startsWith('2024'));
    expect(of2024.map((p) => p.value)).toEqual([88, 55, 49.5, 50, 57.2, 49, 48.3, 52.5, 53.9, 56.1, 63]);
    expect(of2024[0]).toMatchObject({ period: '2024M02', startMonth: 1, labelZh: '2024年1-2月', labelEn: 'Jan–Feb 2024' });
    expect(of2024[9]).toMatchObject({ period: '2024M11', labelZh: '2024年11月', value: 56.1 });

    const yoy = await call('series.transform', { indicator: 'test_ytd_output', region: '331100', aggregate: 'single', transform: 'yoy' });
    expect(yoy.unit).toBe('%');
    const growth = Object.fromEntries(yoy.points.filter((p) => p.period.startsWith('2024')).map((p) => [p.period, p.value]));
    expect(growth['2024M02']).toBeCloseTo(10, 10);
    expect(growth['2024M03']).toBeCloseTo(10, 10);
    expect(growth['2024M05']).toBeCloseTo((50 / 48 - 1) * 100, 10);
    expect(growth['2024M11']).toBeCloseTo(10, 10);
    expect(growth['2024M12']).toBeCloseTo(5, 10);
    // 2023 has no year before it in the workspace: a reason, not NaN.
    expect(yoy.points[0]).toMatchObject({ value: null, reason: { code: 'MISSING_INPUT', periods: ['2022M02'] } });
  });

  it('keeps reported growth next to growth computed from year-to-date levels', async () => {
    const yoy = await call('series.transform', { indicator: 'test_ytd_output', region: '331100', transform: 'yoy' });
    const november = yoy.points.find((p) => p.period === '2024M11');
    expect(november).toMatchObject({ labelZh: '2024年1-11月', reportedGrowthPct: 8 });
    expect(november?.value).toBeCloseTo((559.5 / 518 - 1) * 100, 10);
  });

  it('aggregates to quarters before transforming and returns gap and share with their units', async () => {
    const quarters = await call('series.transform', { indicator: 'test_ytd_output', region: '331100', aggregate: 'quarter', transform: 'yoy' });
    expect(quarters.points.find((p) => p.period === '2024Q4')?.value).toBeCloseTo((173 / 160 - 1) * 100, 10);
    const gap = await call('series.transform', { indicator: 'industrial_value_added', region: '331100', transform: 'gap' });
    expect(gap).toMatchObject({ unit: 'pp', unitLabel: { zh: '个百分点', en: 'percentage points' }, against: { kind: 'region', code: '330000' } });
    expect(gap.points).toEqual([expect.objectContaining({ period: '2024', value: 1.8, basis: 'reported' })]);
    const share = await call('series.transform', { indicator: 'digital_core_mfg_value_added', region: '331100', transform: 'share' });
    expect(share).toMatchObject({ unit: '%', against: { kind: 'indicator', code: 'industrial_value_added' } });
    expect(share.points[0]?.value).toBeCloseTo((4.113 / 471.78) * 100, 10);
    const invalid = await backend.dispatch('series.transform', { indicator: 'x', region: 'y', transform: 'logs' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('catalog.search', () => {
  it('finds 丽水 by pinyin initials', async () => {
    const hits = await call('catalog.search', { query: 'lsh' });
    expect(hits[0]).toMatchObject({ kind: 'region', code: '331100', nameZh: '丽水市' });
  });
});

describe('overview.setPins', () => {
  const pinnedCodes = async (region?: string) => (await call('overview.get', region ? { region } : {})).cards.map((card) => card.indicatorCode);

  it('sets the pinned indicators in card order and the home region, and they survive a reopen', async () => {
    const before = await pinnedCodes();
    expect(before.length).toBeGreaterThan(1);
    const [first, second] = before as [string, string];
    const next = [second, 'industrial_land_supply', first];
    const saved = await call('overview.setPins', { indicators: next, region: '衢州' });
    expect(saved).toEqual({ indicators: next, region: expect.objectContaining({ nameZh: '衢州市' }) });

    backend.close();
    backend = createBackend({ transport: 'cli', appVersion: 'test', dataDir: path.join(temp.dir, 'data') });
    await call('workspace.open', { path: path.join(temp.dir, 'lishui.sqlite') });
    const overview = await call('overview.get', {});
    expect(overview.cards.map((card) => card.indicatorCode)).toEqual(next);
    expect(overview.region.nameZh).toBe('衢州市');
    // Without a region only the pins change.
    await call('overview.setPins', { indicators: [] });
    expect((await call('overview.get', {})).cards).toEqual([]);
    expect((await call('overview.get', {})).region.nameZh).toBe('衢州市');
  });

  it('refuses an unknown indicator, a repeated one or an unknown region, and changes nothing', async () => {
    const before = await pinnedCodes();
    const unknown = await backend.dispatch('overview.setPins', { indicators: ['industrial_value_added', 'no_such_indicator'] });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INDICATOR_NOT_FOUND', details: { codes: ['no_such_indicator'] } } });
    if (!unknown.ok) expect(unknown.error.messageZh).toContain('no_such_indicator');
    const twice = await backend.dispatch('overview.setPins', { indicators: ['industrial_value_added', 'industrial_value_added'] });
    expect(twice).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const region = await backend.dispatch('overview.setPins', { indicators: ['industrial_land_supply'], region: '火星' });
    expect(region).toMatchObject({ ok: false, error: { code: 'REGION_NOT_FOUND' } });
    expect(await pinnedCodes()).toEqual(before);
  });
});
