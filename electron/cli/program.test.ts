import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../core/testing/tempDir';
import { Workspace } from '../core/workspace';
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

describe('yardstick series', () => {
  it('prints the headline figure as a table, matching Chinese names', async () => {
    const { code, out } = await cli('series', file, '--indicator', '规上工业增加值', '--region', '丽水', '--period', '2024');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/industrial_value_added\s+规上工业增加值\s+331100\s+丽水市\s+2024\s+471\.78\s+billion yuan\s+9\.3\s+5/);
  });

  it('prints JSON in the contract shape, matching English names', async () => {
    const { code, out } = await cli('series', file, '--indicator', 'Added value of industries above designated size', '--region', 'Lishui', '--format', 'json');
    expect(code).toBe(0);
    const observations = JSON.parse(out);
    expect(observations).toEqual([
      expect.objectContaining({ indicatorCode: 'industrial_value_added', regionCode: '331100', period: '2024', value: 471.78, unit: 'billion yuan', growthReportedPct: 9.3, rankReported: 5 }),
    ]);
  });

  it('prints csv with a header row', async () => {
    const { out } = await cli('series', file, '--indicator', 'digital_core_mfg_value_added', '--format', 'csv', '--lang', 'en');
    const lines = out.trim().split('\r\n');
    expect(lines[0]).toBe('indicator,name,region,region_name,period,value,unit,growth_reported_pct,rank_reported,flags');
    expect(lines).toContain('digital_core_mfg_value_added,Added value of core digital economy manufacturing above designated size,331100,Lishui,2024,4.113,billion yuan,25,2,');
    expect(lines).toContain('digital_core_mfg_value_added,Added value of core digital economy manufacturing above designated size,330000,Zhejiang,2024,,billion yuan,7.6,,');
  });

  it('explains a missing workspace in both languages and exits 1', async () => {
    const { code, err } = await cli('series', path.join(temp.dir, 'nope.sqlite'));
    expect(code).toBe(1);
    expect(err).toMatch(/nope\.sqlite does not exist/);
    expect(err).toMatch(/不存在/);
  });

  it('explains an unknown region and exits 1', async () => {
    const { code, err } = await cli('series', file, '--region', '火星');
    expect(code).toBe(1);
    expect(err).toMatch(/No region matches "火星"/);
  });

  it('exits 2 on a usage error', async () => {
    const { code, err } = await cli('series', file, '--format', 'xml');
    expect(code).toBe(2);
    expect(err).toMatch(/Allowed choices are table, json, csv/);
  });
});

describe('yardstick snapshot', () => {
  it('creates, lists and diffs snapshots', async () => {
    expect((await cli('snapshot', file, 'create', '--label', '2024年1-11月月报')).out).toMatch(/Snapshot 2 "2024年1-11月月报"/);
    const list = JSON.parse((await cli('snapshot', file, 'list', '--format', 'json')).out);
    expect(list.map((s: { seq: number; label: string }) => [s.seq, s.label])).toEqual([
      [1, '丽水市经信局2024年工作报告（样例）'],
      [2, '2024年1-11月月报'],
    ]);
    const diff = JSON.parse((await cli('snapshot', file, 'diff', '1', '2024年1-11月月报', '--format', 'json')).out);
    expect(diff.rows).toEqual([]);
    expect(diff.from).toEqual({ seq: 1, label: '丽水市经信局2024年工作报告（样例）' });
  });

  it('says what a snapshot command is missing and exits 2', async () => {
    const create = await cli('snapshot', file, 'create');
    expect(create.code).toBe(2);
    expect(create.err).toMatch(/snapshot create needs --label/);
    const diff = await cli('snapshot', file, 'diff', '1');
    expect(diff.code).toBe(2);
    expect(diff.err).toMatch(/snapshot diff needs two snapshots/);
  });

  it('restores a snapshot into the working copy', async () => {
    const workspace = Workspace.open(file);
    workspace.editCells([{ indicatorCode: 'industrial_value_added', regionCode: '331100', period: '2024', fields: { value: 480 } }], { kind: 'edit', label: 'edit' });
    workspace.close();
    const { code, out } = await cli('snapshot', file, 'restore', '1');
    expect(code).toBe(0);
    expect(out).toMatch(/Restored snapshot 1 "丽水市经信局2024年工作报告（样例）" into the working copy: 1 cells changed/);
    const series = JSON.parse((await cli('series', file, '--indicator', 'industrial_value_added', '--region', '331100', '--format', 'json')).out);
    expect(series[0].value).toBe(471.78);
    expect((await cli('snapshot', file, 'restore')).code).toBe(2);
  });

  it('refuses an unknown snapshot and names the known ones', async () => {
    const { code, err } = await cli('snapshot', file, 'diff', '1', '9');
    expect(code).toBe(1);
    expect(err).toMatch(/No snapshot "9".*Known: 1 丽水市经信局2024年工作报告/);
  });
});

describe('yardstick history', () => {
  it('lists the versions of one cell with their first snapshot', async () => {
    const { out } = await cli('history', file, '--indicator', 'industrial_value_added', '--region', '331100', '--period', '2024', '--format', 'json');
    const history = JSON.parse(out);
    expect(history.versions.map((v: { value: number; firstSnapshotLabel: string }) => [v.value, v.firstSnapshotLabel])).toEqual([[471.78, '丽水市经信局2024年工作报告（样例）']]);
  });
});
