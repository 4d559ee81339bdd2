/**
 * Observations column by column (the `series.columns` transfer) and back. A table of 200,000
 * figures crosses the process boundary as one array of values plus a few short ones instead of
 * 200,000 objects: a small fraction of the bytes, and far less to parse and validate on both sides.
 */
import type { ObservationColumns, SparseColumn, StepRuns } from '../api/methods/editing';
import type { Observation, ObservationFlag } from '../api/schemas';

/**
 * A working copy of more observations than this launches in two steps: the wide table's first rows
 * (`series.head`, drawn at once), then the whole working copy (`series.columns`), which at 200,000
 * observations takes the host about half a second to read and the page as long to decode and build.
 */
export const HEAD_OVER = 20_000;
/** Rows of that first screen: more than a screen, so that a page down stays within them. */
export const HEAD_ROWS = 60;
/** The launch's `series.head` request, which the host reads ahead for a large working copy. */
export const LAUNCH_HEAD = { rows: HEAD_ROWS, over: HEAD_OVER } as const;

/** Index of each distinct string, in order of first appearance. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly indexes = new Map<string, number>();

  indexOf(value: string): number {
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.indexes.set(value, index);
    }
    return index;
  }
}

/** Whole numbers as runs of equal steps: [step, count, …] (see StepRuns). */
export function encodeSteps(values: ArrayLike<number>): StepRuns {
  const runs: number[] = [];
  let previous = 0;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i]!;
    const step = value - previous;
    previous = value;
    const last = runs.length - 2;
    if (last >= 0 && runs[last] === step) runs[last + 1]! += 1;
    else runs.push(step, 1);
  }
  return runs;
}

export function decodeSteps(runs: StepRuns, count: number): Float64Array {
  const values = new Float64Array(count);
  let value = 0;
  let index = 0;
  for (let i = 0; i < runs.length; i += 2) {
    const step = runs[i]!;
    const end = Math.min(count, index + runs[i + 1]!);
    for (; index < end; index += 1) {
      value += step;
      values[index] = value;
    }
  }
  return values;
}

/** The non-null entries of a column. */
export function encodeSparse(values: ArrayLike<number | null>): SparseColumn {
  const sparse: SparseColumn = { rows: [], values: [] };
  for (let row = 0; row < values.length; row += 1) {
    const value = values[row];
    if (value !== null && value !== undefined) {
      sparse.rows.push(row);
      sparse.values.push(value);
    }
  }
  return sparse;
}

/** A sparse column spread over `count` rows: NaN where a row has no figure (a figure is never NaN). */
function decodeSparse(sparse: SparseColumn, count: number): Float64Array {
  const dense = new Float64Array(count).fill(Number.NaN);
  for (let index = 0; index < sparse.rows.length; index += 1) dense[sparse.rows[index]!] = sparse.values[index]!;
  return dense;
}

/** Encodes observations (in their order) as columns. */
export function encodeColumns(observations: readonly Observation[]): ObservationColumns {
  const indicators = new Dictionary();
  const regions = new Dictionary();
  const periods = new Dictionary();
  const units: string[] = [];
  const indicator: number[] = [];
  const region: number[] = [];
  const period: number[] = [];
  const extras: ObservationColumns['extras'] = [];
  for (const [row, observation] of observations.entries()) {
    const index = indicators.indexOf(observation.indicatorCode);
    if (index === units.length) units.push(observation.unit);
    indicator.push(index);
    region.push(regions.indexOf(observation.regionCode));
    period.push(periods.indexOf(observation.period));
    if (observation.flags.length > 0 || observation.note !== null || observation.source !== null) {
      extras.push({ row, flags: [...observation.flags], note: observation.note, source: observation.source });
    }
  }
  return {
    count: observations.length,
    indicatorCodes: indicators.values,
    units,
    regionCodes: regions.values,
    periods: periods.values,
    indicator: encodeSteps(indicator),
    region: encodeSteps(region),
    period: encodeSteps(period),
    versionId: encodeSteps(observations.map((observation) => observation.versionId)),
    fromSeq: encodeSteps(observations.map((observation) => observation.fromSeq)),
    value: observations.map((observation) => observation.value),
    growthReportedPct: encodeSparse(observations.map((observation) => observation.growthReportedPct)),
    rankReported: encodeSparse(observations.map((observation) => observation.rankReported)),
    extras,
  };
}

const NO_FLAGS: readonly ObservationFlag[] = Object.freeze([]);

/** The observations the columns hold, in their order. Rows without flags share one frozen empty list. */
export function decodeColumns(columns: ObservationColumns): Observation[] {
  const { count } = columns;
  // Row → its entry in `extras` plus one (0: none): a typed array instead of a lookup per row.
  const extraOf = new Int32Array(count);
  columns.extras.forEach((extra, index) => (extraOf[extra.row] = index + 1));
  const indicator = decodeSteps(columns.indicator, count);
  const region = decodeSteps(columns.region, count);
  const period = decodeSteps(columns.period, count);
  const versionId = decodeSteps(columns.versionId, count);
  const fromSeq = decodeSteps(columns.fromSeq, count);
  const growth = decodeSparse(columns.growthReportedPct, count);
  const rank = decodeSparse(columns.rankReported, count);
  const observations = new Array<Observation>(count);
  for (let row = 0; row < count; row += 1) {
    const indicatorIndex = indicator[row]!;
    const extraIndex = extraOf[row]!;
    const extra = extraIndex === 0 ? undefined : columns.extras[extraIndex - 1];
    const growthReportedPct = growth[row]!;
    const rankReported = rank[row]!;
    observations[row] = {
      versionId: versionId[row]!,
      indicatorCode: columns.indicatorCodes[indicatorIndex]!,
      regionCode: columns.regionCodes[region[row]!]!,
      period: columns.periods[period[row]!]!,
      value: columns.value[row] ?? null,
      unit: columns.units[indicatorIndex]!,
      growthReportedPct: Number.isNaN(growthReportedPct) ? null : growthReportedPct,
      rankReported: Number.isNaN(rankReported) ? null : rankReported,
      // Observation's type says a mutable array; nothing writes to an observation's flags.
      flags: extra ? extra.flags : (NO_FLAGS as ObservationFlag[]),
      note: extra ? extra.note : null,
      source: extra ? extra.source : null,
      fromSeq: fromSeq[row]!,
    };
  }
  return observations;
}
