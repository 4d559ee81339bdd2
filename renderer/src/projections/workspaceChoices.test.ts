import { describe, expect, it } from 'vitest';
import type { Catalog, Indicator, Observation, Region } from '../../../shared/api/schemas';
import {
  baseIndicators,
  basePeriods,
  baseRegions,
  contributionCells,
  contributionParts,
  defaultDraft,
  entryUnits,
  inLanguage,
  peerRegions,
  provinceGrowthHint,
  shareHint,
  withBaseChoice,
  withBaseKind,
} from './workspaceChoices';

const region = (code: string, nameZh: string, level: Region['level'], parentCode: string | null): Region => ({ code, nameZh, nameEn: nameZh, level, parentCode });
const indicator = (code: string, unit: string, kind: Indicator['kind'], parentCode: string | null = null, nameZh = code, nameEn = code): Indicator => ({
  code,
  nameZh,
  nameEn,
  unit,
  kind,
  accumulation: 'point',
  category: 'industry',
  parentCode,
  sourceNote: null,
});
let version = 0;
const cell = (indicatorCode: string, regionCode: string, period: string, value: number | null, growthReportedPct: number | null, unit = 'billion yuan'): Observation => ({
  versionId: ++version,
  indicatorCode,
  regionCode,
  period,
  value,
  unit,
  growthReportedPct,
  rankReported: null,
  flags: [],
  note: null,
  source: null,
  fromSeq: 1,
});

const catalog: Catalog = {
  categories: [],
  regions: [region('330000', '浙江省', 'province', null), region('330800', '衢州市', 'city', '330000'), region('331100', '丽水市', 'city', '330000')],
  indicators: [
    indicator('iva', 'billion yuan', 'flow', null, '规上工业增加值'),
    indicator('share', '%', 'share', null, '规上工业占全省比重', 'Share of provincial industrial output'),
    indicator('projects_share', '%', 'share', null, '制造业项目占比'),
    indicator('leading', 'billion yuan', 'flow'),
    indicator('semis', 'billion yuan', 'flow', 'leading'),
    indicator('count', '个', 'count', 'leading'),
  ],
};
const observations: Observation[] = [
  cell('iva', '330000', '2024', null, 7.5),
  cell('iva', '331100', '2023', 431.6, 8),
  cell('iva', '331100', '2024', 471.78, 9.3),
  cell('iva', '331100', '2024M11', 420, 9.1),
  cell('iva', '330800', '2024', 500, 7),
  cell('share', '331100', '2024', 2, null, '%'),
  cell('projects_share', '331100', '2024', 81.4, null, '%'),
  cell('leading', '331100', '2024', 187.22, 16.1),
  cell('semis', '331100', '2024', 15.21, 27.1),
];

describe('workspace choices of a base', () => {
  it('offers whole years with a level above zero', () => {
    expect(baseIndicators(catalog, observations).map((i) => i.code)).toEqual(['iva', 'share', 'projects_share', 'leading', 'semis']);
    expect(baseRegions(catalog, observations, 'iva').map((r) => r.code)).toEqual(['330800', '331100']);
    expect(basePeriods(observations, 'iva', '331100')).toEqual(['2024', '2023']);
  });

  it('opens on the navigator’s choice, or the first city, at the latest year and its reported growth', () => {
    const draft = defaultDraft(catalog, observations, { indicator: null, region: null }, 'zh');
    expect(draft).toMatchObject({ indicator: 'iva', region: '330800', period: '2024', entryUnit: '亿元' });
    const chosen = defaultDraft(catalog, observations, { indicator: 'iva', region: '331100' }, 'en');
    expect(chosen).toMatchObject({ region: '331100', entryUnit: 'billion yuan' });
    expect(chosen.rates.base.constant).toBe('9.3');
    expect(chosen.rates.high.constant).toBe('10.3');
    expect(chosen.rates.low.constant).toBe('8.3');
  });

  it('with an empty workspace, starts from a typed base', () => {
    expect(defaultDraft({ ...catalog, indicators: [] }, [], { indicator: null, region: null }, 'zh')).toMatchObject({ baseKind: 'value', entryUnit: '亿元' });
  });

  it('keeps what still fits when the base changes', () => {
    const draft = defaultDraft(catalog, observations, { indicator: 'iva', region: '331100' }, 'zh');
    expect(withBaseChoice(draft, catalog, observations, { period: '2023' }, 'zh')).toMatchObject({ region: '331100', period: '2023', entryUnit: '亿元' });
    const share = withBaseChoice(draft, catalog, observations, { indicator: 'share' }, 'zh');
    expect(share).toMatchObject({ indicator: 'share', region: '331100', period: '2024', entryUnit: '%' });
  });

  it('carries the workspace figure over to a typed base and back', () => {
    const draft = { ...defaultDraft(catalog, observations, { indicator: 'iva', region: '331100' }, 'zh'), peerKind: 'region' as const };
    const typed = withBaseKind(draft, 'value', catalog, observations, 'zh');
    expect(typed).toMatchObject({ baseKind: 'value', baseValue: '4717.8', baseYear: '2024', baseName: '规上工业增加值', peerKind: 'none' });
    expect(withBaseKind(typed, 'workspace', catalog, observations, 'zh')).toMatchObject({ baseKind: 'workspace', indicator: 'iva', region: '331100', period: '2024' });
  });

  it('offers the units of the stored unit’s dimension', () => {
    expect(entryUnits('billion yuan')).toEqual(['元', '万元', 'million yuan', '亿元', 'billion yuan']);
    expect(entryUnits('mu')).toEqual(['mu', 'hectare']);
    expect(entryUnits('widgets')).toEqual(['widgets']);
  });
});

describe('hints from the workspace', () => {
  it('reads the province’s growth and a share of the province named as such', () => {
    expect(provinceGrowthHint(catalog, observations, 'iva', '331100', '2024')).toBe(7.5);
    expect(provinceGrowthHint(catalog, observations, 'leading', '331100', '2024')).toBeUndefined();
    expect(shareHint(catalog, observations, '331100', '2024')).toMatchObject({ sharePct: 2, indicator: { code: 'share' } });
    expect(shareHint(catalog, observations, '330800', '2024')).toBeUndefined();
  });

  it('offers as peers the regions with a level and a growth of the same indicator and year', () => {
    expect(peerRegions(catalog, observations, 'iva', '331100', '2024').map((r) => r.code)).toEqual(['330800']);
    expect(peerRegions(catalog, observations, 'iva', '330800', '2024').map((r) => r.code)).toEqual(['331100']);
  });

  it('offers contributions where the part and its parent both have a level', () => {
    const parts = contributionParts(catalog, observations);
    expect(parts.map((p) => p.code)).toEqual(['semis']);
    expect(contributionCells(observations, parts[0]!)).toEqual([{ region: '331100', period: '2024' }]);
  });
});

describe('a language switch', () => {
  it('moves levels typed in the old language’s unit to the new one’s, the same quantities', () => {
    const zhDraft = { ...defaultDraft(catalog, observations, { indicator: 'iva', region: '331100' }, 'zh'), target: '6000', peerKind: 'value' as const, peerValue: '5000' };
    const enDraft = inLanguage(zhDraft, observations, 'zh', 'en');
    expect(enDraft).toMatchObject({ entryUnit: 'billion yuan', target: '600', peerValue: '500' });
    expect(inLanguage(enDraft, observations, 'en', 'zh')).toMatchObject({ entryUnit: '亿元', target: '6000', peerValue: '5000' });
  });

  it('keeps a unit the user chose, and converts a typed base too', () => {
    const chosen = { ...defaultDraft(catalog, observations, { indicator: 'iva', region: '331100' }, 'zh'), entryUnit: '万元', target: '60000000' };
    expect(inLanguage(chosen, observations, 'zh', 'en')).toBe(chosen);
    const typed = { ...chosen, baseKind: 'value' as const, baseValue: '4717.8', entryUnit: '亿元', target: '6000' };
    expect(inLanguage(typed, observations, 'zh', 'en')).toMatchObject({ entryUnit: 'billion yuan', baseValue: '471.78', target: '600' });
  });
});
