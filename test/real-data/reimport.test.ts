// Versions of a real file: importing the identical file again changes nothing and says so; a
// corrected copy (one value changed) becomes a new version of the dataset, and `--dry-run` first
// shows exactly that one cell. Uses the GBK NBS export copied to test/fixtures/real (NOTE.md).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { fileSha256 } from '../support/hash';
import { tempDir } from '../support/temp';
import { lastLine, wb } from './cli';
import { csvRows, toBase, yearsAcross } from './source';

const NAME = 'renjiyi163_地区生产总值_2006_2024.csv';
const FIXTURE = fileURLToPath(new URL(`../fixtures/real/${NAME}`, import.meta.url));
const ARGS = ['--kind', 'capacity'];
/** 北京市 2024 GDP as printed, and the corrected figure. The fixture is GBK: ASCII digits are the same bytes. */
const BEFORE = ',49670.2,';
const AFTER = ',49670.3,';

describe('re-importing a real file', () => {
  const dir = tempDir('wb-real-reimport-');
  const dbFile = join(dir, 'versions.sqlite');
  const corrected = join(dir, 'corrected', NAME);
  let db: Database.Database;
  let firstId: number;

  const datasets = () => db.prepare('SELECT COUNT(*) FROM dataset').pluck().get() as number;
  const facts = (id: number) =>
    new Map((db.prepare("SELECT region_code || '|' || year || '|' || indicator AS k, value FROM fiscal_fact WHERE dataset_id = ?").safeIntegers().all(id) as { k: string; value: bigint }[]).map((r) => [r.k, r.value]));

  beforeAll(async () => {
    openDatabase(dbFile).db.close();
    db = openDatabase(dbFile).db;
    // the corrected copy: same name in another folder, one value changed
    const bytes = readFileSync(FIXTURE);
    const at = bytes.indexOf(BEFORE, 0, 'latin1');
    if (at < 0 || bytes.lastIndexOf(BEFORE, undefined, 'latin1') !== at) throw new Error(`${NAME}: "${BEFORE}" should occur exactly once`);
    mkdirSync(join(dir, 'corrected'));
    writeFileSync(corrected, Buffer.concat([bytes.subarray(0, at), Buffer.from(AFTER, 'latin1'), bytes.subarray(at + BEFORE.length)]));

    const first = await wb(['--db', dbFile, 'import', FIXTURE, ...ARGS]);
    if (first.rc !== 0) throw new Error(`first import failed (exit ${first.rc}):\n${first.out}\n${first.err}`);
    firstId = Number(lastLine(first));
  });

  afterAll(() => db?.close());

  it('the first import stores the source values exactly', () => {
    const source = yearsAcross(csvRows(FIXTURE, 'gb18030'), { first: '地区', unit: '亿元', key: 'gdp' }, NAME);
    expect(source.length).toBe(589);
    const stored = facts(firstId);
    expect(stored.size).toBe(source.length);
    for (const v of source) expect(stored.get(`${v.code}|${v.year}|gdp`), v.where).toBe(toBase(v.text, v.unit).value);
    expect(stored.get('110000|2024|gdp')).toBe(4_967_020_000_000_00n);
  });

  it('importing the identical file again changes nothing, says so, and answers the existing id', async () => {
    const before = datasets();
    const r = await wb(['--db', dbFile, 'import', FIXTURE, ...ARGS]);
    expect(r.rc, r.err).toBe(0);
    expect(r.out).toMatch(/未做任何更改|nothing changed/);
    expect(r.out).toContain(`#${firstId}`);
    expect(lastLine(r)).toBe(String(firstId));
    expect(datasets()).toBe(before);
  });

  it('--dry-run of a corrected copy lists exactly the one changed cell and writes nothing', async () => {
    const before = datasets();
    const r = await wb(['--db', dbFile, 'import', corrected, ...ARGS, '--dry-run']);
    expect(r.rc, r.err).toBe(0);
    expect(r.out).toMatch(new RegExp(`与上一版本 #${firstId} 相比 / vs previous version: 1 改动, 0 新增, 0 删除`));
    const cells = r.lines.filter((l) => /^\s+\d{6} \d{4} /.test(l));
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatch(/^\s+110000 2024 \S*gdp\S*: 4967020000000\.00 → 4967030000000\.00$/);
    expect(datasets()).toBe(before);
  });

  it('importing the corrected copy creates a new version that supersedes the first', async () => {
    const before = datasets();
    const r = await wb(['--db', dbFile, 'import', corrected, ...ARGS]);
    expect(r.rc, r.err).toBe(0);
    const id = Number(lastLine(r));
    expect(id).toBeGreaterThan(firstId);
    expect(datasets()).toBe(before + 1);
    const row = db.prepare('SELECT supersedes_id, sha256, source_file_name, row_count FROM dataset WHERE id = ?').get(id) as { supersedes_id: number | null; sha256: string; source_file_name: string; row_count: number };
    expect(row).toEqual({ supersedes_id: firstId, sha256: fileSha256(corrected), source_file_name: NAME, row_count: 589 });
    const old = facts(firstId);
    const now = facts(id);
    const changed = [...now].filter(([k, v]) => old.get(k) !== v).map(([k]) => k);
    expect(changed).toEqual(['110000|2024|gdp']);
    expect(now.get('110000|2024|gdp')).toBe(4_967_030_000_000_00n);
    expect(now.size).toBe(old.size);
  });
});
