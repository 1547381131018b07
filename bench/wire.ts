// (c) Shipping a 1,000,000-row result from the engine to the renderer: Arrow IPC (what the app puts on
// the wire, core/arrow) against JSON. Both start from the same row objects in memory (the shape a
// better-sqlite3 query returns), and both end with every value of two columns read on the far side.
import { Dictionary, Float64, Int32, Int64, Table, Utf8, makeData, makeVector, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { LEVEL_CODES, type LevelOrAll } from '../core/levels';
import { measure, median, type Figure } from './measure';
import { constantFigure, type BenchContext, type BenchRow } from './types';

export const WIRE_ROWS = 1_000_000;

type WireRow = { region_code: string; year: number; level: LevelOrAll; spending_fen: number; students: number; per_student: number };

/** Deterministic rows over the national region codes, 2010–2024 and the 8 levels (7 + 合计). */
export function wireRows(regionCodes: readonly string[], n = WIRE_ROWS): WireRow[] {
  const levels: LevelOrAll[] = [...LEVEL_CODES, 'all'];
  const rows: WireRow[] = new Array<WireRow>(n);
  let k = 12345;
  for (let i = 0; i < n; i++) {
    k = (Math.imul(k, 1103515245) + 12345) & 0x7fffffff;
    const students = 100 + (k % 200_000);
    const spending = students * (500_000 + (k % 3_000_000)) + (k % 97);
    rows[i] = {
      region_code: regionCodes[Math.floor(i / 120) % regionCodes.length]!,
      year: 2010 + (Math.floor(i / 8) % 15),
      level: levels[i % 8]!,
      spending_fen: spending,
      students,
      per_student: spending / students,
    };
  }
  return rows;
}

type ReadBack = { perStudentSum: number; regionChars: number };

/** Column vectors from row objects, strings dictionary-encoded with Int32 indices. */
function toArrow(rows: readonly WireRow[]): Table {
  const n = rows.length;
  const regionIndex = new Map<string, number>();
  const levelIndex = new Map<string, number>();
  const regionIdx = new Int32Array(n);
  const levelIdx = new Int32Array(n);
  const year = new Int32Array(n);
  const spending = new BigInt64Array(n);
  const students = new Int32Array(n);
  const perStudent = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    let ri = regionIndex.get(r.region_code);
    if (ri === undefined) regionIndex.set(r.region_code, (ri = regionIndex.size));
    let li = levelIndex.get(r.level);
    if (li === undefined) levelIndex.set(r.level, (li = levelIndex.size));
    regionIdx[i] = ri;
    levelIdx[i] = li;
    year[i] = r.year;
    spending[i] = BigInt(r.spending_fen);
    students[i] = r.students;
    perStudent[i] = r.per_student;
  }
  const dict = (values: Map<string, number>, indices: Int32Array) =>
    makeVector(makeData({ type: new Dictionary(new Utf8(), new Int32()), length: n, nullCount: 0, data: indices, dictionary: vectorFromArray([...values.keys()], new Utf8()) }));
  return new Table({
    region_code: dict(regionIndex, regionIdx),
    year: makeVector(year),
    level: dict(levelIndex, levelIdx),
    spending_fen: makeVector(makeData({ type: new Int64(), length: n, nullCount: 0, data: spending })),
    students: makeVector(students),
    per_student: makeVector(makeData({ type: new Float64(), length: n, nullCount: 0, data: perStudent })),
  });
}

function readArrow(bytes: Uint8Array): ReadBack {
  const table = tableFromIPC(bytes);
  const per = table.getChild('per_student');
  const region = table.getChild('region_code');
  if (!per || !region) throw new Error('(c) Arrow: missing column');
  let perStudentSum = 0;
  for (const chunk of per.data) {
    const values = chunk.values as Float64Array;
    for (let i = 0; i < chunk.length; i++) perStudentSum += values[i]!;
  }
  // A dictionary column is read as a reader would: decode the dictionary once, then index it.
  let regionChars = 0;
  for (const chunk of region.data) {
    const dictionary = chunk.dictionary;
    if (!dictionary) throw new Error('(c) Arrow: region_code is not dictionary-encoded');
    const words = dictionary.toArray() as string[];
    const indices = chunk.values as Int32Array;
    for (let i = 0; i < chunk.length; i++) regionChars += words[indices[i]!]!.length;
  }
  return { perStudentSum, regionChars };
}

function readJson(text: string): ReadBack {
  const rows = JSON.parse(text) as WireRow[];
  let perStudentSum = 0;
  let regionChars = 0;
  for (const r of rows) {
    perStudentSum += r.per_student;
    regionChars += r.region_code.length;
  }
  return { perStudentSum, regionChars };
}

function sameReadBack(a: ReadBack, b: ReadBack, expected: ReadBack): void {
  if (a.perStudentSum !== expected.perStudentSum || b.perStudentSum !== expected.perStudentSum || a.regionChars !== expected.regionChars || b.regionChars !== expected.regionChars) {
    throw new Error(`(c) wire: values read back differ: arrow ${JSON.stringify(a)} json ${JSON.stringify(b)} expected ${JSON.stringify(expected)}`);
  }
}

export async function benchWire(ctx: BenchContext): Promise<BenchRow[]> {
  const { sampler, log } = ctx;
  const rows = wireRows(ctx.data.regions.map((r) => r.code));
  const expected: ReadBack = { perStudentSum: rows.reduce((s, r) => s + r.per_student, 0), regionChars: rows.reduce((s, r) => s + r.region_code.length, 0) };
  const seen: { arrow: ReadBack | null; json: ReadBack | null; arrowBytes: number; jsonBytes: number } = { arrow: null, json: null, arrowBytes: 0, jsonBytes: 0 };
  const parts = { arrowEncode: [] as number[], arrowDecode: [] as number[], jsonEncode: [] as number[], jsonDecode: [] as number[] };

  log('(c) wire: Arrow IPC …');
  const arrow = await measure(
    () => {
      const t0 = performance.now();
      const bytes = tableToIPC(toArrow(rows), 'stream');
      const t1 = performance.now();
      seen.arrow = readArrow(bytes);
      const t2 = performance.now();
      seen.arrowBytes = bytes.byteLength;
      parts.arrowEncode.push(t1 - t0);
      parts.arrowDecode.push(t2 - t1);
      return { ms: t2 - t0 };
    },
    { warmup: ctx.warmup, runs: ctx.runs.wire },
    sampler,
  );
  log('(c) wire: JSON …');
  const json = await measure(
    () => {
      const t0 = performance.now();
      const text = JSON.stringify(rows);
      const t1 = performance.now();
      seen.json = readJson(text);
      const t2 = performance.now();
      seen.jsonBytes = Buffer.byteLength(text);
      parts.jsonEncode.push(t1 - t0);
      parts.jsonDecode.push(t2 - t1);
      return { ms: t2 - t0 };
    },
    { warmup: ctx.warmup, runs: ctx.runs.wire },
    sampler,
  );
  if (!seen.arrow || !seen.json) throw new Error('(c) wire never ran');
  sameReadBack(seen.arrow, seen.json, expected);

  // Only the measured runs (the last `runs` entries) count for the encode/decode split.
  const tail = (xs: number[]): Figure => {
    const r = xs.slice(-ctx.runs.wire);
    return { runs: r, median: median(r), min: Math.min(...r), max: Math.max(...r), peakRssDelta: null, childPeakRss: null };
  };
  const n = WIRE_ROWS.toLocaleString('en-US');
  const what = `${n} rows: region_code (dictionary string), year (Int32), level (dictionary string), spending_fen (Int64), students (Int32), per_student (Float64)`;
  return [
    {
      benchmark: '(c) wire 1M rows: encode+decode+read',
      unit: 'ms',
      ours: arrow,
      peer: json,
      oursLabel: 'Arrow IPC (apache-arrow)',
      peerLabel: 'JSON.stringify/parse',
      note: 'encode, decode, read 2 columns',
      fairness:
        `${what}. Both start from the same 1M row objects in memory and end having read every per_student and every region_code value on the receiving side. ` +
        'Arrow: fill typed columns from the objects (with dictionary encoding of the strings and BigInt 分), tableToIPC (stream), tableFromIPC, read (the Float64 column through its typed array; region_code by decoding its dictionary once and indexing it). ' +
        'JSON: JSON.stringify, JSON.parse, read. JSON carries spending_fen as a plain number (exact only below 2^53), Arrow as Int64. ' +
        'Neither is sent through a real Electron channel here; the bytes are what would be sent.',
    },
    {
      benchmark: '(c) wire: encode only',
      unit: 'ms',
      ours: tail(parts.arrowEncode),
      peer: tail(parts.jsonEncode),
      oursLabel: 'build table + tableToIPC',
      peerLabel: 'JSON.stringify',
      note: 'sender side',
      fairness: 'The sender half of the row above, from the same runs.',
    },
    {
      benchmark: '(c) wire: decode + read only',
      unit: 'ms',
      ours: tail(parts.arrowDecode),
      peer: tail(parts.jsonDecode),
      oursLabel: 'tableFromIPC + read',
      peerLabel: 'JSON.parse + read',
      note: 'receiver side',
      fairness: 'The receiver half of the row above, from the same runs. tableFromIPC is zero-copy, so for Arrow this is mostly reading the values.',
    },
    {
      benchmark: '(c) wire: bytes on the wire',
      unit: 'MB',
      ours: constantFigure(seen.arrowBytes / 1e6),
      peer: constantFigure(seen.jsonBytes / 1e6),
      oursLabel: 'Arrow IPC stream',
      peerLabel: 'JSON (UTF-8)',
      note: 'size of the payload',
      fairness: `Size of the Arrow IPC stream (${seen.arrowBytes.toLocaleString('en-US')} bytes) and of the JSON text as UTF-8 (${seen.jsonBytes.toLocaleString('en-US')} bytes), uncompressed.`,
    },
  ];
}
