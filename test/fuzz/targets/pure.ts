// Cheap targets: pure parsers of core/ and the in-memory pieces of the readers. Tens of thousands
// of cases each.
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { parse, optionalInt, oneOf, requireString, type Options } from '../../../cli/args';
import { UsageError } from '../../../cli/io';
import { contracts } from '../../../core/ipc/contracts';
import { csvCell, looksLikeFormula } from '../../../core/security/csv-cell';
import { asClientMessage, decodeFrame, encodeFrame, FrameError } from '../../../core/ipc/wire';
import { createDispatcher, serveConnection, type Handlers } from '../../../electron/engine/dispatcher';
import type { ServerMessage } from '../../../core/ipc/wire';
import { analyseLayout } from '../../../core/import/layout';
import { createInterpreter, parseLevel } from '../../../core/import/interpret';
import { IMPORT_KINDS, levelFromText, type ImportKind } from '../../../core/import/kinds';
import { applyOverrides, findColumnByRef } from '../../../core/import/overrides';
import { createReferenceInterpreter, isoDate } from '../../../core/import/reference';
import { ImportOutcome, ImportRequest, MappingSchema, ProblemSchema } from '../../../core/import/request';
import { suggestMapping } from '../../../core/import/suggest';
import { parseUnit, unitInText, type Unit } from '../../../core/import/units';
import { cellText, compact, decimalFromNumber, halfWidth, normText, parseNumberCell, parseYear } from '../../../core/import/normalise';
import type { Problem } from '../../../core/import/problems';
import type { RawRow } from '../../../core/import/cells';
import { parseDecimal, scaleExact, formatRatio } from '../../../core/money/decimal';
import { createRegionResolver, isTotalLabel, normaliseRegionText } from '../../../core/regions/resolve';
import { impliedParent, isRegionCode, levelOfCode, provinceOf } from '../../../core/regions/gbt2260';
import { Brief } from '../../../core/brief/model';
import { PARAMETERS, OverlayEntry, Scores } from '../../../core/transfer/parameters';
import { parseScenarioFile, ScenarioFile, SCENARIO_FORMAT } from '../../../core/transfer/scenario-file';
import { GoalResultSchema, StoredScenario } from '../../../core/transfer/schemas';
import { CsvParser, CsvSyntaxError } from '../../../db/import/read/csv-parse';
import { parseStream } from '../../../db/import/read/csv';
import { detectSeparator, type Separator } from '../../../db/import/read/delimiter';
import { guessEncoding, sniff } from '../../../db/import/read/detect';
import { listSheets, xmlDecode } from '../../../db/import/read/xlsx-package';
import { decodeA1, decodeRange, mergeFlags } from '../../../db/import/read/sheet';
import { loadRegionList } from '../../../db/data/region-list';
import { anyText, cellArb, nastyString, numberishText, weirdDouble, applyByteOps, byteOpArb } from '../gen';
import { judgeThrown, messageProblems, normaliseSignature, rawThrow, type Target, type Violation } from '../harness';

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
const v = (signature: string, detail: string): Violation => ({ signature, detail });

/** Run f; a throw is a raw-error violation named by `where`. */
function guard(where: string, f: () => Violation | null | undefined): Violation | null {
  try {
    return f() ?? null;
  } catch (e) {
    return rawThrow(where, e);
  }
}

function firstOf(...checks: (() => Violation | null | undefined)[]): Violation | null {
  for (const c of checks) {
    const r = c();
    if (r) return r;
  }
  return null;
}

// ---- numbers, years, units, levels, dates ---------------------------------------------------------

export const numbersTarget: Target<{ cell: string | number | null; num: number; text: string; factor: bigint }> = {
  name: 'core.numbers',
  runs: 25_000,
  shrink: true,
  arb: () =>
    fc.record({
      cell: fc.oneof({ weight: 4, arbitrary: numberishText }, { weight: 2, arbitrary: cellArb }, { weight: 1, arbitrary: nastyString }),
      num: weirdDouble,
      text: fc.oneof(numberishText, anyText),
      factor: fc.constantFrom(1n, 100n, 100_000n, 1_000_000n, 10_000_000_000n),
    }),
  check: ({ cell, num, text, factor }) =>
    firstOf(
      () =>
        guard('parseNumberCell', () => {
          const r = parseNumberCell(cell);
          if (r.kind === 'number') {
            if (!DECIMAL_TEXT.test(r.decimal)) return v(`parseNumberCell: kind "number" with decimal that is not decimal text: ${normaliseSignature(r.decimal)}`, `parseNumberCell(${JSON.stringify(cell)}) = ${JSON.stringify(r)}`);
            const d = parseDecimal(r.decimal);
            if (!d.ok) return v('parseNumberCell: decimal refused by parseDecimal', `${JSON.stringify(cell)} → ${JSON.stringify(r)}`);
          }
          return null;
        }),
      () =>
        guard('csvCell', () => {
          // Export cells (issue 16.2): what a spreadsheet reads back is the text, or the text with a
          // leading apostrophe, and never a live formula; numbers are written as they are.
          for (const c of [cell, text, `=${text}`, `-${text}`]) {
            const field = csvCell(c);
            const read = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
            const plain = c === null ? '' : String(c);
            if (read !== plain && read !== `'${plain}`) return v('csvCell: field does not read back as the cell', `${JSON.stringify(c)} → ${JSON.stringify(field)}`);
            if (typeof c === 'string' && looksLikeFormula(read)) return v('csvCell: live formula written', `${JSON.stringify(c)} → ${JSON.stringify(field)}`);
          }
          return null;
        }),
      () =>
        guard('parseYear', () => {
          const y = parseYear(cell);
          if (y !== undefined && (!Number.isInteger(y) || y < 1949 || y > 2100)) return v('parseYear: out-of-range year', `${JSON.stringify(cell)} → ${y}`);
          return null;
        }),
      () =>
        guard('decimalFromNumber', () => {
          if (!Number.isFinite(num)) return null;
          const s = decimalFromNumber(num);
          if (!DECIMAL_TEXT.test(s)) return v('decimalFromNumber: not decimal text', `${num} → ${s}`);
          if (Number(s) !== (Number.isInteger(num) && Math.abs(num) < 1e21 ? num : Number.isFinite(Number(num.toPrecision(15))) ? Number(num.toPrecision(15)) : num) && !(num === 0 && Number(s) === 0)) return v('decimalFromNumber: value changed', `${num} → ${s}`);
          return null;
        }),
      () =>
        guard('parseDecimal/scaleExact', () => {
          const d = parseDecimal(text);
          if (d.ok && d.scale < 400) {
            const s = scaleExact(d.value, d.scale, factor);
            if (s.ok) formatRatio(s.value, 100n, 2, true);
          }
          return null;
        }),
      () =>
        guard('units/levels/dates/text', () => {
          unitInText(text);
          parseUnit(text);
          halfWidth(text);
          normText(text);
          compact(text);
          cellText(cell);
          parseLevel(text);
          levelFromText(text);
          const iso = isoDate(cell);
          if (iso !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return v('isoDate: not ISO', `${JSON.stringify(cell)} → ${iso}`);
          return null;
        }),
    ),
};

// ---- region names and codes ---------------------------------------------------------------------

type RegionCtx = { resolver: ReturnType<typeof createRegionResolver>; names: string[] };

export const regionsTarget: Target<{ text: string; parent: string | null; province: string | null }, RegionCtx> = {
  name: 'core.regions',
  runs: 15_000,
  shrink: true,
  setup: () => {
    const list = loadRegionList();
    return { resolver: createRegionResolver(list), names: list.filter((_, i) => i % 7 === 0).flatMap((r) => [r.name, r.shortName, r.code]) };
  },
  arb: (ctx) => {
    const name = fc.constantFrom(...ctx.names);
    const decorated = fc.tuple(fc.constantFrom('', ' ', '其中：', '#', '*', '　'), name, fc.constantFrom('', '*', '①', '(1)', '[2]', '合计', '市', ' ', '\u200b', '.0', '000000')).map((p) => p.join(''));
    return fc.record({
      text: fc.oneof({ weight: 3, arbitrary: decorated }, { weight: 2, arbitrary: anyText }, { weight: 1, arbitrary: fc.stringMatching(/^[0-9]{1,13}(\.0+)?$/) }),
      parent: fc.option(fc.oneof(name, fc.stringMatching(/^[0-9]{1,7}$/)), { nil: null }),
      province: fc.option(fc.stringMatching(/^[0-9]{0,7}$/), { nil: null }),
    });
  },
  check: ({ text, parent, province }, ctx) =>
    guard('region resolver', () => {
      normaliseRegionText(text);
      isTotalLabel(text);
      const context = { ...(parent !== null ? { parentCode: parent } : {}), ...(province !== null ? { provinceCode: province } : {}) };
      const r = ctx.resolver.resolve(text, context);
      if (r.ok && !/^\d{6}$/.test(r.code)) return v('resolve: ok with a code that is not six digits', `${text} → ${JSON.stringify(r)}`);
      if (!r.ok && r.candidates.length > 5) return v('resolve: more than MAX_CANDIDATES candidates', `${text} → ${r.candidates.length}`);
      if (/^\d{6}$/.test(text) && isRegionCode(text)) {
        levelOfCode(text);
        provinceOf(text);
        impliedParent(text);
      }
      return null;
    }),
};

// ---- scenario files (edu-finance-scenario/1) --------------------------------------------------------

const PARAM_KEYS = PARAMETERS.map((p) => p.key);
const jsonish = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2100, 1949, 1948, 2101, '', 'x', '390000', '000000', 'county', [], {}),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const overlayArb = fc.record(
  { key: fc.oneof(fc.constantFrom(...PARAM_KEYS), anyText), value: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -10, max: 10 }), jsonish), from: fc.oneof(fc.constant(null), fc.integer({ min: 1940, max: 2110 }), jsonish), to: fc.oneof(fc.constant(null), fc.integer({ min: 1940, max: 2110 }), jsonish) },
  { requiredKeys: ['key', 'value'] },
);

const scenarioObject = fc.record(
  {
    format: fc.oneof({ weight: 5, arbitrary: fc.constant(SCENARIO_FORMAT) }, { weight: 1, arbitrary: jsonish }),
    name: fc.oneof(fc.constantFrom('方案 A', '  ', 'x'.repeat(101)), anyText, jsonish),
    region: fc.oneof(fc.constantFrom('390000', '000000', '110000', '39000', '3900000'), jsonish),
    units: fc.oneof(fc.constantFrom('county', 'prefecture', 'province', 'town'), jsonish),
    year: fc.oneof(fc.integer({ min: 1940, max: 2110 }), jsonish),
    description: fc.oneof(fc.string({ maxLength: 50 }), fc.constant('d'.repeat(2001)), jsonish),
    parameters: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom(...PARAM_KEYS), anyText), fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -5, max: 5 }), jsonish), { maxKeys: 4 }), jsonish),
    changes: fc.oneof(fc.array(overlayArb, { maxLength: 3 }), jsonish),
    scores: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom('390425', '390100'), anyText), fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), jsonish), { maxKeys: 3 }), jsonish),
    alternatives: fc.oneof(fc.array(fc.record({ name: fc.oneof(anyText, jsonish), parameters: fc.dictionary(fc.constantFrom(...PARAM_KEYS), fc.double({ noNaN: true, noDefaultInfinity: true, min: -5, max: 5 }), { maxKeys: 2 }), changes: fc.array(overlayArb, { maxLength: 2 }), extra: jsonish }, { requiredKeys: ['name'] }), { maxLength: 7 }), jsonish),
    [`__proto__`]: jsonish,
    constructor: jsonish,
    unknownField: jsonish,
  },
  { requiredKeys: [] },
);

type ScenarioInput = { text: string };
export const scenarioTarget: Target<ScenarioInput> = {
  name: 'core.scenario-file',
  runs: 20_000,
  shrink: true,
  arb: () =>
    fc
      .oneof(
        { weight: 6, arbitrary: scenarioObject.map((o) => JSON.stringify(o)) },
        { weight: 2, arbitrary: fc.tuple(scenarioObject.map((o) => JSON.stringify(o)), fc.nat(), fc.constantFrom('', '}', ',', '1e999', '-', '"', '\u0000', 'NaN', '[', ':null')).map(([s, at, ins]) => s.slice(0, at % (s.length + 1)) + ins + s.slice(at % (s.length + 1))) },
        { weight: 1, arbitrary: fc.json() },
        { weight: 1, arbitrary: anyText },
        { weight: 1, arbitrary: fc.nat({ max: 5000 }).map((n) => '['.repeat(n) + ']'.repeat(n)) },
        { weight: 1, arbitrary: fc.constantFrom('{"format":"edu-finance-scenario/1","name":"a","region":"390000","year":1e400}', '{"format":"edu-finance-scenario/1","name":"a","region":"390000","parameters":{"difficulty.tilt":1e999}}', '{"__proto__":{"format":"edu-finance-scenario/1"}}', '\uFEFF{}', '') },
      )
      .map((text) => ({ text })),
  check: ({ text }) =>
    guard('parseScenarioFile', () => {
      const r = parseScenarioFile(text);
      if (r.ok) {
        const again = ScenarioFile.safeParse(r.value);
        if (!again.success) return v('parseScenarioFile: ok value that does not validate again', JSON.stringify(again.error.issues).slice(0, 500));
        return null;
      }
      if (r.problems.length === 0) return v('parseScenarioFile: refused without problems', text.slice(0, 200));
      for (const p of r.problems) {
        const m = /^(.+?): (.+)$/s.exec(p);
        if (!m || m[1]!.trim() === '') return v('parseScenarioFile: problem without a JSON path', p);
        const bad = messageProblems(m[2]!, text);
        if (bad.length) return v(`parseScenarioFile: problem message: ${bad.join(', ')} :: ${normaliseSignature(p)}`, p);
      }
      return null;
    }),
};

// ---- every zod schema of the contracts, on any value -------------------------------------------------

const SCHEMAS: [string, { safeParse(v: unknown): unknown }][] = [
  ...Object.entries(contracts).flatMap(([name, c]) => [[`${name}.input`, c.input], [`${name}.output`, c.output]] as [string, { safeParse(v: unknown): unknown }][]),
  ['ScenarioFile', ScenarioFile],
  ['StoredScenario', StoredScenario],
  ['GoalResultSchema', GoalResultSchema],
  ['OverlayEntry', OverlayEntry],
  ['Scores', Scores],
  ['ImportRequest', ImportRequest],
  ['ImportOutcome', ImportOutcome],
  ['MappingSchema', MappingSchema],
  ['ProblemSchema', ProblemSchema],
  ['Brief', Brief],
];

export const schemasTarget: Target<{ schema: number; value: unknown }> = {
  name: 'core.schemas',
  runs: 10_000,
  shrink: true,
  arb: () => fc.record({ schema: fc.nat({ max: SCHEMAS.length - 1 }), value: fc.oneof(fc.anything({ maxDepth: 4, withBigInt: true, withDate: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true }), fc.json().map((j) => JSON.parse(j) as unknown)) }),
  show: ({ schema, value }) => `${SCHEMAS[schema]?.[0]} ← ${fc.stringify(value)}`,
  check: ({ schema, value }) => guard(`${SCHEMAS[schema]?.[0]}.safeParse`, () => void SCHEMAS[schema]![1].safeParse(value)),
};

// ---- tables → layout → suggested mapping → --map/--where → interpreter ----------------------------

const HEADER_WORDS = ['地区', '省份', '地区名称', 'region', '代码', '区划代码', '年份', '年度', 'year', '指标', '学段', '教育经费（万元）', '一般公共预算教育支出(亿元)', '在校学生数（人）', '在校生（万人）', '小学', '初中', '普通高中', '地区生产总值(亿元)', '常住人口（万人）', '面积（平方公里）', '2019年', '2020年', '2021', '2022年度', '合计', '功能分类代码', '科目编码', '金额', '单位', '增长', '同口径', '标准', '生均公用经费基准定额（元/生·年）', '起始日期', '终止日期', '文件依据', '原代码', '新代码', '变更日期', '类型', '比例', '名称', '上级代码', '级别', '档次', ''];
const headerArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HEADER_WORDS) }, { weight: 1, arbitrary: anyText });
const tableArb = fc
  .record({
    preamble: fc.array(fc.array(fc.oneof(fc.constantFrom('表 7-6 分地区一般公共预算支出', '单位：万元', '单位：亿元', '2023年', ''), anyText), { maxLength: 3 }), { maxLength: 3 }),
    headers: fc.array(fc.array(headerArb, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 2 }),
    rows: fc.array(fc.array(cellArb, { maxLength: 9 }), { maxLength: 14 }),
    notes: fc.array(fc.array(fc.constantFrom('注：1. 本表为决算数', '资料来源：国家统计局', '续表', '北京', '1234.5'), { maxLength: 2 }), { maxLength: 2 }),
    gaps: fc.array(fc.nat({ max: 25 }), { maxLength: 3 }),
  })
  .map(({ preamble, headers, rows, notes, gaps }) => {
    const all = [...preamble, ...headers, ...rows, ...notes];
    const out: RawRow[] = [];
    let n = 1;
    all.forEach((cells, i) => {
      if (gaps.includes(i)) n += 1 + (i % 3);
      out.push({ n: n++, cells });
    });
    return out;
  });

const MAP_FIELDS = ['region', 'year', 'level', 'amount', 'students', 'gdp', 'population', 'area', 'func_code', 'measure', 'unit', 'indicator', 'growth', 'comparable', 'component', 'region_class', 'value', 'effective_from', 'effective_to', 'legal_ref', 'code', 'name', 'parent', 'old_code', 'new_code', 'date', 'kind', 'share', 'nonsense', ''];
const mapOption = fc.oneof(
  fc.tuple(fc.constantFrom(...MAP_FIELDS), fc.constantFrom('=', '==', '=@'), fc.oneof(fc.constantFrom('A', 'B', 'ZZZ', 'AAAA', '#0', '#1', '#99', '#-1', 'years', '', '地区', '2020年', 'primary', '2024'), anyText)).map(([f, eq, t]) => `${f}${eq}${t}`),
  anyText,
);
const UNITS: (Unit | undefined)[] = ['元', '千元', '万元', '亿元', '人', '万人', '平方公里', '万平方公里', '%', undefined];

type MappingInput = { kind: ImportKind; rows: RawRow[]; maps: string[]; wheres: string[]; unit: Unit | undefined };
const ROW_LEVEL_CODES = new Set(['value_not_number', 'value_negative', 'value_fractional_count', 'value_too_precise', 'value_rounded', 'value_out_of_range', 'unit_mixed', 'region_unknown', 'region_ambiguous', 'year_invalid', 'level_unknown', 'indicator_unknown', 'date_invalid', 'ragged_row', 'note_inside_table']);

export function problemViolations(where: string, problems: readonly Problem[], file: string, inputText: string): Violation | null {
  for (const p of problems) {
    const issues: string[] = [];
    if (p.file !== file) issues.push(`file is ${JSON.stringify(p.file)}, expected ${JSON.stringify(file)}`);
    if (ROW_LEVEL_CODES.has(p.code) && p.row === null) issues.push('no row');
    if (p.row !== null && (!Number.isInteger(p.row) || p.row < 0)) issues.push(`row ${p.row}`);
    issues.push(...messageProblems(p.expected, inputText).map((x) => `expected-text: ${x}`));
    if (p.column !== null && /undefined|NaN/.test(p.column) && !inputText.includes('undefined') && !inputText.includes('NaN')) issues.push(`column named ${p.column}`);
    if (issues.length) return v(`${where}: problem ${p.code}: ${issues.join('; ')}`, JSON.stringify(p));
  }
  return null;
}

export const mappingTarget: Target<MappingInput, RegionCtx> = {
  name: 'core.import-mapping',
  runs: 12_000,
  shrink: true,
  setup: () => ({ resolver: createRegionResolver(loadRegionList()), names: [] }),
  arb: () => fc.record({ kind: fc.constantFrom(...IMPORT_KINDS), rows: tableArb, maps: fc.array(mapOption, { maxLength: 3 }), wheres: fc.array(fc.oneof(fc.constantFrom('A=北京', '指标=教育', '#2=x', '=x', 'nope'), anyText), { maxLength: 2 }), unit: fc.constantFrom(...UNITS) }),
  check: ({ kind, rows, maps, wheres, unit }, ctx) => {
    const inputText = JSON.stringify(rows) + maps.join() + wheres.join();
    return guard('layout/suggest/overrides/interpret', () => {
      const layout = analyseLayout(rows);
      const suggestion = suggestMapping(kind, 'Sheet1', layout, ['fuzz.csv', 'Sheet1']);
      const { mapping, errors } = applyOverrides(suggestion.mapping, layout, maps, wheres, unit);
      for (const e of errors) {
        const bad = messageProblems(e.message, inputText);
        if (bad.length) return v(`applyOverrides: error message: ${bad.join(', ')}`, e.message);
      }
      for (const m of maps) findColumnByRef(layout.columns, m);
      const problems: Problem[] = [];
      if (kind === 'standard' || kind === 'regions' || kind === 'region-changes') {
        const ri = createReferenceInterpreter(mapping, { file: 'fuzz.csv', sheet: 'Sheet1' });
        for (const r of rows) if (r.n >= (mapping.dataStart || 0)) problems.push(...ri.row(r).problems);
      } else {
        const it = createInterpreter(mapping, { file: 'fuzz.csv', sheet: 'Sheet1', regions: { resolve: (t, c) => ctx.resolver.resolve(t, c), isTotal: (t) => ctx.resolver.isTotal(t) } });
        for (const r of rows) if (r.n >= (mapping.dataStart || 0)) problems.push(...it.row(r).problems);
      }
      return problemViolations('interpret', problems, 'fuzz.csv', inputText);
    });
  },
};

// ---- the CSV parser, separator and encoding detection, sniffing --------------------------------------

type CsvInput = { text: string; sep: Separator; cuts: number[] };
const csvText = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(',', '\t', ';', '\t,', '"', '""', '\n', '\r', '\r\n', 'a', '北京', '12.5', ' ', '\uFEFF'), anyText), { maxLength: 40 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

export const csvParserTarget: Target<CsvInput> = {
  name: 'db.csv-parser',
  runs: 20_000,
  shrink: true,
  arb: () => fc.record({ text: csvText, sep: fc.constantFrom<Separator>(',', '\t', ';', '\t,'), cuts: fc.array(fc.nat({ max: 400 }), { maxLength: 5 }) }),
  check: ({ text, sep, cuts }) => {
    const parseWith = (pieces: string[]) => {
      const p = new CsvParser(sep);
      const out: RawRow[] = [];
      try {
        for (const s of pieces) p.push(s, out);
        p.end(out);
        return { out, err: null as string | null };
      } catch (e) {
        if (e instanceof CsvSyntaxError) return { out, err: `${e.kind}@${e.row}` };
        throw e;
      }
    };
    return guard('CsvParser', () => {
      detectSeparator(text);
      const whole = parseWith([text]);
      const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
      const pieces: string[] = [];
      let at = 0;
      for (const c of points) {
        pieces.push(text.slice(at, c));
        at = c;
      }
      pieces.push(text.slice(at));
      const chunked = parseWith(pieces);
      if (JSON.stringify(whole) !== JSON.stringify(chunked)) return v('CsvParser: result depends on where the text is cut into chunks', `whole: ${JSON.stringify(whole).slice(0, 400)}\nchunked ${JSON.stringify(pieces)}: ${JSON.stringify(chunked).slice(0, 400)}`);
      let prev = 0;
      for (const r of whole.out) {
        if (r.n !== prev + 1) return v('CsvParser: row numbers not consecutive', JSON.stringify(whole.out.slice(0, 10)));
        prev = r.n;
      }
      return null;
    });
  },
};

type BytesInput = { bytes: number[]; encoding: 'utf-8' | 'gb18030'; cuts: number[] };
export const csvStreamTarget: Target<BytesInput> = {
  name: 'db.csv-stream+sniff',
  runs: 12_000,
  shrink: true,
  arb: () =>
    fc.record({
      bytes: fc.oneof(
        fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 300 }),
        fc.array(fc.oneof(fc.constantFrom(0x2c, 0x22, 0x0a, 0x0d, 0x09, 0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0xad, 0x84, 0x31, 0x95, 0x33, 0xa4, 0x37, 0xbd, 0x81, 0xfe), fc.integer({ min: 0x20, max: 0x7e })), { maxLength: 300 }),
      ),
      encoding: fc.constantFrom('utf-8' as const, 'gb18030' as const),
      cuts: fc.array(fc.nat({ max: 300 }), { maxLength: 4 }),
    }),
  check: async ({ bytes, encoding, cuts }) => {
    const buf = Uint8Array.from(bytes);
    const pre = guard('sniff/guessEncoding', () => {
      sniff(buf);
      guessEncoding(buf);
      return null;
    });
    if (pre) return pre;
    const points = [...new Set(cuts.map((c) => c % (buf.length + 1)))].sort((a, b) => a - b);
    const chunks: Uint8Array[] = [];
    let at = 0;
    for (const c of points) {
      chunks.push(buf.subarray(at, c));
      at = c;
    }
    chunks.push(buf.subarray(at));
    async function* source() {
      for (const c of chunks) yield c;
    }
    try {
      let prev = 0;
      for await (const batch of parseStream(source(), { ctx: { path: '/nonexistent/fuzz.csv', fileName: 'fuzz.csv', size: buf.length, mtimeMs: 0, signal: undefined }, encoding, separator: detectSeparator(new TextDecoder(encoding).decode(buf)), size: 7 })) {
        for (const r of batch) {
          if (r.n <= prev) return v('parseStream: row numbers not increasing', JSON.stringify(batch.slice(0, 5)));
          prev = r.n;
        }
      }
      return null;
    } catch (e) {
      return judgeThrown('parseStream', e, { reader: true }, '');
    }
  },
};

// ---- xlsx package pieces: workbook.xml/rels parsing, A1 references, merges --------------------------

export const xlsxPiecesTarget: Target<{ name: string; rid: string; target: string; ref: string; entity: string }> = {
  name: 'db.xlsx-package-xml',
  runs: 10_000,
  shrink: true,
  arb: () =>
    fc.record({
      name: fc.oneof(anyText, fc.constantFrom('&#x110000;', '&#xD800;', '&#1114112;', '&#99999999999;', '&#x;', '&amp;', '&#0;', '&#x1F600;')),
      rid: fc.constantFrom('rId1', 'rId2', '', 'x'),
      target: fc.oneof(fc.constantFrom('worksheets/sheet1.xml', '/xl/worksheets/sheet1.xml', '../x.xml', ''), anyText),
      ref: fc.oneof(fc.tuple(fc.stringMatching(/^\$?[A-Za-z]{0,4}\$?$/), fc.stringMatching(/^[0-9]{0,12}$/)).map(([a, b]) => a + b), anyText),
      entity: fc.oneof(fc.tuple(fc.constantFrom('&#x', '&#'), fc.stringMatching(/^[0-9a-fA-F]{1,12}$/)).map(([a, b]) => `${a}${b};`), anyText),
    }),
  check: ({ name, rid, target, ref, entity }) =>
    guard('listSheets/xmlDecode/decodeRange', () => {
      const wb = `<workbook><sheets><sheet name="${name.replace(/"/g, '&quot;')}" sheetId="1" r:id="${rid}"/></sheets></workbook>`;
      const rels = `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target.replace(/"/g, '')}"/></Relationships>`;
      listSheets(wb, rels);
      xmlDecode(entity);
      decodeA1(ref);
      const r = decodeRange(`${ref}:${ref}`);
      if (r) mergeFlags([r], 50, 50);
      return null;
    }),
};

// ---- CLI argument parsing ---------------------------------------------------------------------------

// The option sets of the wb commands (cli/commands/*.ts declare them inline).
const CLI_OPTION_SETS: Options[] = [
  { region: { type: 'string' }, year: { type: 'string' }, scenario: { type: 'string' }, sections: { type: 'string' }, lang: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  { a: { type: 'string' }, b: { type: 'string' }, limit: { type: 'string' }, format: { type: 'string' } },
  { out: { type: 'string' }, scale: { type: 'string' }, seed: { type: 'string' } },
  { dataset: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
  { format: { type: 'string' } },
  { region: { type: 'string' }, year: { type: 'string' }, scope: { type: 'string' }, divisor: { type: 'string' }, format: { type: 'string' } },
  { scenario: { type: 'string' }, year: { type: 'string' }, format: { type: 'string' }, 'list-parameters': { type: 'boolean' } },
  { goal: { type: 'string' }, scenario: { type: 'string' }, region: { type: 'string' }, year: { type: 'string' }, format: { type: 'string' } },
  { kind: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
  {
    kind: { type: 'string' }, sheet: { type: 'string' }, unit: { type: 'string' }, map: { type: 'string', multiple: true }, where: { type: 'string', multiple: true },
    dataset: { type: 'string' }, basis: { type: 'string' }, scope: { type: 'string' }, stage: { type: 'string' }, encoding: { type: 'string' }, password: { type: 'string' },
    control: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' }, format: { type: 'string' },
  },
  {
    rule: { type: 'string', multiple: true }, year: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, level: { type: 'string' }, scope: { type: 'string' },
    dataset: { type: 'string', multiple: true }, divisor: { type: 'string' }, region: { type: 'string' }, failures: { type: 'boolean' }, format: { type: 'string' },
  },
];
const CLI_NAMES = [...new Set(CLI_OPTION_SETS.flatMap((o) => Object.keys(o)))];
const argToken = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CLI_NAMES).map((n) => `--${n}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...CLI_NAMES), anyText).map(([n, t]) => `--${n}=${t}`) },
  { weight: 3, arbitrary: fc.oneof(fc.constantFrom('2024', '-1', '-0', '1e3', '99999999999999999999', '0x10', ' 12', '12 ', '', '-', '--', '-y', '-yy', '-x', '--no-force', '---x', '--=', '-', 'json', 'table', 'csv'), anyText) },
);

export const cliArgsTarget: Target<{ set: number; argv: string[]; positionals: boolean }> = {
  name: 'cli.args',
  runs: 15_000,
  shrink: true,
  arb: () => fc.record({ set: fc.nat({ max: CLI_OPTION_SETS.length - 1 }), argv: fc.array(argToken, { maxLength: 8 }), positionals: fc.boolean() }),
  check: ({ set, argv, positionals }) => {
    const inputText = argv.join(' ');
    try {
      const { values } = parse(argv, CLI_OPTION_SETS[set]!, positionals);
      for (const name of Object.keys(values)) {
        try {
          const n = optionalInt(values, name, 1949, 2100);
          if (n !== undefined && (!Number.isInteger(n) || n < 1949 || n > 2100)) return v('optionalInt: value out of its range', `${name}=${String(values[name])} → ${n}`);
        } catch (e) {
          const j = judgeThrown('optionalInt', e, { usage: true }, inputText);
          if (j) return j;
        }
        try {
          oneOf(values, name, ['json', 'table', 'csv'] as const, 'table');
          requireString(values, name, 'a value');
        } catch (e) {
          const j = judgeThrown('oneOf/requireString', e, { usage: true }, inputText);
          if (j) return j;
        }
      }
      return null;
    } catch (e) {
      if (e instanceof UsageError) {
        // The message comes from node:util; it must still say which option.
        try {
          parseArgs({ args: argv, options: CLI_OPTION_SETS[set]!, strict: true, allowPositionals: positionals });
          return v('parse: UsageError where node:util accepts the arguments', e.message);
        } catch {
          return judgeThrown('parse', e, { usage: true }, inputText);
        }
      }
      return judgeThrown('parse', e, { usage: true }, inputText);
    }
  },
};

// ---- the wire: frames in, messages through serveConnection, one reply per call -----------------------

const everyChannelOk = Object.fromEntries(Object.keys(contracts).map((c) => [c, () => ({})])) as unknown as Handlers;

type WireInput = { kind: 'frame'; bytes: number[]; ops: Parameters<typeof applyByteOps>[1]; message: unknown } | { kind: 'raw'; value: unknown };
export const wireTarget: Target<WireInput> = {
  name: 'ipc.wire+serveConnection',
  runs: 10_000,
  shrink: true,
  arb: () => {
    const channel = fc.oneof(fc.constantFrom(...Object.keys(contracts)), fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', ''), anyText);
    const message = fc.oneof(
      fc.record({ t: fc.constantFrom('call', 'cancel', 'reply', 'x'), id: fc.oneof(fc.integer(), fc.double(), fc.constant(2 ** 53), fc.string()), channel, input: fc.anything({ maxDepth: 3, withTypedArray: true }) }, { requiredKeys: [] }),
      fc.anything({ maxDepth: 3 }),
      // Own "__proto__" keys as JSON.parse makes them: refused by the wire, harmless to the dispatcher.
      fc.constantFrom(
        JSON.parse('{"t":"call","id":1,"channel":"app.info","input":{"__proto__":false}}') as unknown,
        JSON.parse('{"t":"call","id":2,"channel":"scenario.list","input":{"a":[{"__proto__":{"polluted":1}}]}}') as unknown,
        JSON.parse('{"__proto__":{"t":"call","id":3,"channel":"app.info"}}') as unknown,
      ),
    );
    return fc.oneof(
      fc.record({ kind: fc.constant('frame' as const), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }), ops: fc.array(byteOpArb, { maxLength: 3 }), message }),
      fc.record({ kind: fc.constant('raw' as const), value: message }),
    );
  },
  check: async (input) => {
    let decoded: unknown;
    if (input.kind === 'frame') {
      let frame: Uint8Array;
      try {
        frame = input.bytes.length % 2 ? Uint8Array.from(input.bytes) : encodeFrame(input.message as never);
      } catch (e) {
        if (e instanceof FrameError) return null;
        return rawThrow('encodeFrame', e);
      }
      try {
        decoded = decodeFrame(applyByteOps(frame, input.ops));
      } catch (e) {
        if (e instanceof FrameError) return null;
        return rawThrow('decodeFrame', e);
      }
    } else decoded = input.value;
    const m = guard('asClientMessage', () => void asClientMessage(decoded));
    if (m) return m;
    const sent: ServerMessage[] = [];
    let receive: (raw: unknown) => void = () => {};
    try {
      serveConnection(createDispatcher(everyChannelOk), { send: (x) => sent.push(x), onMessage: (r) => (receive = r), onClose: () => {} });
      receive(decoded);
    } catch (e) {
      return rawThrow('serveConnection', e);
    }
    await new Promise((r) => setImmediate(r));
    const msg = asClientMessage(decoded);
    const expectReply = typeof msg === 'string' || msg.t === 'call';
    const replies = sent.filter((s) => s.t === 'reply');
    if (expectReply && replies.length !== 1) return v(`serveConnection: ${replies.length} replies to one message`, fc.stringify(decoded).slice(0, 300));
    for (const r of replies) {
      const rep = r.reply as unknown as Record<string, unknown>;
      if (rep.ok === false) {
        const err = rep.error as { code?: unknown; message?: unknown } | undefined;
        if (!err || typeof err.code !== 'string' || typeof err.message !== 'string') return v('serveConnection: malformed error reply', JSON.stringify(r));
        const bad = messageProblems(err.message, fc.stringify(decoded));
        if (bad.length && err.code !== 'bad_input') return v(`serveConnection: reply message: ${bad.join(', ')}`, err.message);
      } else if (rep.ok !== true || !('value' in rep)) return v('serveConnection: malformed reply', JSON.stringify(r));
    }
    if ((({}) as Record<string, unknown>).polluted !== undefined) return v('Object.prototype polluted by a message', fc.stringify(decoded).slice(0, 300));
    return null;
  },
};

export const PURE_TARGETS = [numbersTarget, regionsTarget, scenarioTarget, schemasTarget, mappingTarget, csvParserTarget, csvStreamTarget, xlsxPiecesTarget, cliArgsTarget, wireTarget];
