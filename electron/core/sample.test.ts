import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../shared/units';
import { SAMPLE } from './sample';

const SEED = path.resolve(__dirname, '../../../shared/seed/lishui-2024-industry-work-report.txt');
const seedText = fs.existsSync(SEED) ? fs.readFileSync(SEED, 'utf8') : undefined;

describe('the sample workspace data', () => {
  it.skipIf(!seedText)('quotes, for every figure, a sentence that stands in the report as printed (../shared/seed)', () => {
    for (const observation of SAMPLE.observations) {
      expect(seedText, observation.indicator).toContain(observation.quote);
    }
  });
  if (!seedText) it.skip(`../shared/seed is absent (${SEED}): quote check skipped`, () => undefined);

  it('prints every value in the sentence it quotes, in the unit the report uses', () => {
    for (const o of SAMPLE.observations) {
      const unit = SAMPLE.indicators.find((i) => i.code === o.indicator)!.unit;
      const spelled: Record<number, string> = { 3: 'three', 23: 'Twenty-three', 52: 'Fifty-two', 2: 'Two', 13: 'Thirteen' };
      if (o.value !== null) {
        const printed = [o.value.toLocaleString('en-US'), o.value.toFixed(1), spelled[o.value]].filter(Boolean) as string[];
        expect(printed.some((text) => o.quote.includes(text)), `${o.indicator} ${o.value} in "${o.quote}"`).toBe(true);
      }
      if (o.growthReportedPct !== null) expect(o.quote, o.indicator).toContain(`${o.growthReportedPct.toFixed(1)}%`);
      expect(convert(1, unit, unit).ok || ['个', '家', '项'].includes(unit), `${o.indicator} unit ${unit}`).toBe(true);
    }
  });

  it('keeps the report contradictions as printed and marks them', () => {
    const byCode = (code: string) => SAMPLE.observations.find((o) => o.indicator === code)!;
    expect(byCode('tcm_chain_revenue')).toMatchObject({ period: '2025', value: 8.67, flags: ['as_printed'] });
    expect(byCode('honours_national_provincial')).toMatchObject({ value: 69, flags: ['as_printed'] });
    expect(byCode('honour_titles')).toMatchObject({ value: 687, flags: ['as_printed'] });
    expect(SAMPLE.indicators.find((i) => i.code === 'honour_titles')?.parentCode).toBe('honours_national_provincial');
  });

  it('places every figure in Lishui or Zhejiang and every region under China', () => {
    expect(new Set(SAMPLE.observations.map((o) => o.region))).toEqual(new Set(['331100', '330000']));
    expect(SAMPLE.regions.filter((r) => r.level === 'city')).toHaveLength(11);
    expect(SAMPLE.regions.find((r) => r.code === '330000')?.parentCode).toBe('CN');
  });
});
