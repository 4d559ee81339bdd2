import { describe, expect, it } from 'vitest';
import { ChartSpec } from '../../../shared/charts/spec';
import { INITIAL_CHOICE, specOf } from './chartsStore';

describe('specOf', () => {
  it('turns the view’s choice into a chart spec the backend accepts', () => {
    const spec = specOf({ ...INITIAL_CHOICE, indicator: 'industrial_value_added', period: ' 2024 ' }, 'zh', 1);
    expect(spec).toEqual({ kind: 'ranking', indicator: 'industrial_value_added', period: '2024', measure: 'growth', snapshot: 1, lang: 'zh', theme: 'slide' });
    expect(ChartSpec.safeParse(spec).success).toBe(true);
  });

  it('waits for an indicator, or a saved scenario for a projection fan', () => {
    expect(specOf(INITIAL_CHOICE, 'zh', 'working')).toBeUndefined();
    expect(specOf({ ...INITIAL_CHOICE, kind: 'projectionFan' }, 'en', 'working')).toBeUndefined();
    expect(specOf({ ...INITIAL_CHOICE, kind: 'projectionFan', scenario: '基准' }, 'en', 'working')).toEqual({ kind: 'projectionFan', scenario: '基准', lang: 'en', theme: 'slide' });
  });
});
