// Issue #16.2: no CSV the workbench writes carries a live formula — `wb export`, `wb check`,
// `wb simulate` (scenario name in the header) and the app's table export (tableToCsv) — while
// numbers stay numeric. A region name is planted in the database directly (imports refuse it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableToCsv } from '../db/export/table-file';
import { openDatabase } from '../db/open';
import { tempDir } from '../test/support/temp';
import { run } from './wb';

const dir = tempDir();
const db = join(dir, 'W.sqlite');
const EVIL = '=HYPERLINK("http://example.invalid/","点击")';

async function wb(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Every field of CSV text, quotes removed: what a spreadsheet would put in its cells. */
function cells(text: string): string[] {
  const out: string[] = [];
  for (const m of text.replace(/^\uFEFF/, '').matchAll(/"((?:[^"]|"")*)"|([^,\r\n]*)/g)) if (m[0] !== '') out.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
  return out;
}
const live = (text: string) => cells(text).filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[+-]?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?%?$/.test(c));

let county: { code: string; name: string };
beforeAll(async () => {
  expect((await wb('demo', '--out', db)).code).toBe(0);
  const d = openDatabase(db).db;
  county = d.prepare(`SELECT code, name FROM region WHERE level = 'county' ORDER BY code LIMIT 1`).get() as { code: string; name: string };
  d.prepare('UPDATE region SET name = ? WHERE code = ?').run(EVIL, county.code);
  d.prepare(`INSERT INTO compliance_annotation (rule, region_code, year, level, scope, text, author, created_at) VALUES ('edu-spending-no-decrease', ?, 2024, NULL, 'consolidated', '@SUM(1+1)*cmd', '-attacker', '2024-01-01T00:00:00Z')`).run(county.code);
  d.close();
});

describe('CSV exports carry no formulas (#16.2)', () => {
  it('wb export --format csv: the region name is neutralised, amounts stay numbers', async () => {
    const out = join(dir, 'e.csv');
    expect((await wb('--db', db, 'export', '--dataset', '1', '--format', 'csv', '--out', out)).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://example.invalid/"",""点击"")"`);
    expect(live(text)).toEqual([]);
    expect(cells(text).some((c) => /^\d+\.\d\d$/.test(c))).toBe(true);
  });
  it('wb check --format csv: region names and annotations neutralised, negative growth stays a number', async () => {
    const r = await wb('--db', db, 'check', '--level', 'county', '--year', '2024', '--format', 'csv');
    expect([0, 1]).toContain(r.code);
    expect(r.out).toContain(`"'=HYPERLINK(`);
    expect(r.out).toContain("'-attacker: @SUM(1+1)*cmd");
    expect(live(r.out)).toEqual([]);
    expect(cells(r.out).some((c) => /^-\d+(\.\d+)?$/.test(c))).toBe(true);
  });
  it('wb simulate --format csv: a scenario named like a formula is neutralised in the header', async () => {
    const file = join(dir, 's.json');
    writeFileSync(file, JSON.stringify({ format: 'edu-finance-scenario/1', name: '=1+2', region: '390000', year: 2024, parameters: { 'difficulty.tilt': 1 }, alternatives: [{ name: '-3+4', parameters: {} }] }));
    const r = await wb('--db', db, 'simulate', '--scenario', file, '--format', 'csv');
    expect([0, 1]).toContain(r.code);
    expect(r.out.split('\r\n')[0]).toContain("'=1+2");
    expect(r.out.split('\r\n')[0]).toContain("'-3+4");
    expect(live(r.out)).toEqual([]);
  });
  it("the app's table export (tableToCsv): text neutralised in cells, headers and provenance; numeric columns untouched", () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      tableToCsv({
        title: 't',
        columns: [{ header: '+name', key: 'n', kind: 'text' }, { header: 'v', key: 'v', kind: 'decimal2' }],
        rows: [{ n: '-2+3', v: '-12.50' }, { n: '\t=1', v: '7.00' }],
        provenance: ['source'],
      }),
    );
    expect(text).toBe("\uFEFF'+name,v\r\n'-2+3,-12.50\r\n'\t=1,7.00\r\n\r\n# source\r\n");
  });
});
