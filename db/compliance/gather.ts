// Gathers the rules' inputs for every region of one government level. Each region's current
// boundary is its own code plus, through region_code_change, every predecessor with the product of
// shares (one small recursive query). The facts come from each chosen dataset's column pack
// (columns.ts: one blob per dataset, packed once, datasets being immutable) and are summed per
// region × year × level in one pass over typed arrays. A predecessor split by a share below 1
// cannot be exact; its part is rounded to the 分 (or person) and the year is flagged.
import type Database from 'better-sqlite3';
import type { Fact, FiscalKey, RegionInputs } from '../../core/compliance/inputs';
import type { GovLevel } from '../../core/compliance/types';
import type { LevelOrAll } from '../../core/levels';
import { datasetColumns, type Columns } from './columns';
import type { Chosen } from './datasets';

export type GatherQuery = {
  govLevel: GovLevel;
  /** Only regions under (or equal to) this code. */
  underRegion?: string | undefined;
  /** Only these regions (drill-down). */
  codes?: readonly string[] | undefined;
  /** Years of facts to read (inclusive); the caller widens it for priors and divisors. */
  fromYear: number;
  toYear: number;
};

// The regions of the level and their current-boundary sources. depth guards against a cycle.
const SOURCES = `
WITH RECURSIVE target(code) AS (
  SELECT code FROM region
  WHERE level = @level AND valid_to IS NULL AND (@prefix IS NULL OR code LIKE @prefix) AND (@codes IS NULL OR code IN (SELECT value FROM json_each(@codes)))
),
src(target, code, share, depth) AS (
  SELECT code, code, 1.0, 0 FROM target
  UNION ALL
  SELECT s.target, c.old_code, s.share * c.share, s.depth + 1
  FROM src s JOIN region_code_change c ON c.new_code = s.code
  WHERE s.depth < 8
)
SELECT s.target, r.name, s.code, s.share, s.depth FROM src s JOIN region r ON r.code = s.target ORDER BY s.target, s.depth`;

function prefixOf(code: string | undefined): string | null {
  if (!code) return null;
  if (code.endsWith('0000')) return `${code.slice(0, 2)}%`;
  if (code.endsWith('00')) return `${code.slice(0, 4)}%`;
  return code;
}

type Target = { inputs: RegionInputs; crosswalk: Set<number>; split: Set<number>; predecessors: Set<string> };
type Source = { target: Target; share: number; via: boolean };

/** For each code index of a pack, the targets its facts count towards. */
function routes(c: Columns, bySource: Map<string, Source[]>): (Source[] | undefined)[] {
  return c.codes.map((code) => bySource.get(code));
}

function part(v: number, share: number): number {
  return share === 1 ? v : Math.round(v * share);
}

function fact(t: Target, year: number, level: LevelOrAll): Fact {
  let levels = t.inputs.facts.get(year);
  if (!levels) t.inputs.facts.set(year, (levels = new Map()));
  let f = levels.get(level);
  if (!f) levels.set(level, (f = {}));
  return f;
}

function mark(s: Source, year: number, code: string): void {
  if (!s.via) return;
  s.target.crosswalk.add(year);
  s.target.predecessors.add(code);
  if (s.share < 1) s.target.split.add(year);
}

export function gatherInputs(db: Database.Database, chosen: Chosen, q: GatherQuery): RegionInputs[] {
  const params = { level: q.govLevel, prefix: prefixOf(q.underRegion), codes: q.codes ? JSON.stringify(q.codes) : null };
  const targets = new Map<string, Target>();
  const bySource = new Map<string, Source[]>();
  for (const [code, name, source, share, depth] of db.prepare(SOURCES).raw().all(params) as [string, string, string, number, number][]) {
    let t = targets.get(code);
    if (!t) {
      t = { inputs: { code, name, govLevel: q.govLevel, facts: new Map(), fiscal: new Map(), crosswalkYears: new Set(), splitYears: new Set(), predecessors: [] }, crosswalk: new Set(), split: new Set(), predecessors: new Set() };
      targets.set(code, t);
    }
    const list = bySource.get(source) ?? [];
    list.push({ target: t, share, via: depth > 0 });
    bySource.set(source, list);
  }
  const inRange = (y: number) => y >= q.fromYear && y <= q.toYear;

  if (chosen.expenditure) {
    const c = datasetColumns(db, 'expenditure', chosen.expenditure);
    const r = routes(c, bySource);
    for (let i = 0; i < c.rows; i++) {
      const to = r[c.code[i]!];
      const year = c.year[i]!;
      if (!to || !inRange(year)) continue;
      const level = c.keys[c.key[i]!] as LevelOrAll;
      const v = c.value[i]!;
      const rp = c.extra[i]!;
      for (const s of to) {
        const f = fact(s.target, year, level);
        f.e = (f.e ?? 0) + part(v, s.share);
        // A restated base counts only when every contributing row has one (NaN poisons the sum).
        f.restatedPrior = (f.restatedPrior ?? 0) + (Number.isNaN(rp) ? Number.NaN : part(rp, s.share));
        mark(s, year, c.codes[c.code[i]!]!);
      }
    }
    for (const t of targets.values()) for (const levels of t.inputs.facts.values()) for (const f of levels.values()) if (f.restatedPrior !== undefined && Number.isNaN(f.restatedPrior)) delete f.restatedPrior;
  }

  if (chosen.enrolment) {
    const c = datasetColumns(db, 'enrolment', chosen.enrolment);
    const r = routes(c, bySource);
    for (let i = 0; i < c.rows; i++) {
      const to = r[c.code[i]!];
      const year = c.year[i]!;
      if (!to || !inRange(year)) continue;
      const level = c.keys[c.key[i]!] as LevelOrAll;
      for (const s of to) {
        const f = fact(s.target, year, level);
        f.n = (f.n ?? 0) + part(c.value[i]!, s.share);
        mark(s, year, c.codes[c.code[i]!]!);
      }
    }
  }

  if (chosen.bulletin) {
    const c = datasetColumns(db, 'bulletin', chosen.bulletin);
    const r = routes(c, bySource);
    for (let i = 0; i < c.rows; i++) {
      const to = r[c.code[i]!];
      const year = c.year[i]!;
      if (!to || !inRange(year)) continue;
      const [level, measure] = c.keys[c.key[i]!]!.split('|') as [LevelOrAll, string];
      const v = c.value[i]!;
      const rp = c.extra[i]!;
      for (const s of to) {
        const f = fact(s.target, year, level);
        const add = (old: number | undefined, x: number) => (old ?? 0) + part(x, s.share);
        if (measure === 'per_student') {
          f.perStudent = add(f.perStudent, v);
          if (!Number.isNaN(rp)) f.perStudentRestatedPrior = add(f.perStudentRestatedPrior, rp);
        } else if (measure === 'per_student_public_funds') {
          f.publicFunds = add(f.publicFunds, v);
        } else if (measure === 'total' && !chosen.expenditure) {
          // A bulletin total stands in only when no expenditure dataset is read: mixing the two
          // series (docs/domain.md#what-is-compared) across years would compare different things.
          f.e = add(f.e, v);
          if (!Number.isNaN(rp)) f.restatedPrior = add(f.restatedPrior, rp);
        }
        mark(s, year, c.codes[c.code[i]!]!);
      }
    }
  }

  // Fiscal indicators, each from its own dataset. Averages (pay) are not additive: a merged
  // region's average pay is the mean of its sources', flagged like any crosswalk figure.
  const byDataset = new Map<number, { d: { id: number; sha256: string; importedAt?: string }; keys: Set<string> }>();
  for (const [key, d] of chosen.fiscal) {
    const e = byDataset.get(d.id) ?? { d, keys: new Set<string>() };
    e.keys.add(key);
    byDataset.set(d.id, e);
  }
  const payCounts = new Map<Record<string, number>, Map<string, number>>();
  for (const { d, keys } of byDataset.values()) {
    const c = datasetColumns(db, 'fiscal', d);
    const r = routes(c, bySource);
    const wanted = c.keys.map((k) => keys.has(k));
    for (let i = 0; i < c.rows; i++) {
      const to = r[c.code[i]!];
      const year = c.year[i]!;
      if (!to || !wanted[c.key[i]!] || !inRange(year)) continue;
      const key = c.keys[c.key[i]!] as FiscalKey;
      const v = c.value[i]!;
      for (const s of to) {
        let y = s.target.inputs.fiscal.get(year);
        if (!y) s.target.inputs.fiscal.set(year, (y = {}));
        if (key.endsWith('avg_pay')) {
          const counts = payCounts.get(y) ?? new Map<string, number>();
          const k = counts.get(key) ?? 0;
          counts.set(key, k + 1);
          payCounts.set(y, counts);
          y[key] = k === 0 ? v : ((y[key] ?? 0) * k + v) / (k + 1);
        } else y[key] = (y[key] ?? 0) + part(v, s.share);
        mark(s, year, c.codes[c.code[i]!]!);
      }
    }
  }
  for (const [y, counts] of payCounts) for (const [key, k] of counts) if (k > 1) y[key] = Math.round(y[key]!);

  return [...targets.values()]
    .filter((t) => t.inputs.facts.size > 0 || t.inputs.fiscal.size > 0)
    .map((t) => ({ ...t.inputs, crosswalkYears: t.crosswalk, splitYears: t.split, predecessors: [...t.predecessors].sort() }));
}

/** First and last year with facts in the chosen datasets, for the default year range. */
export function dataYears(db: Database.Database, chosen: Chosen): { first: number; last: number } | null {
  let first = Infinity;
  let last = -Infinity;
  const packs: [Parameters<typeof datasetColumns>[1], { id: number; sha256: string; importedAt?: string } | null][] = [
    ['expenditure', chosen.expenditure],
    ['bulletin', chosen.bulletin],
    ...[...new Map([...chosen.fiscal.values()].map((d) => [d.id, d])).values()].map((d) => ['fiscal', d] as ['fiscal', { id: number; sha256: string; importedAt?: string }]),
  ];
  for (const [kind, d] of packs) {
    if (!d) continue;
    const c = datasetColumns(db, kind, d);
    for (let i = 0; i < c.rows; i++) {
      const y = c.year[i]!;
      if (y < first) first = y;
      if (y > last) last = y;
    }
  }
  return first === Infinity ? null : { first, last };
}
