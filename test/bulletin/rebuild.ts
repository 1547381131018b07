// Rebuilding a bulletin's text from its transcription: the title (the PROVENANCE.md heading), then
// for each row its section headings (`节`, joined with `/`) when they change, its lead-in (`引导语`)
// when it changes, and its sentence (`原文`) unless the previous row had the same one (several figures
// of one sentence are several rows). Transcriber's remarks standing in for a heading ("(新闻稿正文,
// 无小标题)") are not text of the bulletin; a heading part the sentence itself begins with ("1.",
// "一是…增长") is printed once, as the sentence prints it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '../fixtures/bulletins');

/** RFC 4180 CSV: quoted fields, doubled quotes, LF line ends. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

export function titleOf(folder: string): string {
  const heading = readFileSync(join(FIXTURES, folder, 'PROVENANCE.md'), 'utf8').split('\n')[0]!.replace(/^#\s*/, '');
  // "信阳市 关于…公告 (Xinyang, Henan — …)" / "… — from a third-party copy" / "— as quoted by 四川在线": the bulletin's own title only.
  return heading.replace(/\s+\((?=[A-Za-z])[^)]*\)/g, '').replace(/\s+—\s.*$/, '').trim();
}

export function rows(folder: string): Record<string, string>[] {
  return parseCsv(readFileSync(join(FIXTURES, folder, 'bulletin_rows.csv'), 'utf8'));
}

export function rebuild(folder: string): string {
  const lines = [titleOf(folder)];
  let path: string[] = [];
  let lead = '';
  let sentence = '';
  for (const r of rows(folder)) {
    const parts = r['节']!.split('/').filter((p) => p.trim() !== '' && !/无小标题/.test(p));
    const text = r['原文']!;
    parts.forEach((p, i) => {
      if (path[i] === p) return;
      path = path.slice(0, i);
      if (!text.startsWith(p)) lines.push(p);
      path[i] = p;
    });
    path = path.slice(0, parts.length);
    if (r['引导语'] && r['引导语'] !== lead) lines.push(r['引导语']!);
    lead = r['引导语'] ?? '';
    if (text !== sentence) lines.push(text);
    sentence = text;
  }
  return lines.join('\n') + '\n';
}

export const FOLDERS = [
  'guangdong_province_2016',
  'guangdong_province_2022',
  'hubei_province_2023',
  'hulunbuir_city_inner_mongolia_2020',
  'leshan_city_sichuan_2016',
  'liandu_district_lishui_zhejiang_2022',
  'luohe_demo_zone_henan_2017',
  'pingyuan_demo_zone_xinxiang_henan_2021',
  'qingtian_county_zhejiang_2022',
  'shaoxing_city_zhejiang_2023',
  'sichuan_province_2019',
  'suizhou_city_hubei_2022',
  'xinyang_city_henan_2020',
  'yantai_city_shandong_2022',
  'yichuan_county_luoyang_henan_2021',
  'zhanyi_district_qujing_yunnan_2016',
] as const;
