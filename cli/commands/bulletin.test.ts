// wb bulletin read on real files (.txt in UTF-8 and GB18030, .docx, .pdf when pdftotext is
// installed) and a real database: exit codes, the figures and findings, and the import contract
// (provenance with the file's SHA-256, all or nothing).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Document, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { rebuild } from '../../test/bulletin/rebuild';
import { fileSha256 } from '../../test/support/hash';
import { tempDir } from '../../test/support/temp';
import { run } from '../wb';

const dir = tempDir();
const db = join(dir, 'demo.sqlite');

async function wb(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function textFile(folder: string, name = `${folder}.txt`): string {
  const file = join(dir, name);
  writeFileSync(file, rebuild(folder));
  return file;
}

beforeAll(async () => {
  expect((await wb('demo', '--out', db)).code).toBe(0);
});

describe('wb bulletin read', () => {
  it('exits 1 naming the sentence when a printed rate does not match its values (信阳 2020)', async () => {
    const r = await wb('bulletin', 'read', textFile('xinyang_city_henan_2020'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/第 3 句「2020年,全市地方教育经费总投入为167\.65亿元,比上年的154\.97亿元增长8\.25%。」/);
    expect(r.out).toMatch(/计算为 8\.18%/);
  });

  it('exits 0 when the text is consistent and nothing falls (青田 2022), in JSON too', async () => {
    const r = await wb('bulletin', 'read', textFile('qingtian_county_zhejiang_2022'), '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { figures: { current: string; indicator: string; level: string }[]; findings: { severity: string }[]; year: number; region: string };
    expect(j.region).toBe('青田县');
    expect(j.year).toBe(2022);
    expect(j.figures).toHaveLength(12);
    expect(j.figures[7]).toMatchObject({ current: '17443.63', indicator: 'per_student_operating', level: 'preschool' });
    expect(j.findings.filter((f) => f.severity === 'defect')).toEqual([]);
  });

  it('reads GB18030 text as well as UTF-8', async () => {
    const file = join(dir, 'gbk.txt');
    // Node has no GB18030 encoder; iconv from the system does the conversion.
    const conv = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: rebuild('suizhou_city_hubei_2022') });
    writeFileSync(file, conv.stdout);
    const r = await wb('bulletin', 'read', file, '--format', 'json');
    expect(JSON.parse(r.out).figures[4]).toMatchObject({ current: '9014.32', prior: '9164.90', direction: '下降', rate: '1.64' });
  });

  it('reads a .docx: the paragraphs of the document', async () => {
    const file = join(dir, 'bulletin.docx');
    const doc = new Document({ sections: [{ children: rebuild('liandu_district_lishui_zhejiang_2022').trim().split('\n').map((line) => new Paragraph(line)) }] });
    writeFileSync(file, await Packer.toBuffer(doc));
    const r = await wb('bulletin', 'read', file, '--format', 'json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { file: { format: string; sha256: string }; findings: { code: string; sentence_text: string }[] };
    expect(j.file).toMatchObject({ format: 'docx', sha256: fileSha256(file) });
    expect(j.findings.filter((f) => f.code === 'rate_mismatch').map((f) => f.sentence_text)).toEqual(['(二)事业收入33844.74万元,比上年34583.04万元减少738.30万元,下降1.73%。']);
  });

  it('exits 2 on unreadable input: a file that is not a bulletin, a damaged .docx, an unknown type', async () => {
    const empty = join(dir, 'notes.txt');
    writeFileSync(empty, '会议纪要\n今天开会。\n');
    expect((await wb('bulletin', 'read', empty)).code).toBe(2);
    const bad = join(dir, 'bad.docx');
    writeFileSync(bad, 'not a zip');
    const r = await wb('bulletin', 'read', bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不是有效的 \.docx/);
    const xls = join(dir, 'table.xls');
    writeFileSync(xls, 'x');
    expect((await wb('bulletin', 'read', xls)).err).toMatch(/\.txt、\.docx 或带文字层的 \.pdf/);
    expect((await wb('bulletin', 'read', join(dir, 'missing.txt'))).code).toBe(2);
  });
});

describe('wb bulletin read --import', () => {
  it('stores the figures as a bulletin dataset with the file’s SHA-256, and the engine finds the 同口径 falls (伊川 2021)', async () => {
    const file = textFile('yichuan_county_luoyang_henan_2021');
    const r = await wb('--db', db, 'bulletin', 'read', file, '--import');
    expect(r.code).toBe(1);
    const id = Number(r.out.trim().split('\n').pop());
    const conn = new Database(db, { readonly: true });
    try {
      const d = conn.prepare('SELECT kind, sha256, source_file_name, release_stage, row_count, mapping_json FROM dataset WHERE id = ?').get(id) as { kind: string; sha256: string; source_file_name: string; release_stage: string; row_count: number; mapping_json: string };
      expect(d).toMatchObject({ kind: 'bulletin', sha256: fileSha256(file), source_file_name: 'yichuan_county_luoyang_henan_2021.txt', release_stage: 'bulletin', row_count: 6 });
      expect(JSON.parse(d.mapping_json).figures).toHaveLength(8);
      const facts = conn.prepare('SELECT region_code, year, level, measure, amount_fen, official_growth, comparable, restated_prior_fen FROM bulletin_fact WHERE dataset_id = ? ORDER BY level, measure').all(id);
      expect(facts).toContainEqual({ region_code: '410329', year: 2021, level: 'all', measure: 'total', amount_fen: 75128360000, official_growth: '-33.69', comparable: 1, restated_prior_fen: 113298687981 });
      expect(facts).toContainEqual({ region_code: '410329', year: 2021, level: 'junior', measure: 'per_student', amount_fen: 569741, official_growth: '-46', comparable: 1, restated_prior_fen: 1055076 });
    } finally {
      conn.close();
    }
    expect(r.out).toMatch(/\[未达标\] per-student-no-decrease 2021 初中 本年 5697\.41元 上年 10550\.76元 增长 -46\.0000%（同口径基数）/);
  });

  it('refuses the whole bulletin when two sentences give one fact two values (平原 2021: 公用经费 twice), leaving the database byte for byte unchanged', async () => {
    const file = textFile('pingyuan_demo_zone_xinxiang_henan_2021');
    const before = fileSha256(db);
    const r = await wb('--db', db, 'bulletin', 'read', file, '--import', '--region', '410701');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/两个不同数值/);
    expect(r.err).toMatch(/未导入，数据库未改动/);
    expect(fileSha256(db)).toBe(before);
  });

  it('prints the existing dataset for the same file read the same way, changing nothing', async () => {
    const file = textFile('suizhou_city_hubei_2022');
    const first = await wb('--db', db, 'bulletin', 'read', file, '--import');
    const id = first.out.trim().split('\n').pop();
    const before = fileSha256(db);
    const again = await wb('--db', db, 'bulletin', 'read', file, '--import');
    expect(again.out.trim().split('\n').pop()).toBe(id);
    expect(again.out).toMatch(/未改动/);
    expect(fileSha256(db)).toBe(before);
  });
});

describe('wb bulletin read on a PDF with a text layer', () => {
  const pdf = join(import.meta.dirname, '../../test/fixtures/bulletins/pdf/suizhou_city_hubei_2022.pdf');
  const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

  it.skipIf(!hasPdftotext)('joins the lines the page wrapped and reads every figure (随州 2022)', async () => {
    const r = await wb('bulletin', 'read', pdf, '--format', 'json');
    const j = JSON.parse(r.out) as { file: { format: string }; figures: { current: string | null; change: string | null }[]; findings: { severity: string }[] };
    expect(j.file.format).toBe('pdf');
    expect(j.figures.map((f) => f.current)).toEqual(['387859', '299023', '284597', '2431.76', '9014.32', '15062.15', '14402.18', '8403.18', '9616.15', '15.68']);
    expect(j.figures[0]!.change).toBe('19');
    expect(j.findings.filter((f) => f.severity === 'defect')).toEqual([]);
    expect(r.code).toBe(1); // 普通小学 and 普通初中 fell
  });

  it('says clearly when pdftotext is not installed', async () => {
    const { readBulletinFile } = await import('../../db/bulletin/source');
    await expect(readBulletinFile(pdf, join(dir, 'no-such-pdftotext'))).rejects.toThrow(/需要 pdftotext（poppler-utils）/);
  });
});
