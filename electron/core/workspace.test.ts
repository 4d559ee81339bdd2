import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace } from './backend';
import { ObservationRepository } from './store/observationRepository';
import { makeTempDir } from './testing/tempDir';
import type { Workspace } from './workspace';

let temp: ReturnType<typeof makeTempDir>;
let workspace: Workspace;

beforeEach(() => {
  temp = makeTempDir();
  workspace = createWorkspace(path.join(temp.dir, 'ws.sqlite'), true);
});
afterEach(() => {
  workspace.close();
  temp.cleanup();
});

const headline = { indicator: 'industrial_value_added', region: '丽水', period: '2024' };

function valueOf(ws: Workspace, snapshot?: number | string): number | null | undefined {
  return ws.querySeries({ ...headline, snapshot })[0]?.value;
}

describe('the sample workspace', () => {
  it('holds the headline figure exactly as printed, with its unit, growth, rank and source', () => {
    const [observation] = workspace.querySeries(headline);
    expect(observation).toMatchObject({
      indicatorCode: 'industrial_value_added',
      regionCode: '331100',
      period: '2024',
      value: 471.78,
      unit: 'billion yuan',
      growthReportedPct: 9.3,
      rankReported: 5,
    });
    expect(observation?.source).toContain('471.78 billion yuan');
  });

  it('is frozen as snapshot 1 and edits go to the working copy at seq 2', () => {
    const info = workspace.info();
    expect(info.workingSeq).toBe(2);
    expect(info.lastSnapshot?.label).toBe('丽水市经信局2024年工作报告（样例）');
    expect(info.lastSnapshot?.observationCount).toBe(info.observationCount);
    expect(info.isSample).toBe(true);
  });
});

describe('vintages', () => {
  const edit = (ws: Workspace, value: number) =>
    ws.writeCells(
      [{ indicatorCode: 'industrial_value_added', regionCode: '331100', period: '2024', fields: { value, growthReportedPct: 9.3, rankReported: 5, flags: ['revised'], note: null, source: 'test' } }],
      { kind: 'edit', label: 'edit' },
    );

  it('answers "as known at snapshot S" after later edits', () => {
    edit(workspace, 480);
    workspace.createSnapshot({ label: 'B', kind: 'manual' });
    edit(workspace, 490);
    expect(valueOf(workspace, 1)).toBe(471.78);
    expect(valueOf(workspace, 'B')).toBe(480);
    expect(valueOf(workspace, 'working')).toBe(490);
    expect(valueOf(workspace)).toBe(490);
  });

  it('diffs two snapshots into exactly the edited cells, in both directions', () => {
    edit(workspace, 480);
    workspace.writeCells([{ indicatorCode: 'industrial_land_supply', regionCode: '331100', period: '2024', fields: null }], { kind: 'edit', label: 'delete' });
    workspace.writeCells(
      [{ indicatorCode: 'industrial_land_supply', regionCode: '331100', period: '2023', fields: { value: 7000, growthReportedPct: null, rankReported: null, flags: [], note: null, source: null } }],
      { kind: 'edit', label: 'add' },
    );
    workspace.createSnapshot({ label: 'B', kind: 'manual' });
    const diff = workspace.diff(1, 'B');
    const summary = diff.rows.map((r) => [r.change, r.indicatorCode, r.period, r.oldValue, r.newValue]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['changed', 'industrial_value_added', '2024', 471.78, 480],
        ['removed', 'industrial_land_supply', '2024', 7379, null],
        ['added', 'industrial_land_supply', '2023', null, 7000],
      ]),
    );
    expect(diff.rows).toHaveLength(3);
    const reverse = workspace.diff('B', 1).rows.map((r) => [r.change, r.indicatorCode, r.period]);
    expect(reverse).toEqual(expect.arrayContaining([['changed', 'industrial_value_added', '2024'], ['added', 'industrial_land_supply', '2024'], ['removed', 'industrial_land_supply', '2023']]));
  });

  it('leaves out a cell edited and edited back between the two snapshots', () => {
    edit(workspace, 480);
    edit(workspace, 471.78);
    // flags and source differ from the original, so restore those too
    workspace.writeCells(
      [{ indicatorCode: 'industrial_value_added', regionCode: '331100', period: '2024', fields: workspace.history(headline).versions[0]! }],
      { kind: 'edit', label: 'back' },
    );
    expect(workspace.diff(1, 'working').rows).toEqual([]);
  });

  it('keeps the history of one cell with the snapshot that first held each version', () => {
    edit(workspace, 480);
    workspace.createSnapshot({ label: '2024年1-11月月报', kind: 'manual' });
    edit(workspace, 490);
    const history = workspace.history(headline);
    expect(history.versions.map((v) => [v.value, v.firstSnapshotLabel])).toEqual([
      [471.78, '丽水市经信局2024年工作报告（样例）'],
      [480, '2024年1-11月月报'],
      [490, null],
    ]);
  });

  it('refuses a second snapshot with a taken label and writes nothing', () => {
    expect(() => workspace.createSnapshot({ label: '丽水市经信局2024年工作报告（样例）', kind: 'manual' })).toThrow(/already exists/);
    expect(workspace.snapshots.list()).toHaveLength(1);
  });

  it('rolls a failing multi-cell write back completely', () => {
    const before = workspace.querySeries({});
    expect(() =>
      workspace.writeCells(
        [
          { indicatorCode: 'industrial_value_added', regionCode: '331100', period: '2024', fields: { value: 1, growthReportedPct: null, rankReported: null, flags: [], note: null, source: null } },
          { indicatorCode: 'no_such_indicator', regionCode: '331100', period: '2024', fields: null },
        ],
        { kind: 'edit', label: 'bad' },
      ),
    ).toThrow(/Unknown indicator/);
    expect(workspace.querySeries({})).toEqual(before);
  });
});

describe('query plans', () => {
  const plan = (sql: string, params: Record<string, unknown>) =>
    (workspace.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail).join('\n');

  it('answers as-of for one indicator through the cell-key index', () => {
    const sql = ObservationRepository.asOfSql({ indicatorId: 1 });
    expect(plan(sql, { seq: 1, indicatorId: 1 })).toMatch(/SEARCH ov USING INDEX observation_version_key/);
  });

  it('answers as-of for one cell through the cell-key index', () => {
    const sql = ObservationRepository.asOfSql({ indicatorId: 1, regionId: 1, period: '2024' });
    expect(plan(sql, { seq: 1, indicatorId: 1, regionId: 1, period: '2024' })).toMatch(/SEARCH ov USING INDEX observation_version_key \(indicator_id=\? AND region_id=\? AND period=\?/);
  });

  it('answers as-of for the whole workspace without scanning the version table', () => {
    const detail = plan(ObservationRepository.asOfSql({}), { seq: 1 });
    expect(detail).toMatch(/SEARCH ov USING INDEX/);
    expect(detail).not.toMatch(/SCAN ov/);
  });

  it('answers the working copy by an index search on to_seq IS NULL, not the from_seq range', () => {
    const detail = plan(ObservationRepository.asOfSql({ isWorking: true }), {});
    expect(detail).toMatch(/SEARCH ov USING INDEX observation_version_(open|to \(to_seq=\?\))/);
    expect(detail).not.toMatch(/SCAN ov/);
  });

  it('finds the versions of a diff through the from_seq and to_seq indexes', () => {
    const detail = plan(ObservationRepository.changedBetweenSql, { from: 1, to: 2 });
    expect(detail).toMatch(/MULTI-INDEX OR/);
    expect(detail).toMatch(/INDEX observation_version_from/);
    expect(detail).toMatch(/INDEX observation_version_to/);
  });
});
