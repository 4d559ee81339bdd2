import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { assumptionsText, briefingText, catchUpText, formatRate, levelFormat, reachText, requiredText, scenarioSlidesText, slidesShowingScenario } from './present';

const zh = i18n.getFixedT('zh');
const en = i18n.getFixedT('en');

describe('levels', () => {
  it('reads in the reader’s unit with about five significant digits', () => {
    const zhLevels = levelFormat('billion yuan', [471.78, 616.03], 'zh');
    expect(zhLevels.unitLabel).toBe('亿元');
    expect(zhLevels.number(616.0327)).toBe('6160.3');
    expect(zhLevels.withUnit(600)).toBe('6000亿元');
    const enLevels = levelFormat('billion yuan', [471.78, 616.03], 'en');
    expect(enLevels.number(616.0327)).toBe('616.03');
    expect(enLevels.withUnit(600)).toBe('600 billion yuan');
    expect(levelFormat('', [15156.2], 'en').number(15156.2)).toBe('15,156');
    expect(levelFormat('', [1], 'zh').withUnit(1)).toBe('1');
  });

  it('prints computed rates to two decimals', () => {
    expect(formatRate(11.57327, 'zh')).toBe('11.57%');
    expect(formatRate(-0.5, 'en')).toBe('-0.50%');
  });
});

describe('edges as words', () => {
  it('says the year, already met, never, or why not', () => {
    expect(reachText({ kind: 'reached', years: 2.7, wholeYears: 3, year: 2027, valueThatYear: 616 }, 'zh', zh)).toMatchObject({ text: '2027年', hint: '约2.7年后', tone: 'value' });
    expect(reachText({ kind: 'reached', years: 2.7, wholeYears: 3, year: 2027, valueThatYear: 616 }, 'en', en).text).toBe('2027');
    expect(reachText({ kind: 'already_met', year: 2024 }, 'zh', zh).text).toBe('已达到（2024年）');
    expect(reachText({ kind: 'never', reason: 'NO_GROWTH' }, 'en', en)).toMatchObject({ text: 'never', tone: 'edge' });
    expect(reachText({ kind: 'refused', reason: 'GROWTH_AT_OR_BELOW_MINUS_100', field: 'growthPct' }, 'zh', zh).text).toBe('增速须高于−100%。');
    expect(catchUpText({ kind: 'never', reason: 'NOT_FASTER' }, 'zh', zh).text).toBe('无法超过');
    expect(catchUpText({ kind: 'already_ahead', year: 2024 }, 'en', en).text).toBe('already level or ahead (2024)');
    expect(requiredText({ kind: 'required', growthPct: 11.5733, gapPp: 4.07, years: 6 }, 'zh', zh).text).toBe('11.57%');
    expect(requiredText({ kind: 'already_met', growthPct: -3.2, years: 6 }, 'zh', zh).text).toBe('已达到，年均下降3.20%仍可保持');
    expect(requiredText({ kind: 'refused', reason: 'NO_YEARS', field: 'targetYear' }, 'en', en).text).toBe('The target year must be after the base year.');
  });

  it('joins briefing sentences as each language writes a paragraph', () => {
    expect(briefingText(['一。', '二。'], 'zh')).toBe('一。二。');
    expect(briefingText(['One.', 'Two.'], 'en')).toBe('One. Two.');
  });
});

describe('assumptions under the fan chart', () => {
  it('names the base, each case’s rates, the province and the peers', () => {
    const result = {
      base: { value: 471.78, unit: 'billion yuan', startYear: 2024 },
      spec: { rates: { base: { kind: 'constant', growthPct: 9.3 }, low: { kind: 'perYear', growthPcts: [8, 7] } } },
      share: { provinceGrowthPct: 7.5 },
      peers: { peers: [{ key: 'peer1', nameZh: '衢州市', nameEn: 'Quzhou', value: 500, growthPct: 7 }] },
    } as unknown as Parameters<typeof assumptionsText>[0];
    expect(assumptionsText(result, 'zh', zh)).toBe('假设：2024年基数4717.8亿元；基准方案年均增长9.3%；低方案逐年增长8%、7%（此后保持7%）；全省年均增长7.5%；衢州市年均增长7%。');
    expect(assumptionsText(result, 'en', en)).toBe(
      'Assumptions: base 471.78 billion yuan in 2024; base case 9.3% a year; low case 8%, 7% in successive years (then 7%); the province 7.5% a year; Quzhou 7% a year.',
    );
  });
});

describe('deleting a scenario a deck shows', () => {
  const decks = [
    { name: '月报', items: [{ kind: 'chart', scenario: null }, { kind: 'scenario', scenario: '冲刺6000亿' }, { kind: 'brief', scenario: null }, { kind: 'scenario', scenario: '冲刺6000亿' }] },
    { name: 'Quarterly', items: [{ kind: 'scenario', scenario: '冲刺6000亿' }, { kind: 'scenario', scenario: '稳健' }] },
    { name: '空', items: [] },
  ];

  it('names every deck and slide that shows it, and none for a scenario no deck uses', () => {
    expect(slidesShowingScenario(decks, '冲刺6000亿')).toEqual([
      { deck: '月报', slide: 2 },
      { deck: '月报', slide: 4 },
      { deck: 'Quarterly', slide: 1 },
    ]);
    expect(slidesShowingScenario(decks, '未用')).toEqual([]);
    expect(scenarioSlidesText(slidesShowingScenario(decks, '冲刺6000亿'), 'zh')).toBe('“月报”第 2 页、第 4 页；“Quarterly”第 1 页');
    expect(scenarioSlidesText(slidesShowingScenario(decks, '冲刺6000亿'), 'en')).toBe('“月报” slides 2 and 4; “Quarterly” slide 1');
  });
});
