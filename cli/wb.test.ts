// The CLI on real database files: exit codes, output formats, and figures that match the facts.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileSha256 } from '../test/support/hash';
import { tempDir } from '../test/support/temp';
import { run } from './wb';

const dir = tempDir();
const demoDb = join(dir, 'demo.sqlite');

async function wb(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

beforeAll(async () => {
  const r = await wb('demo', '--out', demoDb);
  expect(r.code).toBe(0);
});

describe('wb demo', () => {
  it('creates a demo database and reports it', async () => {
    const r = await wb('demo', '--out', join(dir, 'seeded.sqlite'), '--seed', '7');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/province demo, seed 7, 2015–2024/);
  });
  it('never overwrites an existing file', async () => {
    const before = fileSha256(demoDb);
    const r = await wb('demo', '--out', demoDb);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/already exists/);
    expect(fileSha256(demoDb)).toBe(before);
  });
  it('rejects bad options with exit 2', async () => {
    expect((await wb('demo')).code).toBe(2);
    expect((await wb('demo', '--out', join(dir, 'x.sqlite'), '--scale', 'galactic')).err).toMatch(/--scale must be one of province\|national/);
    expect((await wb('demo', '--out', join(dir, 'y.sqlite'), '--seed', 'abc')).err).toMatch(/--seed must be a whole number/);
    expect(existsSync(join(dir, 'x.sqlite'))).toBe(false);
  });
});

describe('wb info', () => {
  it('lists datasets with provenance as JSON', async () => {
    const r = await wb('--db', demoDb, 'info', '--format', 'json');
    expect(r.code).toBe(0);
    const info = JSON.parse(r.out) as { schemaVersion: number; regions: { provinces: number; counties: number }; datasets: { kind: string; sha256: string; synthetic: boolean; firstYear: number; lastYear: number }[] };
    expect(info.regions.provinces).toBe(1);
    expect(info.regions.counties).toBeGreaterThan(90);
    expect(info.datasets.map((d) => d.kind).sort()).toEqual(['aid', 'county_attainment', 'enrolment', 'enrolment', 'expenditure', 'expenditure', 'fiscal', 'inclusion', 'kindergartens', 'schools']);
    // The finance series span the demo's ten years; aid counts its last three, school data its last four
    // (certifications go back to the year each county was certified).
    const span: Record<string, [number, number]> = { expenditure: [2015, 2024], enrolment: [2015, 2024], fiscal: [2015, 2024], aid: [2022, 2024], schools: [2021, 2024], kindergartens: [2021, 2024], inclusion: [2021, 2024], county_attainment: [2013, 2024] };
    for (const d of info.datasets) {
      expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(d.synthetic).toBe(true);
      expect([d.firstYear, d.lastYear], d.kind).toEqual(span[d.kind]);
    }
  });
  it('prints a table by default', async () => {
    const r = await wb('--db', demoDb, 'info');
    expect(r.code).toBe(0);
    expect(r.out).toContain('[synthetic]');
    expect(r.out).toMatch(/regions: \d+ \(1 provinces, \d+ prefectures, \d+ counties\)/);
  });
  it('refuses a database file that does not exist, creating nothing', async () => {
    const missing = join(dir, 'nope.sqlite');
    const r = await wb('--db', missing, 'info');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/database file not found/);
    expect(existsSync(missing)).toBe(false);
  });
  it('refuses a file that is not a database', async () => {
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'hello');
    const r = await wb('--db', junk, 'info');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not an SQLite database/);
  });
});

describe('wb per-student', () => {
  it('matches straight sums of the stored facts', async () => {
    const r = await wb('--db', demoDb, 'per-student', '--region', '390000', '--year', '2024', '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { rows: { level: string; spending_yuan: string; students: string; per_student_yuan: string; per_student_status: string }[]; divisor: string };
    expect(out.divisor).toBe('autumn');
    const db = new Database(demoDb, { readonly: true });
    const q = (table: string, col: string) =>
      db.prepare(`SELECT SUM(${col}) AS v FROM ${table} f JOIN dataset d ON d.id = f.dataset_id WHERE d.scope = 'consolidated' AND f.region_code = '390000' AND f.year = 2024`).safeIntegers().get() as { v: bigint };
    const E = q('expenditure_fact', 'amount_fen').v;
    const N = q('enrolment_fact', 'students').v;
    db.close();
    const all = out.rows.find((x) => x.level === 'all')!;
    expect(all.spending_yuan).toBe(`${E / 100n}.${(E % 100n).toString().padStart(2, '0')}`);
    expect(all.students).toBe(N.toString());
    // per student to 2 dp, half up
    const q2 = (E * 2n + N) / (2n * N);
    expect(all.per_student_yuan).toBe(`${q2 / 100n}.${(q2 % 100n).toString().padStart(2, '0')}`);
    expect(['pass', 'fail', 'na']).toContain(all.per_student_status);
  });
  it('writes CSV with a header row', async () => {
    const r = await wb('--db', demoDb, 'per-student', '--region', '390000', '--year', '2023', '--format', 'csv');
    expect(r.code).toBe(0);
    const [header, ...rows] = r.out.trim().split('\r\n');
    expect(header).toBe('level,level_name,spending_yuan,prior_spending_yuan,spending_growth_pct,students,prior_students,students_growth_pct,per_student_yuan,prior_per_student_yuan,per_student_growth_pct,per_student_status,reason');
    expect(rows.at(-1)).toMatch(/^all,合计,/);
  });
  it('names the problem on bad input', async () => {
    expect((await wb('--db', demoDb, 'per-student', '--region', '39', '--year', '2024')).err).toMatch(/six-digit/);
    expect((await wb('--db', demoDb, 'per-student', '--region', '110000', '--year', '2024')).err).toMatch(/not in the database/);
    const r = await wb('--db', demoDb, 'per-student', '--region', '390000', '--year', '2030');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/years held: 2015, 2016/);
    expect((await wb('--db', demoDb, 'per-student', '--region', '390000')).err).toMatch(/--year is required/);
    expect((await wb('--db', demoDb, 'frobnicate')).err).toMatch(/unknown command/);
  });
});

describe('npm run wb (a real process)', () => {
  it('prints help and exits 2 without a command; exits 0 with one', () => {
    const bare = spawnSync('npx', ['tsx', 'cli/wb.ts'], { encoding: 'utf8' });
    expect(bare.status).toBe(2);
    expect(bare.stdout).toContain('wb demo --out FILE');
    const info = spawnSync('npx', ['tsx', 'cli/wb.ts', '--db', demoDb, 'info', '--format', 'json'], { encoding: 'utf8' });
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout).datasets).toHaveLength(10);
  });
});
