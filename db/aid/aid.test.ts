// Student aid on real files: the demo database through `wb aid`, the aid import template imported
// back through the real importer, a database from before the aid migration upgraded with its
// data intact, and the refusals (no aid data, holes in the factors) with exit 2.
import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { wb } from '../../test/real-data/cli';
import { tempDir } from '../../test/support/temp';
import { verifyAudit } from '../audit/verify';
import { loadMigrations } from '../migrate';
import { openDatabase } from '../open';

const dir = tempDir('wb-aid-');
const demo = join(dir, 'demo.sqlite');

beforeAll(async () => {
  expect((await wb(['demo', '--out', demo])).rc).toBe(0);
}, 120_000);

type Fact = { code: string; level: string; measure: string; value: number };
function aidFacts(file: string, year: number): Fact[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT region_code AS code, level, measure, SUM(value) AS value FROM aid_fact WHERE year = ? AND measure IN ('eligible', 'boarders') GROUP BY 1, 2, 3`).all(year) as Fact[];
  } finally {
    db.close();
  }
}

describe('wb aid need on the demo province', () => {
  it('computes the living subsidy from the stored counts: boarders × 1250 / 1500 + the rest at half, centre 50 % (第三档)', async () => {
    const r = await wb(['--db', demo, 'aid', 'need', '--region', '390000', '--year', '2024', '--format', 'json']);
    expect(r.rc).toBe(0);
    const report = JSON.parse(r.out) as { dang: number; units: { code: string; rows: { item: string; level: string; needFen: number | null; centralFen: number | null }[] }[] };
    expect(report.dang).toBe(3);
    const facts = aidFacts(demo, 2024);
    const get = (code: string, level: string, m: string) => facts.find((f) => f.code === code && f.level === level && f.measure === m)!.value;
    let checked = 0;
    for (const u of report.units) {
      for (const [level, std] of [
        ['primary', 125_000],
        ['junior', 150_000],
      ] as const) {
        const row = u.rows.find((x) => x.item === 'living_subsidy' && x.level === level)!;
        if (row.needFen === null) continue;
        const eligible = get(u.code, level, 'eligible');
        const boarders = get(u.code, level, 'boarders');
        expect(row.needFen).toBe(boarders * std + (eligible - boarders) * (std / 2));
        expect(row.centralFen).toBe(row.needFen / 2);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('says 无数据 for pre-school aid, which has no national standard, until a scenario sets one', async () => {
    const plain = await wb(['--db', demo, 'aid', 'need', '--region', '390000', '--year', '2024']);
    expect(plain.out).toContain('无数据：2024-03-01 无适用标准');
    const scen = join(dir, 'preschool.json');
    writeFileSync(scen, '\uFEFF' + JSON.stringify({ name: '学前每生750元', overlay: { preschool_standard: 75_000 } }));
    const withStd = await wb(['--db', demo, 'aid', 'need', '--region', '390000', '--year', '2024', '--scenario', scen, '--format', 'json']);
    expect(withStd.rc).toBe(0);
    const j = JSON.parse(withStd.out) as { totals: { item: string; needFen: number | null }[]; scenario_hash: string };
    expect(j.totals.find((t) => t.item === 'preschool_aid')!.needFen).toBeGreaterThan(0);
    expect(j.scenario_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a region-year without aid data (exit 2), and an unknown scenario key', async () => {
    const r = await wb(['--db', demo, 'aid', 'need', '--region', '390000', '--year', '2016']);
    expect(r.rc).toBe(2);
    expect(r.err).toContain('没有学生资助数据');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'x', overlay: { standard: {} } }));
    expect((await wb(['--db', demo, 'aid', 'need', '--region', '390000', '--year', '2024', '--scenario', bad])).rc).toBe(2);
  });

  it('writes an Excel workbook with numbers as numbers and a provenance sheet, and will not overwrite', async () => {
    const out = join(dir, 'need.xlsx');
    expect((await wb(['--db', demo, 'aid', 'need', '--region', '390000', '--year', '2024', '--out', out])).rc).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['资助需求合计', '资助需求明细', '数据来源']);
    expect(typeof book.getWorksheet('资助需求合计')!.getRow(2).getCell(2).value).toBe('number');
    expect(String(book.getWorksheet('数据来源')!.getRow(3).getCell(1).value)).toMatch(/SHA-256 [0-9a-f]{64}/);
    const again = await wb(['--db', demo, 'aid', 'need', '--region', '390000', '--year', '2024', '--out', out]);
    expect(again.rc).toBe(2);
    expect((await wb(['--db', demo, 'aid', 'need', '--region', '390000', '--year', '2024', '--out', demo])).rc).toBe(2);
  });
});

describe('wb aid allocate on the demo province', () => {
  it('covers every identified student with the default floors (exit 0), quotas adding up to 20 % of enrolment', async () => {
    const r = await wb(['--db', demo, 'aid', 'allocate', '--region', '390000', '--year', '2024', '--level', 'senior', '--format', 'json']);
    expect(r.rc).toBe(0);
    const j = JSON.parse(r.out) as { total: number; rows: { quota: number; eligible: number; enrolled: number }[]; short_of: unknown[]; money_fen: number };
    expect(j.rows.reduce((t, x) => t + x.quota, 0)).toBe(j.total);
    expect(j.total).toBe(Math.round(j.rows.reduce((t, x) => t + x.enrolled, 0) * 0.2));
    expect(j.short_of).toEqual([]);
    expect(j.money_fen).toBe(j.total * 200_000);
  });

  it('finds the planted counties short when quotas follow enrolment alone (exit 1, 不漏一人)', async () => {
    const r = await wb(['--db', demo, 'aid', 'allocate', '--region', '390000', '--year', '2024', '--level', 'senior', '--weights', 'students=1,eligible=0,economic=0,fiscal=0', '--min-ratio', '0', '--format', 'json']);
    expect(r.rc).toBe(1);
    const j = JSON.parse(r.out) as { rows: { code: string; quota: number; eligible: number; shortfall: number }[]; short_of: { code: string; shortfall: number }[] };
    // The demo plants its two least-developed counties (建通区, 明峰县) with the highest identified shares.
    expect(j.short_of.map((s) => s.code)).toEqual(expect.arrayContaining(['390108', '390222']));
    for (const row of j.rows) expect(row.shortfall).toBe(Math.max(0, row.eligible - row.quota));
    expect(j.short_of.length).toBe(j.rows.filter((x) => x.quota < x.eligible).length);
  });

  it('refuses all-zero weights and a level with no published coverage without a total (exit 2)', async () => {
    const zero = await wb(['--db', demo, 'aid', 'allocate', '--region', '390000', '--year', '2024', '--level', 'senior', '--weights', 'students=0,eligible=0,economic=0,fiscal=0']);
    expect(zero.rc).toBe(2);
    expect(zero.err).toContain('权重全为 0');
    const voc = await wb(['--db', demo, 'aid', 'allocate', '--region', '390000', '--year', '2024', '--level', 'sec_voc']);
    expect(voc.rc).toBe(2);
    expect(voc.err).toContain('资助面');
  });
});

describe('aid counts through the real importer', () => {
  it('imports the workbench’s own template back exactly', async () => {
    const tpl = join(dir, 'aid-template.xlsx');
    expect((await wb(['template', '--kind', 'aid', '--out', tpl])).rc).toBe(0);
    const ws = join(dir, 'ws.sqlite');
    expect((await wb(['demo', '--out', ws])).rc).toBe(0);
    const imp = await wb(['--db', ws, 'import', tpl, '--kind', 'aid']);
    expect(imp.rc, imp.err).toBe(0);
    const db = new Database(ws, { readonly: true });
    const rows = db.prepare(`SELECT region_code, year, level, category, item, measure, value FROM aid_fact WHERE dataset_id = (SELECT MAX(id) FROM dataset WHERE kind = 'aid') ORDER BY level, category, item, measure`).all();
    db.close();
    expect(rows).toEqual([
      { region_code: '510000', year: 2024, level: 'junior', category: 'dibao', item: '', measure: 'boarders', value: 8000 },
      { region_code: '510000', year: 2024, level: 'junior', category: 'dibao', item: '', measure: 'eligible', value: 12345 },
      { region_code: '510000', year: 2024, level: 'junior', category: 'dibao', item: '', measure: 'funded', value: 12000 },
      { region_code: '510000', year: 2024, level: 'senior', category: 'all', item: '', measure: 'approved_fee_fen', value: 80_000 },
      { region_code: '510000', year: 2024, level: 'senior', category: 'all', item: '', measure: 'eligible', value: 52000 },
      { region_code: '510000', year: 2024, level: 'senior', category: 'all', item: '', measure: 'funded', value: 51000 },
      { region_code: '510000', year: 2024, level: 'senior', category: 'all', item: 'senior_grant', measure: 'budget_fen', value: 11960 * 1_000_000 },
    ]);
  });

  it('refuses an unknown category and a budget without its item, naming row and column, and writes nothing', async () => {
    const csv = join(dir, 'aid-bad.csv');
    writeFileSync(csv, '地区,年度,学段,困难类别,资助项目,认定家庭经济困难学生数（人）,预算安排额（万元）\n四川省,2024,初中,富裕,,10,\n四川省,2024,普通高中,合计,,,12\n');
    const ws = join(dir, 'ws2.sqlite');
    expect((await wb(['demo', '--out', ws])).rc).toBe(0);
    const before = readFileSync(ws);
    const r = await wb(['--db', ws, 'import', csv, '--kind', 'aid']);
    expect(r.rc).toBe(2);
    expect(r.err).toMatch(/第 2 行.*困难类别/s);
    expect(r.err).toMatch(/第 3 行.*资助项目/s);
    expect(readFileSync(ws).equals(before)).toBe(true);
  });
});

describe('upgrading a database from before the aid migration', () => {
  it('keeps every dataset and its audit chain when the dataset table is rebuilt', () => {
    const file = join(dir, 'v6.sqlite');
    const migrations = loadMigrations();
    const aidVersion = migrations.findIndex((m) => m.name.includes('aid_students')) + 1;
    const old = openDatabase(file, { migrations: migrations.slice(0, aidVersion - 1) }).db;
    old.prepare(`INSERT INTO dataset (name, kind, source_file_name, sha256, imported_at, unit, release_stage, row_count) VALUES ('旧数据', 'enrolment', 'a.csv', ?, '2026-01-01T00:00:00Z', '人', 'yearbook', 1)`).run('a'.repeat(64));
    old.prepare(`INSERT INTO region (code, name, short_name, level, kind) VALUES ('110000', '北京市', '北京', 'province', 'municipality')`).run();
    old.prepare(`INSERT INTO enrolment_fact (dataset_id, region_code, year, level, students, count_basis, source_row) VALUES (1, '110000', 2020, 'primary', 5, 'autumn', 1)`).run();
    old.close();
    const { db } = openDatabase(file, { backupDir: join(dir, 'b') });
    try {
      expect(db.prepare('SELECT name, kind FROM dataset').all()).toEqual([{ name: '旧数据', kind: 'enrolment' }]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(verifyAudit(db).ok).toBe(true);
      // The rebuilt table still logs changes (the old insert and this one) and accepts the new kind.
      db.prepare(`INSERT INTO dataset (name, kind, source_file_name, sha256, imported_at, unit, release_stage, row_count) VALUES ('资助', 'aid', 'b.csv', ?, '2026-01-01T00:00:00Z', 'mixed', 'other', 0)`).run('b'.repeat(64));
      expect(db.prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'dataset' AND action = 'insert'`).get()).toEqual({ n: 2 });
    } finally {
      db.close();
    }
    expect(existsSync(file)).toBe(true);
  });
});
