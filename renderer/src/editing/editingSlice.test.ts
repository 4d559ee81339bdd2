// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient, MethodName } from '../../../shared/api/contract';
import type { Observation } from '../../../shared/api/schemas';
import { resetStore, useAppStore } from '../store';
import { selectViewObservations } from '../store/selectors';
import { encodeColumns } from '../../../shared/editing/columns';
import { applyEdits, bilingual } from './editingSlice';

const observation = (period: string, value: number | null): Observation => ({
  versionId: 1, indicatorCode: 'iva', regionCode: '331100', period, value, unit: 'billion yuan', growthReportedPct: 9.3, rankReported: 5, flags: ['revised'], note: 'n', source: null, fromSeq: 1,
});

describe('applyEdits', () => {
  it('merges the given fields, removes and creates cells as editCells does', () => {
    const result = applyEdits(
      [observation('2023', 1), observation('2024', 2)],
      [
        { indicator: 'iva', region: '331100', period: '2024', value: 3, note: null },
        { indicator: 'iva', region: '331100', period: '2023', remove: true },
        { indicator: 'iva', region: '330000', period: '2024', growthReportedPct: 7.5 },
      ],
      new Map([['iva', 'billion yuan']]),
      2,
    );
    expect(result).toHaveLength(2);
    expect(result[0]).toMatchObject({ period: '2024', value: 3, note: null, growthReportedPct: 9.3, rankReported: 5, flags: ['revised'], fromSeq: 2 });
    expect(result[1]).toMatchObject({ regionCode: '330000', value: null, growthReportedPct: 7.5, unit: 'billion yuan' });
  });
});

describe('the editing slice', () => {
  const workspace = { path: '/tmp/w.sqlite', fileName: 'w.sqlite', schemaVersion: 1, workingSeq: 2, lastSnapshot: null, observationCount: 1, isSample: false };
  let calls: [MethodName, unknown][];
  beforeEach(() => {
    resetStore();
    calls = [];
  });
  function connect(answers: Partial<Record<MethodName, unknown>>) {
    const client = vi.fn(async (method: MethodName, input: unknown) => {
      calls.push([method, input]);
      if (method === 'series.columns') return { ok: true, value: encodeColumns([observation('2024', 9)]) };
      if (method in answers) {
        const answer = answers[method];
        return answer instanceof Error ? { ok: false, error: { code: 'VALIDATION', message: answer.message, messageZh: '错' } } : { ok: true, value: answer };
      }
      return { ok: true, value: workspace };
    }) as unknown as ApiClient;
    useAppStore.setState({ client, info: workspace, catalog: { categories: [], indicators: [], regions: [] }, observations: { 'snapshot=working': [observation('2024', 2)] } });
  }

  it('commits one change set and shows the cells once the backend has them', async () => {
    connect({ 'cells.edit': { id: 2, kind: 'paste', label: 'x', createdAt: '', state: 'done', cellCount: 1 } });
    const error = await useAppStore.getState().commitCells([{ indicator: 'iva', region: '331100', period: '2024', value: 4 }], 'paste', { zh: '粘贴', en: 'Paste' });
    expect(error).toBeNull();
    expect(calls[0]).toEqual(['cells.edit', { kind: 'paste', label: '粘贴 / Paste', cells: [{ indicator: 'iva', region: '331100', period: '2024', value: 4 }] }]);
    expect(selectViewObservations(useAppStore.getState())[0]?.value).toBe(4);
  });

  it('keeps the table as it was when the backend refuses', async () => {
    connect({ 'cells.edit': new Error('no') });
    const error = await useAppStore.getState().commitCells([{ indicator: 'iva', region: '331100', period: '2024', value: 4 }], 'edit', { zh: 'a', en: 'b' }, ['k']);
    expect(error?.message).toBe('no');
    expect(selectViewObservations(useAppStore.getState())[0]?.value).toBe(2);
    expect(useAppStore.getState().pendingCells.size).toBe(0);
  });

  it('undo reloads the working copy in place and says what was undone; an empty log says so', async () => {
    connect({ 'edit.undo': { id: 2, kind: 'edit', label: '编辑 x / Edit x', createdAt: '', state: 'undone', cellCount: 1 }, 'edit.redo': null });
    await useAppStore.getState().undo();
    expect(selectViewObservations(useAppStore.getState())[0]?.value).toBe(9);
    expect(useAppStore.getState().editNotice).toMatchObject({ kind: 'info', zh: '已撤销：编辑 x', en: 'Undone: Edit x' });
    await useAppStore.getState().redo();
    expect(useAppStore.getState().editNotice).toMatchObject({ zh: '没有可重做的修改。', en: 'Nothing to redo.' });
  });

  it('undo that names its cells patches only those, without reloading the working copy', async () => {
    connect({
      'edit.undo': { id: 3, kind: 'paste', label: '粘贴 / Paste', createdAt: '', state: 'undone', cellCount: 2, cells: [
        { indicator: 'iva', region: '331100', period: '2024', value: 4, growthReportedPct: null, rankReported: null, flags: [], note: null, source: null },
        { indicator: 'iva', region: '331100', period: '2025', remove: true },
      ] },
    });
    useAppStore.setState({ observations: { 'snapshot=working': [observation('2024', 2), observation('2025', 3)] } });
    await useAppStore.getState().undo();
    expect(selectViewObservations(useAppStore.getState()).map((o) => [o.period, o.value])).toEqual([['2024', 4]]);
    expect(calls.map(([method]) => method)).not.toContain('series.columns');
    expect(useAppStore.getState().info?.observationCount).toBe(1);
  });

  it('has every change-set label in both languages', () => {
    for (const kind of ['edit', 'paste', 'fill', 'delete']) {
      const label = bilingual(`editing.changeSet.${kind}`, { count: 3, cell: 'c' });
      expect(label.zh).not.toContain('editing.');
      expect(label.en).not.toContain('editing.');
    }
  });
});
