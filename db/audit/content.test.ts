// Facts changed with every audit trigger dropped are found by `wb audit verify` through the content
// seal recorded at import; the column-pack cache (fact_columns) is used only when it matches its
// seal, so editing its blob changes neither the check's results nor goes unreported.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../core/demo/generate';
import { run } from '../../cli/wb';
import { tempDir } from '../../test/support/temp';
import { runCheck } from '../compliance/check';
import { writeDemo } from '../demo/write-demo';
import { openDatabase } from '../open';
import { contentTables } from './content';
import { listAudit } from './log';
import { verifyAudit } from './verify';

const dir = tempDir('wb-content-');
let n = 0;

function demoFile(): string {
  const file = join(dir, `c${++n}.sqlite`);
  const { db } = openDatabase(file);
  writeDemo(db, generateDemo({ scale: 'province' }));
  db.close();
  return file;
}

async function wb(file: string, args: string[]): Promise<{ rc: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const rc = await run(['--db', file, ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { rc, out, err };
}

/** A connection without the workbench's functions and with every audit trigger dropped. */
function untriggered(file: string): Database.Database {
  const raw = new Database(file);
  for (const t of raw.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'audit_%'`).pluck().all() as string[]) raw.exec(`DROP TRIGGER ${t}`);
  return raw;
}

const countyOf = (db: Database.Database) => db.prepare(`SELECT region_code FROM expenditure_fact f JOIN region r ON r.code = f.region_code WHERE r.level = 'county' AND dataset_id = 1 LIMIT 1`).pluck().get() as string;
const CHECK = { govLevel: 'county', scope: 'consolidated', divisor: 'autumn' } as const;
const checkResults = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return JSON.stringify(runCheck(db, CHECK).results);
  } finally {
    db.close();
  }
};

describe('content seals', () => {
  it('are written by the import, one per dataset, in the log', () => {
    const file = demoFile();
    const db = new Database(file, { readonly: true });
    const seals = listAudit(db, { entity: 'dataset_content' });
    const datasets = db.prepare('SELECT CAST(id AS TEXT) FROM dataset ORDER BY id').pluck().all();
    expect(seals.map((s) => s.entityId)).toEqual(datasets);
    expect(JSON.parse(seals[0]!.after!)).toMatchObject({ datasetId: 1, rows: { expenditure_fact: expect.any(Number) }, contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/), packSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    db.close();
  });

  it('cover every table that holds a dataset’s rows (a new fact table must be added here knowingly)', () => {
    const db = new Database(demoFile(), { readonly: true });
    expect(contentTables(db)).toEqual(['aid_fact', 'bulletin_fact', 'bulletin_published', 'county_attainment_fact', 'dataset_control_total', 'dataset_finding', 'enrolment_fact', 'expenditure_fact', 'fiscal_fact', 'inclusion_fact', 'kindergarten_fact', 'school_fact']);
    db.close();
  });
});

describe('wb audit verify with the triggers dropped', () => {
  it('finds a county’s amounts halved (exit 1), which wb check would otherwise report as real', async () => {
    const file = demoFile();
    expect((await wb(file, ['audit', 'verify'])).rc).toBe(0);
    const raw = untriggered(file);
    const changed = raw.prepare('UPDATE expenditure_fact SET amount_fen = amount_fen / 2 WHERE dataset_id = 1 AND region_code = ?').run(countyOf(raw)).changes;
    raw.close();
    expect(changed).toBeGreaterThan(0);
    const r = await wb(file, ['audit', 'verify']);
    expect(r.rc).toBe(1);
    expect(r.out).toMatch(/CHANGED OUTSIDE THE LOG: dataset 1 — .*differ from the content hash sealed at import/);
  });

  it('finds one fact deleted and another inserted (same count)', async () => {
    const file = demoFile();
    const raw = untriggered(file);
    const row = raw.prepare(`SELECT * FROM expenditure_fact WHERE dataset_id = 1 AND year = (SELECT max(year) FROM expenditure_fact WHERE dataset_id = 1) LIMIT 1`).get() as Record<string, unknown>;
    raw.prepare('DELETE FROM expenditure_fact WHERE dataset_id = 1 AND region_code = ? AND year = ? AND level = ? AND func_code = ?').run(row.region_code, row.year, row.level, row.func_code);
    raw.prepare('INSERT INTO expenditure_fact (dataset_id, region_code, year, level, func_code, amount_fen) VALUES (1, ?, 1990, ?, ?, 1)').run(row.region_code, row.level, row.func_code);
    raw.close();
    const r = await wb(file, ['audit', 'verify', '--format', 'json']);
    expect(r.rc).toBe(1);
    expect(JSON.parse(r.out).state).toEqual(expect.arrayContaining([{ entity: 'dataset', entityId: '1', reason: expect.stringMatching(/differ from the content hash/) }]));
  });

  it('finds any single value changed in any content table (property, fixed seed)', () => {
    const file = demoFile();
    const raw = untriggered(file);
    const tables = contentTables(raw).filter((t) => (raw.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number) > 0);
    fc.assert(
      fc.property(fc.constantFrom(...tables), fc.nat(), (table, pick) => {
        const intCols = raw.prepare(`SELECT name FROM pragma_table_info(?) WHERE type = 'INTEGER' AND pk = 0`).pluck().all(table) as string[];
        const pk = raw.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).pluck().all(table) as string[];
        const col = intCols[pick % intCols.length]!;
        raw.exec('BEGIN');
        try {
          const key = `(${pk.join(', ')})`;
          const changed = raw.prepare(`UPDATE ${table} SET ${col} = ${col} + 1 WHERE ${key} IN (SELECT ${pk.join(', ')} FROM ${table} WHERE ${col} IS NOT NULL LIMIT 1 OFFSET ?)`).run(pick % 50).changes;
          if (changed === 0) return true;
          const report = verifyAudit(raw);
          return !report.ok && report.state.some((p) => p.entity === 'dataset' && /differ from the content hash/.test(p.reason));
        } catch (e) {
          // a CHECK constraint refused the change: nothing was tampered
          if (/CHECK constraint/.test((e as Error).message)) return true;
          throw e;
        } finally {
          raw.exec('ROLLBACK');
        }
      }),
      { seed: 1612, numRuns: 12 },
    );
    raw.close();
  });
});

describe('the column-pack cache (fact_columns)', () => {
  it('an edited blob changes neither the check’s results nor goes unreported by verify', async () => {
    const file = demoFile();
    const before = checkResults(file);
    // A writable check stores the packs.
    const w = openDatabase(file);
    runCheck(w.db, CHECK);
    w.db.close();
    const raw = new Database(file);
    const packs = raw.prepare('SELECT dataset_id AS id, row_count AS n, data FROM fact_columns').all() as { id: number; n: number; data: Buffer }[];
    expect(packs.length).toBeGreaterThan(0);
    for (const p of packs) {
      const ab = new ArrayBuffer(p.data.length);
      new Uint8Array(ab).set(p.data);
      const values = new Float64Array(ab, 0, p.n);
      for (let i = 0; i < p.n; i++) values[i] = values[i]! * 3;
      raw.prepare('UPDATE fact_columns SET data = ? WHERE dataset_id = ?').run(Buffer.from(ab), p.id);
    }
    raw.close();
    expect(checkResults(file)).toBe(before);
    const r = await wb(file, ['audit', 'verify']);
    expect(r.rc).toBe(1);
    expect(r.out).toMatch(/CHANGED OUTSIDE THE LOG: fact_columns \d+ — .*cached column pack differs/);
  });
});
