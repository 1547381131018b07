// gatherSimInputs on the demo province: the counties under 390000 for the latest year, with tier
// and urban/rural from the region table, students (every level below higher education) and
// education spending checked independently against SQL over the fact tables, the prior year, the
// datasets read with their hashes, and the data hash; bad regions are refused as bad_input.
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../core/demo/generate';
import { canonicalJson, sha256Hex } from '../../core/hash/sha256';
import type { SimInputs } from '../../core/transfer/inputs';
import { codedError } from '../../test/support/coded-error';
import { tempDir } from '../../test/support/temp';
import { writeDemo } from '../demo/write-demo';
import { openDatabase } from '../open';
import { gatherSimInputs, NATIONAL } from './inputs';

const dir = tempDir('wb-sim-inputs-');
let db: Database.Database;
let inputs: SimInputs;
let ids: { expenditure: number; enrolment: number; fiscal: number };

beforeAll(() => {
  db = openDatabase(join(dir, 'demo.sqlite')).db;
  writeDemo(db, generateDemo({ scale: 'province' }));
  const id = (kind: string, scope: string | null) => db.prepare(`SELECT id FROM dataset WHERE kind = ? AND scope IS ?`).pluck().get(kind, scope) as number;
  ids = { expenditure: id('expenditure', 'consolidated'), enrolment: id('enrolment', 'consolidated'), fiscal: id('fiscal', 'consolidated') ?? id('fiscal', null) };
  inputs = gatherSimInputs(db, { regionCode: '390000' });
});
afterAll(() => db?.close());


const students = (code: string, year: number) =>
  db.prepare(`SELECT sum(students) FROM enrolment_fact WHERE dataset_id = ? AND region_code = ? AND year = ? AND level NOT IN ('higher', 'all')`).pluck().get(ids.enrolment, code, year) as number | null;
const level = (code: string, year: number, lvl: string) => db.prepare('SELECT students FROM enrolment_fact WHERE dataset_id = ? AND region_code = ? AND year = ? AND level = ?').pluck().get(ids.enrolment, code, year, lvl) as number | undefined;
const spending = (code: string, year: number) => db.prepare('SELECT sum(amount_fen) FROM expenditure_fact WHERE dataset_id = ? AND region_code = ? AND year = ?').pluck().get(ids.expenditure, code, year) as number | null;
const fiscal = (code: string, year: number, indicator: string) => db.prepare('SELECT value FROM fiscal_fact WHERE dataset_id = ? AND region_code = ? AND year = ? AND indicator = ?').pluck().get(ids.fiscal, code, year, indicator) as number | undefined;

describe('gatherSimInputs on the demo province', () => {
  it('reads the latest year and names the region', () => {
    expect(inputs.regionCode).toBe('390000');
    expect(inputs.regionName).toBe('示范省');
    expect(inputs.year).toBe(2024);
  });

  it('returns every current county under 39 that has enrolment in the year', () => {
    const expected = db
      .prepare(
        `SELECT code FROM region r WHERE r.level = 'county' AND r.code LIKE '39%' AND r.valid_to IS NULL
         AND EXISTS (SELECT 1 FROM enrolment_fact e WHERE e.dataset_id = ? AND e.region_code = r.code AND e.year = 2024) ORDER BY code`,
      )
      .pluck()
      .all(ids.enrolment) as string[];
    expect(expected).toHaveLength(100);
    expect(inputs.units).toHaveLength(expected.length);
    expect(inputs.units.map((u) => u.code).sort()).toEqual(expected);
    // The county abolished in 2020 (建通县 → 建通区) is not a unit of its own.
    expect(inputs.units.map((u) => u.code)).not.toContain('390121');
  });

  it('takes name, tier and urban/rural from the region table', () => {
    const meta = db.prepare('SELECT name, dev_tier AS tier, urban_rural AS urbanRural FROM region WHERE code = ?');
    for (const u of inputs.units) expect({ name: u.name, tier: u.tier, urbanRural: u.urbanRural }, u.code).toEqual(meta.get(u.code));
    expect(inputs.units.find((u) => u.code === '390425')).toMatchObject({ name: '美水县', tier: 1, urbanRural: 'rural' });
  });

  it('counts the students of one county as every level below higher education', () => {
    const u = inputs.units.find((x) => x.code === '390425')!;
    // Independently: 22161 + 13991 + 8107 + 5676 + 2037 + 147 in the demo.
    expect(students('390425', 2024)).toBe(52119);
    expect(u.current.students).toBe(52119);
    expect(u.current.primary).toBe(level('390425', 2024, 'primary'));
    expect(u.current.junior).toBe(level('390425', 2024, 'junior'));
    expect(u.prior!.students).toBe(students('390425', 2023));
  });

  it('matches the SQL sums for students and education spending in both years, for every county', () => {
    for (const u of inputs.units) {
      expect(u.current.students, u.code).toBe(students(u.code, 2024));
      expect(u.current.eduSpending, u.code).toBe(spending(u.code, 2024));
      expect(u.prior, u.code).not.toBeNull();
      expect(u.prior!.students, u.code).toBe(students(u.code, 2023));
      expect(u.prior!.eduSpending, u.code).toBe(spending(u.code, 2023));
    }
  });

  it('reads population, area (hectares to km²), revenue and expenditure from the fiscal dataset', () => {
    const u = inputs.units.find((x) => x.code === '390425')!;
    expect(u.current).toMatchObject({
      population: fiscal('390425', 2024, 'population'),
      areaKm2: fiscal('390425', 2024, 'area')! / 100,
      revenue: fiscal('390425', 2024, 'gpb_revenue'),
      expenditure: fiscal('390425', 2024, 'gpb_expenditure'),
    });
    expect(u.current.population).toBe(400316);
    expect(u.current.areaKm2).toBe(3124.72);
    expect(u.prior!.revenue).toBe(fiscal('390425', 2023, 'gpb_revenue'));
  });

  it('lists the enrolment, expenditure and fiscal datasets with their sha256', () => {
    const sha = (id: number) => db.prepare('SELECT sha256 FROM dataset WHERE id = ?').pluck().get(id) as string;
    expect(inputs.datasets.map((d) => d.id)).toEqual([ids.expenditure, ids.enrolment, ids.fiscal].sort((a, b) => a - b));
    for (const d of inputs.datasets) {
      expect(d.sha256).toBe(sha(d.id));
      expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(d.name).toBe(db.prepare('SELECT name FROM dataset WHERE id = ?').pluck().get(d.id));
    }
  });

  it('hashes the canonical JSON of the units, and the hash is stable across calls', () => {
    expect(inputs.dataHash).toBe(sha256Hex(canonicalJson(inputs.units)));
    expect(gatherSimInputs(db, { regionCode: '390000' }).dataHash).toBe(inputs.dataHash);
    expect(gatherSimInputs(db, { regionCode: '390000', year: 2023 }).dataHash).not.toBe(inputs.dataHash);
  });

  it('reads an earlier year when asked', () => {
    const y = gatherSimInputs(db, { regionCode: '390000', year: 2023 });
    expect(y.year).toBe(2023);
    const u = y.units.find((x) => x.code === '390425')!;
    expect(u.current.students).toBe(students('390425', 2023));
    expect(u.prior!.students).toBe(students('390425', 2022));
  });

  it('narrows to the counties of a prefecture', () => {
    const p = gatherSimInputs(db, { regionCode: '390400' });
    const expected = db.prepare(`SELECT code FROM region WHERE level = 'county' AND parent_code = '390400' AND valid_to IS NULL ORDER BY code`).pluck().all() as string[];
    expect(expected.length).toBeGreaterThan(0);
    expect(p.units.map((u) => u.code).sort()).toEqual(expected);
    expect(p.regionName).toBe(db.prepare(`SELECT name FROM region WHERE code = '390400'`).pluck().get());
  });

  it('returns the prefectures under the province with unitLevel prefecture', () => {
    const p = gatherSimInputs(db, { regionCode: '390000', unitLevel: 'prefecture' });
    const expected = db.prepare(`SELECT code FROM region WHERE level = 'prefecture' AND code LIKE '39%' ORDER BY code`).pluck().all() as string[];
    expect(expected).toHaveLength(12);
    expect(p.units.map((u) => u.code).sort()).toEqual(expected);
    const u = p.units.find((x) => x.code === '390400')!;
    expect(u.name).toBe('罗祥市');
    expect(u.current.students).toBe(students('390400', 2024));
    expect(u.current.eduSpending).toBe(spending('390400', 2024));
  });

  it('takes every county of the database for the whole country', () => {
    const n = gatherSimInputs(db, { regionCode: NATIONAL });
    expect(n.regionCode).toBe('000000');
    expect(n.units.map((u) => u.code).sort()).toEqual(inputs.units.map((u) => u.code).sort());
    expect(gatherSimInputs(db, { regionCode: NATIONAL, unitLevel: 'province' }).units.map((u) => u.code)).toEqual(['390000']);
  });

  it('refuses an unknown region, a county and a level not below the region as bad_input', () => {
    const unknown = codedError(() => gatherSimInputs(db, { regionCode: '390999' }));
    expect(unknown.code).toBe('bad_input');
    expect(unknown.message).toContain('390999');
    const county = codedError(() => gatherSimInputs(db, { regionCode: '390425' }));
    expect(county.code).toBe('bad_input');
    expect(county.message).toContain('390425');
    expect(codedError(() => gatherSimInputs(db, { regionCode: '390400', unitLevel: 'prefecture' })).code).toBe('bad_input');
    expect(codedError(() => gatherSimInputs(db, { regionCode: '390000', unitLevel: 'province' })).code).toBe('bad_input');
  });

  it('says not_found for a year without enrolment', () => {
    expect(codedError(() => gatherSimInputs(db, { regionCode: '390000', year: 2030 })).code).toBe('not_found');
  });
});

describe('explicit datasets', () => {
  it('a named fiscal dataset is the one read, even when a newer one exists', () => {
    // A newer fiscal dataset of the same release stage with every population doubled: by the data
    // basis's rule (stage, then newest) it is read; naming the demo's own fiscal dataset reads
    // that one, and only the named datasets are listed.
    db.prepare(
      `INSERT INTO dataset (id, name, kind, source_file_name, sha256, imported_at, unit, scope, release_stage, row_count)
       VALUES (99, 'doubled population', 'fiscal', 'x.csv', ?, '2026-01-01T00:00:00Z', '人', 'consolidated', 'final_accounts', 0)`,
    ).run('f'.repeat(64));
    db.prepare(`INSERT INTO fiscal_fact (dataset_id, region_code, year, indicator, value) SELECT 99, region_code, year, indicator, value * 2 FROM fiscal_fact WHERE dataset_id = ? AND indicator = 'population'`).run(ids.fiscal);
    const own = (x: SimInputs) => x.units.find((u) => u.code === '390425')!.current.population;
    const demo = inputs.units.find((u) => u.code === '390425')!.current.population;
    expect(own(gatherSimInputs(db, { regionCode: '390000' }))).toBe(demo * 2);
    const named = gatherSimInputs(db, { regionCode: '390000', datasetIds: [ids.expenditure, ids.enrolment, ids.fiscal] });
    expect(own(named)).toBe(demo);
    expect(named.datasets.map((d) => d.id)).toEqual([ids.expenditure, ids.enrolment, ids.fiscal].sort((a, b) => a - b));
  });
});
