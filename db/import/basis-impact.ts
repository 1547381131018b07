// Before an import is committed: would it change the default data basis — the datasets every view
// reads — and how? Computed inside the import's own transaction, after the facts are written: the
// basis with the new dataset, then (in a savepoint that is rolled back) the basis as it was, with
// the new dataset excluded and the version it supersedes still current. Where region-years change
// owner, the compliance results of those regions (that year and the next, whose growth reads it)
// are computed both ways and counted.
import type Database from 'better-sqlite3';
import { viewsReadingAny, type BasisImpact, type BasisInputImpact } from '../../core/basis/impact';
import type { GovLevel } from '../../core/compliance/types';
import { CodedError } from '../../core/result';
import { runCheck } from '../compliance/check';
import { readOverrides, resolveBasis, writeOverrides, type BasisInput, type DataBasis, type Scope } from '../repos/basis';

const NAMES_SHOWN = 6;

type Changed = { input: string; keys: { code: string; year: number }[]; impact: BasisInputImpact };

function diff(db: Database.Database, before: DataBasis, after: DataBasis): Changed[] {
  const out: Changed[] = [];
  const inputs = new Set<BasisInput>([...before.inputs.keys(), ...after.inputs.keys()]);
  const nameOf = db.prepare('SELECT name FROM region WHERE code = ?').pluck();
  for (const input of inputs) {
    const was = before.inputs.get(input)?.owner ?? new Map<string, number>();
    const now = after.inputs.get(input)?.owner ?? new Map<string, number>();
    let gained = 0;
    let replaced = 0;
    let lost = 0;
    const replacedDatasets = new Set<number>();
    const keys: { code: string; year: number }[] = [];
    const note = (k: string) => {
      const [code, year] = k.split('|') as [string, string];
      keys.push({ code, year: Number(year) });
    };
    for (const [k, id] of now) {
      const old = was.get(k);
      if (old === id) continue;
      if (old === undefined) gained++;
      else {
        replaced++;
        replacedDatasets.add(old);
      }
      note(k);
    }
    for (const k of was.keys())
      if (!now.has(k)) {
        lost++;
        note(k);
      }
    if (keys.length === 0) continue;
    const codes = [...new Set(keys.map((k) => k.code))].sort();
    const years = [...new Set(keys.map((k) => k.year))].sort((a, b) => a - b);
    const regionNames = codes.slice(0, NAMES_SHOWN).map((c) => (nameOf.get(c) as string | undefined) ?? c);
    out.push({ input, keys, impact: { input, gained, replaced, lost, replacedDatasets: [...replacedDatasets].sort((a, b) => a - b), regions: codes.length, regionNames, years } });
  }
  return out;
}

type ResultKeys = Map<string, string>;

/** Compliance results of the changed regions, in the changed years and the year after each. */
function resultsOf(db: Database.Database, scope: Scope, changed: readonly Changed[]): ResultKeys {
  const wanted = new Set<string>();
  for (const c of changed) for (const k of c.keys) for (const y of [k.year, k.year + 1]) wanted.add(`${k.code}|${y}`);
  const codes = [...new Set(changed.flatMap((c) => c.keys.map((k) => k.code)))];
  const levels = db.prepare(`SELECT code, level FROM region WHERE code IN (SELECT value FROM json_each(?))`).all(JSON.stringify(codes)) as { code: string; level: GovLevel }[];
  const years = [...wanted].map((k) => Number(k.split('|')[1]));
  const out: ResultKeys = new Map();
  for (const level of ['province', 'prefecture', 'county'] as const) {
    const mine = levels.filter((l) => l.level === level).map((l) => l.code);
    if (mine.length === 0) continue;
    const check = runCheck(db, { govLevel: level, scope, divisor: 'autumn', codes: mine, yearFrom: Math.min(...years), yearTo: Math.max(...years) });
    for (const r of check.results) {
      if (!wanted.has(`${r.regionCode}|${r.year}`)) continue;
      out.set(`${r.rule}|${r.regionCode}|${r.year}|${r.level ?? ''}`, `${r.status}|${r.value ?? ''}|${r.priorValue ?? ''}`);
    }
  }
  return out;
}

function compareResults(before: ResultKeys, after: ResultKeys): NonNullable<BasisImpact['results']> {
  let changed = 0;
  let statusChanged = 0;
  let added = 0;
  for (const [k, v] of after) {
    const old = before.get(k);
    if (old === undefined) {
      added++;
      continue;
    }
    if (old !== v) changed++;
    if (old.split('|')[0] !== v.split('|')[0]) statusChanged++;
  }
  return { before: before.size, after: after.size, changed, statusChanged, added };
}

/**
 * The change to the default basis that committing `datasetId` makes. Call inside the import's
 * transaction after its facts are written; leaves the database as it found it.
 */
export function basisImpact(db: Database.Database, datasetId: number, datasetKind: string, scope: Scope): BasisImpact | null {
  if (!['expenditure', 'enrolment', 'bulletin', 'fiscal'].includes(datasetKind)) return null;
  const after = resolveBasis(db, scope);
  // The basis as it is now: the new dataset never read, the version it replaces still current.
  const before = resolveBasis(db, scope, undefined, { without: datasetId });
  const changed = diff(db, before, after);
  let resultsBefore: ResultKeys | null = null;
  if (changed.length) {
    // The checks read the basis themselves: in a savepoint, tell them not to read the new dataset.
    db.exec('SAVEPOINT basis_impact');
    try {
      const inputs = [...after.inputs.keys()].filter((i) => (datasetKind === 'fiscal' ? i.startsWith('fiscal:') : i === datasetKind));
      writeOverrides(db, [...readOverrides(db), ...inputs.map((input) => ({ input, scope: null, region: null, from: null, to: null, datasetId, mode: 'exclude' as const, note: null }))]);
      db.prepare('UPDATE dataset SET supersedes_id = NULL WHERE id = ?').run(datasetId);
      resultsBefore = tryResults(db, scope, changed);
    } finally {
      db.exec('ROLLBACK TO basis_impact');
      db.exec('RELEASE basis_impact');
    }
  }
  const resultsAfter = resultsBefore ? tryResults(db, scope, changed) : null;
  return {
    scope,
    hashBefore: before.hash,
    hashAfter: after.hash,
    changes: changed.length > 0,
    inputs: changed.map((c) => c.impact),
    views: viewsReadingAny(changed.map((c) => c.input)),
    results: resultsBefore && resultsAfter ? compareResults(resultsBefore, resultsAfter) : null,
  };
}

/** A check that cannot run (nothing to evaluate) leaves the count out rather than failing the preview. */
function tryResults(db: Database.Database, scope: Scope, changed: readonly Changed[]): ResultKeys | null {
  try {
    return resultsOf(db, scope, changed);
  } catch (e) {
    if (e instanceof CodedError && e.code === 'bad_input') return null;
    throw e;
  }
}
