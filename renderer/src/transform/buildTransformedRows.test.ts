import { describe, expect, it } from 'vitest';
import type { TransformedSeries } from '../../../shared/api/methods/analysis';
import type { Catalog } from '../../../shared/api/schemas';
import { buildTransformedTable, MISSING } from './buildTransformedRows';
import type { MeasureLabels } from './buildTransformedRows';

const catalog: Catalog = {
  categories: [],
  indicators: [{ code: 'output_ytd', nameZh: '规上工业总产值', nameEn: 'Gross output', unit: '亿元', kind: 'flow', accumulation: 'ytd', category: 'industry', parentCode: null, sourceNote: null }],
  regions: [{ code: '331100', nameZh: '丽水市', nameEn: 'Lishui', level: 'city', parentCode: null }],
};

const labels: MeasureLabels = {
  aggregate: (aggregate) => ({ none: '按发布口径', single: '单月', ytd: '累计', quarter: '季度', year: '年度' })[aggregate],
  transform: (text) => ({ level: '原值', yoy: '同比增速（按数值计算）' })[text] ?? text,
  reported: '公布增速',
  reportedHint: '公布的同比增速',
  basis: (basis) => basis,
};

const point = (period: string, startMonth: number, value: number | null, extra: Partial<TransformedSeries['points'][number]> = {}) => ({
  period, startMonth, labelZh: `${period}(${startMonth})`, labelEn: `${period} from ${startMonth}`, value, reason: null, ...extra,
});

const series = (aggregate: string, transform: string, unit: string, points: TransformedSeries['points']): TransformedSeries => ({
  indicatorCode: 'output_ytd', regionCode: '331100', aggregate, transform, unit, unitLabel: { zh: unit === '%' ? '%' : '亿元', en: unit === '%' ? '%' : '100 million yuan' }, points,
});

describe('buildTransformedTable', () => {
  it('shows single months beside the year-to-date values, each column named by the months it covers', () => {
    const stored = series('none', 'level', '亿元', [point('2024M02', 1, 200), point('2024M03', 1, 320)]);
    const single = series('single', 'level', '亿元', [point('2024M02', 1, 200), point('2024M03', 3, 120)]);
    const table = buildTransformedTable([{ role: 'primary', series: single }, { role: 'companion', series: stored }], catalog, 'zh', labels);
    expect(table.rows.map((r) => [r.id, r.measureLabel, r.unitLabel])).toEqual([
      ['output_ytd|331100|none:value', '累计', '亿元'],
      ['output_ytd|331100|single:value', '单月', '亿元'],
    ]);
    expect(table.rows[1]!.cells['2024M03']!.text).toBe('120');
    // Jan–Feb is one release for both rows; March is Jan–Mar in one and March alone in the other.
    expect(table.periods).toEqual([
      { period: '2024M02', label: '2024年1-2月' },
      { period: '2024M03', label: '2024年3月' },
    ]);
  });

  it('puts reported growth beside computed growth, and says why a value is missing', () => {
    const reason = { code: 'MISSING_INPUT', zh: '需要2023年1-3月的数据，工作区中没有。', en: 'Needs Jan–Mar 2023, which the workspace does not hold.', periods: ['2023M03'] };
    const yoy = series('none', 'yoy', '%', [
      point('2024M02', 1, 10.04, { reportedGrowthPct: 9.8 }),
      point('2024M03', 1, null, { reason, reportedGrowthPct: null }),
    ]);
    const table = buildTransformedTable([{ role: 'primary', series: yoy }], catalog, 'en', labels);
    expect(table.rows.map((r) => [r.id, r.measureLabel, r.unitLabel])).toEqual([
      ['output_ytd|331100|none:value', '累计 · 同比增速（按数值计算）', '%'],
      ['output_ytd|331100|none:reported', '累计 · 公布增速', '%'],
    ]);
    const [computed, reported] = table.rows;
    expect(computed!.cells['2024M02']!.text).toBe('10.0');
    expect(reported!.cells['2024M02']!.text).toBe('9.8');
    expect(computed!.cells['2024M03']).toMatchObject({ value: null, text: MISSING });
    expect(computed!.cells['2024M03']!.tooltip).toContain('does not hold');
  });

  it('shows levels in the reader\'s unit: 亿元 in Chinese, billion yuan in English', () => {
    const level = series('year', 'level', 'billion yuan', [point('2024', 1, 471.78)]);
    const zh = buildTransformedTable([{ role: 'primary', series: level }], catalog, 'zh', labels);
    const en = buildTransformedTable([{ role: 'primary', series: level }], catalog, 'en', labels);
    expect([zh.rows[0]!.cells['2024']!.text, zh.rows[0]!.unitLabel, zh.rows[0]!.measureLabel]).toEqual(['4717.8', '亿元', '年度']);
    expect([en.rows[0]!.cells['2024']!.text, en.rows[0]!.unitLabel, en.rows[0]!.indicatorName]).toEqual(['471.78', 'billion yuan', 'Gross output']);
  });
});
