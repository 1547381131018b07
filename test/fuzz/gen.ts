// Generators shared by the targets: number-like text, cells, and mutations of real files. A mutation
// is plain data (a list of operations applied in order), so fast-check can print and shrink it and
// the same operations rebuild the same bytes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import JSZip from 'jszip';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHARED_DATA = '/work/shared/data';

// ---- text and cells ----------------------------------------------------------------------------

/** Values that break naive parsers: NaN-like text, huge and negative numbers, units, formulas. */
export const NASTY_VALUES = [
  '', ' ', '-', '--', '—', '…', 'NA', 'N/A', 'NaN', 'nan', 'Infinity', '-Infinity', 'undefined', 'null', 'true', '#DIV/0!', '#N/A', '#REF!', '=SUM(A1:A3)', '=1/0',
  '0', '-0', '+0', '00', '0.0', '-1', '-123.45', '１２３', '－１２', '1,234.5', '1,2,3', '1.2.3', '1e5', '1E+05', '1e309', '-1e309', '1e-400', '5e-324', '1.7976931348623157e308',
  '99999999999999999999999999999', '9007199254740993', '0.000000000000000000001', '12.345678901234567890', '1 234', '12万元', '3.5亿元', '4.68%', '12%', '100人', '2.5万人',
  '0x1F', '١٢٣', '½', '∞', '1_000', '(123)', '123-', '12.', '.5', '+.5', '2024', '2024年', '2024年度', '1948', '2101', '20240', '2024-02-30', '2024/13/01', '2024年2月29日',
  '北京', ' 北  京', '北京市', '内蒙古自治区', '朝阳区', '110000', '11', '110101001', '999999', '000000', '全国', '合计', '地方合计(all regions)', 'Total', '其中：', '#北京', '北京①',
  '注：本表数据', '资料来源：', '单位：万元', '（亿元）', '(万人)', '元/人', 'primary', '小学', '普通高中', 'all', '"', '""', '"a,b"', ',', '\t', ';', '\r', '\n', '\u0000', '\uFEFF', '\u3000',
  '\uFFFD', '\uD800', 'a\u0301', '𠀀', '🙂', '<b>', '&#x110000;', '&amp;', '%s%n', '${x}', '__proto__', 'constructor', 'toString',
];

export const nastyString = fc.constantFrom(...NASTY_VALUES);

/** Number-like text built from pieces: signs, digits, separators, exponents, units, full-width forms. */
export const numberishText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', '+', '-', '−', '﹣', '－', '(', ' '),
    fc.stringMatching(/^[0-9]{0,25}$/),
    fc.constantFrom('', '.', ',', ' ', '．', '，'),
    fc.stringMatching(/^[0-9]{0,20}$/),
    fc.constantFrom('', 'e', 'E', 'e+', 'e-', 'E-'),
    fc.stringMatching(/^[0-9]{0,4}$/),
    fc.constantFrom('', '%', '元', '万元', '亿元', '千元', '人', '万人', ' 万元', ')', '年', '年度', '*', '①'),
    fc.boolean(),
  )
  .map(([s, a, p, b, e, x, u, wide]) => {
    const t = `${s}${a}${p}${b}${e ? `${e}${x}` : ''}${u}`;
    return wide ? t.replace(/[0-9.,+-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : t;
  });

export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 3, arbitrary: numberishText },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

export const weirdDouble: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 1e21, -1e21, 1e300, 5e-324, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Infinity, -Infinity, 0.1 + 0.2, 1147.82930000001, 1e-7, 123456789012345680000),
);

export const cellArb: fc.Arbitrary<string | number | null> = fc.oneof({ weight: 6, arbitrary: anyText }, { weight: 2, arbitrary: weirdDouble }, { weight: 2, arbitrary: fc.constant(null) });

// ---- seed files ----------------------------------------------------------------------------------

export type SeedFile = { name: string; path: string; bytes: Buffer };

function walk(dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const p = join(dir, n);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else out.push(p);
  }
}

let seedCache: SeedFile[] | null = null;

/** Every real and fixture file a reader might be given (read once; originals are never written). */
export function seedFiles(): SeedFile[] {
  if (seedCache) return seedCache;
  const paths: string[] = [];
  for (const d of [join(ROOT, 'test/fixtures/readers'), join(ROOT, 'test/fixtures/bad/files'), join(ROOT, 'test/fixtures/real'), SHARED_DATA]) walk(d, paths);
  seedCache = paths
    .filter((p) => /\.(csv|tsv|txt|xlsx|xls)$/i.test(p))
    .sort()
    .map((p) => ({ name: basename(p), path: p, bytes: readFileSync(p) }));
  return seedCache;
}

export const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;
export const isOle2 = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export function seedsOf(kind: 'text' | 'zip' | 'ole2'): SeedFile[] {
  return seedFiles().filter((s) => (kind === 'zip' ? isZip(s.bytes) : kind === 'ole2' ? isOle2(s.bytes) : !isZip(s.bytes) && !isOle2(s.bytes)));
}

// ---- byte mutations ------------------------------------------------------------------------------

export type ByteOp =
  | { t: 'truncate'; at: number }
  | { t: 'flip'; at: number; xor: number }
  | { t: 'set'; at: number; byte: number }
  | { t: 'insert'; at: number; bytes: number[] }
  | { t: 'delete'; at: number; len: number }
  | { t: 'duplicate'; at: number; len: number };

const pos = fc.nat({ max: 0x7fffffff });
export const byteOpArb: fc.Arbitrary<ByteOp> = fc.oneof(
  fc.record({ t: fc.constant('truncate' as const), at: pos }),
  { weight: 3, arbitrary: fc.record({ t: fc.constant('flip' as const), at: pos, xor: fc.integer({ min: 1, max: 255 }) }) },
  fc.record({ t: fc.constant('set' as const), at: pos, byte: fc.constantFrom(0x00, 0xff, 0x7f, 0x80, 0x22, 0x2c, 0x0a, 0x0d, 0xfe) }),
  fc.record({ t: fc.constant('insert' as const), at: pos, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }) }),
  fc.record({ t: fc.constant('delete' as const), at: pos, len: fc.integer({ min: 1, max: 512 }) }),
  fc.record({ t: fc.constant('duplicate' as const), at: pos, len: fc.integer({ min: 1, max: 512 }) }),
);

export function applyByteOps(input: Uint8Array, ops: readonly ByteOp[]): Buffer {
  let b = Buffer.from(input);
  for (const op of ops) {
    if (b.length === 0 && op.t !== 'insert') continue;
    const at = b.length === 0 ? 0 : op.at % b.length;
    switch (op.t) {
      case 'truncate':
        b = b.subarray(0, at);
        break;
      case 'flip':
        b[at] = (b[at] as number) ^ op.xor;
        break;
      case 'set':
        b[at] = op.byte;
        break;
      case 'insert':
        b = Buffer.concat([b.subarray(0, at), Buffer.from(op.bytes), b.subarray(at)]);
        break;
      case 'delete':
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + op.len)]);
        break;
      case 'duplicate':
        b = Buffer.concat([b.subarray(0, at + op.len), b.subarray(at, at + op.len), b.subarray(at + op.len)]);
        break;
    }
  }
  return b;
}

// ---- text (CSV) mutations --------------------------------------------------------------------------

export type TextOp =
  | { t: 'head'; lines: number }
  | { t: 'swapColumns'; i: number; j: number }
  | { t: 'setCell'; row: number; col: number; value: string }
  | { t: 'dupRow'; row: number }
  | { t: 'dropRow'; row: number }
  | { t: 'insertRow'; row: number; cells: string[] }
  | { t: 'blankLines'; row: number; n: number }
  | { t: 'extraHeaderRows'; n: number }
  | { t: 'ragged'; row: number; extra: number }
  | { t: 'quoteCell'; row: number; col: number; mode: 'open' | 'close' | 'both' | 'inner' }
  | { t: 'eol'; style: '\n' | '\r\n' | '\r' }
  | { t: 'separator'; sep: ',' | '\t' | ';' | '\t,' | '|' }
  | { t: 'bom'; on: boolean }
  | { t: 'negate'; row: number }
  | { t: 'hugeRow'; row: number; cells: number };

export const textOpArb: fc.Arbitrary<TextOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('head' as const), lines: fc.integer({ min: 0, max: 120 }) }) },
  fc.record({ t: fc.constant('swapColumns' as const), i: fc.nat({ max: 20 }), j: fc.nat({ max: 20 }) }),
  { weight: 4, arbitrary: fc.record({ t: fc.constant('setCell' as const), row: fc.nat({ max: 60 }), col: fc.nat({ max: 25 }), value: anyText }) },
  fc.record({ t: fc.constant('dupRow' as const), row: fc.nat({ max: 60 }) }),
  fc.record({ t: fc.constant('dropRow' as const), row: fc.nat({ max: 60 }) }),
  fc.record({ t: fc.constant('insertRow' as const), row: fc.nat({ max: 60 }), cells: fc.array(anyText, { maxLength: 12 }) }),
  fc.record({ t: fc.constant('blankLines' as const), row: fc.nat({ max: 60 }), n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ t: fc.constant('extraHeaderRows' as const), n: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ t: fc.constant('ragged' as const), row: fc.nat({ max: 60 }), extra: fc.integer({ min: -10, max: 10 }) }),
  fc.record({ t: fc.constant('quoteCell' as const), row: fc.nat({ max: 60 }), col: fc.nat({ max: 20 }), mode: fc.constantFrom('open' as const, 'close' as const, 'both' as const, 'inner' as const) }),
  fc.record({ t: fc.constant('eol' as const), style: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const) }),
  fc.record({ t: fc.constant('separator' as const), sep: fc.constantFrom(',' as const, '\t' as const, ';' as const, '\t,' as const, '|' as const) }),
  fc.record({ t: fc.constant('bom' as const), on: fc.boolean() }),
  { weight: 2, arbitrary: fc.record({ t: fc.constant('negate' as const), row: fc.nat({ max: 60 }) }) },
  fc.record({ t: fc.constant('hugeRow' as const), row: fc.nat({ max: 60 }), cells: fc.integer({ min: 100, max: 3000 }) }),
);

function detectSep(lines: string[]): string {
  const first = lines.slice(0, 10).join('\n');
  if (first.includes('\t,')) return '\t,';
  const counts = [',', '\t', ';'].map((s) => first.split(s).length);
  return [',', '\t', ';'][counts.indexOf(Math.max(...counts))] as string;
}

/** Decode seed text: BOM, else UTF-8 if valid, else GB18030. */
export function decodeSeed(b: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(b);
  }
}

export function applyTextOps(text: string, ops: readonly TextOp[]): string {
  let lines = text.split(/\r\n|\n|\r/);
  let sep = detectSep(lines);
  let eol = '\n';
  let bom = false;
  const cells = (line: string) => line.split(sep);
  const rowAt = (r: number) => (lines.length ? r % lines.length : 0);
  for (const op of ops) {
    switch (op.t) {
      case 'head':
        lines = lines.slice(0, Math.max(1, op.lines));
        break;
      case 'swapColumns':
        lines = lines.map((l) => {
          const c = cells(l);
          if (op.i < c.length && op.j < c.length) [c[op.i], c[op.j]] = [c[op.j] as string, c[op.i] as string];
          return c.join(sep);
        });
        break;
      case 'setCell': {
        if (!lines.length) break;
        const r = rowAt(op.row);
        const c = cells(lines[r] as string);
        while (c.length <= op.col) c.push('');
        c[op.col] = op.value;
        lines[r] = c.join(sep);
        break;
      }
      case 'dupRow':
        if (lines.length) lines.splice(rowAt(op.row), 0, lines[rowAt(op.row)] as string);
        break;
      case 'dropRow':
        if (lines.length) lines.splice(rowAt(op.row), 1);
        break;
      case 'insertRow':
        lines.splice(Math.min(op.row, lines.length), 0, op.cells.join(sep));
        break;
      case 'blankLines':
        lines.splice(Math.min(op.row, lines.length), 0, ...Array.from({ length: op.n }, () => ''));
        break;
      case 'extraHeaderRows': {
        // merged-looking header rows above the real one: the title across, then blanks under it
        const width = lines.length ? cells(lines[0] as string).length : 3;
        const extra = Array.from({ length: op.n }, (_, k) => [k === 0 ? '表1 分地区教育经费（万元）' : '', ...Array.from({ length: width - 1 }, () => (k % 2 ? '其中' : ''))].join(sep));
        lines = [...extra, ...lines];
        break;
      }
      case 'ragged': {
        if (!lines.length) break;
        const r = rowAt(op.row);
        const c = cells(lines[r] as string);
        lines[r] = (op.extra >= 0 ? [...c, ...Array.from({ length: op.extra }, (_, k) => String(k))] : c.slice(0, Math.max(0, c.length + op.extra))).join(sep);
        break;
      }
      case 'quoteCell': {
        if (!lines.length) break;
        const r = rowAt(op.row);
        const c = cells(lines[r] as string);
        const k = op.col % Math.max(1, c.length);
        const v = c[k] ?? '';
        c[k] = op.mode === 'open' ? `"${v}` : op.mode === 'close' ? `${v}"` : op.mode === 'both' ? `"${v.replace(/"/g, '""')}"` : `${v.slice(0, 1)}"${v.slice(1)}`;
        lines[r] = c.join(sep);
        break;
      }
      case 'eol':
        eol = op.style;
        break;
      case 'separator':
        lines = lines.map((l) => cells(l).join(op.sep));
        sep = op.sep;
        break;
      case 'bom':
        bom = op.on;
        break;
      case 'negate': {
        if (!lines.length) break;
        const r = rowAt(op.row);
        lines[r] = cells(lines[r] as string)
          .map((v) => (/^\s*"?\d/.test(v) ? `-${v.trim()}` : v))
          .join(sep);
        break;
      }
      case 'hugeRow':
        lines.splice(Math.min(op.row, lines.length), 0, Array.from({ length: op.cells }, (_, k) => (k % 2 ? '1e308' : `${k}${k}${k}`)).join(sep));
        break;
    }
  }
  return (bom ? '\uFEFF' : '') + lines.join(eol);
}

// ---- encodings ---------------------------------------------------------------------------------

let gbTable: Map<string, number[]> | null = null;

/** GB18030 bytes for text (two-byte range; other characters become '?'). Node has no encoder. */
export function encodeGb18030(text: string): Buffer {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(Uint8Array.of(a, b));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbTable.has(ch)) gbTable.set(ch, [a, b]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(gbTable.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16le-bom' | 'mojibake' | 'latin1';
export const encodingArb: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('utf-8' as const) },
  { weight: 3, arbitrary: fc.constant('gb18030' as const) },
  fc.constantFrom('utf-16le' as const, 'utf-16le-bom' as const, 'mojibake' as const, 'latin1' as const),
);

export function encodeText(text: string, enc: Encoding): Buffer {
  switch (enc) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'gb18030':
      return encodeGb18030(text);
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'mojibake': // GBK bytes read as Latin-1 and saved as UTF-8
      return Buffer.from(encodeGb18030(text).toString('latin1'), 'utf8');
    case 'latin1':
      return Buffer.from(text, 'latin1');
  }
}

// ---- a text file from a seed --------------------------------------------------------------------

export type TextFileSpec = { seed: number; ops: TextOp[]; encoding: Encoding; bytes: ByteOp[] };

export function textFileArb(seeds: readonly SeedFile[]): fc.Arbitrary<TextFileSpec> {
  return fc.record({
    seed: fc.nat({ max: seeds.length - 1 }),
    ops: fc.array(textOpArb, { maxLength: 6 }).map((ops) => [{ t: 'head' as const, lines: 80 }, ...ops]),
    encoding: encodingArb,
    bytes: fc.oneof({ weight: 3, arbitrary: fc.constant([] as ByteOp[]) }, { weight: 1, arbitrary: fc.array(byteOpArb, { minLength: 1, maxLength: 4 }) }),
  });
}

export function buildTextFile(seeds: readonly SeedFile[], spec: TextFileSpec): Buffer {
  const seed = seeds[spec.seed] as SeedFile;
  const text = applyTextOps(decodeSeed(seed.bytes.subarray(0, 256 * 1024)), spec.ops);
  return applyByteOps(encodeText(text, spec.encoding), spec.bytes);
}

// ---- xlsx (ZIP of XML parts) mutations ------------------------------------------------------------

export type XmlOp =
  | { t: 'replaceValue'; nth: number; value: string }
  | { t: 'truncatePart'; part: number; at: number }
  | { t: 'dropPart'; part: number }
  | { t: 'inject'; part: number; at: number; xml: string }
  | { t: 'renameSheet'; name: string }
  | { t: 'sharedStringIndex'; nth: number; index: number }
  | { t: 'formulaNoValue'; nth: number }
  | { t: 'merge'; ref: string }
  | { t: 'dimension'; ref: string };

const A1 = fc.tuple(fc.stringMatching(/^[A-Z]{1,3}$/), fc.integer({ min: 0, max: 1_100_000 })).map(([c, r]) => `${c}${r}`);

export const xmlOpArb: fc.Arbitrary<XmlOp> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('replaceValue' as const), nth: fc.nat({ max: 400 }), value: fc.oneof(anyText, fc.constantFrom('1e309', '-0', 'NaN', 'abc', '', '99999999999999999999999')) }) },
  fc.record({ t: fc.constant('truncatePart' as const), part: fc.nat({ max: 30 }), at: pos }),
  fc.record({ t: fc.constant('dropPart' as const), part: fc.nat({ max: 30 }) }),
  fc.record({
    t: fc.constant('inject' as const),
    part: fc.nat({ max: 30 }),
    at: pos,
    xml: fc.constantFrom('<c r="A1" t="s"><v>99999</v></c>', '<c r="XFD1048576"><v>1</v></c>', '<row r="0">', '</row>', '<c r="A1" t="e"><v>#DIV/0!</v></c>', '<c r="B2" t="b"><v>2</v></c>', '<c r="C3" t="d"><v>not a date</v></c>', '<c r="D4" t="inlineStr"><is><t>内联</t></is></c>', '&#x110000;', '&#99999999;', '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>', '<![CDATA[', '<c r="A1" s="9999"><v>1</v></c>'),
  }),
  fc.record({ t: fc.constant('renameSheet' as const), name: fc.oneof(anyText, fc.constantFrom('&#x110000;', '&#xD800;', '&#1114112;', '&amp;lt;', 'Sheet1', '')) }),
  fc.record({ t: fc.constant('sharedStringIndex' as const), nth: fc.nat({ max: 200 }), index: fc.oneof(fc.integer({ min: -5, max: 1_000_000 }), fc.constant(2 ** 32)) }),
  fc.record({ t: fc.constant('formulaNoValue' as const), nth: fc.nat({ max: 200 }) }),
  fc.record({ t: fc.constant('merge' as const), ref: fc.oneof(fc.tuple(A1, A1).map(([a, b]) => `${a}:${b}`), fc.constantFrom('A1:XFD1048576', 'A1:A1', 'B2:A1', 'A:A', '1:1', 'garbage')) }),
  fc.record({ t: fc.constant('dimension' as const), ref: fc.oneof(fc.tuple(A1, A1).map(([a, b]) => `${a}:${b}`), fc.constantFrom('A1:XFD1048576', '', 'zz')) }),
);

function xmlEscape(s: string): string {
  return s.replace(/&(?!#|amp;|lt;|gt;|quot;|apos;)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Apply XML-level operations to an .xlsx and repack it (valid ZIP, CRCs right), or null if the seed is no ZIP JSZip reads. */
export async function mutateXlsx(bytes: Uint8Array, ops: readonly XmlOp[]): Promise<Buffer | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return null;
  }
  const names = Object.keys(zip.files)
    .filter((n) => !zip.files[n]?.dir)
    .sort();
  if (!names.length) return null;
  const texts = new Map<string, string>();
  const text = async (n: string) => {
    if (!texts.has(n)) texts.set(n, (await zip.file(n)?.async('string')) ?? '');
    return texts.get(n) as string;
  };
  const sheet = names.find((n) => /^xl\/worksheets\/.*\.xml$/.test(n)) ?? names[0]!;
  for (const op of ops) {
    const part = 'part' in op ? (names[op.part % names.length] as string) : sheet;
    switch (op.t) {
      case 'replaceValue': {
        const s = await text(sheet);
        let k = 0;
        texts.set(sheet, s.replace(/<v>([^<]*)<\/v>/g, (m) => (k++ === op.nth % Math.max(1, (s.match(/<v>/g) ?? []).length) ? `<v>${xmlEscape(op.value)}</v>` : m)));
        break;
      }
      case 'truncatePart': {
        const s = await text(part);
        texts.set(part, s.slice(0, s.length ? op.at % s.length : 0));
        break;
      }
      case 'dropPart':
        zip.remove(part);
        texts.delete(part);
        break;
      case 'inject': {
        const s = await text(part);
        const at = s.length ? op.at % s.length : 0;
        texts.set(part, s.slice(0, at) + op.xml + s.slice(at));
        break;
      }
      case 'renameSheet': {
        const wb = 'xl/workbook.xml';
        if (!names.includes(wb)) break;
        const s = await text(wb);
        texts.set(wb, s.replace(/(<sheet\b[^>]*\bname=")([^"]*)(")/, (_m, a: string, _b: string, c: string) => `${a}${/^&#/.test(op.name) ? op.name : xmlEscape(op.name)}${c}`));
        break;
      }
      case 'sharedStringIndex': {
        const s = await text(sheet);
        let k = 0;
        texts.set(sheet, s.replace(/(<c\b[^>]*t="s"[^>]*>\s*<v>)(\d+)(<\/v>)/g, (m, a: string, _b: string, c: string) => (k++ === op.nth ? `${a}${op.index}${c}` : m)));
        break;
      }
      case 'formulaNoValue': {
        const s = await text(sheet);
        let k = 0;
        texts.set(sheet, s.replace(/<c\b([^>]*?)(\/?)>(?:(<v>[^<]*<\/v>))?/g, (m, attrs: string, slash: string) => (k++ === op.nth ? `<c${attrs.replace(/\st="[^"]*"/, '')}><f>SUM(A1:A2)</f>${slash ? '</c>' : ''}` : m)));
        break;
      }
      case 'merge': {
        const s = await text(sheet);
        const tag = `<mergeCell ref="${op.ref}"/>`;
        texts.set(sheet, s.includes('<mergeCells') ? s.replace(/<mergeCells([^>]*)>/, `<mergeCells$1>${tag}`) : s.replace('</sheetData>', `</sheetData><mergeCells count="1">${tag}</mergeCells>`));
        break;
      }
      case 'dimension': {
        const s = await text(sheet);
        texts.set(sheet, s.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${op.ref}"/>`));
        break;
      }
    }
  }
  for (const [n, t] of texts) if (zip.file(n)) zip.file(n, t);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
