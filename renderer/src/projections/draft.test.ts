import { describe, expect, it } from 'vitest';
import { ScenarioSpec } from '../../../shared/projections/schema';
import { EMPTY_DRAFT, draftToSpec, fitPerYear, heldRates, parseNumber, specToDraft, switchRateMode, toBaseUnit, type ScenarioDraft } from './draft';

const constant = (text: string) => ({ mode: 'constant' as const, constant: text, perYear: [] });

/** The sample's headline scenario as the editor holds it in Chinese (levels in 亿元). */
const ISSUE_DRAFT: ScenarioDraft = {
  ...EMPTY_DRAFT,
  indicator: 'industrial_value_added',
  region: '331100',
  period: '2024',
  entryUnit: '亿元',
  years: '6',
  rates: { base: constant('9.3'), high: constant('10.3'), low: constant('8.3') },
  target: '6000',
  targetYear: '2030',
  sharePct: '2',
  provinceGrowthPct: '7.5',
  targetSharePct: '2.5',
  shareTargetYear: '2030',
};

describe('parseNumber', () => {
  it('reads numbers as analysts type them', () => {
    expect(parseNumber('9.3')).toBe(9.3);
    expect(parseNumber(' 9.3% ')).toBe(9.3);
    expect(parseNumber('９．３')).toBe(9.3);
    expect(parseNumber('−2')).toBe(-2);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('.5')).toBe(0.5);
  });

  it('tells blank from not a number', () => {
    expect(parseNumber('  ')).toBeUndefined();
    expect(parseNumber('abc')).toBeNaN();
    expect(parseNumber('9.3.1')).toBeNaN();
    expect(parseNumber('1,23')).toBeNaN();
  });
});

describe('draftToSpec', () => {
  it('builds the issue’s spec, with levels typed in 亿元 stored in the base’s billion yuan', () => {
    const check = draftToSpec(ISSUE_DRAFT, 'billion yuan');
    expect(check).toEqual({
      ok: true,
      spec: {
        base: { kind: 'workspace', indicator: 'industrial_value_added', region: '331100', period: '2024' },
        years: 6,
        rates: { base: { kind: 'constant', growthPct: 9.3 }, high: { kind: 'constant', growthPct: 10.3 }, low: { kind: 'constant', growthPct: 8.3 } },
        target: { value: 600, year: 2030 },
        share: { sharePct: 2, provinceGrowthPct: 7.5, targetSharePct: 2.5, targetYear: 2030 },
      },
    });
    expect(ScenarioSpec.safeParse(check.ok && check.spec).success).toBe(true);
  });

  it('leaves out blank high and low cases, targets and shares', () => {
    const check = draftToSpec({ ...ISSUE_DRAFT, rates: { base: constant('9.3'), high: constant(''), low: constant('') }, target: '', targetYear: '', sharePct: '', provinceGrowthPct: '', targetSharePct: '', shareTargetYear: '' }, 'billion yuan');
    expect(check.ok && check.spec).toEqual({
      base: { kind: 'workspace', indicator: 'industrial_value_added', region: '331100', period: '2024' },
      years: 6,
      rates: { base: { kind: 'constant', growthPct: 9.3 } },
    });
  });

  it('names the field and the problem instead of building a spec', () => {
    const check = draftToSpec(
      { ...ISSUE_DRAFT, years: '0', rates: { base: constant('-100'), high: constant('x'), low: constant('2000') }, target: '-5', sharePct: '120', provinceGrowthPct: '' },
      'billion yuan',
    );
    expect(check).toEqual({
      ok: false,
      errors: { years: 'notWholeYears', 'rate.base': 'growthTooLow', 'rate.high': 'notNumber', 'rate.low': 'growthTooHigh', target: 'notPositive', sharePct: 'shareRange' },
    });
    expect(draftToSpec({ ...ISSUE_DRAFT, rates: { ...ISSUE_DRAFT.rates, base: constant('') } }, '').ok).toBe(false);
    expect(draftToSpec({ ...ISSUE_DRAFT, target: '', targetYear: '2030' }, '')).toMatchObject({ ok: false, errors: { targetYear: 'needsTarget' } });
    expect(draftToSpec({ ...ISSUE_DRAFT, sharePct: '2', provinceGrowthPct: '' }, '')).toMatchObject({ ok: false, errors: { provinceGrowthPct: 'needsProvinceGrowth' } });
    expect(draftToSpec({ ...ISSUE_DRAFT, targetSharePct: '', shareTargetYear: '2030' }, '')).toMatchObject({ ok: false, errors: { shareTargetYear: 'needsTargetShare' } });
  });

  it('takes rates year by year, blank trailing years holding the last, a gap refused', () => {
    const perYear = { mode: 'perYear' as const, constant: '9.3', perYear: ['9.3', '8.5', '8', '', '', ''] };
    expect(draftToSpec({ ...ISSUE_DRAFT, rates: { ...ISSUE_DRAFT.rates, base: perYear } }, 'billion yuan')).toMatchObject({
      ok: true,
      spec: { rates: { base: { kind: 'perYear', growthPcts: [9.3, 8.5, 8] } } },
    });
    const gap = { ...perYear, perYear: ['9.3', '', '8', '', '', ''] };
    expect(draftToSpec({ ...ISSUE_DRAFT, rates: { ...ISSUE_DRAFT.rates, base: gap } }, '')).toMatchObject({ ok: false, errors: { 'rate.base': 'gapInRates' } });
  });

  it('builds a typed base in the entry unit and a typed peer converted to it', () => {
    const check = draftToSpec({ ...ISSUE_DRAFT, baseKind: 'value', baseValue: '471.78', baseYear: '2024', baseName: '规上工业增加值', entryUnit: 'billion yuan', target: '600', peerKind: 'value', peerName: '衢州市', peerValue: '500', peerGrowthPct: '7' }, '');
    expect(check.ok && check.spec).toMatchObject({
      base: { kind: 'value', value: 471.78, unit: 'billion yuan', year: 2024, nameZh: '规上工业增加值' },
      target: { value: 600, year: 2030 },
      peers: [{ nameZh: '衢州市', value: 500, growthPct: 7 }],
    });
  });

  it('leaves a peer region out when the base is typed in', () => {
    const check = draftToSpec({ ...ISSUE_DRAFT, baseKind: 'value', baseValue: '471.78', baseYear: '2024', peerKind: 'region', peerRegion: '330800' }, '');
    expect(check.ok && check.spec.peers).toBeUndefined();
  });
});

describe('specToDraft', () => {
  it('gives back the draft a spec was built from', () => {
    const check = draftToSpec(ISSUE_DRAFT, 'billion yuan');
    if (!check.ok) throw new Error('the issue draft is valid');
    const spec = ScenarioSpec.parse(check.spec);
    expect(specToDraft(spec, 'billion yuan', '亿元')).toEqual(ISSUE_DRAFT);
  });

  it('shows a ramp saved by another tool as its rates year by year', () => {
    const spec = ScenarioSpec.parse({ base: { kind: 'value', value: 100, year: 2024 }, years: 3, rates: { base: { kind: 'ramp', fromPct: 9, toPct: 7, rampYears: 3 } } });
    expect(specToDraft(spec, '', '').rates.base).toEqual({ mode: 'perYear', constant: '9', perYear: ['9', '8', '7'] });
  });
});

describe('rate helpers', () => {
  it('carries what was typed between one rate and rates per year', () => {
    const perYear = switchRateMode(constant('9.3'), 'perYear', 3);
    expect(perYear).toEqual({ mode: 'perYear', constant: '9.3', perYear: ['9.3', '', ''] });
    expect(heldRates(['9.3', '', '8', ''])).toEqual(['9.3', '9.3', '8', '8']);
    expect(switchRateMode({ ...perYear, perYear: ['', '8', '7'] }, 'constant', 3).constant).toBe('8');
    expect(fitPerYear(['1', '2', '3'], 2)).toEqual(['1', '2']);
    expect(fitPerYear(['1'], 3)).toEqual(['1', '', '']);
  });

  it('converts a level between units of money, and leaves bare numbers alone', () => {
    expect(toBaseUnit(6000, '亿元', 'billion yuan')).toBe(600);
    expect(toBaseUnit(600, '', 'billion yuan')).toBe(600);
    expect(toBaseUnit(7, 'mu', '%')).toBe(7);
  });
});
