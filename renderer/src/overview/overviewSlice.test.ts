// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient, MethodName } from '../../../shared/api/contract';
import { resetStore, useAppStore } from '../store';
import { overviewKey } from './overviewSlice';

const overview = { region: { code: '331100', nameZh: '丽水市', nameEn: 'Lishui' }, snapshot: { seq: 2, label: 'working' }, cards: [] };

function fakeClient() {
  const calls: [MethodName, unknown][] = [];
  const client = vi.fn(async (method: MethodName, input: unknown) => {
    calls.push([method, input]);
    return { ok: true, value: overview };
  }) as unknown as ApiClient;
  return { client, calls };
}

beforeEach(() => resetStore());

describe('overview slice', () => {
  it('fetches an overview once per snapshot and data, again when the data change', async () => {
    const { client, calls } = fakeClient();
    useAppStore.getState().connect(client);
    const data = [{}];
    await useAppStore.getState().loadOverview('working', data);
    await useAppStore.getState().loadOverview('working', data);
    await useAppStore.getState().loadOverview(1, data);
    expect(calls).toEqual([['overview.get', {}], ['overview.get', { snapshot: 1 }]]);
    expect(useAppStore.getState().overviews[overviewKey('working')]).toEqual({ status: 'ready', overview });
    await useAppStore.getState().loadOverview('working', [{}]);
    expect(calls).toHaveLength(3);
  });

  it('a card opens the table with its indicator and category selected and every region shown', () => {
    useAppStore.setState({
      catalog: { categories: [], regions: [], indicators: [{ code: 'iva', nameZh: '', nameEn: '', unit: '亿元', kind: 'flow', accumulation: 'point', category: 'industry', parentCode: null, sourceNote: null }] },
      selectedRegion: '330100',
    });
    expect(useAppStore.getState().view).toBe('overview');
    useAppStore.getState().openIndicatorTable('iva');
    const state = useAppStore.getState();
    expect([state.view, state.selectedIndicator, state.selectedCategory, state.selectedRegion]).toEqual(['table', 'iva', 'industry', null]);
  });

  it('saves pins, then replaces the overview of the viewed snapshot; a refusal is returned and the cards stay', async () => {
    const { client, calls } = fakeClient();
    useAppStore.getState().connect(client);
    const data = [{}];
    await useAppStore.getState().loadOverview('working', data);
    expect(await useAppStore.getState().savePins(['iva', 'land'], '330800')).toBeNull();
    expect(calls.slice(1)).toEqual([
      ['overview.setPins', { indicators: ['iva', 'land'], region: '330800' }],
      ['overview.get', {}],
    ]);
    const refusal = { code: 'INDICATOR_NOT_FOUND' as const, message: 'No indicator nope', messageZh: '没有指标 nope' };
    useAppStore.getState().connect((async () => ({ ok: false, error: refusal })) as unknown as ApiClient);
    expect(await useAppStore.getState().savePins(['nope'])).toEqual(refusal);
    expect(useAppStore.getState().overviews[overviewKey('working')]).toEqual({ status: 'ready', overview });
  });
});
