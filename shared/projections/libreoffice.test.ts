/**
 * Agreement with LibreOffice Calc: the cases below are written as one sheet of spreadsheet
 * formulas (RRI, FV, FVSCHEDULE, NPER, LOGEST, GROWTH, TINV…), computed by `soffice --headless`
 * once for the file, and compared with this module's functions to 1e-9 relative.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catchUpYear } from './catchUp';
import { projectPath } from './compound';
import { contributionToGrowth } from './contribution';
import { averageGrowth, averageOfRates, logLinearTrend } from './history';
import { requiredGrowthForShare, sharePath, whenShareReached } from './share';
import { studentTTwoTailedInverse } from './studentT';
import { requiredGrowthByYear, whenReached, yearsToTarget } from './target';

const RELATIVE_TOLERANCE = 1e-9;

function findSoffice(): string | undefined {
  const candidates = [process.env.SOFFICE, ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'soffice'))];
  return candidates.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate));
}

const soffice = findSoffice();
if (!soffice) console.warn('[libreoffice.test] soffice (LibreOffice) not found on PATH: the Calc agreement tests are SKIPPED.');

/** A number our code computes, failing loudly when the result is an edge instead. */
function num<T extends { kind: string }>(result: T, pick: (value: T) => number | undefined): number {
  const value = pick(result);
  if (value === undefined) throw new Error(`expected a number, got ${JSON.stringify(result)}`);
  return value;
}

const constant = (growthPct: number) => ({ kind: 'constant', growthPct }) as const;
const HISTORY = [100, 104, 113, 119, 131, 140].map((value, index) => ({ year: 2019 + index, value }));
const Y = `{${HISTORY.map((p) => p.value).join(';')}}`;
const X = `{${HISTORY.map((p) => p.year).join(';')}}`;
const trend = logLinearTrend(HISTORY, 2);
const pathValue = (result: ReturnType<typeof projectPath>, index: number) => (result.kind === 'path' ? result.points[index]?.value : undefined);

interface CalcCase {
  /** What the case checks, in the words of the issue where it has them. */
  readonly label: string;
  /** An OpenFormula expression, without the leading "=". */
  readonly formula: string;
  readonly ours: () => number;
}

const cases: CalcCase[] = [
  // The case: 471.78 bn at 9.3% a year, when is 600 bn passed?
  { label: 'NPER 471.78 → 600 at 9.3%', formula: 'NPER(0.093;0;-471.78;600)', ours: () => num(yearsToTarget(471.78, 600, 9.3, 2024), (r) => (r.kind === 'reached' ? r.years : undefined)) },
  { label: 'calendar year 600 is passed', formula: '2024+ROUNDUP(NPER(0.093;0;-471.78;600);0)', ours: () => num(yearsToTarget(471.78, 600, 9.3, 2024), (r) => (r.kind === 'reached' ? r.year : undefined)) },
  ...[1, 2, 3, 4, 5, 6].map((years) => ({
    label: `FV 471.78 at 9.3% after ${years} years`,
    formula: `FV(0.093;${years};0;-471.78)`,
    ours: () => num(projectPath(471.78, 2024, constant(9.3), 6), (r) => pathValue(r, years)),
  })),
  { label: 'FV with a decline', formula: 'FV(-0.05;3;0;-100)', ours: () => num(projectPath(100, 2024, constant(-5), 3), (r) => pathValue(r, 3)) },
  { label: 'RRI to 600 by 2030', formula: 'RRI(6;471.78;600)*100', ours: () => num(requiredGrowthByYear(471.78, 600, 2024, 2030), (r) => (r.kind === 'required' ? r.growthPct : undefined)) },
  { label: 'RRI to a target already met', formula: 'RRI(6;600;471.78)*100', ours: () => num(requiredGrowthByYear(600, 471.78, 2024, 2030), (r) => (r.kind === 'already_met' ? r.growthPct : undefined)) },
  // The case: growth needed for a 2.5% provincial share by 2030 from 2% in 2024, the province at 7.5%.
  {
    label: 'growth for a 2.5% share by 2030',
    formula: '((1+RRI(6;2;2.5))*(1+0.075)-1)*100',
    ours: () => num(requiredGrowthForShare(2, 2.5, 7.5, 2024, 2030), (r) => (r.kind === 'required' ? r.growthPct : undefined)),
  },
  { label: 'share in 2030 at 9.3% vs 7.5%', formula: 'FV(1.093/1.075-1;6;0;-2)', ours: () => num(sharePath(2, constant(9.3), constant(7.5), 2024, 6), (r) => (r.kind === 'path' ? r.points[6]?.sharePct : undefined)) },
  { label: 'NPER share 2% → 2.5%', formula: 'NPER(1.093/1.075-1;0;-2;2.5)', ours: () => num(whenShareReached(2, 2.5, constant(9.3), constant(7.5), 2024), (r) => (r.kind === 'reached' ? r.years : undefined)) },
  { label: 'year the share reaches 2.5%', formula: '2024+ROUNDUP(NPER(1.093/1.075-1;0;-2;2.5);0)', ours: () => num(whenShareReached(2, 2.5, constant(9.3), constant(7.5), 2024), (r) => (r.kind === 'reached' ? r.year : undefined)) },
  {
    label: 'FVSCHEDULE per-year rates 9.3, 8, 7 (then 7)',
    formula: 'FVSCHEDULE(471.78;{0.093;0.08;0.07;0.07;0.07})',
    ours: () => num(projectPath(471.78, 2024, { kind: 'perYear', growthPcts: [9.3, 8, 7] }, 5), (r) => pathValue(r, 5)),
  },
  {
    label: 'FVSCHEDULE ramp 10% → 6% over 5 years, 6 years',
    formula: 'FVSCHEDULE(471.78;{0.1;0.09;0.08;0.07;0.06;0.06})',
    ours: () => num(projectPath(471.78, 2024, { kind: 'ramp', fromPct: 10, toPct: 6, rampYears: 5 }, 6), (r) => pathValue(r, 6)),
  },
  {
    label: 'NPER after a per-year schedule: 2 years at 9.3 and 8, then 7%',
    formula: '2+NPER(0.07;0;-471.78*1.093*1.08;700)',
    ours: () => num(whenReached(471.78, 700, { kind: 'perYear', growthPcts: [9.3, 8, 7] }, 2024), (r) => (r.kind === 'reached' ? r.years : undefined)),
  },
  {
    label: 'NPER catching up 500 at 7% from 471.78 at 9.3%',
    formula: 'NPER(1.093/1.07-1;0;-471.78;500)',
    ours: () => num(catchUpYear({ value: 471.78, growth: constant(9.3) }, { value: 500, growth: constant(7) }, 2024), (r) => (r.kind === 'catches_up' ? r.years : undefined)),
  },
  {
    label: 'semiconductors: percentage points of the leading industries’ growth',
    formula: '(15.21-15.21/1.271)/(187.22/1.161)*100',
    ours: () => num(contributionToGrowth({ value: 15.21, growthPct: 27.1 }, { value: 187.22, growthPct: 16.1 }), (r) => (r.kind === 'contribution' ? r.contributionPp : undefined)),
  },
  {
    label: 'semiconductors: share of the leading industries’ growth',
    formula: '(15.21-15.21/1.271)/(187.22-187.22/1.161)*100',
    ours: () => num(contributionToGrowth({ value: 15.21, growthPct: 27.1 }, { value: 187.22, growthPct: 16.1 }), (r) => (r.kind === 'contribution' ? r.shareOfGrowthPct : undefined)),
  },
  { label: 'average growth over 5 years (RRI)', formula: 'RRI(5;100;140)*100', ours: () => num(averageGrowth(HISTORY, 5), (r) => (r.kind === 'average' ? r.growthPct : undefined)) },
  { label: 'average of yearly rates (GEOMEAN)', formula: '(GEOMEAN(1.1;0.9;1.05)-1)*100', ours: () => num(averageOfRates([10, -10, 5]), (r) => (r.kind === 'average' ? r.growthPct : undefined)) },
  { label: 'log-linear trend growth (LOGEST)', formula: `(INDEX(LOGEST(${Y};${X});1;1)-1)*100`, ours: () => num(trend, (r) => (r.kind === 'trend' ? r.growthPct : undefined)) },
  { label: 'trend value in 2026 (GROWTH)', formula: `GROWTH(${Y};${X};2026)`, ours: () => num(trend, (r) => (r.kind === 'trend' ? r.projected[1]?.value : undefined)) },
  { label: 'TINV(0.05; 4)', formula: 'TINV(0.05;4)', ours: () => studentTTwoTailedInverse(0.05, 4) },
  { label: 'TINV(0.01; 17)', formula: 'TINV(0.01;17)', ours: () => studentTTwoTailedInverse(0.01, 17) },
  {
    label: 'upper edge of the 95% band in 2026',
    formula: `EXP(LN(GROWTH(${Y};${X};2026))+TINV(0.05;4)*STEYX(LN(${Y});${X})*SQRT(1+1/6+(2026-AVERAGE(${X}))^2/DEVSQ(${X})))`,
    ours: () => num(trend, (r) => (r.kind === 'trend' ? r.projected[1]?.upper : undefined)),
  },
];

/** Cases where Calc returns a number that is not an answer, and we return an explicit edge instead. */
const edgeCases = [
  { label: 'NPER with a decline toward a higher target', formula: 'NPER(-0.03;0;-471.78;600)' },
  { label: 'NPER with zero growth', formula: 'NPER(0;0;-471.78;600)' },
];

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function flatOds(formulas: readonly string[]): string {
  const rows = formulas
    .map(
      (formula, index) =>
        `<table:table-row><table:table-cell office:value-type="string"><text:p>c${index}</text:p></table:table-cell>` +
        `<table:table-cell table:formula="of:=${escapeXml(formula)}"/></table:table-row>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
  office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="cases">
${rows}
</table:table></office:spreadsheet></office:body></office:document>
`;
}

/** "3.78908155562134%" → 0.0378908155562134; errors such as "#NUM!" stay text. */
function parseCalc(text: string): number | string {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const value = Number(percent ? trimmed.slice(0, -1) : trimmed);
  if (trimmed === '' || Number.isNaN(value)) return trimmed;
  return percent ? value / 100 : value;
}

let folder: string;
const calc = new Map<string, number | string>();

describe.skipIf(!soffice)('agreement with LibreOffice Calc (skipped when soffice is absent)', () => {
  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'yardstick-calc-'));
    const all = [...cases.map((c) => c.formula), ...edgeCases.map((c) => c.formula)];
    const sheet = path.join(folder, 'projections.fods');
    fs.writeFileSync(sheet, flatOds(all));
    // A private profile per run: concurrent soffice processes sharing one profile block each other.
    const profile = pathToFileURL(path.join(folder, 'profile')).href;
    const run = spawnSync(
      soffice!,
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false', '--outdir', folder, sheet],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const csvPath = path.join(folder, 'projections.csv');
    if (!fs.existsSync(csvPath)) throw new Error(`soffice produced no csv (status ${run.status}): ${run.stderr}`);
    for (const line of fs.readFileSync(csvPath, 'utf8').split(/\r?\n/)) {
      const comma = line.indexOf(',');
      if (comma > 0) calc.set(line.slice(0, comma), parseCalc(line.slice(comma + 1)));
    }
  }, 150_000);

  afterAll(() => {
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it.each(cases.map((c, index) => [c.label, index, c] as const))('%s', (_label, index, c) => {
    const theirs = calc.get(`c${index}`);
    expect(typeof theirs, `Calc gave ${String(theirs)} for ${c.formula}`).toBe('number');
    const ours = c.ours();
    const scale = Math.max(Math.abs(theirs as number), 1e-300);
    expect(Math.abs(ours - (theirs as number)) / scale, `ours ${ours}, Calc ${String(theirs)} for ${c.formula}`).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
  });

  it('matches the issue’s figures: 600 bn passed in 2027; 11.57% needed for a 2.5% share by 2030', () => {
    expect(calc.get('c1')).toBe(2027);
    const share = cases.findIndex((c) => c.label === 'growth for a 2.5% share by 2030');
    expect(calc.get(`c${share}`) as number).toBeCloseTo(11.5733, 4);
  });

  it('turns what Calc answers with a negative NPER or #NUM! into "never"', () => {
    const [decline, zero] = edgeCases.map((_, index) => calc.get(`c${cases.length + index}`));
    expect(decline as number).toBeLessThan(0);
    expect(typeof zero).toBe('string');
    expect(yearsToTarget(471.78, 600, -3, 2024)).toEqual({ kind: 'never', reason: 'NO_GROWTH' });
    expect(yearsToTarget(471.78, 600, 0, 2024)).toEqual({ kind: 'never', reason: 'NO_GROWTH' });
  });
});
