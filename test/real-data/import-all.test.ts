// Every file under /work/shared/data that holds province-level education expenditure, enrolment or
// fiscal capacity goes through `wb import` (in-process: the same code as the binary) into one
// database, and the stored integers must equal the source values read independently (./source.ts):
// decimal text × unit factor, exactly, with no value lost and none invented, and the dataset must
// say where it came from. Which files, which commands and what is left out: ./specs.ts, FINDINGS.md.
//
// An import listed with `known` in specs.ts fails today because of an importer problem; its test is
// `it.fails` so that it turns red — and the entry must be removed — once the importer is fixed.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { fileSha256 } from '../support/hash';
import { tempDir } from '../support/temp';
import { lastLine, wb, type CliResult } from './cli';
import { toBase, type SourceValue } from './source';
import { FINDINGS, SPECS, type Spec } from './specs';

const DATA = process.env.WB_SHARED_DATA ?? '/work/shared/data';
const have = existsSync(DATA);

type Imported = CliResult & { maxIdBefore: number; datasetId: number | null };

const FACTS = {
  expenditure: "SELECT region_code AS code, year, level || '/' || func_code AS key, amount_fen AS value FROM expenditure_fact WHERE dataset_id = ?",
  enrolment: 'SELECT region_code AS code, year, level AS key, students AS value FROM enrolment_fact WHERE dataset_id = ?',
  fiscal: 'SELECT region_code AS code, year, indicator AS key, value FROM fiscal_fact WHERE dataset_id = ?',
} as const;

type DatasetRow = { id: number; kind: string; source_file_name: string; sha256: string; sheet: string | null; unit: string; basis: string | null; row_count: number; supersedes_id: number | null };

/** WB_REAL_DATA_SHOW_KNOWN=1 runs the known failures as ordinary tests, to see how they fail today. */
const SHOW_KNOWN = process.env.WB_REAL_DATA_SHOW_KNOWN === '1';

/** A test that must pass, or — while a known importer problem breaks it — must fail. */
function check(spec: Spec, part: 'data' | 'provenance') {
  const known = (spec.known ?? []).filter((k) => k.breaks === 'import' || k.breaks === part);
  if (known.length === 0) return { test: it, label: '' };
  if (SHOW_KNOWN) return { test: it, label: ` [known: ${known.map((k) => k.finding).join(', ')}]` };
  return { test: it.fails, label: ` [known: ${known.map((k) => `${k.finding} ${FINDINGS[k.finding]}`).join('; ')}]` };
}

function describeDiff(expected: Map<string, { value: bigint; exact: boolean; v: SourceValue }>, stored: Map<string, bigint>): string[] {
  const problems: string[] = [];
  for (const [key, e] of expected) {
    const s = stored.get(key);
    if (s === undefined) problems.push(`missing ${key}: source ${e.v.text} ${e.v.unit} at ${e.v.where}`);
    else if (s !== e.value) problems.push(`${key}: stored ${s}, source ${e.v.text} ${e.v.unit} = ${e.value}${e.exact ? '' : ' (nearest whole unit)'} at ${e.v.where}`);
  }
  for (const key of stored.keys()) if (!expected.has(key)) problems.push(`invented ${key}: stored ${stored.get(key)}, no such value in the source`);
  return problems;
}

if (!have) {
  describe('real data import', () => {
    it.skip(`skipped: ${DATA} is not present (set WB_SHARED_DATA to the shared data folder)`, () => {});
  });
}

describe.skipIf(!have)('every in-scope file under the shared data folder imports exactly', () => {
  const dir = tempDir('wb-real-data-');
  const dbFile = join(dir, 'real.sqlite');
  const results = new Map<string, Imported>();
  let db: Database.Database;
  let totalMs = 0;

  beforeAll(async () => {
    openDatabase(dbFile).db.close(); // a fresh, empty workbench database
    db = openDatabase(dbFile).db;
    const t0 = performance.now();
    for (const spec of SPECS) {
      const maxIdBefore = (db.prepare('SELECT COALESCE(MAX(id), 0) FROM dataset').pluck().get() as number) ?? 0;
      const r = await wb(['--db', dbFile, 'import', join(DATA, spec.file), ...spec.args]);
      const last = lastLine(r);
      results.set(spec.id, { ...r, maxIdBefore, datasetId: r.rc === 0 && /^\d+$/.test(last) ? Number(last) : null });
    }
    totalMs = performance.now() - t0;
  }, 300_000);

  afterAll(() => {
    if (process.env.WB_REAL_DATA_REPORT && db) {
      const lines = SPECS.map((s) => {
        const r = results.get(s.id);
        const facts = r?.datasetId ? (db.prepare('SELECT row_count FROM dataset WHERE id = ?').pluck().get(r.datasetId) as number) : 0;
        return `${s.id}\texit ${r?.rc ?? '?'}\tdataset ${r?.datasetId ?? '—'}\t${facts} facts\t${Math.round(r?.ms ?? 0)} ms\twb import ${s.file} ${s.args.map((a) => (/[\s()]/.test(a) ? `'${a}'` : a)).join(' ')}`;
      });
      console.log(`${SPECS.length} imports in ${Math.round(totalMs)} ms\n${lines.join('\n')}`);
    }
    db?.close();
  });

  it('the specs name every import once and every file exists', () => {
    expect(new Set(SPECS.map((s) => s.id)).size).toBe(SPECS.length);
    for (const s of SPECS) expect(existsSync(join(DATA, s.file)), s.file).toBe(true);
  });

  for (const spec of SPECS) {
    const data = check(spec, 'data');
    data.test(`${spec.id}: ${basename(spec.file)} ${spec.args.join(' ')} → exit 0, new dataset id, the source values exactly${data.label}`, async () => {
      const r = results.get(spec.id)!;
      expect(r.rc, `exit code; stderr:\n${r.err.slice(0, 3000)}`).toBe(0);
      expect(lastLine(r), 'last stdout line is the dataset id').toMatch(/^\d+$/);
      const id = r.datasetId!;
      expect(id, 'a new dataset').toBeGreaterThan(r.maxIdBefore);
      const row = db.prepare('SELECT * FROM dataset WHERE id = ?').get(id) as DatasetRow | undefined;
      expect(row, `dataset ${id} exists`).toBeDefined();

      const source = await spec.read(join(DATA, spec.file));
      expect(source.length, 'the source has values').toBeGreaterThan(0);
      const expected = new Map<string, { value: bigint; exact: boolean; v: SourceValue }>();
      for (const v of source) {
        const key = `${v.code}|${v.year}|${v.key}`;
        if (expected.has(key)) throw new Error(`the source holds ${key} twice (${expected.get(key)!.v.where}, ${v.where})`);
        expected.set(key, { ...toBase(v.text, v.unit), v });
      }
      const stored = new Map<string, bigint>();
      for (const f of db.prepare(FACTS[spec.table]).safeIntegers().all(id) as { code: string; year: bigint; key: string; value: bigint }[]) stored.set(`${f.code}|${f.year}|${f.key}`, f.value);
      const problems = describeDiff(expected, stored);
      expect(problems.slice(0, 25), `${problems.length} differences between the source and dataset ${id}`).toEqual([]);
      expect(stored.size).toBe(expected.size);
    });

    const prov = check(spec, 'provenance');
    prov.test(`${spec.id}: dataset provenance (file name, SHA-256, sheet, unit ${spec.unit}, row count${spec.basis ? `, basis ${spec.basis}` : ''})${prov.label}`, async () => {
      const r = results.get(spec.id)!;
      expect(r.rc, `exit code; stderr:\n${r.err.slice(0, 2000)}`).toBe(0);
      const row = db.prepare('SELECT * FROM dataset WHERE id = ?').get(r.datasetId) as DatasetRow;
      const facts = db.prepare(`SELECT COUNT(*) FROM (${FACTS[spec.table]})`).pluck().get(r.datasetId) as number;
      const source = await spec.read(join(DATA, spec.file));
      expect({
        kind: row.kind,
        source_file_name: row.source_file_name,
        sha256: row.sha256,
        sheet: row.sheet,
        unit: row.unit,
        row_count: row.row_count,
        supersedes_id: row.supersedes_id,
        ...(spec.basis ? { basis: row.basis } : {}),
      }).toEqual({
        kind: spec.table,
        source_file_name: basename(spec.file),
        sha256: fileSha256(join(DATA, spec.file)),
        sheet: spec.sheet,
        unit: spec.unit,
        row_count: source.length,
        supersedes_id: null,
        ...(spec.basis ? { basis: spec.basis } : {}),
      });
      expect(row.row_count, 'row_count is the number of facts stored').toBe(facts);
    });
  }
});
