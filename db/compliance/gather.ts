// Gathers the rules' inputs for every region of one government level. Each region's current
// boundary is its own code plus, through region_code_change, every predecessor with the product of
// shares (db/repos/regions.ts currentBoundaries, the one crosswalk). Each input reads the datasets
// of the data basis, each only for the region-years the basis gives it. The facts come from each chosen dataset's column pack
// (columns.ts: one blob per dataset, packed once, datasets being immutable) and are summed per
// region × year × level in one pass over typed arrays. A predecessor split by a share below 1
// cannot be exact; its part is rounded to the 分 (or person) and the year is flagged.
import type Database from 'better-sqlite3';
import { FISCAL_KEYS, SIM_FISCAL_KEYS, type AnyFiscalKey, type Fact, type RegionInputs } from '../../core/compliance/inputs';
import type { GovLevel } from '../../core/compliance/types';
import type { LevelOrAll } from '../../core/levels';
import type { InputBasis } from '../repos/basis';
import { currentBoundaries } from '../repos/regions';
import { datasetColumns, type Columns } from './columns';
import { publishedGrowths } from './published-growths';
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
  const targets = new Map<string, Target>();
  const bySource = new Map<string, Source[]>();
  for (const { code, name, sources } of currentBoundaries(db, { govLevel: q.govLevel, underRegion: q.underRegion, codes: q.codes })) {
    const t: Target = { inputs: { code, name, govLevel: q.govLevel, facts: new Map(), fiscal: new Map(), crosswalkYears: new Set(), splitYears: new Set(), predecessors: [] }, crosswalk: new Set(), split: new Set(), predecessors: new Set() };
    targets.set(code, t);
    for (const src of sources) {
      const list = bySource.get(src.code) ?? [];
      list.push({ target: t, share: src.share, via: src.depth > 0 });
      bySource.set(src.code, list);
    }
  }
  const inRange = (y: number) => y >= q.fromYear && y <= q.toYear;

  // Each dataset of an input, each row kept only where the basis gives that dataset its region-year.
  const eachRow = (ib: InputBasis | null, kind: 'expenditure' | 'enrolment' | 'bulletin' | 'fiscal', visit: (c: Columns, i: number, to: Source[]) => void) => {
    for (const d of ib?.datasets ?? []) {
      const c = datasetColumns(db, kind, d);
      const r = routes(c, bySource);
      for (let i = 0; i < c.rows; i++) {
        const to = r[c.code[i]!];
        const year = c.year[i]!;
        if (!to || !inRange(year)) continue;
        if (!ib!.single && ib!.owner.get(`${c.codes[c.code[i]!]}|${year}`) !== d.id) continue;
        visit(c, i, to);
      }
    }
  };

  eachRow(chosen.expenditure, 'expenditure', (c, i, to) => {
    const year = c.year[i]!;
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
  });
  for (const t of targets.values()) for (const levels of t.inputs.facts.values()) for (const f of levels.values()) if (f.restatedPrior !== undefined && Number.isNaN(f.restatedPrior)) delete f.restatedPrior;

  eachRow(chosen.enrolment, 'enrolment', (c, i, to) => {
    const year = c.year[i]!;
    const level = c.keys[c.key[i]!] as LevelOrAll;
    for (const s of to) {
      const f = fact(s.target, year, level);
      f.n = (f.n ?? 0) + part(c.value[i]!, s.share);
      mark(s, year, c.codes[c.code[i]!]!);
    }
  });

  const spendingOwner = chosen.expenditure?.owner;
  eachRow(chosen.bulletin, 'bulletin', (c, i, to) => {
    const year = c.year[i]!;
    const code = c.codes[c.code[i]!]!;
    const [level, measure] = c.keys[c.key[i]!]!.split('|') as [LevelOrAll, string];
    const v = c.value[i]!;
    const rp = c.extra[i]!;
    for (const s of to) {
      const f = fact(s.target, year, level);
      const add = (old: number | undefined, x: number) => (old ?? 0) + part(x, s.share);
      if (measure === 'per_student') {
        f.perStudent = add(f.perStudent, v);
        if (!Number.isNaN(rp)) f.perStudentRestatedPrior = add(f.perStudentRestatedPrior, rp);
      } else if (measure === 'per_student_operating') {
        f.perStudentOperating = add(f.perStudentOperating, v);
        if (!Number.isNaN(rp)) f.perStudentOperatingRestatedPrior = add(f.perStudentOperatingRestatedPrior, rp);
      } else if (measure === 'per_student_public_funds') {
        f.publicFunds = add(f.publicFunds, v);
        if (!Number.isNaN(rp)) f.publicFundsRestatedPrior = add(f.publicFundsRestatedPrior, rp);
      } else if (measure === 'total' && !spendingOwner?.has(`${code}|${year}`)) {
        // A bulletin total stands in only where the basis has no expenditure figure for the
        // region-year: mixing the two series (MOE and MOF) in one year would double count.
        f.e = add(f.e, v);
        if (!Number.isNaN(rp)) f.restatedPrior = add(f.restatedPrior, rp);
      }
      mark(s, year, code);
    }
  });

  // Fiscal indicators, each from the datasets the basis names for it. Averages (pay) are not
  // additive: a merged region's average pay is the mean of its sources', flagged like any
  // crosswalk figure.
  const payCounts = new Map<Record<string, number>, Map<string, number>>();
  const wantedKeys = new Set<string>([...FISCAL_KEYS, ...SIM_FISCAL_KEYS]);
  for (const [key, ib] of chosen.fiscal) {
    if (!wantedKeys.has(key)) continue;
    const k = key as AnyFiscalKey;
    for (const d of ib.datasets) {
      const c = datasetColumns(db, 'fiscal', d);
      const r = routes(c, bySource);
      const wanted = c.keys.indexOf(key);
      for (let i = 0; i < c.rows; i++) {
        if (c.key[i] !== wanted) continue;
        const to = r[c.code[i]!];
        const year = c.year[i]!;
        if (!to || !inRange(year)) continue;
        const code = c.codes[c.code[i]!]!;
        if (!ib.single && ib.owner.get(`${code}|${year}`) !== d.id) continue;
        const v = c.value[i]!;
        for (const s of to) {
          let y = s.target.inputs.fiscal.get(year);
          if (!y) s.target.inputs.fiscal.set(year, (y = {}));
          if (k.endsWith('avg_pay')) {
            const counts = payCounts.get(y) ?? new Map<string, number>();
            const n = counts.get(k) ?? 0;
            counts.set(k, n + 1);
            payCounts.set(y, counts);
            y[k] = n === 0 ? v : ((y[k] ?? 0) * n + v) / (n + 1);
          } else y[k] = (y[k] ?? 0) + part(v, s.share);
          mark(s, year, code);
        }
      }
    }
  }
  for (const [y, counts] of payCounts) for (const [key, n] of counts) if (n > 1) y[key as AnyFiscalKey] = Math.round(y[key as AnyFiscalKey]!);

  // Growth rates the bulletins of the basis printed (三个增长 without both years' amounts).
  if (chosen.bulletin) {
    for (const [code, years] of publishedGrowths(db, chosen.bulletin, q.fromYear, q.toYear)) {
      for (const s of bySource.get(code) ?? []) {
        // A printed rate cannot be split by share or added across predecessors: only a region's own.
        if (s.via) continue;
        s.target.inputs.published = years;
      }
    }
  }

  return [...targets.values()]
    .filter((t) => t.inputs.facts.size > 0 || t.inputs.fiscal.size > 0)
    .map((t) => ({ ...t.inputs, crosswalkYears: t.crosswalk, splitYears: t.split, predecessors: [...t.predecessors].sort() }));
}

/** First and last year with facts in the chosen datasets, for the default year range. */
/** First and last year with facts in the basis, for the default year range. */
export function dataYears(db: Database.Database, chosen: Chosen): { first: number; last: number } | null {
  let first = Infinity;
  let last = -Infinity;
  for (const ib of [chosen.expenditure, chosen.bulletin, ...chosen.fiscal.values()]) {
    for (const k of ib?.owner.keys() ?? []) {
      const y = Number(k.slice(k.indexOf('|') + 1));
      if (y < first) first = y;
      if (y > last) last = y;
    }
  }
  return first === Infinity ? null : { first, last };
}
