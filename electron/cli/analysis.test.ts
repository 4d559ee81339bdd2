import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../core/testing/tempDir';
import { runCaptured } from './testing';

let temp: ReturnType<typeof makeTempDir>;
let file: string;

const cli = runCaptured;

beforeEach(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'lishui.sqlite');
  expect((await cli('init', file, '--sample')).code).toBe(0);
});
afterEach(() => temp.cleanup());

describe('yardstick brief', () => {
  it('prints the brief in Chinese by default and in English with --lang en', async () => {
    const zh = await cli('brief', file, '--indicator', '规上工业增加值', '--region', '丽水', '--period', '2024');
    expect(zh.code).toBe(0);
    expect(zh.out).toBe('规上工业增加值4717.8亿元，同比增长9.3%，增速全省第5，高于全省平均1.8个百分点。\n');
    const en = await cli('brief', file, '--indicator', 'industrial_value_added', '--region', 'lsh', '--period', '2024', '--lang', 'en');
    expect(en.out).toBe(
      'Added value of industries above designated size was 471.78 billion yuan, up 9.3% year on year, 5th in the province, 1.8 percentage points above the provincial average.\n',
    );
  });

  it('prints facts as JSON and explains a missing option', async () => {
    const json = await cli('brief', file, '--indicator', 'industrial_value_added', '--region', '331100', '--period', '2024', '--format', 'json');
    expect(JSON.parse(json.out).facts).toContainEqual(expect.objectContaining({ key: 'gap_province', basis: 'stored_indicator' }));
    const missing = await cli('brief', file, '--indicator', 'industrial_value_added', '--region', '331100');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--period/);
  });
});

describe('yardstick series --transform', () => {
  it('prints the gap to the province in percentage points', async () => {
    const { code, out } = await cli('series', file, '--indicator', 'industrial_value_added', '--region', '丽水', '--transform', 'gap', '--format', 'csv');
    expect(code).toBe(0);
    expect(out.trim().split('\r\n')).toEqual(['indicator,region,period,label,value,unit,reported_growth_pct,reason', 'industrial_value_added,331100,2024,2024年,1.8,个百分点,,']);
  });

  it('gives a reason instead of a number when there is nothing to compare with', async () => {
    const { out } = await cli('series', file, '--indicator', 'industrial_value_added', '--region', '丽水', '--transform', 'yoy', '--lang', 'en', '--format', 'json');
    const series = JSON.parse(out);
    expect(series.unit).toBe('%');
    expect(series.points[0]).toMatchObject({ value: null, reportedGrowthPct: 9.3, reason: { code: 'MISSING_INPUT' } });
  });

  it('refuses an unknown transformation and a transformation without a region', async () => {
    const bad = await cli('series', file, '--indicator', 'industrial_value_added', '--region', '丽水', '--transform', 'cagr:x');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/transform: not a transformation/);
    const noRegion = await cli('series', file, '--indicator', 'industrial_value_added', '--transform', 'index:2020');
    expect(noRegion.code).toBe(2);
    expect(noRegion.err).toMatch(/--transform needs --indicator and --region/);
  });
});
