// Where two datasets of one input both hold a region-year, their figures compared cell by cell
// (same key: level, level|measure or indicator). The basis reads one of them (the rule says
// which); the other is listed here so a difference is never hidden. Two figures that differ only
// because one is printed with fewer decimals (9393 vs 9393.16 万元) are a rounding difference,
// not a conflict: the coarser one is the finer one rounded to its own last printed digit.
import type Database from 'better-sqlite3';
import { datasetColumns } from '../compliance/columns';
import { inputKind, type BasisDataset, type BasisInput, type DataBasis } from './basis';

export type OverlapCell = {
  input: BasisInput;
  code: string;
  year: number;
  key: string;
  used: { datasetId: number; value: number };
  other: { datasetId: number; value: number };
  verdict: 'same' | 'rounding' | 'conflict';
};

export type OverlapSummary = { input: BasisInput; usedId: number; otherId: number; regionYears: number; same: number; rounding: number; conflict: number };

/** Trailing decimal zeros of an integer (分 or persons), at most 12. */
export function trailingZeros(v: number): number {
  if (v === 0) return 12;
  let n = 0;
  let x = Math.abs(v);
  while (n < 12 && x % 10 === 0) {
    x /= 10;
    n++;
  }
  return n;
}

/** same · rounding (one is the other rounded to its own last printed digit) · conflict. */
export function compareCell(a: number, b: number): OverlapCell['verdict'] {
  if (a === b) return 'same';
  const ta = trailingZeros(a);
  const tb = trailingZeros(b);
  if (ta === tb) return 'conflict';
  // |a − b| ≤ ½ unit of the coarser figure, in integers: 2|a − b| ≤ 10^t.
  return 2 * Math.abs(a - b) <= 10 ** Math.max(ta, tb) ? 'rounding' : 'conflict';
}

function cells(db: Database.Database, input: BasisInput, d: BasisDataset): Map<string, number> {
  const kind = inputKind(input);
  const c = datasetColumns(db, kind, d);
  const indicator = kind === 'fiscal' ? input.slice('fiscal:'.length) : null;
  const out = new Map<string, number>();
  for (let i = 0; i < c.rows; i++) {
    const key = c.keys[c.key[i]!]!;
    if (indicator !== null && key !== indicator) continue;
    const k = `${c.codes[c.code[i]!]}|${c.year[i]}|${key}`;
    out.set(k, (out.get(k) ?? 0) + c.value[i]!);
  }
  return out;
}

/** Every cell held by more than one dataset of an input, against the one the basis reads. */
export function basisOverlaps(db: Database.Database, basis: DataBasis, only?: { code?: string; year?: number }): { cells: OverlapCell[]; summary: OverlapSummary[] } {
  const out: OverlapCell[] = [];
  const summary: OverlapSummary[] = [];
  for (const ib of basis.inputs.values()) {
    const candidates = candidatesOf(db, basis, ib.input);
    if (candidates.length < 2) continue;
    const byId = new Map(candidates.map((d) => [d.id, cells(db, ib.input, d)]));
    const pairs = new Map<string, OverlapSummary & { ry: Set<string> }>();
    for (const [usedId, usedCells] of byId) {
      for (const [k, v] of usedCells) {
        const [code, year, key] = k.split('|') as [string, string, string];
        const ry = `${code}|${year}`;
        if (ib.owner.get(ry) !== usedId) continue;
        if (only?.code !== undefined && only.code !== code) continue;
        if (only?.year !== undefined && only.year !== Number(year)) continue;
        for (const [otherId, otherCells] of byId) {
          if (otherId === usedId) continue;
          const w = otherCells.get(k);
          if (w === undefined) continue;
          const verdict = compareCell(v, w);
          out.push({ input: ib.input, code, year: Number(year), key, used: { datasetId: usedId, value: v }, other: { datasetId: otherId, value: w }, verdict });
          const pk = `${usedId}>${otherId}`;
          let s = pairs.get(pk);
          if (!s) pairs.set(pk, (s = { input: ib.input, usedId, otherId, regionYears: 0, same: 0, rounding: 0, conflict: 0, ry: new Set() }));
          s[verdict]++;
          s.ry.add(ry);
        }
      }
    }
    for (const { ry, ...s } of pairs.values()) summary.push({ ...s, regionYears: ry.size });
  }
  return { cells: out, summary };
}

/** Every dataset the rule considered for an input (not only those that won a region-year). */
function candidatesOf(db: Database.Database, basis: DataBasis, input: BasisInput): BasisDataset[] {
  const ib = basis.inputs.get(input)!;
  const kind = inputKind(input);
  const known = new Map(ib.datasets.map((d) => [d.id, d]));
  const rows = db
    .prepare(
      `SELECT d.id, d.name, d.kind, d.scope, d.basis, d.sha256, d.imported_at AS importedAt, d.release_stage AS stage, d.synthetic
       FROM dataset d WHERE d.kind = ? AND NOT EXISTS (SELECT 1 FROM dataset s WHERE s.supersedes_id = d.id) ORDER BY d.id DESC`,
    )
    .all(kind) as (Omit<BasisDataset, 'synthetic'> & { synthetic: number })[];
  for (const r of rows) {
    if (known.has(r.id)) continue;
    if (basis.explicit.length && !basis.explicit.includes(r.id)) continue;
    if (r.scope !== null && r.scope !== basis.scope) continue;
    known.set(r.id, { ...r, synthetic: r.synthetic === 1 });
  }
  return [...known.values()];
}
