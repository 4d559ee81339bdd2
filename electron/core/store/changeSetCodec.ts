/**
 * Change-set cells, format 3: every cell of a change set (its key, its content after and before)
 * column by column in one BLOB, with a short JSON header saying what lies where.
 *
 * Format 2 stored the same columns as JSON text: a million-cell import made about 100 MB of text
 * (every code, period and figure spelt out twice), which took longer to build and to write than the
 * versions themselves. Here keys are dictionary indexes, figures are float64 arrays, a column that
 * is the same in every cell (no growth, no note, no flags) is one value, and text columns such as
 * the source ("file.csv 数据!B7", "… B8") keep only what differs from the cell before.
 */

/** The part of a cell key and of its content that a change set stores. */
export interface CodecKey {
  indicator: string;
  region: string;
  period: string;
}
export interface CodecFields {
  value: number | null;
  growthReportedPct: number | null;
  rankReported: number | null;
  flags: readonly string[];
  note: string | null;
  source: string | null;
}
export interface CodecChange<Key extends CodecKey, Fields extends CodecFields> {
  key: Key;
  before: Fields | null;
  after: Fields | null;
}

/**
 * The cells of a change set as the codec reads them, one column at a time: a large write hands
 * over its own arrays instead of building an object per cell.
 */
export interface ChangeCells {
  readonly count: number;
  indicator(index: number): string;
  region(index: number): string;
  period(index: number): string;
  before(index: number): CodecFields | null;
  after(index: number): CodecFields | null;
}

/** `ChangeCells` over a list of changes. */
export function changeCellsOf(changes: readonly CodecChange<CodecKey, CodecFields>[]): ChangeCells {
  return {
    count: changes.length,
    indicator: (index) => changes[index]!.key.indicator,
    region: (index) => changes[index]!.key.region,
    period: (index) => changes[index]!.key.period,
    before: (index) => changes[index]!.before,
    after: (index) => changes[index]!.after,
  };
}

/** A numeric column over the present cells: one value for all, or float64s with an optional null mask. */
type NumberColumn = { all: number | null } | { section: number; nulls?: number };
/** A text column over the present cells: one value for all, or front-coded (prefix length shared with the previous cell, then the rest). */
type TextColumn = { all: string | null } | { section: number; prefix: number };

interface SideHeader {
  /** Section of one byte per cell, 1 where the cell has content; absent when every cell has. */
  present?: number;
  /** Every cell absent (an import's "before" of new cells). */
  none?: true;
  value?: NumberColumn;
  growthReportedPct?: NumberColumn;
  rankReported?: NumberColumn;
  flags?: TextColumn;
  note?: TextColumn;
  source?: TextColumn;
}

export interface CellsHeader {
  v: 3;
  count: number;
  indicators: string[];
  regions: string[];
  periods: string[];
  /** Sections of the key indexes into the three lists above. */
  keys: [number, number, number];
  after: SideHeader;
  before: SideHeader;
  /** Byte offset, kind and length of each section of the BLOB. */
  sections: [offset: number, kind: SectionKind, length: number][];
}

type SectionKind = 'u8' | 'u16' | 'u32' | 'f64' | 'json';
type SectionData = Uint8Array | Uint16Array | Uint32Array | Float64Array | string;

/** Collects sections, each aligned to 8 bytes, and joins them into one buffer. */
class SectionWriter {
  readonly sections: CellsHeader['sections'] = [];
  private readonly parts: Uint8Array[] = [];
  private offset = 0;

  add(kind: SectionKind, data: SectionData): number {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.sections.push([this.offset, kind, typeof data === 'string' ? bytes.byteLength : data.length]);
    this.parts.push(bytes);
    const padding = (8 - (bytes.byteLength % 8)) % 8;
    if (padding > 0) this.parts.push(new Uint8Array(padding));
    this.offset += bytes.byteLength + padding;
    return this.sections.length - 1;
  }

  finish(): Buffer {
    return Buffer.concat(this.parts, this.offset);
  }
}

function indexArray(size: number, count: number): Uint8Array | Uint16Array | Uint32Array {
  return size <= 0x100 ? new Uint8Array(count) : size <= 0x10000 ? new Uint16Array(count) : new Uint32Array(count);
}

function kindOf(array: Uint8Array | Uint16Array | Uint32Array): SectionKind {
  return array instanceof Uint8Array ? 'u8' : array instanceof Uint16Array ? 'u16' : 'u32';
}

/** Dictionary-encodes one key column. */
function encodeKeyColumn(values: (index: number) => string, count: number, writer: SectionWriter): { list: string[]; section: number } {
  const positions = new Map<string, number>();
  const list: string[] = [];
  const raw = new Uint32Array(count);
  for (let index = 0; index < count; index += 1) {
    const value = values(index);
    let position = positions.get(value);
    if (position === undefined) {
      position = list.length;
      positions.set(value, position);
      list.push(value);
    }
    raw[index] = position;
  }
  const narrow = indexArray(list.length, count);
  narrow.set(raw);
  return { list, section: writer.add(kindOf(narrow), narrow) };
}

function encodeNumbers(values: (number | null)[], writer: SectionWriter): NumberColumn {
  const first = values[0] ?? null;
  if (values.every((value) => value === first || (Number.isNaN(value) && Number.isNaN(first)))) return { all: first };
  const numbers = new Float64Array(values.length);
  let nulls: Uint8Array | undefined;
  values.forEach((value, index) => {
    if (value === null) (nulls ??= new Uint8Array(values.length))[index] = 1;
    else numbers[index] = value;
  });
  const section = writer.add('f64', numbers);
  return nulls ? { section, nulls: writer.add('u8', nulls) } : { section };
}

function encodeTexts(values: (string | null)[], writer: SectionWriter): TextColumn {
  const first = values[0] ?? null;
  if (values.every((value) => value === first)) return { all: first };
  const prefix = new Uint16Array(values.length);
  const rest: (string | null)[] = new Array(values.length);
  let previous = '';
  values.forEach((value, index) => {
    if (value === null) {
      rest[index] = null;
      return;
    }
    let shared = 0;
    const limit = Math.min(previous.length, value.length, 0xffff);
    while (shared < limit && previous.charCodeAt(shared) === value.charCodeAt(shared)) shared += 1;
    // Never split a surrogate pair: the rest must be valid text on its own.
    if (shared > 0 && shared < value.length && isLowSurrogate(value.charCodeAt(shared))) shared -= 1;
    prefix[index] = shared;
    rest[index] = shared === 0 ? value : value.slice(shared);
    previous = value;
  });
  return { section: writer.add('json', JSON.stringify(rest)), prefix: writer.add('u16', prefix) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function encodeSide(count: number, fieldsAt: (index: number) => CodecFields | null, writer: SectionWriter): SideHeader {
  const present: CodecFields[] = [];
  const isPresent = new Uint8Array(count);
  for (let index = 0; index < count; index += 1) {
    const fields = fieldsAt(index);
    if (fields === null) continue;
    present.push(fields);
    isPresent[index] = 1;
  }
  if (present.length === 0) return count === 0 ? {} : { none: true };
  const header: SideHeader = {};
  if (present.length < count) header.present = writer.add('u8', isPresent);
  header.value = encodeNumbers(present.map((fields) => fields.value), writer);
  header.growthReportedPct = encodeNumbers(present.map((fields) => fields.growthReportedPct), writer);
  header.rankReported = encodeNumbers(present.map((fields) => fields.rankReported), writer);
  header.flags = encodeTexts(present.map((fields) => fields.flags.join(',')), writer);
  header.note = encodeTexts(present.map((fields) => fields.note), writer);
  header.source = encodeTexts(present.map((fields) => fields.source), writer);
  return header;
}

/** Encodes the cells of a change set, in write order. */
export function encodeChangeCells(cells: ChangeCells): { header: CellsHeader; blob: Buffer } {
  const writer = new SectionWriter();
  const { count } = cells;
  const indicators = encodeKeyColumn(cells.indicator, count, writer);
  const regions = encodeKeyColumn(cells.region, count, writer);
  const periods = encodeKeyColumn(cells.period, count, writer);
  const after = encodeSide(count, cells.after, writer);
  const before = encodeSide(count, cells.before, writer);
  const header: CellsHeader = {
    v: 3,
    count,
    indicators: indicators.list,
    regions: regions.list,
    periods: periods.list,
    keys: [indicators.section, regions.section, periods.section],
    after,
    before,
    sections: writer.sections,
  };
  return { header, blob: writer.finish() };
}

/** Reads sections back; typed arrays are copied out of the BLOB, which need not be aligned. */
class SectionReader {
  constructor(
    private readonly header: CellsHeader,
    private readonly blob: Uint8Array,
  ) {}

  typed(section: number): Uint8Array | Uint16Array | Uint32Array | Float64Array {
    const [offset, kind, length] = this.section(section);
    const width = kind === 'u8' ? 1 : kind === 'u16' ? 2 : kind === 'u32' ? 4 : 8;
    const copy = Uint8Array.prototype.slice.call(this.blob, offset, offset + length * width).buffer;
    if (kind === 'u8') return new Uint8Array(copy);
    if (kind === 'u16') return new Uint16Array(copy);
    if (kind === 'u32') return new Uint32Array(copy);
    if (kind === 'f64') return new Float64Array(copy);
    throw new Error(`Change set section ${section} is ${kind}, not a typed array.`);
  }

  json(section: number): unknown {
    const [offset, kind, length] = this.section(section);
    if (kind !== 'json') throw new Error(`Change set section ${section} is ${kind}, not JSON.`);
    return JSON.parse(Buffer.from(this.blob.buffer, this.blob.byteOffset + offset, length).toString('utf8'));
  }

  private section(section: number): CellsHeader['sections'][number] {
    const found = this.header.sections[section];
    const width = found ? { u8: 1, u16: 2, u32: 4, f64: 8, json: 1 }[found[1]] : 0;
    if (!found || found[0] + found[2] * width > this.blob.byteLength) throw new Error(`Change set section ${section} is missing or lies outside the stored cells.`);
    return found;
  }
}

function decodeNumbers(column: NumberColumn | undefined, count: number, reader: SectionReader): (number | null)[] {
  if (!column) return new Array<null>(count).fill(null);
  if ('all' in column) return new Array<number | null>(count).fill(column.all);
  const numbers = reader.typed(column.section);
  const nulls = column.nulls === undefined ? undefined : reader.typed(column.nulls);
  const values = new Array<number | null>(count);
  for (let index = 0; index < count; index += 1) values[index] = nulls?.[index] ? null : numbers[index]!;
  return values;
}

function decodeTexts(column: TextColumn | undefined, count: number, reader: SectionReader): (string | null)[] {
  if (!column) return new Array<null>(count).fill(null);
  if ('all' in column) return new Array<string | null>(count).fill(column.all);
  const rest = reader.json(column.section) as (string | null)[];
  const prefix = reader.typed(column.prefix);
  const values = new Array<string | null>(count);
  let previous = '';
  for (let index = 0; index < count; index += 1) {
    const part = rest[index] ?? null;
    if (part === null) {
      values[index] = null;
      continue;
    }
    const value = previous.slice(0, prefix[index]!) + part;
    values[index] = value;
    previous = value;
  }
  return values;
}

function decodeSide<Fields>(side: SideHeader, count: number, reader: SectionReader): (Fields | null)[] {
  if (side.none || count === 0) return new Array<Fields | null>(count).fill(null);
  const present = side.present === undefined ? undefined : reader.typed(side.present);
  let presentCount = count;
  if (present) {
    presentCount = 0;
    for (let index = 0; index < count; index += 1) presentCount += present[index]!;
  }
  const value = decodeNumbers(side.value, presentCount, reader);
  const growth = decodeNumbers(side.growthReportedPct, presentCount, reader);
  const rank = decodeNumbers(side.rankReported, presentCount, reader);
  const flags = decodeTexts(side.flags, presentCount, reader);
  const note = decodeTexts(side.note, presentCount, reader);
  const source = decodeTexts(side.source, presentCount, reader);
  const list = new Array<Fields | null>(count);
  let next = 0;
  for (let index = 0; index < count; index += 1) {
    if (present && present[index] !== 1) {
      list[index] = null;
      continue;
    }
    const joined = flags[next] ?? '';
    list[index] = {
      value: value[next]!,
      growthReportedPct: growth[next]!,
      rankReported: rank[next]!,
      flags: joined === '' ? [] : joined.split(','),
      note: note[next]!,
      source: source[next]!,
    } as Fields;
    next += 1;
  }
  return list;
}

/** Decodes what `encodeChangeCells` wrote: the keys, and each cell's content after and before, in write order. */
export function decodeChangeCells<Key, Fields>(header: CellsHeader, blob: Uint8Array): { keys: Key[]; after: (Fields | null)[]; before: (Fields | null)[] } {
  const reader = new SectionReader(header, blob);
  const { count } = header;
  const [indicatorSection, regionSection, periodSection] = header.keys;
  const indicator = reader.typed(indicatorSection);
  const region = reader.typed(regionSection);
  const period = reader.typed(periodSection);
  const keys = new Array<Key>(count);
  for (let index = 0; index < count; index += 1) {
    keys[index] = { indicator: header.indicators[indicator[index]!]!, region: header.regions[region[index]!]!, period: header.periods[period[index]!]! } as Key;
  }
  return { keys, after: decodeSide<Fields>(header.after, count, reader), before: decodeSide<Fields>(header.before, count, reader) };
}
