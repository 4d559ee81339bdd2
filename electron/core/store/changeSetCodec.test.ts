import { describe, expect, it } from 'vitest';
import { changeCellsOf, decodeChangeCells, encodeChangeCells, type CodecChange, type CodecFields, type CodecKey } from './changeSetCodec';

type Change = CodecChange<CodecKey, CodecFields>;

/** A deterministic pseudo-random sequence, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function fields(next: () => number, index: number): CodecFields | null {
  const roll = next();
  if (roll < 0.15) return null;
  return {
    value: next() < 0.1 ? null : Math.round(next() * 1e6) / 100 - 2000,
    growthReportedPct: next() < 0.5 ? null : Math.round(next() * 300) / 10 - 10,
    rankReported: next() < 0.7 ? null : Math.floor(next() * 11) + 1,
    flags: next() < 0.8 ? [] : next() < 0.5 ? ['preliminary'] : ['estimated', 'revised'],
    note: next() < 0.8 ? null : next() < 0.5 ? '' : `备注 ${index} 😀 口径调整`,
    source: next() < 0.1 ? null : `2024年报表.xlsx 数据!B${index + 7}`,
  };
}

function changes(count: number, seed: number): Change[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, index) => ({
    key: { indicator: `IND${Math.floor(next() * 300)}`, region: `33${Math.floor(next() * 400)}`, period: `${2000 + Math.floor(next() * 25)}M${Math.floor(next() * 12) + 1}` },
    before: fields(next, index),
    after: fields(next, index),
  }));
}

function roundTrip(list: readonly Change[]): Change[] {
  const { header, blob } = encodeChangeCells(changeCellsOf(list));
  // As SQLite gives it back: the header through JSON text, the BLOB as a Buffer of its own.
  const decoded = decodeChangeCells<CodecKey, CodecFields>(JSON.parse(JSON.stringify(header)), Buffer.from(blob));
  return decoded.keys.map((key, index) => ({ key, before: decoded.before[index]!, after: decoded.after[index]! }));
}

describe('change set cells, format 3', () => {
  it('gives back every key and both contents in write order, nulls and empty text kept apart', () => {
    for (const seed of [1, 2, 3]) {
      const list = changes(2_000, seed);
      expect(roundTrip(list)).toEqual(list);
    }
  });

  it('keeps an import of new cells small: no "before", one value for columns that never change', () => {
    const list: Change[] = Array.from({ length: 100_000 }, (_, index) => ({
      key: { indicator: `IND${index % 12}`, region: `R${Math.floor(index / 3_600)}`, period: `${2000 + Math.floor((index % 300) / 12)}M${(index % 12) + 1}` },
      before: null,
      after: { value: index / 100, growthReportedPct: null, rankReported: null, flags: [], note: null, source: `observations.csv 第${index + 2}行` },
    }));
    const { header, blob } = encodeChangeCells(changeCellsOf(list));
    expect(header.before).toEqual({ none: true });
    expect(header.after.growthReportedPct).toEqual({ all: null });
    expect(header.after.flags).toEqual({ all: '' });
    // Keys as one-byte or two-byte indexes, values as float64s, sources as what differs from the row
    // before: a small part of the same cells as JSON text (format 2 wrote about that much, twice).
    expect(blob.byteLength).toBeLessThan(JSON.stringify(list.map((change) => change.after)).length / 5);
    expect(roundTrip(list)).toEqual(list);
  });

  it('handles an empty change set and a single cell', () => {
    expect(roundTrip([])).toEqual([]);
    const one = changes(1, 9);
    expect(roundTrip(one)).toEqual(one);
  });

  it('does not cut a character made of two UTF-16 units when two sources share a prefix', () => {
    const list: Change[] = ['数据😀A', '数据😃B', '数据😀'].map((source, index) => ({
      key: { indicator: 'I', region: 'R', period: `2024M${index + 1}` },
      before: null,
      after: { value: index, growthReportedPct: null, rankReported: null, flags: [], note: null, source },
    }));
    expect(roundTrip(list)).toEqual(list);
  });

  it('refuses a BLOB shorter than its header says, instead of reading garbage', () => {
    const { header, blob } = encodeChangeCells(changeCellsOf(changes(500, 4)));
    expect(() => decodeChangeCells(header, blob.subarray(0, blob.byteLength / 2))).toThrow(/outside the stored cells/);
  });
});
