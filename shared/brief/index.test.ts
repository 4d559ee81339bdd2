import { describe, expect, it } from 'vitest';
import { partExceedsWhole } from './checks';
import { buildBrief, findGapIndicators, type BriefInput } from './index';

const lishui = { code: '331100', nameZh: '丽水市', nameEn: 'Lishui', level: 'city' } as const;
const zhejiang = { code: '330000', nameZh: '浙江省', nameEn: 'Zhejiang', level: 'province' } as const;
const china = { code: 'CN', nameZh: '中国', nameEn: 'China', level: 'nation' } as const;
const output = { code: 'output', nameZh: '工业产值', nameEn: 'Industrial output', unit: '亿元', kind: 'flow', accumulation: 'point' } as const;
const observation = (value: number | null, growthReportedPct: number | null = null, rankReported: number | null = null) => ({ value, growthReportedPct, rankReported });

const base: BriefInput = { indicator: output, region: lishui, period: '2024', observation: observation(1200, -2.3) };

describe('buildBrief', () => {
  it('words declines and gaps below the average, to the province and the nation', () => {
    const brief = buildBrief({
      ...base,
      province: { region: zhejiang, observation: observation(null, 1.2) },
      nation: { region: china, observation: observation(null, -2.3) },
    });
    expect(brief.zh).toBe('工业产值1200亿元，同比下降2.3%，低于全省平均3.5个百分点，与全国平均持平。');
    expect(brief.en).toBe('Industrial output was 120 billion yuan, down 2.3% year on year, 3.5 percentage points below the provincial average, in line with the national average.');
    expect(brief.facts.find((f) => f.key === 'gap_province')).toMatchObject({ value: -3.5, basis: 'computed_from_growth', regionCode: '330000' });
  });

  it('warns when a stored gap disagrees with the one computed from growth, and uses the stored one', () => {
    const brief = buildBrief({ ...base, province: { region: zhejiang, observation: observation(null, 1.2), storedGap: { indicatorCode: 'output_gap_province', value: -3.0 } } });
    expect(brief.zh).toContain('低于全省平均3.0个百分点');
    expect(brief.warnings).toEqual([expect.objectContaining({ code: 'GAP_DISAGREES' })]);
  });

  it('computes growth from levels when none is reported, and says so', () => {
    const brief = buildBrief({ ...base, observation: observation(110), yearAgoValue: 100 });
    expect(brief.zh).toBe('工业产值110亿元，同比增长10.0%（按数值计算）。');
    expect(brief.facts.find((f) => f.key === 'growth_computed')).toMatchObject({ basis: 'computed_from_levels', isStated: true });
  });

  it('ranks by reported growth when no rank is printed and every peer has growth', () => {
    const peers = [
      { regionCode: '331100', growthReportedPct: 9.3 },
      { regionCode: '330100', growthReportedPct: 10.1 },
      { regionCode: '330200', growthReportedPct: 8.0 },
    ];
    const brief = buildBrief({ ...base, observation: observation(1200, 9.3), peers });
    expect(brief.zh).toContain('增速全省第2');
    expect(brief.en).toContain('2nd in the province');
    expect(brief.facts.find((f) => f.key === 'rank')?.basis).toBe('computed_from_growth');
    expect(buildBrief({ ...base, observation: observation(1200, 9.3), peers: [...peers, { regionCode: '330300', growthReportedPct: null }] }).facts.some((f) => f.key === 'rank')).toBe(false);
  });

  it('writes a lower bound as printed and states an addition since the snapshot', () => {
    const brief = buildBrief({ ...base, observation: { ...observation(23), flags: ['lower_bound'] }, revision: { snapshotLabel: '月报', previous: null } });
    expect(brief.zh).toBe('工业产值超过23亿元。该数据为快照“月报”之后新增。');
    expect(brief.en).toBe('Industrial output was over 2.3 billion yuan. This figure was added after snapshot “月报”.');
  });
});

describe('findGapIndicators', () => {
  it('matches stored gap indicators by the leading part of the code', () => {
    const indicators = [
      { code: 'industrial_value_added_gap_province', unit: 'pp' },
      { code: 'digital_core_mfg_gap_province', unit: 'pp' },
      { code: 'leading_industries_output_gap_city', unit: 'pp' },
    ];
    expect(findGapIndicators('industrial_value_added', indicators)).toEqual({ province: 'industrial_value_added_gap_province', nation: undefined });
    expect(findGapIndicators('digital_core_mfg_value_added', indicators).province).toBe('digital_core_mfg_gap_province');
    expect(findGapIndicators('leading_industries_output', indicators)).toEqual({ province: undefined, nation: undefined });
  });
});

describe('partExceedsWhole', () => {
  it('flags a part larger than its whole across units', () => {
    const part = { nameZh: '其中', nameEn: 'of which', value: 687, unit: '项', flags: ['as_printed'] };
    const whole = { nameZh: '荣誉', nameEn: 'honours', value: 69, unit: '项' };
    expect(partExceedsWhole(part, whole)?.zh).toContain('按原文保留');
    expect(partExceedsWhole({ ...part, value: 4.113, unit: 'billion yuan' }, { ...whole, value: 4717.8, unit: '亿元' })).toBeNull();
  });
});
