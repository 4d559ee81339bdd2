import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import { createBackend, createWorkspace, type Backend } from '../backend';
import { makeTempDir } from '../testing/tempDir';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let backend: Backend;

function open(): Backend {
  const next = createBackend({ transport: 'http', appVersion: 'test', dataDir: path.join(temp.dir, 'data') });
  const opened = next.openAtStartup(file);
  if (!opened.ok) throw new Error(opened.error.message);
  return next;
}

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

async function valueOf(indicator: string, period = '2024', region = '331100'): Promise<number | null | undefined> {
  const rows = await call('series.query', { indicator, region, period });
  return rows[0]?.value;
}

beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'ws.sqlite');
  createWorkspace(file, true).close();
  backend = open();
});
afterEach(() => {
  backend.close();
  temp.cleanup();
});

describe('editing with a persistent undo log', () => {
  it('undoes and redoes edits and pastes, across a restart', async () => {
    await call('cells.edit', { cells: [{ indicator: 'industrial_value_added', region: '331100', period: '2024', value: 480 }] });
    await call('cells.edit', {
      kind: 'paste',
      cells: [
        { indicator: 'industrial_land_supply', region: '331100', period: '2024', value: 8000 },
        { indicator: 'industrial_land_supply', region: '331100', period: '2023', value: 7000 },
      ],
    });
    expect(await valueOf('industrial_land_supply', '2023')).toBe(7000);
    expect((await call('edit.undo', {}))?.kind).toBe('paste');
    expect(await valueOf('industrial_land_supply', '2023')).toBeUndefined();
    expect(await valueOf('industrial_land_supply')).toBe(7379);
    expect((await call('edit.undo', {}))?.kind).toBe('edit');
    expect(await valueOf('industrial_value_added')).toBe(471.78);
    // The sample's own creation is not undoable.
    expect(await call('edit.undo', {})).toBeNull();

    backend.close();
    backend = open();
    expect((await call('edit.redo', {}))?.kind).toBe('edit');
    expect(await valueOf('industrial_value_added')).toBe(480);
    expect((await call('edit.redo', {}))?.kind).toBe('paste');
    expect(await valueOf('industrial_land_supply', '2023')).toBe(7000);
    expect(await call('edit.redo', {})).toBeNull();
  });

  it('undo and redo return each cell they wrote with its content afterwards, matching series.query', async () => {
    await call('cells.edit', {
      kind: 'paste',
      cells: [
        { indicator: 'industrial_value_added', region: '331100', period: '2024', value: 480, note: '改' },
        { indicator: 'industrial_land_supply', region: '331100', period: '2023', value: 7000 },
      ],
    });
    const undone = await call('edit.undo', {});
    const byPeriod = new Map(undone?.cells?.map((cell) => [`${cell.indicator}|${cell.period}`, cell]));
    const [before] = await call('series.query', { indicator: 'industrial_value_added', region: '331100', period: '2024' });
    expect(byPeriod.get('industrial_value_added|2024')).toMatchObject({ value: before?.value, growthReportedPct: before?.growthReportedPct, note: before?.note, flags: before?.flags });
    // A cell the paste created is removed by the undo.
    expect(byPeriod.get('industrial_land_supply|2023')).toMatchObject({ remove: true });
    const redone = await call('edit.redo', {});
    expect(redone?.cells?.find((cell) => cell.period === '2024')).toMatchObject({ value: 480, note: '改' });
    expect(redone?.cells?.find((cell) => cell.period === '2023')).toMatchObject({ value: 7000 });
  });

  it('keeps the other fields of an edited cell and ends the redo stack on a new edit', async () => {
    await call('cells.edit', { cells: [{ indicator: 'industrial_value_added', region: '331100', period: '2024', value: 480 }] });
    const [row] = await call('series.query', { indicator: 'industrial_value_added', region: '331100', period: '2024' });
    expect(row).toMatchObject({ value: 480, growthReportedPct: 9.3, rankReported: 5 });
    await call('edit.undo', {});
    await call('cells.edit', { cells: [{ indicator: 'industrial_value_added', region: '331100', period: '2024', value: 490 }] });
    expect(await call('edit.redo', {})).toBeNull();
    const log = await call('edit.log', { limit: 10 });
    expect(log.map((c) => c.state)).toEqual(['done', 'discarded', 'done']);
  });

  it('rejects a whole edit when one cell is wrong, and changes nothing', async () => {
    const result = await backend.dispatch('cells.edit', {
      cells: [
        { indicator: 'industrial_value_added', region: '331100', period: '2024', value: 1 },
        { indicator: 'industrial_value_added', region: '331100', period: 'soon', value: 2 },
      ],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'PERIOD_UNPARSEABLE' } });
    expect(await valueOf('industrial_value_added')).toBe(471.78);
  });
});

describe('adding to the catalogue', () => {
  it('adds a year-to-date indicator and a region, then takes values for them', async () => {
    await call('catalog.addIndicator', {
      indicator: { code: 'ind_output_ytd', nameZh: '规上工业总产值（累计）', nameEn: 'Industrial output, year to date', unit: '亿元', kind: 'flow', accumulation: 'ytd', category: 'industry', parentCode: null, sourceNote: null },
    });
    await call('catalog.addRegion', { region: { code: '331102', nameZh: '莲都区', nameEn: 'Liandu', level: 'county', parentCode: '331100' } });
    await call('cells.edit', { cells: [{ indicator: 'ind_output_ytd', region: '331102', period: '2024M02', value: 120.5 }] });
    expect(await valueOf('ind_output_ytd', '2024M02', '331102')).toBe(120.5);
    const catalog = await call('catalog.get', {});
    expect(catalog.indicators.find((i) => i.code === 'ind_output_ytd')?.accumulation).toBe('ytd');
  });

  it('refuses a taken code and an unknown category, naming them', async () => {
    const taken = await backend.dispatch('catalog.addRegion', { region: { code: '331100', nameZh: 'x', nameEn: 'x', level: 'city', parentCode: null } });
    expect(taken).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!taken.ok && taken.error.message).toMatch(/"331100" is already used/);
    const unknown = await backend.dispatch('catalog.addIndicator', {
      indicator: { code: 'x', nameZh: 'x', nameEn: 'x', unit: '亿元', kind: 'flow', accumulation: 'point', category: 'nope', parentCode: null, sourceNote: null },
    });
    expect(!unknown.ok && unknown.error.message).toMatch(/Unknown category "nope"/);
  });
});

describe('restore', () => {
  it('brings a snapshot back as one undoable change set', async () => {
    await call('cells.edit', { cells: [{ indicator: 'industrial_value_added', region: '331100', period: '2024', value: 480 }] });
    await call('snapshot.create', { label: 'B' });
    await call('cells.edit', { cells: [{ indicator: 'industrial_land_supply', region: '331100', period: '2024', remove: true }] });
    const restored = await call('snapshot.restore', { snapshot: 1 });
    expect(restored.cellCount).toBe(2);
    expect(await valueOf('industrial_value_added')).toBe(471.78);
    expect(await valueOf('industrial_land_supply')).toBe(7379);
    expect((await call('snapshot.diff', { from: 1, to: 'working' })).rows).toEqual([]);
    await call('edit.undo', {});
    expect(await valueOf('industrial_value_added')).toBe(480);
    expect(await valueOf('industrial_land_supply')).toBeUndefined();
    // Nothing was deleted: snapshot B still answers as it was.
    const atB = await call('series.query', { indicator: 'industrial_value_added', region: '331100', period: '2024', snapshot: 'B' });
    expect(atB[0]?.value).toBe(480);
  });
});

describe('files and backups', () => {
  it('saves a compact copy and continues in it', async () => {
    await call('cells.edit', { cells: [{ indicator: 'industrial_value_added', region: '331100', period: '2024', value: 480 }] });
    const target = path.join(temp.dir, 'copy.sqlite');
    expect(await call('workspace.saveAs', { path: target })).toEqual({ path: target, fileName: 'copy.sqlite' });
    expect((await call('workspace.info', {})).path).toBe(target);
    expect(await valueOf('industrial_value_added')).toBe(480);
    const again = await backend.dispatch('workspace.saveAs', { path: target });
    expect(again).toMatchObject({ ok: false, error: { code: 'FILE_EXISTS' } });
  });

  it('restores a backup after backing up the current state', async () => {
    const first = await call('backup.create', {});
    await call('cells.edit', { cells: [{ indicator: 'industrial_value_added', region: '331100', period: '2024', value: 480 }] });
    const { restored, safetyBackup } = await call('backup.restore', { name: first.name });
    expect(restored.name).toBe(first.name);
    expect(await valueOf('industrial_value_added')).toBe(471.78);
    expect((await call('backup.list', {})).map((b) => b.name)).toEqual(expect.arrayContaining([first.name, safetyBackup.name]));
    expect(fs.existsSync(file)).toBe(true);
    // The safety backup holds the edit that the restore replaced.
    const back = await call('backup.restore', { name: safetyBackup.name });
    expect(back.restored.name).toBe(safetyBackup.name);
    expect(await valueOf('industrial_value_added')).toBe(480);
  });

  it('refuses an unknown backup name', async () => {
    expect(await backend.dispatch('backup.restore', { name: 'nope.sqlite' })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
  });
});
