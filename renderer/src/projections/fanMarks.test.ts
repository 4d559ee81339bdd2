import { describe, expect, it } from 'vitest';
import { chartTheme } from '../../../shared/charts/theme';
import type { ProjectionResult } from '../../../shared/projections/schema';
import { fanYearMarks, withYearMarks } from './fanMarks';

const result = {
  base: { startYear: 2024 },
  spec: { years: 6 },
  target: { reach: [{ key: 'base', reach: { kind: 'reached', years: 2.7, wholeYears: 3, year: 2027, valueThatYear: 616 } }] },
  peers: {
    peers: [
      { key: 'peer1', nameZh: '衢州市', nameEn: 'Quzhou', value: 500, growthPct: 7 },
      { key: 'peer2', nameZh: '杭州市', nameEn: 'Hangzhou', value: 9000, growthPct: 7 },
    ],
    catchUp: [
      { peerKey: 'peer1', byScenario: [{ key: 'base', catchUp: { kind: 'catches_up', years: 3.4, wholeYears: 4, year: 2028 } }] },
      // Beyond the chart's last year: not marked.
      { peerKey: 'peer2', byScenario: [{ key: 'base', catchUp: { kind: 'catches_up', years: 30, wholeYears: 30, year: 2054 } }] },
    ],
  },
} as unknown as ProjectionResult;
const words = { reach: (year: number) => `${year}年达到目标`, catchUp: (year: number, name: string) => `${year}年超过${name}` };

describe('fan chart year marks', () => {
  it('marks the year the target is passed and peers overtaken inside the chart', () => {
    expect(fanYearMarks(result, words, 'zh')).toEqual([
      { year: 2027, label: '2027年达到目标' },
      { year: 2028, label: '2028年超过衢州市' },
    ]);
    expect(fanYearMarks({ ...result, target: null, peers: null }, words, 'en')).toEqual([]);
  });

  it('adds them as dotted vertical lines, labels one above another', () => {
    const option = withYearMarks({ series: [{ type: 'line', data: [1] }] }, fanYearMarks(result, words, 'zh'), chartTheme('slide'));
    const series = option.series as { markLine?: { data: { xAxis: string; label: { distance: number } }[] } }[];
    expect(series).toHaveLength(2);
    expect(series[1]!.markLine!.data.map((d) => [d.xAxis, d.label.distance])).toEqual([
      ['2027', 6],
      ['2028', 25],
    ]);
    expect(withYearMarks({ series: [] }, [], chartTheme('slide'))).toEqual({ series: [] });
  });
});
