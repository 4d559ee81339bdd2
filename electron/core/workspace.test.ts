import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace } from './backend';
import Database from 'better-sqlite3';
import { migrations } from './store/migrations';
import { YARDSTICK_APPLICATION_ID } from './store/open';
import { ObservationRepository } from './store/observationRepository';
import { makeTempDir } from './testing/tempDir';
import { Workspace, type CellWrite } from './workspace';

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

  // A snapshot's as-of goes cell by cell: each cell's version at S is one backward seek in the
  // covering cell-key index, whatever the number of versions opened before S.
  const seekPerCell = /SEARCH v USING COVERING INDEX observation_version_key \(indicator_id=\? AND region_id=\? AND period=\? AND from_seq<\?\)/;

  it('answers as-of for one indicator through the cells of that indicator and one seek each', () => {
    const detail = plan(ObservationRepository.asOfSql({ indicatorId: 1 }), { seq: 1, indicatorId: 1 });
    expect(detail).toMatch(/SEARCH c USING PRIMARY KEY \(indicator_id=\?\)/);
    expect(detail).toMatch(seekPerCell);
  });

  it('answers as-of for one cell through its key', () => {
    const detail = plan(ObservationRepository.asOfSql({ indicatorId: 1, regionId: 1, period: '2024' }), { seq: 1, indicatorId: 1, regionId: 1, period: '2024' });
    expect(detail).toMatch(/SEARCH c USING PRIMARY KEY \(indicator_id=\? AND region_id=\? AND period=\?\)/);
    expect(detail).toMatch(seekPerCell);
  });

  it('answers as-of for the whole workspace cell by cell, without reading the versions opened before S', () => {
    const detail = plan(ObservationRepository.asOfSql({}), { seq: 1 });
    expect(detail).toMatch(/SCAN c/);
    expect(detail).toMatch(seekPerCell);
    expect(detail).toMatch(/SEARCH ov USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(detail).not.toMatch(/SCAN (ov|v)\b|observation_version_from/);
  });

  it('answers the working copy from the open version each cell names, not from a range of versions', () => {
    const detail = plan(ObservationRepository.asOfSql({ isWorking: true }), {});
    // Each cell names its open version: one rowid lookup per cell.
    expect(detail).toMatch(/SCAN c\b/);
    expect(detail).toMatch(/SEARCH ov USING INTEGER PRIMARY KEY/);
    expect(detail).not.toMatch(/observation_version_from|SCAN ov\b/m);
    // One indicator: a primary-key range of the cells.
    expect(plan(ObservationRepository.asOfSql({ isWorking: true, indicatorId: 1 }), { indicatorId: 1 })).toMatch(/SEARCH c USING PRIMARY KEY \(indicator_id=\?\)/);
  });

  it('diffs a wide range cell by cell: two seeks per cell', () => {
    const detail = plan(ObservationRepository.diffSql('wide', false), { low: 1, high: 2 });
    expect(detail).toMatch(/SCAN c/);
    expect(detail.match(new RegExp(seekPerCell.source, 'g'))).toHaveLength(2);
    expect(detail).not.toMatch(/SCAN (ov|v|a|b)\b/);
  });

  it('diffs a narrow range on the cells it touched, found through the from_seq and to_seq indexes', () => {
    const detail = plan(ObservationRepository.diffSql('narrow', true), { low: 1, high: 2 });
    expect(detail).toMatch(/MULTI-INDEX OR/);
    expect(detail).toMatch(/INDEX observation_version_from/);
    expect(detail).toMatch(/INDEX observation_version_to/);
    expect(detail.match(new RegExp(seekPerCell.source, 'g'))).toHaveLength(2);
  });
});

/** A small deterministic generator, so that a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fieldsOfValue = (value: number) => ({ value, growthReportedPct: null, rankReported: null, flags: [], note: null, source: `v${value}` });

/** What a snapshot holds by the definition of the vintage model: every version whose [from_seq, to_seq) contains it. */
function visibleByDefinition(ws: Workspace, seq: number): Map<string, number | null> {
  const rows = ws.db
    .prepare<[number, number], { indicator_id: number; region_id: number; period: string; value: number | null }>(
      'SELECT indicator_id, region_id, period, value FROM observation_version WHERE from_seq <= ? AND (to_seq IS NULL OR to_seq > ?)',
    )
    .all(seq, seq);
  const indicators = new Map(ws.catalog.indicators().map((i) => [i.id, i.code]));
  const regions = new Map(ws.catalog.regions().map((r) => [r.id, r.code]));
  return new Map(rows.map((row) => [`${indicators.get(row.indicator_id)}|${regions.get(row.region_id)}|${row.period}`, row.value]));
}

/** Every cell names its one open version, and no cell has another (the rule migration 008 gave to writeMany). */
function expectOpenVersionsNamed(ws: Workspace): void {
  const openPerCell = ws.db
    .prepare('SELECT indicator_id, region_id, period, COUNT(*) AS n, MAX(id) AS id FROM observation_version WHERE to_seq IS NULL GROUP BY 1, 2, 3')
    .all() as { indicator_id: number; region_id: number; period: string; n: number; id: number }[];
  expect(openPerCell.filter((row) => row.n > 1)).toEqual([]);
  const named = ws.db.prepare('SELECT indicator_id, region_id, period, 1 AS n, open_id AS id FROM cell WHERE open_id IS NOT NULL ORDER BY 1, 2, 3').all();
  expect(named).toEqual(openPerCell);
}

function asOfMap(ws: Workspace, snapshot: number | string): Map<string, number | null> {
  return new Map(ws.querySeries({ snapshot }).map((o) => [`${o.indicatorCode}|${o.regionCode}|${o.period}`, o.value]));
}

describe('as-of and diff at any depth of history', () => {
  /** Random edits, deletions and re-creations of 60 cells over 12 snapshots, some cells written twice in one change set. */
  function history(ws: Workspace): { cells: { indicatorCode: string; regionCode: string; period: string }[] } {
    const next = random(7);
    const indicators = ws.catalog.indicators().slice(0, 3);
    const regions = ws.catalog.regions().slice(0, 4);
    const cells = indicators.flatMap((i) => regions.flatMap((r) => ['2019', '2020', '2021', '2022', '2023'].map((period) => ({ indicatorCode: i.code, regionCode: r.code, period }))));
    for (let snapshot = 0; snapshot < 12; snapshot += 1) {
      for (let batch = 0; batch < 3; batch += 1) {
        const writes: CellWrite[] = [];
        for (const cell of cells) if (next() < 0.25) writes.push({ ...cell, fields: next() < 0.15 ? null : fieldsOfValue(Math.round(next() * 1000)) });
        writes.push({ ...cells[0]!, fields: fieldsOfValue(snapshot) }, { ...cells[0]!, fields: fieldsOfValue(snapshot + 0.5) });
        ws.writeCells(writes, { kind: 'edit', label: `s${snapshot} b${batch}` });
      }
      ws.createSnapshot({ label: `S${snapshot}`, kind: 'manual' });
    }
    return { cells };
  }

  it('answers every snapshot and the working copy exactly as the [from_seq, to_seq) intervals define', () => {
    history(workspace);
    expectOpenVersionsNamed(workspace);
    const working = workspace.snapshots.workingSeq();
    for (let seq = 1; seq <= working; seq += 1) {
      expect(asOfMap(workspace, seq === working ? 'working' : seq), `seq ${seq}`).toEqual(visibleByDefinition(workspace, seq));
    }
  });

  it('diffs any two snapshots into exactly the cells whose content differs, over narrow and wide ranges', () => {
    history(workspace);
    const working = workspace.snapshots.workingSeq();
    for (const [from, to] of [[5, 6], [6, 5], [1, 13], [13, 1], [2, working], [12, 13], [3, 9]] as const) {
      const before = visibleByDefinition(workspace, from);
      const after = visibleByDefinition(workspace, to);
      const expected = new Map<string, [number | null | undefined, number | null | undefined]>();
      for (const key of new Set([...before.keys(), ...after.keys()])) {
        if (before.get(key) !== after.get(key) || before.has(key) !== after.has(key)) expected.set(key, [before.get(key), after.get(key)]);
      }
      const diff = workspace.diff(from, to === working ? 'working' : to).rows;
      const actual = new Map(diff.map((r) => [`${r.indicatorCode}|${r.regionCode}|${r.period}`, [r.change === 'added' ? undefined : r.oldValue, r.change === 'removed' ? undefined : r.newValue]]));
      // Sources follow values here, so cells differ exactly when their values do.
      expect(actual, `${from} → ${to}`).toEqual(expected);
    }
  });

  it('restores any snapshot exactly and undo brings the working copy back', () => {
    history(workspace);
    const before = asOfMap(workspace, 'working');
    workspace.restore(4);
    expect(asOfMap(workspace, 'working')).toEqual(asOfMap(workspace, 4));
    expectOpenVersionsNamed(workspace);
    workspace.undo();
    expect(asOfMap(workspace, 'working')).toEqual(before);
    expectOpenVersionsNamed(workspace);
  });
});

describe('bulk writes', () => {
  it('writes a large batch with repeated cells in order, records one change set and undoes it exactly', () => {
    const indicators = workspace.catalog.indicators();
    const regions = workspace.catalog.regions();
    const writes: CellWrite[] = [];
    for (const indicator of indicators) for (const region of regions) for (const period of ['2010', '2011', '2024']) writes.push({ indicatorCode: indicator.code, regionCode: region.code, period, fields: fieldsOfValue(writes.length) });
    expect(writes.length).toBeGreaterThan(256);
    // The headline cell written twice, then deleted and written again in the same batch.
    writes.push({ ...headlineWrite, fields: fieldsOfValue(-1) }, { ...headlineWrite, fields: null }, { ...headlineWrite, fields: fieldsOfValue(-2) });
    const generated = writes.find((w) => w.indicatorCode === headlineWrite.indicatorCode && w.regionCode === headlineWrite.regionCode && w.period === headlineWrite.period)!.fields!.value;
    const before = asOfMap(workspace, 'working');
    workspace.writeCells(writes, { kind: 'import', label: 'bulk' });
    const after = asOfMap(workspace, 'working');
    expect(after.get('industrial_value_added|331100|2024')).toBe(-2);
    expect(after.size).toBe(new Set([...before.keys(), ...writes.map((w) => `${w.indicatorCode}|${w.regionCode}|${w.period}`)]).size);
    // One open version per cell; the headline's history holds every write of the batch.
    expect(workspace.history(headline).versions.map((v) => v.value)).toEqual([471.78, generated, -1, -2]);
    expect(workspace.recentChangeSets(1)[0]).toMatchObject({ kind: 'import', cellCount: writes.length });
    expectOpenVersionsNamed(workspace);
    workspace.undo();
    expect(asOfMap(workspace, 'working')).toEqual(before);
    expectOpenVersionsNamed(workspace);
    workspace.redo();
    expect(asOfMap(workspace, 'working')).toEqual(after);
    expectOpenVersionsNamed(workspace);
  });

  it('reports how many versions a large write has inserted while it runs', () => {
    const writes: CellWrite[] = [];
    const indicators = workspace.catalog.indicators();
    const regions = workspace.catalog.regions();
    outer: for (let year = 1950; year < 2050; year += 1)
      for (let month = 1; month <= 12; month += 1)
        for (const indicator of indicators)
          for (const region of regions) {
            if (writes.length === 140_000) break outer;
            writes.push({ indicatorCode: indicator.code, regionCode: region.code, period: `${year}M${month}`, fields: fieldsOfValue(writes.length) });
          }
    expect(writes.length).toBe(140_000);
    const reported: number[] = [];
    workspace.writeCells(writes, { kind: 'import', label: 'large' }, (done) => reported.push(done));
    expect(reported).toEqual([65_536, 131_072]);
    expect(workspace.observations.isWorkingAtMost(140_000)).toBe(false);
    expectOpenVersionsNamed(workspace);
  });

  it('tells whether the working copy is within a size by reading at most that many cells', () => {
    const count = workspace.observations.countWorking();
    expect(count).toBeGreaterThan(1);
    expect(workspace.observations.isWorkingAtMost(count)).toBe(true);
    expect(workspace.observations.isWorkingAtMost(count + 100)).toBe(true);
    expect(workspace.observations.isWorkingAtMost(count - 1)).toBe(false);
    expect(workspace.observations.isWorkingAtMost(0)).toBe(false);
  });
});

const headlineWrite = { indicatorCode: 'industrial_value_added', regionCode: '331100', period: '2024' };

describe('undo of an import takes back the catalogue entries it created', () => {
  /** What an import commit does (electron/core/import/commitWrite.ts): new entries, then the cells, in one transaction. */
  function importLike(ws: Workspace, options: { snapshot?: string } = {}): number {
    let changeSetId = 0;
    ws.db.transaction(() => {
      ws.catalog.addCategory({ code: 'imported', nameZh: '导入', nameEn: 'Imported' }, ws.catalog.categories().length);
      ws.catalog.addRegion({ code: '331199', nameZh: '丽水新区', nameEn: 'Lishui New Area', level: 'zone', parentCode: '331100' }, ws.catalog.regions().length);
      ws.catalog.addIndicator(
        { code: 'revenue', nameZh: '营业收入', nameEn: 'Revenue', unit: '亿元', kind: 'flow', accumulation: 'ytd', category: 'imported', parentCode: null, sourceNote: null },
        ws.catalog.indicators().length,
      );
      changeSetId = ws.writeCells(
        [
          { indicatorCode: 'revenue', regionCode: '331199', period: '2024M11', fields: fieldsOfValue(12.5) },
          { indicatorCode: 'revenue', regionCode: '331100', period: '2024M11', fields: fieldsOfValue(2000) },
          { indicatorCode: 'industrial_value_added', regionCode: '331199', period: '2024', fields: fieldsOfValue(3.5) },
          { ...headlineWrite, fields: fieldsOfValue(480) },
        ],
        { kind: 'import', label: 'import' },
      );
      if (options.snapshot) ws.createSnapshot({ label: options.snapshot, kind: 'import' });
    })();
    return changeSetId;
  }

  it('removes them on undo and brings them back on redo, across a reopen of the file', () => {
    const catalogBefore = workspace.catalog.catalog();
    const workingBefore = asOfMap(workspace, 'working');
    importLike(workspace);
    const catalogAfter = workspace.catalog.catalog();
    const workingAfter = asOfMap(workspace, 'working');
    expect(catalogAfter.regions.map((r) => r.code)).toContain('331199');

    const file = workspace.filePath;
    workspace.close();
    workspace = Workspace.open(file);
    expect(workspace.undo()).toMatchObject({ kind: 'import', cellCount: 4 });
    expect(workspace.catalog.catalog()).toEqual(catalogBefore);
    expect(asOfMap(workspace, 'working')).toEqual(workingBefore);
    expect(workspace.db.pragma('foreign_key_check')).toEqual([]);

    expect(workspace.redo()).toMatchObject({ kind: 'import' });
    expect(workspace.catalog.catalog()).toEqual(catalogAfter);
    expect(asOfMap(workspace, 'working')).toEqual(workingAfter);
    expect(workspace.undo()).toMatchObject({ kind: 'import' });
    expect(workspace.catalog.catalog()).toEqual(catalogBefore);
  });

  it('keeps an entry that a snapshot still shows, and removes nothing twice', () => {
    const catalogBefore = workspace.catalog.catalog();
    importLike(workspace, { snapshot: '2024年1-11月' });
    workspace.undo();
    // The snapshot taken with the import still shows the new region's and indicator's figures.
    const catalog = workspace.catalog.catalog();
    expect(catalog.regions.map((r) => r.code)).toContain('331199');
    expect(catalog.indicators.map((i) => i.code)).toContain('revenue');
    expect(workspace.querySeries({ snapshot: '2024年1-11月', indicator: 'revenue' }).map((o) => o.value).sort()).toEqual([12.5, 2000]);
    expect(workspace.querySeries({ indicator: 'revenue' })).toEqual([]);
    workspace.redo();
    expect(workspace.catalog.catalog().regions.filter((r) => r.code === '331199')).toHaveLength(1);
    expect(catalog.regions.length).toBe(catalogBefore.regions.length + 1);
  });

  it('makes adding an indicator or a region from the table its own undoable step, surviving a reopen', () => {
    const file = workspace.filePath;
    const codesOf = (ws: Workspace) => ({ regions: ws.catalog.regions().map((r) => r.code), indicators: ws.catalog.indicators().map((i) => i.code) });
    const before = codesOf(workspace);
    workspace.addIndicator({ code: 'revenue', nameZh: '营业收入', nameEn: 'Revenue', unit: '亿元', kind: 'flow', accumulation: 'ytd', category: workspace.catalog.categories()[0]!.code, parentCode: null, sourceNote: null });
    workspace.addRegion({ code: '331199', nameZh: '丽水新区', nameEn: 'Lishui New Area', level: 'zone', parentCode: '331100' });
    workspace.writeCells([{ indicatorCode: 'revenue', regionCode: '331199', period: '2024', fields: fieldsOfValue(7) }], { kind: 'edit', label: 'typed' });
    expect(workspace.recentChangeSets(3).map((c) => [c.label, c.cellCount])).toEqual([
      ['typed', 1],
      ['新增地区“丽水新区” / Add region "Lishui New Area"', 0],
      ['新增指标“营业收入” / Add indicator "Revenue"', 0],
    ]);
    workspace.close();
    workspace = Workspace.open(file);
    workspace.undo(); // the figure
    expect(workspace.querySeries({ indicator: 'revenue' })).toEqual([]);
    workspace.undo(); // the region
    expect(codesOf(workspace)).toEqual({ regions: before.regions, indicators: [...before.indicators, 'revenue'] });
    workspace.undo(); // the indicator
    expect(codesOf(workspace)).toEqual(before);
    workspace.redo();
    workspace.redo();
    workspace.redo();
    expect(codesOf(workspace)).toEqual({ regions: [...before.regions, '331199'], indicators: [...before.indicators, 'revenue'] });
    expect(workspace.querySeries({ indicator: 'revenue' }).map((o) => [o.regionCode, o.value])).toEqual([['331199', 7]]);
    expect(workspace.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('does not count an entry added on its own, outside the change set, as created by a later edit', () => {
    workspace.addRegion({ code: '331198', nameZh: '测试区', nameEn: 'Test', level: 'zone', parentCode: null });
    workspace.catalog.addRegion({ code: '331197', nameZh: '测试区二', nameEn: 'Test 2', level: 'zone', parentCode: null }, 99);
    workspace.writeCells([{ indicatorCode: 'industrial_value_added', regionCode: '331197', period: '2024', fields: fieldsOfValue(1) }], { kind: 'edit', label: 'edit' });
    workspace.undo();
    expect(workspace.catalog.catalog().regions.map((r) => r.code)).toEqual(expect.arrayContaining(['331198', '331197']));
  });

  it('leaves nothing behind when the import transaction fails', () => {
    const catalogBefore = workspace.catalog.catalog();
    expect(() =>
      workspace.db.transaction(() => {
        workspace.catalog.addRegion({ code: '331199', nameZh: '丽水新区', nameEn: 'Lishui New Area', level: 'zone', parentCode: null }, 50);
        workspace.writeCells([{ indicatorCode: 'no_such', regionCode: '331199', period: '2024', fields: fieldsOfValue(1) }], { kind: 'import', label: 'bad' });
      })(),
    ).toThrow(/Unknown indicator/);
    expect(workspace.catalog.catalog()).toEqual(catalogBefore);
    // A later import does not inherit the failed one's entries.
    importLike(workspace);
    workspace.undo();
    expect(workspace.catalog.catalog()).toEqual(catalogBefore);
  });
});

describe('opening a workspace written before migration 005', () => {
  it('fills the cell table from the versions, answers as-of as before, and undoes a change set stored in the old format', () => {
    const file = path.join(temp.dir, 'v4.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma(`application_id = ${YARDSTICK_APPLICATION_ID}`);
    for (const migration of migrations.filter((m) => m.version <= 4)) db.exec(migration.sql);
    db.pragma('user_version = 4');
    db.exec(`
      INSERT INTO category VALUES ('c', '类', 'C', 0);
      INSERT INTO region (id, code, name_zh, name_en, level) VALUES (1, 'R1', '甲', 'A', 'city');
      INSERT INTO indicator (id, code, name_zh, name_en, unit, kind, accumulation, category) VALUES (1, 'I1', '指标', 'I', '亿元', 'flow', 'point', 'c');
      INSERT INTO snapshot (seq, label, created_at, kind) VALUES (1, 'S1', 't', 'manual'), (2, 'S2', 't', 'manual');
      INSERT INTO change_set (id, seq, created_at, kind, label, forward, inverse) VALUES
        (1, 3, 't', 'edit', 'old format',
         '[{"key":{"indicator":"I1","region":"R1","period":"2024"},"fields":{"value":3,"growthReportedPct":null,"rankReported":null,"flags":[],"note":null,"source":null}}]',
         '[{"key":{"indicator":"I1","region":"R1","period":"2024"},"fields":{"value":2,"growthReportedPct":null,"rankReported":null,"flags":[],"note":null,"source":null}}]');
      INSERT INTO observation_version (indicator_id, region_id, period, value, from_seq, to_seq, recorded_at) VALUES
        (1, 1, '2024', 1, 1, 2, 't'), (1, 1, '2024', 2, 2, 3, 't'), (1, 1, '2024', 3, 3, NULL, 't'),
        (1, 1, '2023', 9, 1, 2, 't');
    `);
    db.close();
    const old = Workspace.open(file);
    try {
      expect(old.db.prepare('SELECT indicator_id, region_id, period FROM cell ORDER BY period').all()).toEqual([
        { indicator_id: 1, region_id: 1, period: '2023' },
        { indicator_id: 1, region_id: 1, period: '2024' },
      ]);
      expect([1, 2, 'working'].map((s) => [...asOfMap(old, s).entries()])).toEqual([[['I1|R1|2023', 9], ['I1|R1|2024', 1]], [['I1|R1|2024', 2]], [['I1|R1|2024', 3]]]);
      expect(old.recentChangeSets(1)[0]).toMatchObject({ cellCount: 1 });
      old.undo();
      expect(old.querySeries({})[0]?.value).toBe(2);
      old.redo();
      expect(old.querySeries({})[0]?.value).toBe(3);
    } finally {
      old.close();
    }
  });
});

describe('opening a workspace written before migration 007', () => {
  it('undoes and redoes a change set stored as JSON columns (format 2), and stores new ones in format 3', () => {
    const file = path.join(temp.dir, 'v6.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma(`application_id = ${YARDSTICK_APPLICATION_ID}`);
    for (const migration of migrations.filter((m) => m.version <= 6)) db.exec(migration.sql);
    db.pragma('user_version = 6');
    // One edit as the previous release stored it: cell 2024 changed 2 → 3, cell 2023 created with 5.
    db.exec(`
      INSERT INTO category VALUES ('c', '类', 'C', 0);
      INSERT INTO region (id, code, name_zh, name_en, level) VALUES (1, 'R1', '甲', 'A', 'city');
      INSERT INTO indicator (id, code, name_zh, name_en, unit, kind, accumulation, category) VALUES (1, 'I1', '指标', 'I', '亿元', 'flow', 'point', 'c');
      INSERT INTO snapshot (seq, label, created_at, kind) VALUES (1, 'S1', 't', 'manual');
      INSERT INTO change_set (id, seq, created_at, kind, label, forward, inverse, cell_count) VALUES
        (1, 2, 't', 'edit', 'format 2',
         '{"v":2,"indicator":["I1","I1"],"region":["R1","R1"],"period":["2024","2023"],"fields":{"present":"11","value":[3,5],"growthReportedPct":[null,1.5],"rankReported":[null,null],"flags":["","estimated"],"note":[null,"注"],"source":[null,null]}}',
         '{"v":2,"fields":{"present":"10","value":[2],"growthReportedPct":[null],"rankReported":[null],"flags":[""],"note":[null],"source":[null]}}',
         2);
      INSERT INTO observation_version (indicator_id, region_id, period, value, growth_reported_pct, flags, note, from_seq, to_seq, change_set_id, recorded_at) VALUES
        (1, 1, '2024', 2, NULL, '', NULL, 1, 2, NULL, 't'), (1, 1, '2024', 3, NULL, '', NULL, 2, NULL, 1, 't'), (1, 1, '2023', 5, 1.5, 'estimated', '注', 2, NULL, 1, 't');
      INSERT INTO cell VALUES (1, 1, '2023'), (1, 1, '2024');
    `);
    db.close();
    const old = Workspace.open(file);
    try {
      // Migration 008 names each cell's open version.
      expectOpenVersionsNamed(old);
      const cells = () => old.querySeries({}).map((o) => [o.period, o.value, o.growthReportedPct, o.flags, o.note]);
      expect(cells()).toEqual([
        ['2023', 5, 1.5, ['estimated'], '注'],
        ['2024', 3, null, [], null],
      ]);
      old.undo();
      expect(cells()).toEqual([['2024', 2, null, [], null]]);
      old.redo();
      expect(cells()).toEqual([
        ['2023', 5, 1.5, ['estimated'], '注'],
        ['2024', 3, null, [], null],
      ]);
      old.writeCells([{ indicatorCode: 'I1', regionCode: 'R1', period: '2022', fields: fieldsOfValue(7) }], { kind: 'edit', label: 'new' });
      const stored = old.db.prepare('SELECT forward, inverse, cells FROM change_set ORDER BY id DESC LIMIT 1').get() as { forward: string; inverse: string; cells: Buffer | null };
      expect(JSON.parse(stored.forward)).toMatchObject({ v: 3, count: 1, periods: ['2022'] });
      expect(stored.cells).toBeInstanceOf(Buffer);
      old.undo();
      old.undo();
      expect(cells()).toEqual([['2024', 2, null, [], null]]);
    } finally {
      old.close();
    }
  });
});
