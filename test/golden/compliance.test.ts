// Golden cases for every rule and every edge case of docs/domain.md#edge-cases, as data files: each builds a real
// SQLite database, runs the same check the app and `wb check` run, and compares the rows it names.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../../core/compliance/types';
import { runCheck } from '../../db/compliance/check';
import { tempDir } from '../support/temp';
import { buildGoldenDb, type GoldenCase } from './golden-db';

const folder = fileURLToPath(new URL('./compliance/', import.meta.url));
const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
const dir = tempDir('wb-golden-');

describe('compliance golden cases', () => {
  it('has a case for every rule', () => {
    const rules = new Set(files.flatMap((f) => (JSON.parse(readFileSync(folder + f, 'utf8')) as GoldenCase).query.rules));
    expect([...rules].sort()).toEqual(['edu-share-of-budget', 'edu-spending-no-decrease', 'fiscal-edu-gdp-4pct', 'per-student-no-decrease', 'public-funds-per-student-standard', 'teacher-pay-parity', 'three-growths']);
  });

  for (const f of files) {
    const c = JSON.parse(readFileSync(folder + f, 'utf8')) as GoldenCase;
    it(`${f}: ${c.title}`, () => {
      const db = buildGoldenDb(dir, f.replace(/\.json$/, ''), c);
      try {
        const run = runCheck(db, {
          rules: c.query.rules as RuleId[],
          govLevel: c.query.govLevel,
          scope: c.query.scope ?? 'consolidated',
          divisor: c.query.divisor ?? 'autumn',
          yearFrom: c.query.yearFrom,
          yearTo: c.query.yearTo,
        });
        if (c.rowCount !== undefined) expect(run.results.map((r) => `${r.rule} ${r.regionCode} ${r.year} ${r.level} ${r.status}`)).toHaveLength(c.rowCount);
        for (const e of c.expect) {
          const hit = run.results.find((r) => r.rule === e.rule && r.regionCode === e.regionCode && r.year === e.year && r.level === (e.level ?? null));
          expect(hit, `no row for ${JSON.stringify(e)}`).toBeDefined();
          expect(hit).toMatchObject(e);
        }
      } finally {
        db.close();
      }
    });
  }
});
