// `wb brief` on the demo province in every format, read back: the PDF's text (pdftotext) holds the
// key sentences and figures, computed here independently from the fact rows, and the page footer;
// the first page renders to PNG (pdftoppm); the Word file's XML holds the text, a real table and
// the page-number fields; the Excel workbook stores numbers as numbers with display formats and
// carries the provenance in every sheet's footer and on a sheet of its own.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../core/demo/generate';
import { formatRatio } from '../../core/money/decimal';
import { writeDemo } from '../../db/demo/write-demo';
import { openDatabase } from '../../db/open';
import { findChromium } from '../../db/brief/pdf';
import { composeBrief } from '../../db/brief/render';
import { createScenario } from '../../db/transfer/scenarios';
import { tempDir } from '../../test/support/temp';
import { run } from '../wb';

const dir = tempDir('wb-brief-');
const file = join(dir, 'demo.sqlite');
let scenarioId = 0;

async function wb(args: string[]): Promise<{ rc: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const rc = await run(['--db', file, ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { rc, out, err };
}

/** The sentence the brief must print, from the fact rows: total spending 2022 in 亿元 and growth. */
function expectedSpendingSentence(): string {
  const { db } = openDatabase(file);
  const sum = (year: number) =>
    BigInt(
      db
        .prepare(
          `SELECT SUM(f.amount_fen) FROM expenditure_fact f JOIN dataset d ON d.id = f.dataset_id
           WHERE d.kind = 'expenditure' AND d.scope = 'consolidated' AND f.region_code = '390000' AND f.year = ?`,
        )
        .pluck()
        .get(year) as number,
    );
  const cur = sum(2022);
  const prior = sum(2021);
  db.close();
  const pct = formatRatio((cur - prior) * 100n, prior, 2);
  return `2022年，示范省一般公共预算教育支出${formatRatio(cur, 10_000_000_000n, 2, true)}亿元，比上年${cur >= prior ? '增长' : '下降'}${pct.replace('-', '')}%`;
}

beforeAll(() => {
  const opened = openDatabase(file);
  writeDemo(opened.db, generateDemo({ scale: 'province' }));
  scenarioId = createScenario(opened.db, { regionCode: '390000', name: '倾斜方案', overlay: [{ key: 'difficulty.tilt', value: 1, from: null, to: null }], year: 2022, paramsHash: 'a'.repeat(64), dataHash: 'b'.repeat(64) }).id;
  opened.db.close();
});

const chromium = findChromium() !== null;

describe('wb brief', () => {
  it.skipIf(!chromium)('PDF: A4 pages whose text holds the key sentences, the tables and the provenance footer with page numbers', async () => {
    const out = join(dir, 'brief.pdf');
    const r = await wb(['brief', '--region', '390000', '--year', '2022', '--scenario', String(scenarioId), '--format', 'pdf', '--out', out]);
    expect(r.err).toBe('');
    expect(r.rc).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(expectedSpendingSentence());
    expect(flat).toContain('示范省2022年教育经费情况简报');
    expect(flat).toContain('生均一般公共预算教育支出');
    expect(flat).toContain('方案“倾斜方案”');
    expect(flat).toContain('附表2022年各县教育支出与生均情况');
    expect(flat).toMatch(/第1页\/共\d+页/);
    // The footer: rules version, app version, the scenario's parameter hash and each dataset's short hash.
    expect(text).toMatch(/规则 [0-9a-f]{12} · v\d/);
    expect(text).toMatch(/方案 #\d+ [0-9a-f]{8}/);
    expect(flat).toMatch(/#1示范省教育经费决算（合成数据，全辖，2015–2024）[0-9a-f]{8}/);
    expect(flat).toMatch(/规则版本[0-9a-f]{12}/);
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[56]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
    execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', out, join(dir, 'page')]);
    expect(statSync(join(dir, 'page-1.png')).size).toBeGreaterThan(10_000);
  }, 120_000);

  it('Word: the text, a real table, the chart as SVG and page-number fields in the footer', async () => {
    const out = join(dir, 'brief.docx');
    const r = await wb(['brief', '--region', '390000', '--year', '2022', '--format', 'docx', '--out', out]);
    expect(r.rc, r.err).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const doc = await zip.file('word/document.xml')!.async('string');
    const text = doc.replace(/<[^>]+>/g, '');
    expect(text).toContain(expectedSpendingSentence());
    expect(doc).toContain('<w:tbl>');
    expect(doc).toMatch(/w:eastAsia="仿宋"/);
    expect(Object.keys(zip.files).some((f) => /^word\/media\/.+\.svg$/.test(f))).toBe(true);
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(footers.join('')).toMatch(/PAGE/);
    expect(footers.join('')).toMatch(/NUMPAGES/);
  });

  it('Excel: numbers stored as numbers with formats, provenance in every footer and on its own sheet', async () => {
    const out = join(dir, 'brief.xlsx');
    const r = await wb(['brief', '--region', '390000', '--year', '2022', '--format', 'xlsx', '--out', out]);
    expect(r.rc, r.err).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const names = wb2.worksheets.map((w) => w.name);
    expect(names[0]).toBe('简报');
    expect(names).toContain('数据来源');
    const table1 = wb2.worksheets.find((w) => w.name.startsWith('表1'))!;
    // Row 3 is the first level (学前教育): spending in 亿元 as a number with two decimals shown.
    const cell = table1.getRow(3).getCell(2);
    expect(typeof cell.value).toBe('number');
    expect(cell.numFmt).toBe('#,##0.00');
    const growth = table1.getRow(3).getCell(5);
    expect(typeof growth.value).toBe('number');
    expect(growth.numFmt).toBe('+0.00;-0.00;0.00');
    for (const ws of wb2.worksheets) expect(ws.headerFooter.oddFooter ?? '').toMatch(/第 &P 页 共 &N 页/);
    const prov = wb2.getWorksheet('数据来源')!;
    expect(prov.getColumn(1).values.join('\n')).toMatch(/sha256 [0-9a-f]{64}/);
    const text = wb2.getWorksheet('简报')!.getColumn(1).values.join('\n');
    expect(text).toContain(expectedSpendingSentence());
  });

  it('the same inputs give the same numbers and text (only the generation time differs)', () => {
    const { db } = openDatabase(file);
    const now = new Date('2026-11-29T08:00:00Z');
    const q = { regionCode: '390000', year: 2022, scenarioId, sections: ['spending', 'per_student', 'compliance', 'scenario', 'appendix'] as const, lang: 'zh' as const, appVersion: '0.1.0', now };
    const a = composeBrief(db, { ...q, sections: [...q.sections] });
    const b = composeBrief(db, { ...q, sections: [...q.sections] });
    const later = composeBrief(db, { ...q, sections: [...q.sections], now: new Date('2027-01-01T00:00:00Z') });
    db.close();
    expect(b).toEqual(a);
    expect(later.sections).toEqual(a.sections);
    expect(later.footer).not.toBe(a.footer);
  });

  it('English: the same figures in English sentences', async () => {
    const out = join(dir, 'brief.html');
    const r = await wb(['brief', '--region', '390000', '--year', '2022', '--lang', 'en', '--format', 'html', '--out', out]);
    expect(r.rc, r.err).toBe(0);
    const zh = expectedSpendingSentence(); // "…支出1,232.07亿元，比上年增长4.26%"
    const [, amount, pct] = /支出([\d,.]+)亿元，比上年增长([\d.]+)%/.exec(zh)!;
    const html = readFileSync(out, 'utf8');
    expect(html).toContain(`education spending in 示范省 was ${amount} hundred million yuan, up ${pct}% on the previous year.`);
    expect(html).toContain('<html lang="en">');
  });

  it('refuses bad input with exit 2', async () => {
    expect((await wb(['brief', '--region', '390000', '--format', 'pdf'])).rc).toBe(2);
    expect((await wb(['brief', '--region', '999999', '--format', 'xlsx', '--out', join(dir, 'x.xlsx')])).rc).toBe(2);
    const bad = await wb(['brief', '--region', '390000', '--sections', 'spending,nonsense', '--format', 'xlsx', '--out', join(dir, 'x.xlsx')]);
    expect(bad.rc).toBe(2);
    expect(bad.err).toContain('nonsense');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });
});
