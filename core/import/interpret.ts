// Turning data rows into facts under a mapping, with every problem named by row and column.
// Stateful across rows of one sheet: footnotes end the table, and a county name that exists in
// several provinces is resolved within the prefecture or province listed above it.
import { isNationalLabel, NATIONAL_CODE } from '../regions/national';
import { isLevelCode, LEVELS, type LevelOrAll } from '../levels';
import { parseDecimal, scaleExact } from '../money/decimal';
import type { RegionLevel } from '../regions/gbt2260';
import type { Cell, RawRow } from './cells';
import { aidKeys } from './aid-keys';
import type { AidCategory, AidItem } from '../aid/items';
import { fieldSpec, levelFromText, type ValueKind } from './kinds';
import { headerLabel, isDataRow, isNextTableTitle, isNoteRow } from './layout';
import type { FieldSource, Mapping, ValueBinding } from './mapping';
import { cellText, compact, parseNumberCell, parseYear } from './normalise';
import { clipValue, type Problem, type ProblemCode } from './problems';
import { parseUnit, UNIT_FACTOR, unitInText, type Unit } from './units';
import { comparableBase, type PublishedTexts } from './published-checks';

export type ResolveResult = { ok: true; code: string; level: RegionLevel } | { ok: false; reason: 'unknown' | 'ambiguous'; candidates: { code: string; name: string }[] };

export type RegionLookup = {
  resolve(text: string, context?: { parentCode?: string; provinceCode?: string }): ResolveResult;
  isTotal(text: string): boolean;
  /** Whether the database holds the national region (000000, migration 0010). */
  hasNational?(): boolean;
  /** The names a code is known by (to check a name column against the code column). */
  nameOf?(code: string): { name: string; shortName: string } | undefined;
};

/** Where all of a file's recognisable rows lie: what an ambiguous name is resolved within. */
export type FileRegionContext = { provinceCode?: string; parentCode?: string; label: string };
/** A name resolved by the file's other rows, for the preview to say so. */
export type ResolvedByFile = { text: string; code: string; row: number; label: string };

export type Fact = {
  row: number;
  column: number;
  regionCode: string;
  year: number;
  level: LevelOrAll;
  funcCode: string;
  measure: string;
  field: string;
  /** In base units: 分, persons or 0.01 km². */
  value: bigint;
  growth?: string;
  comparable?: boolean;
  restatedPrior?: bigint;
  /** restatedPrior was derived from a 同口径 growth (本年 ÷ (1 + g)), not printed. */
  restatedFromGrowth?: boolean;
  /** Bulletin rows: the printed figures checked against each other (published-checks.ts). */
  published?: PublishedTexts;
  /** The unit the figure was written in (header, unit column or the cell itself). */
  unit?: Unit;
  /** Aid counts: the category of identified students, and the aid item a budget belongs to. */
  category?: AidCategory;
  item?: AidItem | '';
};

/** national: the whole country's own row, stored as a fact and also checked against the file's parts. */
export type TotalRow = { row: number; label: string; year: number | null; field: string; level: LevelOrAll; value: bigint; decimals: number; unit: Unit | undefined; national?: true };

export type RowOutcome = { facts: Fact[]; problems: Problem[]; totals: TotalRow[]; ended?: boolean };

export type InterpretContext = { file: string; sheet: string | null; regions: RegionLookup; fileContext?: FileRegionContext };

const LEVEL_BY_NAME = new Map<string, LevelOrAll>([
  ...LEVELS.flatMap((l) => [[l.zh, l.code] as [string, LevelOrAll], [l.en.toLowerCase(), l.code] as [string, LevelOrAll], [l.code, l.code] as [string, LevelOrAll]]),
  ['合计', 'all'], ['总计', 'all'], ['all', 'all'], ['全部', 'all'], ['幼儿园', 'preschool'], ['普通小学', 'primary'], ['普通初中', 'junior'], ['中等职业学校', 'sec_voc'], ['普通高等学校', 'higher'], ['高校', 'higher'], ['特殊教育学校', 'special'],
]);

export function parseLevel(text: string): LevelOrAll | undefined {
  const t = compact(text);
  if (t === '') return undefined;
  return LEVEL_BY_NAME.get(t) ?? LEVEL_BY_NAME.get(t.toLowerCase()) ?? (isLevelCode(t) ? t : levelFromText(t));
}

/** Above China's population (1.41 × 10⁹): no count of persons can be this large. */
const MAX_PERSONS = 2_000_000_000n;

const TRUE_WORDS = new Set(['同口径', '是', 'y', 'yes', 'true', '1', '√']);

export function createInterpreter(mapping: Mapping, ctx: InterpretContext) {
  const columnName = (i: number) => mapping.columns[i] || `#${i + 1}`;
  const problem = (code: ProblemCode, row: number | null, column: number | null, value: unknown, expected: string, severity: Problem['severity'] = 'error'): Problem => ({
    code, severity, file: ctx.file, sheet: ctx.sheet, row, column: column === null ? null : columnName(column), value: clipValue(value), expected,
  });
  const cellOf = (cells: readonly Cell[], src: FieldSource | undefined): Cell => (src === undefined ? null : 'constant' in src ? src.constant : (cells[src.column] ?? null));
  const colOf = (src: FieldSource | undefined): number | null => (src && 'column' in src ? src.column : null);
  const valueKind = (field: string): ValueKind => fieldSpec(mapping.kind, field)?.valueKind ?? 'money';
  const resolved = new Map<string, ResolveResult>();
  let notesStarted = false;
  let tableEnded = false;
  /** A next-table title ("7-6 续表 1 continued") seen below the data; its header is not yet. */
  let nextTitle: string | null = null;
  let context: { provinceCode?: string; parentCode?: string } = {};
  const width = mapping.columns.length;

  const totalTexts = new Map<string, boolean>();
  function isTotalText(text: string): boolean {
    let t = totalTexts.get(text);
    if (t === undefined) totalTexts.set(text, (t = ctx.regions.isTotal(text)));
    return t;
  }

  const byFile = new Map<string, ResolvedByFile>();
  function resolveRegion(text: string, rowNumber: number): ResolveResult {
    let r = resolved.get(text);
    if (!r) {
      r = ctx.regions.resolve(text);
      resolved.set(text, r);
    }
    if (!r.ok && r.reason === 'ambiguous' && (context.parentCode || context.provinceCode)) return ctx.regions.resolve(text, context);
    // No province or prefecture row above it: the file's other rows say where it lies.
    const fc = ctx.fileContext;
    if (!r.ok && r.reason === 'ambiguous' && fc) {
      const within = ctx.regions.resolve(text, { ...(fc.provinceCode ? { provinceCode: fc.provinceCode } : {}), ...(fc.parentCode ? { parentCode: fc.parentCode } : {}) });
      if (within.ok && !byFile.has(text)) byFile.set(text, { text, code: within.code, row: rowNumber, label: fc.label });
      return within;
    }
    return r;
  }

  /** A name column beside the code column must name the same region (110101 with 北塘区 is refused). */
  function nameDisagrees(code: string, nameText: string): string | null {
    const known = ctx.regions.nameOf?.(code);
    const fold = (t: string) => t.normalize('NFKC').replace(/[\s\u3000]/g, '');
    const n = fold(nameText);
    if (n === '' || (known && (fold(known.name) === n || fold(known.shortName) === n))) return null;
    const r = ctx.regions.resolve(nameText, { provinceCode: code.slice(0, 2) + '0000' });
    if (r.ok && r.code === code) return null;
    if (!r.ok && r.reason === 'ambiguous' && r.candidates.some((c) => c.code === code)) return null;
    const other = r.ok ? `「${nameText}」为 ${r.code}` : r.reason === 'ambiguous' ? `「${nameText}」可指 ${r.candidates.map((c) => `${c.name}(${c.code})`).join('、')}` : `「${nameText}」不是现行地区名称`;
    return `代码 ${code}${known ? `（${known.name}）` : ''}与名称不符：${other}；请核对代码与名称 / code ${code}${known ? ` is ${known.name}` : ''}, but the name column says ${nameText}`;
  }

  function scale(decimal: string, unit: Unit | undefined, kind: ValueKind, field = ''): { ok: true; value: bigint; decimals: number; rounded?: true } | { ok: false; code: ProblemCode; expected: string } {
    const d = parseDecimal(decimal);
    if (!d.ok) return { ok: false, code: 'value_not_number', expected: '应为数字 / a number' };
    if (kind === 'ratio' || kind === 'text') return { ok: true, value: d.value, decimals: d.scale };
    if (!unit) return { ok: false, code: 'unit_unknown', expected: '表头或 --unit 应给出单位（元/万元/亿元/人/万人）/ a unit in the header or --unit' };
    const f = UNIT_FACTOR[unit];
    if (f.kind !== kind) return { ok: false, code: 'unit_mixed', expected: `此列应为${kind === 'money' ? '金额单位（元/万元/亿元）' : kind === 'count' ? '人数单位（人/万人）' : '面积单位'}，表头为“${unit}” / a ${kind} unit, the header says ${unit}` };
    const scaled = scaleExact(d.value, d.scale, f.factor);
    if (!scaled.ok && field === 'population' && unit !== '人') {
      // Statistical offices publish population in 万人 computed from samples (2392.66471499914);
      // a fraction of a person is noise, so the nearest whole person is stored, with a warning.
      const num = d.value * f.factor;
      const den = 10n ** BigInt(d.scale);
      const value = (2n * num + (num < 0n ? -den : den)) / (2n * den);
      return { ok: true, value, decimals: d.scale, rounded: true };
    }
    if (!scaled.ok) {
      return kind === 'count'
        ? { ok: false, code: 'value_fractional_count', expected: `人数换算为“人”后应为整数（单位 ${unit}）/ a whole number of persons` }
        : { ok: false, code: 'value_too_precise', expected: `小数位超过“分”的精度（单位 ${unit}）/ no finer than 0.01 元` };
    }
    if (scaled.value > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, code: 'value_out_of_range', expected: '数值超出可精确存储的范围 / beyond the exact range' };
    return { ok: true, value: scaled.value, decimals: d.scale };
  }

  /** A header row of the next table: some cell reads as this table's header in the same column. */
  function repeatsHeader(cells: readonly Cell[]): boolean {
    return cells.some((c, i) => {
      const label = mapping.columns[i];
      return !!label && c !== null && typeof c === 'string' && headerLabel([c]) === label;
    });
  }

  function row(r: RawRow): RowOutcome {
    const out: RowOutcome = { facts: [], problems: [], totals: [] };
    const cells = r.cells;
    if (cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) return out;
    if (tableEnded) return { ...out, ended: true };
    if (isNextTableTitle(cells)) {
      // Yearbook sheets carry the table's 续表 (more columns for the same regions) below it: a
      // different table, never more rows of this one. The title alone does not end the table —
      // a stray one-cell line must not silently drop the rows under it — the repeated header does.
      nextTitle = cellText(cells.find((c) => c !== null && String(c).trim() !== '') ?? null);
      return { ...out, ended: true };
    }
    if (nextTitle !== null) {
      out.ended = true;
      if (!isDataRow(cells)) {
        if (repeatsHeader(cells)) tableEnded = true;
        return out;
      }
      out.problems.push(problem('note_inside_table', r.n, null, cellText(cells[0] ?? null), `表格下方的标题“${nextTitle}”之后应先有重复的表头（如“地区”），此数据行无法确定属于哪张表；请删除该标题行或把下一张表移到另一工作表 / a data row below the title "${nextTitle}" without a repeated header`));
      return out;
    }
    if (isNoteRow(cells)) {
      notesStarted = true;
      return { ...out, ended: true };
    }
    if (notesStarted) {
      out.ended = true;
      if (isDataRow(cells)) out.problems.push(problem('note_inside_table', r.n, null, cellText(cells[0] ?? null), '注释行之后不应再有数据行；表格应在注释之前结束 / no data rows below the table notes'));
      return out;
    }
    for (const f of mapping.filters) if (compact(cellText(cells[f.column] ?? null)) !== compact(f.equals)) return out;
    if (width > 0 && cells.length > width && cells.slice(width).some((c) => c !== null && String(c).trim() !== '')) {
      out.problems.push(problem('ragged_row', r.n, null, `${cells.length} 列`, `应为 ${width} 列（与表头一致）/ ${width} cells like the header`));
      return out;
    }

    // Region (or a total row used as a control total).
    const regionSrc = mapping.fields.region;
    const regionText = cellText(cellOf(cells, regionSrc));
    let regionCode: string | null = null;
    let isTotal = false;
    if (regionText === '') {
      out.problems.push(problem('region_unknown', r.n, colOf(regionSrc), '', '应为地区名称或代码 / a region name or code'));
    } else if (ctx.regions.hasNational?.() && isNationalLabel(regionText)) {
      // The whole country's own row (全国 / 全国合计 / 中国): a national fact, not a control total.
      regionCode = NATIONAL_CODE;
    } else if (isTotalText(regionText)) {
      isTotal = true;
    } else {
      const res = resolveRegion(regionText, r.n);
      const nameSrc = mapping.fields.region_name;
      const disagreement = res.ok && nameSrc ? nameDisagrees(res.code, cellText(cellOf(cells, nameSrc))) : null;
      if (disagreement !== null) {
        out.problems.push(problem('region_mismatch', r.n, colOf(nameSrc), `${regionText} / ${cellText(cellOf(cells, nameSrc))}`, disagreement));
      } else if (res.ok) {
        regionCode = res.code;
        if (res.level === 'province') context = { provinceCode: res.code };
        else if (res.level === 'prefecture') context = { ...context, parentCode: res.code };
      } else {
        const cands = res.candidates.map((c) => `${c.name}(${c.code})`).join('、');
        out.problems.push(problem(res.reason === 'ambiguous' ? 'region_ambiguous' : 'region_unknown', r.n, colOf(regionSrc), regionText, res.reason === 'ambiguous' ? `名称对应多个地区，请用代码：${cands} / ambiguous, use a code` : `无法识别的地区${cands ? `；是否为：${cands}` : ''} / unknown region`));
      }
    }

    // Year: a column, a constant, or fixed per value column.
    let rowYear: number | null = null;
    const yearSrc = mapping.fields.year;
    if (yearSrc) {
      const y = parseYear(cellOf(cells, yearSrc));
      if (y === undefined) out.problems.push(problem('year_invalid', r.n, colOf(yearSrc), cellText(cellOf(cells, yearSrc)), '应为1949–2100之间的四位年份 / a four-digit year 1949–2100'));
      else rowYear = y;
    }
    let rowLevel: LevelOrAll = 'all';
    const levelSrc = mapping.fields.level;
    if (levelSrc) {
      const lt = cellText(cellOf(cells, levelSrc));
      const l = parseLevel(lt);
      if (l === undefined) out.problems.push(problem('level_unknown', r.n, colOf(levelSrc), lt, '应为学段：学前教育/小学/初中/普通高中/中职/特殊教育/高等教育 / an education level'));
      else rowLevel = l;
    }
    const funcSrc = mapping.fields.func_code;
    let funcCode = '205';
    if (funcSrc) {
      const ft = compact(cellText(cellOf(cells, funcSrc)));
      if (ft !== '' && !/^205(\d{2}){0,2}$/.test(ft)) out.problems.push(problem('field_invalid', r.n, colOf(funcSrc), ft, '应为205开头的3、5或7位功能分类科目编码 / a 205 function code'));
      else if (ft !== '') funcCode = ft;
    }
    const measureSrc = mapping.fields.measure;
    const measure = measureSrc ? cellText(cellOf(cells, measureSrc)) || 'per_student' : mapping.kind === 'bulletin' ? 'per_student' : 'total';
    let rowUnit: Unit | undefined;
    const unitSrc = mapping.fields.unit;
    if (unitSrc) {
      const ut = cellText(cellOf(cells, unitSrc));
      rowUnit = parseUnit(ut);
      if (ut !== '' && !rowUnit) out.problems.push(problem('unit_unknown', r.n, colOf(unitSrc), ut, '应为 元/千元/万元/亿元/人/万人 / a known unit'));
    }
    let aid: { category: AidCategory; item: AidItem | '' } | undefined;
    if (mapping.kind === 'aid') {
      const keys = aidKeys(cellText(cellOf(cells, mapping.fields.category)), cellText(cellOf(cells, mapping.fields.item)));
      for (const k of keys.problems) out.problems.push(problem('field_invalid', r.n, colOf(k.field === 'category' ? mapping.fields.category : mapping.fields.item), k.text, k.expected));
      aid = { category: keys.category, item: keys.item };
    }
    if (out.problems.some((p) => p.severity === 'error')) return out;

    const before = out.facts.length;
    for (const v of mapping.values) out.problems.push(...emitValue(r, cells, v, { regionCode, isTotal, regionText, rowYear, rowLevel, funcCode, measure, rowUnit }, out));
    if (aid) {
      for (const f of out.facts.slice(before)) {
        f.category = aid.category;
        // Only a budget belongs to an item; counts are the same students whatever aid they get.
        f.item = f.field === 'budget' ? aid.item : '';
        if (f.field === 'budget' && aid.item === '') out.problems.push(problem('field_invalid', r.n, f.column, null, '预算安排额须注明“资助项目” / a budget needs its aid item'));
      }
    }
    return out;
  }

  function emitValue(r: RawRow, cells: readonly Cell[], v: ValueBinding, k: { regionCode: string | null; isTotal: boolean; regionText: string; rowYear: number | null; rowLevel: LevelOrAll; funcCode: string; measure: string; rowUnit: Unit | undefined }, out: RowOutcome): Problem[] {
    const problems: Problem[] = [];
    const cell = cells[v.column] ?? null;
    const parsed = parseNumberCell(cell);
    if (parsed.kind === 'empty') return problems;
    if (parsed.kind === 'invalid') {
      const excelError = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/i.test(parsed.text.trim());
      return [problem('value_not_number', r.n, v.column, parsed.text, excelError ? '公式结果为错误值，应为数字：请在 Excel 中修正公式并重新计算 / a formula error value; fix the formula' : '应为数字（可含千分位、全角数字）/ a number')];
    }
    const declared = mapping.declaredUnit;
    const unit = declared ?? k.rowUnit ?? v.unit;
    if (parsed.unit && unit && parsed.unit !== unit && !declared) return [problem('unit_mixed', r.n, v.column, cellText(cell), `本列单位为“${unit}”，单元格写明“${parsed.unit}” / the column is in ${unit}`)];
    const kind = valueKind(v.field);
    // "12%" is a rate; in an amount or count column it is a mistake, never 12 of the unit.
    if (parsed.percent && kind !== 'ratio') return [problem('unit_mixed', r.n, v.column, cellText(cell), `此列为${kind === 'count' ? '人数' : '金额'}，不应出现百分数 / a percentage in a ${kind} column`)];
    const s = scale(parsed.decimal, parsed.unit ?? unit, kind, v.field);
    if (!s.ok) return [problem(s.code, r.n, v.column, cellText(cell), s.expected)];
    if (s.rounded) problems.push(problem('value_rounded', r.n, v.column, cellText(cell), `不足一人的小数已四舍五入，按 ${s.value} 人入库 / stored as ${s.value} persons, rounded to the nearest person`, 'warning'));
    if (s.value < 0n) return [problem('value_negative', r.n, v.column, cellText(cell), '金额和人数不应为负 / not negative')];
    // More persons than live in China is a keying error in any table (10¹² pupils was accepted once).
    if (kind === 'count' && s.value > MAX_PERSONS) return [problem('value_out_of_range', r.n, v.column, cellText(cell), `人数 ${s.value} 超过全国总人口，不可能成立；请核对单位与数值 / more persons than China's population`)];
    const year = v.year ?? k.rowYear;
    if (year === null) return [problem('year_invalid', r.n, v.column, null, '没有年度：请映射年度列或在表题中给出 / no year for this value')];
    if (k.isTotal) {
      out.totals.push({ row: r.n, label: k.regionText, year, field: v.field, level: v.level ?? k.rowLevel, value: s.value, decimals: s.decimals, unit: parsed.unit ?? unit });
      return problems;
    }
    if (k.regionCode === null) return problems;
    // 全国 is a fact of its own, and where the file also lists the provinces it must equal their sum.
    if (k.regionCode === NATIONAL_CODE) out.totals.push({ row: r.n, label: k.regionText, year, field: v.field, level: v.level ?? k.rowLevel, value: s.value, decimals: s.decimals, unit: parsed.unit ?? unit, national: true });
    const fact: Fact = { row: r.n, column: v.column, regionCode: k.regionCode, year, level: v.level ?? k.rowLevel, funcCode: k.funcCode, measure: k.measure, field: v.field, value: s.value };
    const factUnit = parsed.unit ?? unit;
    if (factUnit) fact.unit = factUnit;
    if (mapping.kind === 'bulletin') {
      const g = cellText(cellOf(cells, mapping.fields.growth)).replace(/%$/, '');
      if (g !== '') {
        const gp = parseNumberCell(g);
        if (gp.kind !== 'number') problems.push(problem('value_not_number', r.n, colOf(mapping.fields.growth), g, '增长率应为数字，如4.68 / a growth rate such as 4.68'));
        else fact.growth = gp.decimal;
      }
      fact.comparable = TRUE_WORDS.has(compact(cellText(cellOf(cells, mapping.fields.comparable))).toLowerCase());
      const rp = parseNumberCell(cellOf(cells, mapping.fields.restated_prior));
      if (rp.kind === 'number') {
        const rs = scale(rp.decimal, rp.unit ?? unit, 'money');
        if (rs.ok) fact.restatedPrior = rs.value;
        else problems.push(problem(rs.code, r.n, colOf(mapping.fields.restated_prior), rp.decimal, rs.expected));
      }
      // A 同口径 growth g with no restated base printed: the base it implies is 本年 ÷ (1 + g).
      if (fact.comparable && fact.restatedPrior === undefined && fact.growth !== undefined) {
        const base = comparableBase(s.value, fact.growth);
        if (base !== null) {
          fact.restatedPrior = base;
          fact.restatedFromGrowth = true;
        }
      }
      fact.published = publishedTexts(cells, parsed.decimal, fact.comparable, factUnit);
    }
    out.facts.push(fact);
    return problems;
  }

  /** The printed figures of a bulletin row, as numbers in text; 上年 only when printed in 本年's unit. */
  function publishedTexts(cells: readonly Cell[], amount: string, comparable: boolean, amountUnit: Unit | undefined): PublishedTexts {
    const out: PublishedTexts = { amount, comparable };
    for (const f of ['prior', 'growth', 'revenue_growth', 'growth_gap', 'share', 'share_base'] as const) {
      const src = mapping.fields[f];
      if (!src) continue;
      const p = parseNumberCell(cellText(cellOf(cells, src)).replace(/[%％]$/, ''));
      if (p.kind !== 'number') continue;
      if (f === 'prior' || f === 'share_base') {
        const headerUnit = 'column' in src ? unitInText(mapping.columns[src.column] ?? '') : undefined;
        const u = p.unit ?? headerUnit ?? amountUnit;
        if (u !== amountUnit) continue;
      }
      out[f] = p.decimal;
    }
    return out;
  }

  return { row, resolvedByFile: () => [...byFile.values()] };
}
