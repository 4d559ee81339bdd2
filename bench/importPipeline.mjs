// The best case of a pipelined csv import on two cores, for bench/import.mjs --pipeline: a reader
// thread decodes and parses the csv (region, indicator, period, value, unit), converts 亿元 to billion
// yuan and sends chunks of coded rows; the main thread writes each chunk as Yardstick stores versions
// (with their source cell, in key order within the chunk, 64 to an INSERT), creating new regions as
// they come, then the cells, then COMMIT. No layout detection, no checks beyond parsing, no undo
// record, no process or module start-up: a lower bound of what a pipelined import could take here.
//   node bench/importPipeline.mjs <workspace made by `yardstick init --sample`> <csv of bench/import.mjs>
// Prints { observations, ms, readerMs } (readerMs: when the reader had sent its last chunk).
import fs from 'node:fs';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { openForLargeWrite, sourcePrefix, versionInserter } from './versionWrites.mjs';

/** Rows a chunk carries from the reader to the writer. */
const CHUNK = 65536;

if (!isMainThread) {
  const { file } = workerData;
  const bytes = fs.readFileSync(file);
  const text = new TextDecoder('utf-8').decode(bytes);
  const names = { region: new Map(), indicator: new Map(), period: new Map() };
  const periodOfText = new Map();
  const code = (kind, name, fresh) => {
    let id = names[kind].get(name);
    if (id === undefined) {
      id = names[kind].size;
      names[kind].set(name, id);
      fresh[kind].push(name);
    }
    return id;
  };
  let at = text.indexOf('\n') + 1;
  let line = 2;
  let chunk = null;
  const start = () => ({ region: new Int32Array(CHUNK), indicator: new Int32Array(CHUNK), period: new Int32Array(CHUNK), value: new Float64Array(CHUNK), line: new Int32Array(CHUNK), count: 0, fresh: { region: [], indicator: [], period: [] } });
  const send = () => {
    parentPort.postMessage(chunk, [chunk.region.buffer, chunk.indicator.buffer, chunk.period.buffer, chunk.value.buffer, chunk.line.buffer]);
  };
  chunk = start();
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const row = text.slice(at, end);
    at = end + 1;
    if (row.length === 0) continue;
    const [region, indicator, periodText, valueText, unit] = row.split(',');
    const n = chunk.count++;
    chunk.region[n] = code('region', region, chunk.fresh);
    chunk.indicator[n] = code('indicator', indicator, chunk.fresh);
    let period = periodOfText.get(periodText);
    if (period === undefined) {
      const m = /^(\d{4})年(\d{1,2})月$/.exec(periodText);
      period = code('period', `${m[1]}M${m[2].padStart(2, '0')}`, chunk.fresh);
      periodOfText.set(periodText, period);
    }
    chunk.period[n] = period;
    const value = Number(valueText);
    if (!Number.isFinite(value) || unit !== '亿元') throw new Error(`row ${line}: ${row}`);
    chunk.value[n] = value / 10;
    chunk.line[n] = line++;
    if (chunk.count === CHUNK) {
      send();
      chunk = start();
    }
  }
  send();
  parentPort.postMessage({ done: true });
} else {
  const [ws, csv] = process.argv.slice(2);
  if (!ws || !csv) throw new Error('usage: node bench/importPipeline.mjs <workspace> <csv>');
  // The page cache of a write of this many versions (one a line but the header), counted before the clock starts.
  const bytes = fs.readFileSync(csv);
  let lines = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines += 1;
  const started = performance.now();
  const db = openForLargeWrite(ws, lines - 1);
  const indicatorIds = new Map(db.prepare('SELECT name_zh, id FROM indicator').raw().all());
  const regionIds = new Map(db.prepare('SELECT name_zh, id FROM region').raw().all());
  const addRegion = db.prepare("INSERT INTO region (code, name_zh, name_en, level) VALUES (?, ?, ?, 'county')");
  const prefix = sourcePrefix(path.basename(csv));
  db.exec('BEGIN');
  const versions = versionInserter(db, 'pipeline');
  const codes = { region: [], indicator: [], period: [] };
  let written = 0;
  let readerDoneAt = 0;
  const write = (chunk) => {
    for (const name of chunk.fresh.region) {
      let id = regionIds.get(name);
      if (id === undefined) {
        id = Number(addRegion.run(`P${codes.region.length}`, name, name).lastInsertRowid);
        regionIds.set(name, id);
      }
      codes.region.push(id);
    }
    for (const name of chunk.fresh.indicator) {
      const id = indicatorIds.get(name);
      if (id === undefined) throw new Error(`unknown indicator ${name}`);
      codes.indicator.push(id);
    }
    for (const name of chunk.fresh.period) codes.period.push(name);
    // Key order within the chunk.
    const order = Array.from({ length: chunk.count }, (_, i) => i);
    order.sort((a, b) => chunk.indicator[a] - chunk.indicator[b] || chunk.region[a] - chunk.region[b] || chunk.period[a] - chunk.period[b]);
    const values = [];
    for (const i of order) values.push(codes.indicator[chunk.indicator[i]], codes.region[chunk.region[i]], codes.period[chunk.period[i]], chunk.value[i], prefix + chunk.line[i]);
    versions.insert(values);
    written += chunk.count;
  };
  const finish = () => {
    versions.openCells();
    db.exec('COMMIT');
    const ms = performance.now() - started;
    db.close();
    console.log(JSON.stringify({ observations: written, ms, readerMs: readerDoneAt }));
  };
  const worker = new Worker(new URL(import.meta.url), { workerData: { file: csv } });
  worker.on('message', (message) => {
    if (message.done) {
      readerDoneAt = performance.now() - started;
      finish();
      void worker.terminate();
    } else write(message);
  });
}
