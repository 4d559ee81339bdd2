import { describe, expect, it } from 'vitest';
import { DeckItem, type SavedDeckItem } from '../../../shared/api/methods/charts';
import { inputsOf, moveItem } from './decksStore';

const saved = (patch: Partial<SavedDeckItem>): SavedDeckItem => ({
  position: 0,
  kind: 'chart',
  chartId: 1,
  chart: '增速排名',
  scenario: null,
  brief: null,
  lang: null,
  note: null,
  missing: false,
  ...patch,
});

describe('deck items in the panel', () => {
  it('moves a slide up or down and leaves the ends alone', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('writes saved items back in the shapes deck.save accepts, a brief as what to write (never its text)', () => {
    const brief = { indicator: 'industrial_value_added', region: '331100', period: '2024', lang: 'en' as const };
    const inputs = inputsOf([
      saved({ note: '先讲' }),
      saved({ kind: 'scenario', chartId: null, chart: null, scenario: '十五五基准', lang: 'zh' }),
      saved({ kind: 'brief', chartId: null, chart: null, brief, lang: 'en' }),
      // A brief this version cannot read is dropped rather than sent back broken.
      saved({ kind: 'brief', chartId: null, chart: null, brief: null, missing: true }),
    ]);
    expect(inputs).toEqual([
      { chart: '增速排名', note: '先讲' },
      { kind: 'scenario', scenario: '十五五基准', lang: 'zh', note: null },
      { kind: 'brief', brief, note: null },
    ]);
    expect(inputs.every((input) => DeckItem.safeParse(input).success)).toBe(true);
  });
});
