// A workspace without the demo: the reference data every real import needs and nothing else.
// Levels, the 205 function codes and the funding standards come with the migrations; this adds the
// shipped GB/T 2260 region list (provinces with their cost-sharing tier, prefectures, counties), so
// that an empty workspace resolves and checks regions before any data arrive.
import type Database from 'better-sqlite3';
import { createRegionDirectory } from '../import/region-directory';
import { loadRegionList } from '../data/region-list';

export type ReferenceCounts = { regions: number; functionCodes: number; standards: number; levels: number };

export function writeReferenceData(db: Database.Database): ReferenceCounts {
  const directory = createRegionDirectory(db);
  db.transaction(() => {
    for (const r of loadRegionList()) directory.ensure(db, r.code);
  })();
  directory.keepPending();
  return referenceCounts(db);
}

export function referenceCounts(db: Database.Database): ReferenceCounts {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { regions: count('region'), functionCodes: count('budget_function'), standards: count('funding_standard'), levels: count('education_level') };
}
