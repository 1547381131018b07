// The exact facts behind the per-student view, as Arrow IPC: one row per (year, level) with the
// spending in 分 and the autumn enrolment, both nullable (a level may have one without the other).
// Int64 keeps 分 exact across the wire; the renderer turns it into numbers only for display.
import { Bool, Dictionary, Int32, Int64, Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { asFen, type Fen } from '../money/fen';
import type { LevelOrAll } from '../levels';

export type SeriesRow = {
  year: number;
  level: LevelOrAll;
  spendingFen: Fen | null;
  students: number | null;
  /** True when the value was carried over from a predecessor code through the crosswalk. */
  viaCrosswalk: boolean;
};

export function encodeSeries(rows: readonly SeriesRow[]): Uint8Array {
  const table = new Table({
    year: vectorFromArray(rows.map((r) => r.year), new Int32()),
    level: vectorFromArray(rows.map((r) => r.level), new Dictionary(new Utf8(), new Int32())),
    spending_fen: vectorFromArray(rows.map((r) => (r.spendingFen === null ? null : BigInt(r.spendingFen))), new Int64()),
    students: vectorFromArray(rows.map((r) => (r.students === null ? null : BigInt(r.students))), new Int64()),
    via_crosswalk: vectorFromArray(rows.map((r) => r.viaCrosswalk), new Bool()),
  });
  return tableToIPC(table, 'stream');
}

export function decodeSeries(bytes: Uint8Array): SeriesRow[] {
  const table = tableFromIPC(bytes);
  const year = table.getChild('year');
  const level = table.getChild('level');
  const spending = table.getChild('spending_fen');
  const students = table.getChild('students');
  const via = table.getChild('via_crosswalk');
  if (!year || !level || !spending || !students || !via) throw new Error('per-student series: missing column');
  const rows: SeriesRow[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const s = spending.get(i) as bigint | null;
    const n = students.get(i) as bigint | null;
    rows.push({
      year: year.get(i) as number,
      level: level.get(i) as LevelOrAll,
      spendingFen: s === null ? null : asFen(Number(s)),
      students: n === null ? null : Number(n),
      viaCrosswalk: Boolean(via.get(i)),
    });
  }
  return rows;
}
