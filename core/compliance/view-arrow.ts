// One rule's results as the compliance view needs them, in Arrow IPC: the matrix cells (each
// region's own row per year) and the failures (every level). Two small columnar tables instead of
// hundreds of thousands of JSON objects; values stay the engine's exact decimal text. Annotations
// are not in here: they change while the results do not, so they travel beside the tables.
import { Int8, Int16, Int32, Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import type { LevelCode } from '../levels';
import type { ComplianceResult } from './types';

export type ResultStatus = ComplianceResult['status'];
const STATUS: readonly ResultStatus[] = ['pass', 'fail', 'na'];
const STATUS_CODE: Record<ResultStatus, number> = { pass: 0, fail: 1, na: 2 };
const CROSSWALK = 1;
const RESTATED = 2;
const SPLIT = 4;

function flagBits(f: ComplianceResult['flags']): number {
  return (f.crosswalk ? CROSSWALK : 0) | (f.restatedBase ? RESTATED : 0) | (f.splitByShare ? SPLIT : 0);
}

function utf8(values: (string | null)[]) {
  return vectorFromArray(values, new Utf8());
}

/**
 * The matrix: the regions with a row of their own (no education level), in code order, as JSON
 * beside the table; and one table row per region and year (region index, year, status, flags,
 * exact value and growth text).
 */
export function encodeCells(results: readonly ComplianceResult[]): { regions: MatrixRegion[]; cells: Uint8Array } {
  const own = results.filter((r) => r.level === null);
  const names = new Map<string, string>();
  for (const r of own) names.set(r.regionCode, r.regionName);
  const regions = [...names.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([code, name]) => ({ code, name }));
  const index = new Map(regions.map((r, i) => [r.code, i]));
  const cells = tableToIPC(
    new Table({
      region: vectorFromArray(own.map((r) => index.get(r.regionCode)!), new Int32()),
      year: vectorFromArray(own.map((r) => r.year), new Int16()),
      status: vectorFromArray(own.map((r) => STATUS_CODE[r.status]), new Int8()),
      flags: vectorFromArray(own.map((r) => flagBits(r.flags)), new Int8()),
      value: utf8(own.map((r) => r.value)),
      growth: utf8(own.map((r) => r.growth)),
    }),
    'stream',
  );
  return { regions, cells };
}

/** Every failing row of the rule, any level, with what the failure list shows. */
export function encodeFailures(results: readonly ComplianceResult[]): Uint8Array {
  const f = results.filter((r) => r.status === 'fail');
  return tableToIPC(
    new Table({
      code: utf8(f.map((r) => r.regionCode)),
      name: utf8(f.map((r) => r.regionName)),
      year: vectorFromArray(f.map((r) => r.year), new Int16()),
      level: utf8(f.map((r) => r.level)),
      value: utf8(f.map((r) => r.value)),
      prior: utf8(f.map((r) => r.priorValue)),
      benchmark: utf8(f.map((r) => r.benchmark)),
      growth: utf8(f.map((r) => r.growth)),
      flags: vectorFromArray(f.map((r) => flagBits(r.flags)), new Int8()),
      predecessors: utf8(f.map((r) => (r.flags.predecessors.length ? r.flags.predecessors.join(',') : null))),
    }),
    'stream',
  );
}

export type MatrixRegion = { code: string; name: string };

/**
 * The matrix decoded for display: regions in code order, years ascending, and per cell
 * (region index × years.length + year index) its status code (−1 = no row) and flags; the exact
 * value and growth texts are read from the Arrow columns only for the cells on screen.
 */
export type MatrixData = {
  regions: MatrixRegion[];
  years: number[];
  status: Int8Array;
  flags: Int8Array;
  value(cell: number): string | null;
  growth(cell: number): string | null;
};

function column<T>(t: Table, name: string): T[] {
  const c = t.getChild(name);
  if (!c) throw new Error(`compliance view: column ${name} missing`);
  return c.toArray() as unknown as T[];
}

export function decodeCells(regions: MatrixRegion[], bytes: Uint8Array): MatrixData {
  const t = tableFromIPC(bytes);
  const n = t.numRows;
  const region = n ? (t.getChild('region')!.toArray() as Int32Array) : new Int32Array(0);
  const year = n ? (t.getChild('year')!.toArray() as Int16Array) : new Int16Array(0);
  const status = n ? (t.getChild('status')!.toArray() as Int8Array) : new Int8Array(0);
  const flags = n ? (t.getChild('flags')!.toArray() as Int8Array) : new Int8Array(0);
  const years = [...new Set(year)].sort((a, b) => a - b);
  const yearIdx = new Map(years.map((y, i) => [y, i]));
  const size = regions.length * years.length;
  const rowOf = new Int32Array(size).fill(-1);
  const out = { regions, years, status: new Int8Array(size).fill(-1), flags: new Int8Array(size) };
  for (let i = 0; i < n; i++) {
    const at = region[i]! * years.length + yearIdx.get(year[i]!)!;
    out.status[at] = status[i]!;
    out.flags[at] = flags[i]!;
    rowOf[at] = i;
  }
  const valueCol = t.getChild('value');
  const growthCol = t.getChild('growth');
  const text = (col: typeof valueCol, cell: number): string | null => (col && rowOf[cell]! >= 0 ? ((col.get(rowOf[cell]!) as string | null) ?? null) : null);
  return { ...out, value: (cell) => text(valueCol, cell), growth: (cell) => text(growthCol, cell) };
}

export function statusName(code: number): ResultStatus {
  return STATUS[code]!;
}

export function hasCrosswalk(bits: number): boolean {
  return (bits & CROSSWALK) !== 0;
}

export function hasRestatedBase(bits: number): boolean {
  return (bits & RESTATED) !== 0;
}

/** A failure as the list shows it (the fields of a ComplianceResult it needs). */
export type FailureRow = Pick<ComplianceResult, 'regionCode' | 'regionName' | 'year' | 'level' | 'value' | 'priorValue' | 'benchmark' | 'growth' | 'valueUnit' | 'annotations'> & {
  flags: Pick<ComplianceResult['flags'], 'crosswalk' | 'restatedBase' | 'splitByShare' | 'predecessors'>;
};

export function decodeFailures(bytes: Uint8Array, valueUnit: ComplianceResult['valueUnit']): FailureRow[] {
  const t = tableFromIPC(bytes);
  const n = t.numRows;
  if (n === 0) return [];
  const code = column<string>(t, 'code');
  const name = column<string>(t, 'name');
  const year = t.getChild('year')!.toArray() as Int16Array;
  const level = column<string | null>(t, 'level');
  const value = column<string | null>(t, 'value');
  const prior = column<string | null>(t, 'prior');
  const benchmark = column<string | null>(t, 'benchmark');
  const growth = column<string | null>(t, 'growth');
  const flags = t.getChild('flags')!.toArray() as Int8Array;
  const predecessors = column<string | null>(t, 'predecessors');
  const rows: FailureRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const bits = flags[i]!;
    rows[i] = {
      regionCode: code[i]!,
      regionName: name[i]!,
      year: year[i]!,
      level: (level[i] ?? null) as LevelCode | null,
      value: value[i] ?? null,
      priorValue: prior[i] ?? null,
      benchmark: benchmark[i] ?? null,
      growth: growth[i] ?? null,
      valueUnit,
      annotations: [],
      flags: { crosswalk: hasCrosswalk(bits), restatedBase: hasRestatedBase(bits), splitByShare: (bits & SPLIT) !== 0, predecessors: predecessors[i] ? predecessors[i]!.split(',') : [] },
    };
  }
  return rows;
}
