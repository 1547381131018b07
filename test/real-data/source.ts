// Independent readers for the real files under /work/shared/data. They share nothing with the
// importer: lines are split here, the GBK export is decoded with TextDecoder('gb18030'), .xls files
// are read with @e965/xlsx after officecrypto-tool removes Excel's default read-only password, .xlsx
// files with exceljs, and province names map to codes through the hard-coded table below (not the
// app's resolver). Every reader returns the source values as the decimal text printed in the file.
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import officeCrypto from 'officecrypto-tool';

export type Unit = '亿元' | '万元' | '万人';

/** Stored base units: 分 for money, persons for counts. */
export const FACTOR: Record<Unit, bigint> = { 亿元: 10_000_000_000n, 万元: 1_000_000n, 万人: 10_000n };

/** One value as the source prints it. key: 'all/205' (expenditure), a level (enrolment) or an indicator (fiscal). */
export type SourceValue = { code: string; year: number; key: string; text: string; unit: Unit; where: string };

// ---------------------------------------------------------------------------------------------
// The 31 provinces (GB/T 2260), full and short names.
// ---------------------------------------------------------------------------------------------
const PROVINCES: readonly (readonly [string, string, string])[] = [
  ['110000', '北京市', '北京'], ['120000', '天津市', '天津'], ['130000', '河北省', '河北'], ['140000', '山西省', '山西'],
  ['150000', '内蒙古自治区', '内蒙古'], ['210000', '辽宁省', '辽宁'], ['220000', '吉林省', '吉林'], ['230000', '黑龙江省', '黑龙江'],
  ['310000', '上海市', '上海'], ['320000', '江苏省', '江苏'], ['330000', '浙江省', '浙江'], ['340000', '安徽省', '安徽'],
  ['350000', '福建省', '福建'], ['360000', '江西省', '江西'], ['370000', '山东省', '山东'], ['410000', '河南省', '河南'],
  ['420000', '湖北省', '湖北'], ['430000', '湖南省', '湖南'], ['440000', '广东省', '广东'], ['450000', '广西壮族自治区', '广西'],
  ['460000', '海南省', '海南'], ['500000', '重庆市', '重庆'], ['510000', '四川省', '四川'], ['520000', '贵州省', '贵州'],
  ['530000', '云南省', '云南'], ['540000', '西藏自治区', '西藏'], ['610000', '陕西省', '陕西'], ['620000', '甘肃省', '甘肃'],
  ['630000', '青海省', '青海'], ['640000', '宁夏回族自治区', '宁夏'], ['650000', '新疆维吾尔自治区', '新疆'],
];
const BY_NAME = new Map<string, string>(PROVINCES.flatMap(([code, full, short]) => [[full, code], [short, code], [code, code]]));
const FULL_NAME = new Map<string, string>(PROVINCES.map(([code, full]) => [code, full]));
/** All-regions totals printed beside the provinces: never a fact. (全国 is the national region 000000, a fact of its own.) */
const TOTALS = new Set(['地方合计', '地方合计(allregions)']);
BY_NAME.set('全国', '000000');
/** Lines under a table: notes and sources. */
const FOOTER = /^(注|数据来源|资料来源|摘编自)/;

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** A province code, 'total', 'footer', or undefined (blank). Throws on anything else so a misread shows. */
export function regionOf(text: string, where: string): string | 'total' | 'footer' | undefined {
  const t = squeeze(text);
  if (t === '') return undefined;
  const code = BY_NAME.get(t);
  if (code) return code;
  if (TOTALS.has(t)) return 'total';
  if (FOOTER.test(t)) return 'footer';
  throw new Error(`${where}: "${text}" is neither one of the 31 provinces nor a total`);
}

export function fullNameOf(code: string): string | undefined {
  return FULL_NAME.get(code);
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** A value cell as decimal text; '' when blank. */
function valueText(cell: unknown, where: string): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    const s = String(cell);
    if (!DECIMAL.test(s)) throw new Error(`${where}: number ${s} is not a plain decimal`);
    return s;
  }
  const s = String(cell).trim();
  if (s !== '' && !DECIMAL.test(s)) throw new Error(`${where}: "${s}" is not a number`);
  return s;
}

// ---------------------------------------------------------------------------------------------
// CSV: comma separated, no quoting in these files; NBS exports write "\t," between cells.
// ---------------------------------------------------------------------------------------------
export function csvRows(file: string, encoding: 'utf-8' | 'gb18030' = 'utf-8'): string[][] {
  const text = new TextDecoder(encoding, { fatal: true }).decode(readFileSync(file)).replace(/^\uFEFF/, '');
  if (text.includes('"')) throw new Error(`${file}: quoted CSV fields are not expected in these files`);
  return text.split(/\r?\n/).map((line) => (line === '' ? [] : line.split(',').map((c) => c.replace(/^[\s\t]+|[\s\t]+$/g, ''))));
}

export type LongOptions = {
  /** Header of the column holding the region (code or name). */
  region: string;
  /** Header of the year column, or the year when the file is a single year. */
  year: string | number;
  /** Header of the value column. */
  value: string;
  /** The unit, or the header of a column stating it row by row. */
  unit: Unit | { column: string };
  /** Only rows whose column equals the text. */
  where?: Record<string, string>;
  key: string;
  /** Index of the header row (default: the first row whose first cell is the region header). */
  headerRow?: number;
};

/** One row per region-year (long and wide-by-indicator tables). */
export function fromColumns(rows: string[][], o: LongOptions, where: string): SourceValue[] {
  const h = o.headerRow ?? rows.findIndex((r) => r.includes(o.region));
  const header = rows[h];
  if (!header) throw new Error(`${where}: no header row with "${o.region}"`);
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${where}: no column "${name}" in ${header.join('|')}`);
    return i;
  };
  const regionCol = col(o.region);
  const yearCol = typeof o.year === 'string' ? col(o.year) : -1;
  const valueCol = col(o.value);
  const unitCol = typeof o.unit === 'string' ? -1 : col(o.unit.column);
  const filters = Object.entries(o.where ?? {}).map(([c, v]) => [col(c), v] as const);
  const out: SourceValue[] = [];
  for (let i = h + 1; i < rows.length; i++) {
    const r = rows[i]!;
    const at = `${where} line ${i + 1}`;
    if (r.length === 0 || r.every((c) => c === '')) continue;
    const region = regionOf(r[regionCol] ?? '', at);
    if (region === 'footer') break;
    if (filters.some(([c, v]) => (r[c] ?? '') !== v)) continue;
    if (region === undefined) throw new Error(`${at}: no region`);
    const text = valueText(r[valueCol] ?? '', at);
    if (region === 'total' || text === '') continue;
    const year = typeof o.year === 'number' ? o.year : Number(r[yearCol]);
    if (!Number.isInteger(year) || year < 1949 || year > 2100) throw new Error(`${at}: bad year ${r[yearCol]}`);
    const unit = typeof o.unit === 'string' ? o.unit : (r[unitCol] as Unit);
    if (!(unit in FACTOR)) throw new Error(`${at}: unit "${unit}"`);
    // the NBS panel prints the full name beside the code: check the two agree
    const name = r[regionCol + 1] ?? '';
    if (/^\d{6}$/.test(r[regionCol] ?? '') && BY_NAME.has(name) && fullNameOf(region) !== name) throw new Error(`${at}: code ${region} is not ${name}`);
    out.push({ code: region, year, key: o.key, text, unit, where: at });
  }
  return out;
}

/** NBS "国家数据" export with regions (or indicators) as rows and years across ("2024年" …). */
export function yearsAcross(rows: string[][], o: { first: '地区' | '指标'; unit: Unit; key: string; region?: string; rowLabel?: string }, where: string): SourceValue[] {
  const h = rows.findIndex((r) => r[0] === o.first);
  const header = rows[h];
  if (!header) throw new Error(`${where}: no header row starting "${o.first}"`);
  const years = header.flatMap((c, i) => {
    const m = /^(\d{4})年$/.exec(c);
    return m ? [{ i, year: Number(m[1]) }] : [];
  });
  if (years.length < 2) throw new Error(`${where}: no year columns`);
  const out: SourceValue[] = [];
  for (let i = h + 1; i < rows.length; i++) {
    const r = rows[i]!;
    const at = `${where} line ${i + 1}`;
    if (r.length === 0) continue;
    let code: string;
    if (o.region !== undefined) {
      if (FOOTER.test(r[0] ?? '')) break;
      if (r[0] !== o.rowLabel) continue;
      code = BY_NAME.get(o.region)!;
    } else {
      const region = regionOf(r[0] ?? '', at);
      if (region === 'footer') break;
      if (region === undefined || region === 'total') continue;
      code = region;
    }
    for (const { i: c, year } of years) {
      const text = valueText(r[c] ?? '', `${at} ${year}`);
      if (text !== '') out.push({ code, year, key: o.key, text, unit: o.unit, where: `${at} col ${c + 1}` });
    }
  }
  return out;
}

/** The year of a single-year NBS export: "时间：2019年". */
export function timeLineYear(rows: string[][], where: string): number {
  for (const r of rows) {
    const m = /^时间[:：](\d{4})年$/.exec(r[0] ?? '');
    if (m) return Number(m[1]);
  }
  throw new Error(`${where}: no 时间 line with one year`);
}

// ---------------------------------------------------------------------------------------------
// Spreadsheets.
// ---------------------------------------------------------------------------------------------
export const DEFAULT_PASSWORD = 'VelvetSweatshop';

async function workbookBytes(file: string): Promise<Buffer> {
  const buf = readFileSync(file);
  return officeCrypto.isEncrypted(buf) ? officeCrypto.decrypt(buf, { password: DEFAULT_PASSWORD }) : buf;
}

async function xlsRows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = XLSX.read(await workbookBytes(file), { type: 'buffer' });
  const ws = wb.Sheets[sheet];
  if (!ws) throw new Error(`${file}: no sheet "${sheet}" (has ${wb.SheetNames.join(', ')})`);
  return XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null, blankrows: true });
}

const cellString = (c: unknown) => (c === null || c === undefined ? '' : squeeze(String(c)));
const CJK = /[\u3400-\u9fff]/;

/**
 * A China Statistical Yearbook table (7-5 / 7-6): title with the year, a header starting 地区 (its
 * labels may continue on the next row), the 地方合计 row, then 31 provinces (blank spacer rows
 * between groups). Reading stops at the first line that is neither a province nor a total (a note,
 * a source line, or the title of the continuation table below).
 */
export async function yearbookTable(file: string, o: { sheet: string; column: RegExp; unit: Unit; key: string }, where: string): Promise<{ values: SourceValue[]; year: number }> {
  const rows = await xlsRows(file, o.sheet);
  const title = rows.map((r) => r.map(cellString).join('')).find((t) => t !== '') ?? '';
  const ym = /(\d{4})年/.exec(title);
  if (!ym) throw new Error(`${where}: no year in the title "${title}"`);
  const year = Number(ym[1]);
  const h = rows.findIndex((r) => cellString(r[0]) === '地区');
  if (h < 0) throw new Error(`${where}: no 地区 header`);
  let end = h + 1;
  while (end < rows.length && cellString(rows[end]![0]) === '' && rows[end]!.some((c) => typeof c === 'string' && CJK.test(c))) end++;
  const labels = (rows[h] ?? []).map((_, j) => rows.slice(h, end).map((r) => cellString(r[j])).join(''));
  const cols = labels.flatMap((l, j) => (o.column.test(l) ? [j] : []));
  if (cols.length !== 1) throw new Error(`${where}: ${cols.length} columns match ${o.column}: ${labels.join('|')}`);
  const col = cols[0]!;
  const values: SourceValue[] = [];
  for (let i = end; i < rows.length; i++) {
    const r = rows[i]!;
    const at = `${where} row ${i + 1}`;
    const first = cellString(r[0]);
    if (first === '') continue;
    const region = BY_NAME.get(first) ?? (TOTALS.has(first) ? 'total' : undefined);
    if (region === undefined) break; // note, source line or the continuation table's title
    const text = valueText(r[col], at);
    if (region !== 'total' && text !== '') values.push({ code: region, year, key: o.key, text, unit: o.unit, where: `${at} col ${col + 1}` });
  }
  const provinces = new Set(values.map((v) => v.code));
  if (provinces.size !== values.length || values.length !== 31) throw new Error(`${where}: expected the 31 provinces once each, read ${values.length} values for ${provinces.size} provinces`);
  return { values, year };
}

/** An .xlsx sheet as rows of trimmed text (numbers as their shortest decimal), read with exceljs. */
export async function xlsxRows(file: string, sheet: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  const bytes = readFileSync(file);
  // exceljs declares its own Buffer (an ArrayBuffer); hand it exactly the file's bytes
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as Parameters<typeof wb.xlsx.load>[0]);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`${file}: no sheet "${sheet}"`);
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = (row.values as unknown[]).slice(1);
    rows[n - 1] = values.map((v, i) => {
      if (v === null || v === undefined) return '';
      if (typeof v === 'number') return valueText(v, `${file} row ${n} col ${i + 1}`);
      if (typeof v === 'string') return v.trim();
      throw new Error(`${file} row ${n} col ${i + 1}: unexpected cell ${JSON.stringify(v)}`);
    });
  });
  return Array.from(rows, (r) => r ?? []);
}

// ---------------------------------------------------------------------------------------------
// Exact conversion to stored integers.
// ---------------------------------------------------------------------------------------------

/**
 * The stored integer for a printed decimal: text × unit factor, exactly. When the product is not a
 * whole 分 / person (population printed as 2392.66471499914 万人), `exact` is false and `value` is
 * the nearest whole unit.
 */
export function toBase(text: string, unit: Unit): { value: bigint; exact: boolean } {
  const m = DECIMAL.exec(text);
  if (!m) throw new Error(`not a decimal: ${text}`);
  const [int, frac = ''] = text.split('.');
  const num = BigInt(`${int}${frac}`) * FACTOR[unit];
  const den = 10n ** BigInt(frac.length);
  if (num % den === 0n) return { value: num / den, exact: true };
  return { value: (num * 2n + den) / (2n * den), exact: false };
}
