// Builds a real SQLite database from a golden case (test/golden/compliance/*.json): regions, the
// code-change crosswalk and one dataset per fact kind, written through the same repos as imports.
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../db/open';
import { insertDataset } from '../../db/repos/datasets';
import { sealNewDatasets } from '../../db/audit/content';
import { insertCodeChanges, insertRegions } from '../../db/repos/regions';

export type GoldenRegion = { code: string; name: string; level: 'province' | 'prefecture' | 'county'; parent?: string | null; validFrom?: string; validTo?: string };
export type GoldenCase = {
  title: string;
  source: string;
  regions: GoldenRegion[];
  codeChanges?: { old: string; new: string; date: string; kind: 'recode' | 'county_to_district' | 'county_to_city' | 'merge' | 'split' | 'boundary'; share: number }[];
  /** [region, year, level, amount 分, restated prior 分?] */
  expenditure?: [string, number, string, number, number?][];
  /** [region, year, level, students] */
  enrolment?: [string, number, string, number][];
  /** [region, year, level, measure, amount 分, restated prior 分?] */
  bulletin?: [string, number, string, string, number, number?][];
  /** [region, year, indicator, value] */
  fiscal?: [string, number, string, number][];
  query: {
    rules: string[];
    govLevel: 'province' | 'prefecture' | 'county';
    scope?: 'consolidated' | 'own_level';
    divisor?: 'autumn' | 'weighted_8_4' | 'average_two_autumns';
    yearFrom?: number;
    yearTo?: number;
  };
  /** Rows that must be present (matched on rule, regionCode, year, level), compared field by field. */
  expect: Record<string, unknown>[];
  /** When set, the run returns exactly this many rows. */
  rowCount?: number;
};

const KIND_OF_LEVEL = { province: 'province', prefecture: 'prefecture_city', county: 'county' } as const;

export function buildGoldenDb(dir: string, name: string, c: GoldenCase): Database.Database {
  const { db } = openDatabase(join(dir, `${name}.sqlite`));
  insertRegions(
    db,
    c.regions.map((r) => ({ code: r.code, name: r.name, shortName: r.name, level: r.level, kind: KIND_OF_LEVEL[r.level], parentCode: r.parent ?? null, devTier: null, urbanRural: null, validFrom: r.validFrom ?? null, validTo: r.validTo ?? null })),
  );
  insertCodeChanges(db, (c.codeChanges ?? []).map((x) => ({ oldCode: x.old, newCode: x.new, effectiveDate: x.date, kind: x.kind, share: x.share })));
  const scope = c.query.scope ?? 'consolidated';
  const dataset = (kind: 'expenditure' | 'enrolment' | 'bulletin' | 'fiscal', rows: number) =>
    insertDataset(db, {
      name: `golden ${name} ${kind}`,
      kind,
      sourceFileName: `${name}.json`,
      sha256: 'a'.repeat(64),
      sheet: null,
      importedAt: '2026-01-01T00:00:00Z',
      unit: kind === 'enrolment' ? '人' : '元',
      basis: kind === 'expenditure' ? 'moe_edu_funds' : null,
      scope: kind === 'bulletin' ? null : scope,
      releaseStage: kind === 'bulletin' ? 'bulletin' : 'final_accounts',
      rowCount: rows,
      synthetic: true,
    });
  if (c.expenditure?.length) {
    const id = dataset('expenditure', c.expenditure.length);
    const s = db.prepare('INSERT INTO expenditure_fact (dataset_id, region_code, year, level, amount_fen, restated_prior_fen) VALUES (?, ?, ?, ?, ?, ?)');
    for (const [code, year, level, fen, rp] of c.expenditure) s.run(id, code, year, level, fen, rp ?? null);
  }
  if (c.enrolment?.length) {
    const id = dataset('enrolment', c.enrolment.length);
    const s = db.prepare('INSERT INTO enrolment_fact (dataset_id, region_code, year, level, students) VALUES (?, ?, ?, ?, ?)');
    for (const [code, year, level, n] of c.enrolment) s.run(id, code, year, level, n);
  }
  if (c.bulletin?.length) {
    const id = dataset('bulletin', c.bulletin.length);
    const s = db.prepare('INSERT INTO bulletin_fact (dataset_id, region_code, year, level, measure, amount_fen, restated_prior_fen, comparable) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const [code, year, level, measure, fen, rp] of c.bulletin) s.run(id, code, year, level, measure, fen, rp ?? null, rp === undefined ? 0 : 1);
  }
  if (c.fiscal?.length) {
    const id = dataset('fiscal', c.fiscal.length);
    const s = db.prepare('INSERT INTO fiscal_fact (dataset_id, region_code, year, indicator, value) VALUES (?, ?, ?, ?, ?)');
    for (const [code, year, indicator, v] of c.fiscal) s.run(id, code, year, indicator, v);
  }
  // As an import does: the content of each dataset is sealed in the audit log.
  sealNewDatasets(db);
  return db;
}
