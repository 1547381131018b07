// Proposing a mapping from a table's header: which column is the region, the year, the level, and
// which columns hold the values this kind of import needs. Users confirm or override it.
import type { LevelCode } from '../levels';
import { CAPACITY_INDICATOR_CODES, KIND_FIELDS, levelFromText, type CapacityIndicator, type ImportKind } from './kinds';
import type { Layout } from './layout';
import type { FieldSource, Mapping, ValueBinding } from './mapping';
import { unitInText } from './units';

const REGION_LABEL = /^(地区|地区名称|省份|省份名称|省|省市|省区市|地\s*区|区域|行政区划|行政区划名称|单位|单位名称|县|县区|县\(市、区\)|县（市、区）|province|region|area)$/i;
const REGION_CODE_LABEL = /(省份编码|地区编码|地区代码|行政区划代码|区划代码|^代码$|^code$|region_code|province_code)/i;
const YEAR_LABEL = /^(年份|年度|年|year|统计年度)$/i;
const LEVEL_LABEL = /^(学段|教育层次|学校类型|层次|level)$/i;
/** The 205 功能分类科目 column (the workbench's own template calls it 功能分类科目). */
const FUNC_LABEL = /^(功能分类科目|功能分类科目编码|功能科目|科目编码|科目代码|func_code)$/i;
const VALUE_LABEL = /^(value|数值|值|金额|数据|合计值)$/i;

const CAPACITY_PATTERNS: readonly [CapacityIndicator, RegExp, RegExp?][] = [
  ['gdp', /生产总值|GDP/i, /人均|指数|增长|构成|比重/],
  ['gpb_revenue', /(一般公共预算|一般预算|财政)收入|地方财政收入/, /税收|非税|增值税|所得税|专项|收费|罚没|国有|其他/],
  ['gpb_expenditure', /(一般公共预算|一般预算|财政)支出/, /教育|科学|农林|卫生|社会保障|一般公共服务|国防|外交|公共安全|文化|节能|城乡|交通|资源|商业|金融|援助|自然|住房|粮油|灾害|债务|其他|分功能/],
  ['tax_revenue', /税收收入/, /非税/],
  ['population', /常住人口|总人口|年末人口|户籍人口/, /每十万|密度|增长/],
  ['fiscal_edu_funds', /国家财政性教育经费/],
  ['transfer_received', /转移支付收入/],
  ['recurrent_revenue', /经常性收入/],
  ['teacher_avg_pay', /教师.*平均工资/],
  ['civil_servant_avg_pay', /公务员.*平均工资/],
  ['area', /面积/, /人均|耕地|绿地/],
];

/**
 * The columns of a bulletin table of the usual shapes (地区 | 上年 | 本年 | 增长率, and 教育经费 |
 * 增长 | 经常性收入增长 | 增幅比较（百分点） | 占支出比例): each found by its own words, so that
 * 上年 is never taken for the amount nor a share for a growth.
 */
function publishedColumns(cols: readonly string[]): Partial<Record<'amount' | 'prior' | 'growth' | 'revenue_growth' | 'growth_gap' | 'share' | 'share_base', number>> {
  const found = (re: RegExp, exclude?: RegExp): number | undefined => {
    const i = findColumn(cols, re, exclude);
    return i >= 0 ? i : undefined;
  };
  const out: Partial<Record<'amount' | 'prior' | 'growth' | 'revenue_growth' | 'growth_gap' | 'share' | 'share_base', number>> = {};
  const set = (k: keyof typeof out, i: number | undefined) => {
    if (i !== undefined && !Object.values(out).includes(i)) out[k] = i;
  };
  set('growth_gap', found(/增幅比较|百分点|增幅差|增长差/));
  set('revenue_growth', found(/收入.*(增长|增幅)|(增长|增幅).*收入/));
  set('share', found(/占.*(比例|比重)|占比|比重|比例/, /增长|增幅|百分点/));
  set('share_base', found(/支出总额|总支出|一般公共预算支出|财政支出/, /教育|比例|比重|增长/));
  set('prior', found(/上年|上期|prior/i, /同口径|增长|增幅|比例|比重|百分点/));
  set('amount', found(/本年|本期|current/i, /增长|增幅|比例|比重|百分点|收入/));
  set('growth', found(/增长|增幅|growth/i, /收入|同口径基数|百分点|增幅比较/));
  return out;
}

function findColumn(columns: readonly string[], re: RegExp, exclude?: RegExp): number {
  return columns.findIndex((c) => c !== '' && re.test(c) && !(exclude && exclude.test(c)));
}

function expenditureColumns(columns: readonly string[]): number[] {
  const ranked: [RegExp, RegExp?][] = [
    [/一般公共预算教育(经费|支出)/],
    [/预算内教育经费/],
    [/^教育支出|教育支出$/, /人均|生均|比重|增长/],
    [/教育(经费|支出)/, /人均|生均|比重|增长|社会捐赠|事业收入|学杂费|民办|其他|国家财政性/],
  ];
  for (const [re, ex] of ranked) {
    const i = findColumn(columns, re, ex);
    if (i >= 0) return [i];
  }
  return [];
}

export type Suggestion = { mapping: Mapping; missing: string[]; notes: string[] };

/**
 * hints: further text that names what a file holds when its header does not (the file name, the
 * sheet name, NBS's 指标 line): "tec_expenditure_地区生产总值_2011_2024.csv" → gdp.
 */
export function suggestMapping(kind: ImportKind, sheet: string, layout: Layout, hints: readonly string[] = []): Suggestion {
  const cols = layout.columns;
  const fields: Record<string, FieldSource> = {};
  const values: ValueBinding[] = [];
  const notes: string[] = [];
  const yearColumns = new Set(layout.yearColumns.map((y) => y.column));

  const codeCol = findColumn(cols, REGION_CODE_LABEL);
  const nameCol = findColumn(cols, REGION_LABEL);
  if (['expenditure', 'enrolment', 'capacity', 'bulletin', 'aid'].includes(kind)) {
    if (codeCol >= 0) fields.region = { column: codeCol };
    else if (nameCol >= 0) fields.region = { column: nameCol };
    // Tables often put regions first without naming the column; but a first column that is plainly
    // something else (the year, the level, a value with a unit) must not be read as regions.
    else if (cols.length > 0 && !yearColumns.has(0) && !YEAR_LABEL.test(cols[0] ?? '') && !LEVEL_LABEL.test(cols[0] ?? '') && !VALUE_LABEL.test(cols[0] ?? '') && !unitInText(cols[0] ?? '')) {
      fields.region = { column: 0 };
      notes.push(`没有识别到“地区”列，暂用第1列「${cols[0]}」/ no region column recognised; using the first column`);
    }
    if (codeCol >= 0 && nameCol >= 0 && nameCol !== codeCol) fields.region_name = { column: nameCol };
    const yearCol = findColumn(cols, YEAR_LABEL);
    if (yearCol >= 0) fields.year = { column: yearCol };
    else if (layout.yearColumns.length === 0 && layout.year !== undefined) {
      fields.year = { constant: String(layout.year) };
      notes.push(`年度取自表题：${layout.year} / year taken from the title`);
    }
    const levelCol = findColumn(cols, LEVEL_LABEL);
    if (levelCol >= 0) fields.level = { column: levelCol };
    const funcCol = kind === 'expenditure' ? findColumn(cols, FUNC_LABEL) : -1;
    if (funcCol >= 0) fields.func_code = { column: funcCol };
    const unitCol = findColumn(cols, /^(单位|units?|计量单位)$/i);
    if (unitCol >= 0) fields.unit = { column: unitCol };
  }

  const hintText = [layout.indicator ?? '', ...hints].join(' ');
  const perYear = (field: string, level?: LevelCode): ValueBinding[] =>
    layout.yearColumns.map((y) => ({ column: y.column, field, year: y.year, ...(level ? { level } : {}) }));

  switch (kind) {
    case 'expenditure': {
      if (layout.yearColumns.length) values.push(...perYear('amount'));
      else {
        const v = expenditureColumns(cols);
        if (v.length) values.push({ column: v[0]!, field: 'amount' });
        else {
          const valueCol = findColumn(cols, VALUE_LABEL);
          if (valueCol >= 0) {
            values.push({ column: valueCol, field: 'amount' });
            notes.push('长表：请用 --where 选择“教育”行 / long table: choose the education rows with --where');
          }
        }
      }
      break;
    }
    case 'enrolment': {
      const enrolCols = cols.map((c, i) => ({ c, i })).filter(({ c }) => /在校(学)?生/.test(c) && !/每十万|比|率|增长/.test(c));
      if (layout.yearColumns.length) values.push(...perYear('students', levelFromText(hintText)));
      // One column per level: a breakdown of a level (本科/专科, 农村, 民办, 其中…) is part of its total,
      // not another level, so it is only taken when no total column for that level exists.
      const SUB = /本科|专科|研究生|其中|农村|城区|镇区|乡村|民办|女/;
      const byLevel = new Map<string, { c: string; i: number }[]>();
      for (const col of enrolCols) {
        const key = levelFromText(col.c) ?? levelFromText(hintText) ?? '';
        byLevel.set(key, [...(byLevel.get(key) ?? []), col]);
      }
      for (const [key, group] of byLevel) {
        const totals = group.filter(({ c }) => !SUB.test(c));
        const chosen = (totals.length ? totals : group)[0]!;
        if (group.length > 1) notes.push(`在校生取「${chosen.c}」列，未取其细分列：${group.filter((g) => g !== chosen).map((g) => `「${g.c}」`).join('')} / took the total column, not its breakdown`);
        values.push({ column: chosen.i, field: 'students', ...(key ? { level: key as LevelCode } : {}) });
      }
      if (!values.length) {
        const valueCol = findColumn(cols, VALUE_LABEL);
        if (valueCol >= 0) values.push({ column: valueCol, field: 'students' });
      }
      break;
    }
    case 'capacity': {
      if (layout.yearColumns.length) {
        const match = CAPACITY_PATTERNS.find(([, re, ex]) => re.test(hintText) && !(ex && ex.test(hintText)));
        if (match) values.push(...perYear(match[0]));
        else notes.push('宽表未能识别指标，请用 --map 指标=@years 指定 / which indicator the year columns hold is not recognised; give --map INDICATOR=@years');
      } else {
        const used = new Set<number>();
        for (const [indicator, re, ex] of CAPACITY_PATTERNS) {
          const i = cols.findIndex((c, j) => !used.has(j) && c !== '' && re.test(c) && !(ex && ex.test(c)));
          if (i >= 0) {
            used.add(i);
            values.push({ column: i, field: indicator });
          }
        }
      }
      break;
    }
    case 'bulletin': {
      const published = publishedColumns(cols);
      const amount = published.amount ?? findColumn(cols, /生均|经费|金额|数值|元/, /增长|同口径|上年|比例|比重|占比|百分点|增幅|收入|总额/);
      if (amount >= 0) values.push({ column: amount, field: 'amount' });
      const growth = published.growth ?? findColumn(cols, /增长|growth/i, /同口径基数/);
      if (growth >= 0) fields.growth = { column: growth };
      for (const f of ['prior', 'revenue_growth', 'growth_gap', 'share', 'share_base'] as const) if (published[f] !== undefined) fields[f] = { column: published[f] };
      const comparable = findColumn(cols, /^同口径$|口径/, /增长|基数/);
      if (comparable >= 0) fields.comparable = { column: comparable };
      // "同口径增长（%）": every growth in the column is stated against a restated base.
      else if (growth >= 0 && /同口径/.test(cols[growth] ?? '')) {
        fields.comparable = { constant: '同口径' };
        notes.push(`增长率列「${cols[growth]}」为同口径增长：上年可比基数按 本年÷(1+增长率) 推算 / the growth column is 同口径: the comparable base is 本年 ÷ (1 + growth)`);
      }
      const restated = findColumn(cols, /上年同口径|同口径基数|restated/i);
      if (restated >= 0) fields.restated_prior = { column: restated };
      const measure = findColumn(cols, /^(指标|measure)$/i);
      if (measure >= 0) fields.measure = { column: measure };
      break;
    }
    default: {
      // Reference tables and aid counts: match each field by its name or its Chinese label.
      for (const spec of KIND_FIELDS[kind]) {
        if (kind === 'aid' && (spec.name === 'region' || spec.name === 'year' || spec.name === 'level')) continue;
        const i = cols.findIndex((c) => c === spec.name || c === spec.zh || c.startsWith(spec.zh));
        if (i < 0) continue;
        if (spec.role === 'value') values.push({ column: i, field: spec.name });
        else fields[spec.name] = { column: i };
      }
    }
  }

  // Units: the value column's own header first, then the table's preamble.
  for (const v of values) {
    const u = unitInText(cols[v.column] ?? '') ?? (layout.yearColumns.length ? unitInText(hintText) : undefined) ?? layout.unit;
    if (u) v.unit = u;
  }

  const missing = KIND_FIELDS[kind]
    .filter((f) => f.required && (f.role === 'value' ? !values.some((v) => v.field === f.name) && !(kind === 'capacity') : !(f.name in fields) && !(f.name === 'year' && values.every((v) => v.year !== undefined) && values.length > 0)))
    .map((f) => f.name);
  if (kind === 'capacity' && !values.some((v) => (CAPACITY_INDICATOR_CODES as string[]).includes(v.field))) missing.push('indicator');
  if (kind === 'aid' && values.length === 0) missing.push('eligible');

  return {
    mapping: { kind, sheet, headerRows: layout.headerRows, dataStart: layout.dataStart ?? 0, columns: cols, fields, values, filters: [] },
    missing,
    notes,
  };
}
