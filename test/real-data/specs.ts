// Every in-scope file under /work/shared/data, the `wb import` invocation(s) for it, and how to read
// the same values independently (./source.ts). FINDINGS.md explains the exclusions and each known
// importer problem; an import listed with `known` is asserted with it.fails until it is fixed.
import { csvRows, fromColumns, timeLineYear, xlsxRows, yearbookTable, yearsAcross, type SourceValue, type Unit } from './source';

/** Importer problems found with these files (details, commands and expected behaviour: FINDINGS.md). */
export const FINDINGS = {
  F1: 'population printed with sub-person decimals (2392.66471499914 万人) refuses the whole file',
  F2: 'higher-education enrolment: the suggestion maps the 本科/专科 sub-columns as well, 930 key_duplicate',
  F3: 'a mapping saved for the same header shape carries another file\'s title year / indicator',
  F4: 'a second import of one file with a different --where supersedes the first (same default name)',
  F5: '教育支出 from the yearbook-derived tidy/wide files is recorded as basis moe_edu_funds',
  F6: 'yearbook sheets holding the table and its 续表 one under the other are refused',
  F7: 'source line 摘编自《…》 under the table (merged across) is refused as data',
  F8: 'value columns the suggestion adds are kept beside --map and take the --unit declared for another column',
  F9: 'a file whose unit column says 亿元 on every row is recorded with unit "mixed"',
  F10: '--map students=COLUMN drops the level the header names: higher-education enrolment is stored as level "all"',
} as const;
export type FindingId = keyof typeof FINDINGS;

export type Table = 'expenditure' | 'enrolment' | 'fiscal';
/** What a known problem breaks: the import itself (and so everything), the stored data, or the dataset's provenance. */
export type Known = { finding: FindingId; breaks: 'import' | 'data' | 'provenance' };

export type Spec = {
  id: string;
  /** Relative to the shared data folder. */
  file: string;
  /** `wb import FILE` arguments after FILE. */
  args: string[];
  table: Table;
  /** dataset.sheet: null for CSV. */
  sheet: string | null;
  /** dataset.unit: the unit the source states. */
  unit: Unit;
  basis?: 'mof_205' | 'moe_edu_funds';
  read: (path: string) => SourceValue[] | Promise<SourceValue[]>;
  known?: Known[];
};

const PANEL = 'nbs_province_panel_2000_2019';
const EXPORTS = 'nbs_exports_2006_2024';
const CSY = 'csy_local_budget_expenditure_2010_2023';
const EDU = 'all/205';

const panelOriginal = (id: string, file: string, args: string[], table: Table, unit: Unit, columns: Record<string, string>, extra: Partial<Spec> = {}): Spec => ({
  id,
  file: `${PANEL}/original/${file}`,
  args,
  table,
  sheet: null,
  unit,
  read: (p) => {
    const rows = csvRows(p);
    return Object.entries(columns).flatMap(([key, value]) => fromColumns(rows, { region: '省份编码', year: '年份', value, unit, key }, file));
  },
  ...extra,
});

const panelWide = (id: string, args: string[], table: Table, unit: Unit, columns: Record<string, string>, extra: Partial<Spec> = {}): Spec => ({
  id,
  file: `${PANEL}/province_panel_2000_2019.csv`,
  args,
  table,
  sheet: null,
  unit,
  read: (p) => {
    const rows = csvRows(p);
    return Object.entries(columns).flatMap(([key, value]) => fromColumns(rows, { region: 'province_code', year: 'year', value, unit, key }, 'province_panel_2000_2019.csv'));
  },
  ...extra,
});

const LEVELS = { primary: 'enrol_primary_10k', junior: 'enrol_junior_secondary_10k', senior: 'enrol_senior_general_10k', sec_voc: 'enrol_secondary_vocational_10k', higher: 'enrol_higher_general_10k', special: 'enrol_special_10k' } as const;

const liushenwuzhuGdp = (year: number, known?: Known[]): Spec => ({
  id: `nbs-export-gdp-${year}`,
  file: `${EXPORTS}/original/liushenwuzhu_地区生产总值及构成_${year}.csv`,
  args: ['--kind', 'capacity'],
  table: 'fiscal',
  sheet: null,
  unit: '亿元',
  read: (p) => {
    const rows = csvRows(p);
    return fromColumns(rows, { region: '地区', year: timeLineYear(rows, p), value: '地区生产总值 (亿元)', unit: '亿元', key: 'gdp' }, p);
  },
  ...(known ? { known } : {}),
});

const nbsLong = (id: string, where: Record<string, string>, field: string, unit: Unit, dataset?: string): Spec => ({
  id,
  file: `${EXPORTS}/nbs_province_indicators_long.csv`,
  args: ['--kind', 'capacity', ...Object.entries(where).flatMap(([c, v]) => ['--where', `${c}=${v}`]), '--map', `${field}=value`, ...(dataset ? ['--dataset', dataset] : [])],
  table: 'fiscal',
  sheet: null,
  unit,
  read: (p) => fromColumns(csvRows(p), { region: 'province', year: 'year', value: 'value', unit: { column: 'unit' }, where, key: field }, 'nbs_province_indicators_long.csv'),
});

const yearbook76 = (year: number, sheet: string, kind: 'expenditure' | 'capacity', known?: Known[]): Spec => ({
  id: `yearbook-7-6-${year}-${kind === 'expenditure' ? 'education' : 'total'}`,
  file: `${CSY}/original_yearbook_tables/csy_table7-6_general_public_budget_expenditure_by_region_${year}.xls`,
  args: ['--kind', kind],
  table: kind === 'expenditure' ? 'expenditure' : 'fiscal',
  sheet,
  unit: '亿元',
  ...(kind === 'expenditure' ? { basis: 'mof_205' as const } : {}),
  read: async (p) => {
    const t = await yearbookTable(p, { sheet, column: kind === 'expenditure' ? /^教育支出/ : /^地方一般公共预算支出/, unit: '亿元', key: kind === 'expenditure' ? EDU : 'gpb_expenditure' }, p);
    if (t.year !== year) throw new Error(`${p}: title year ${t.year}`);
    return t.values;
  },
  ...(known ? { known } : {}),
});

const tidyXlsx = (year: number, kind: 'expenditure' | 'capacity'): Spec => ({
  id: `tidy-xlsx-${year}-${kind === 'expenditure' ? 'education' : 'total'}`,
  file: `${CSY}/original_tidy_xlsx/${year}.xlsx`,
  args: kind === 'expenditure' ? ['--kind', 'expenditure', '--where', 'chn_block4=教育'] : ['--kind', 'capacity', '--where', 'chn_block4=合计', '--map', 'gpb_expenditure=value'],
  table: kind === 'expenditure' ? 'expenditure' : 'fiscal',
  sheet: 'Sheet 1',
  unit: '亿元',
  ...(kind === 'expenditure' ? { basis: 'mof_205' as const } : {}),
  read: async (p) => {
    const values = fromColumns(await xlsxRows(p, 'Sheet 1'), { region: 'province', year: 'year', value: 'value', unit: { column: 'units' }, where: { chn_block4: kind === 'expenditure' ? '教育' : '合计' }, key: kind === 'expenditure' ? EDU : 'gpb_expenditure' }, p);
    if (values.some((v) => v.year !== year)) throw new Error(`${p}: a year other than ${year}`);
    return values;
  },
  
});

const YEARS_2010_2023 = Array.from({ length: 14 }, (_, i) => 2010 + i);

/** In import order (order matters: see F3). */
export const SPECS: Spec[] = [
  // ---- nbs_province_panel_2000_2019/original: NBS long tables, code + full name, unit in the header
  panelOriginal('panel-population', '人口/总人口.csv', ['--kind', 'capacity'], 'fiscal', '万人', { population: '年末常住人口(万人)' }),
  panelOriginal('panel-gdp', '国民经济核算/地区生产总值.csv', ['--kind', 'capacity'], 'fiscal', '亿元', { gdp: '地区生产总值(亿元)' }),
  panelOriginal('panel-revenue', '财政/地方财政收入.csv', ['--kind', 'capacity'], 'fiscal', '亿元', { gpb_revenue: '地方财政一般预算收入(亿元)', tax_revenue: '地方财政税收收入(亿元)' }),
  panelOriginal('panel-expenditure-total', '财政/地方财政支出.csv', ['--kind', 'capacity'], 'fiscal', '亿元', { gpb_expenditure: '地方财政一般预算支出(亿元)' }),
  panelOriginal('panel-expenditure-education', '财政/地方财政支出.csv', ['--kind', 'expenditure'], 'expenditure', '亿元', { [EDU]: '地方财政教育支出(亿元)' }, { basis: 'mof_205' }),
  panelOriginal('panel-enrol-primary', '教育/普通小学基本情况.csv', ['--kind', 'enrolment'], 'enrolment', '万人', { primary: '普通小学在校学生数(万人)' }),
  panelOriginal('panel-enrol-junior', '教育/初中基本情况.csv', ['--kind', 'enrolment'], 'enrolment', '万人', { junior: '初中在校学生数(万人)' }),
  panelOriginal('panel-enrol-senior', '教育/普通高中基本情况.csv', ['--kind', 'enrolment'], 'enrolment', '万人', { senior: '普通高中在校学生数(万人)' }),
  panelOriginal('panel-enrol-sec-voc', '教育/中等职业学校(机构)学生情况.csv', ['--kind', 'enrolment'], 'enrolment', '万人', { sec_voc: '中等职业学校在校学生数(万人)' }),
  // the suggestion also takes the 本科 and 专科 columns (F2) and a mapped column loses its level (F10),
  // both asserted in import-findings.test.ts; here the total column and its level are named
  panelOriginal('panel-enrol-higher', '教育/高等学校普通本、专科学校和学生情况.csv', ['--kind', 'enrolment', '--map', 'students=普通高等学校在校学生数(万人)', '--map', 'level==higher'], 'enrolment', '万人', { higher: '普通高等学校在校学生数(万人)' }),
  panelOriginal('panel-enrol-special', '教育/特殊教育基本情况.csv', ['--kind', 'enrolment'], 'enrolment', '万人', { special: '特殊教育在校学生数(万人)' }),
  panelOriginal('panel-fiscal-edu-funds', '教育/教育经费情况.csv', ['--kind', 'capacity'], 'fiscal', '万元', { fiscal_edu_funds: '国家财政性教育经费(万元)' }),
  panelOriginal('panel-budgetary-edu-funds', '教育/教育经费情况.csv', ['--kind', 'expenditure'], 'expenditure', '万元', { [EDU]: '国家财政预算内教育经费(万元)' }, { basis: 'moe_edu_funds' }),

  // ---- nbs_province_panel_2000_2019/province_panel_2000_2019.csv: merged wide panel, English headers
  panelWide('panel-wide-fiscal-100m', ['--kind', 'capacity', '--unit', '亿元', '--map', 'gdp=gdp_100m_yuan', '--map', 'gpb_revenue=lgpb_revenue_100m_yuan', '--map', 'tax_revenue=lgpb_tax_revenue_100m_yuan', '--map', 'gpb_expenditure=lgpb_expenditure_100m_yuan'], 'fiscal', '亿元', { gdp: 'gdp_100m_yuan', gpb_revenue: 'lgpb_revenue_100m_yuan', tax_revenue: 'lgpb_tax_revenue_100m_yuan', gpb_expenditure: 'lgpb_expenditure_100m_yuan' }),
  panelWide('panel-wide-population', ['--kind', 'capacity', '--unit', '万人', '--map', 'population=population_10k'], 'fiscal', '万人', { population: 'population_10k' }),
  panelWide('panel-wide-education', ['--kind', 'expenditure', '--unit', '亿元', '--map', 'amount=lgpb_edu_expenditure_100m_yuan', '--dataset', 'province_panel_2000_2019 教育支出'], 'expenditure', '亿元', { [EDU]: 'lgpb_edu_expenditure_100m_yuan' }, { basis: 'mof_205' }),
  panelWide('panel-wide-budgetary-edu-funds', ['--kind', 'expenditure', '--unit', '万元', '--map', 'amount=edu_funding_budgetary_10k_yuan', '--dataset', 'province_panel_2000_2019 预算内教育经费'], 'expenditure', '万元', { [EDU]: 'edu_funding_budgetary_10k_yuan' }, { basis: 'moe_edu_funds' }),
  ...Object.entries(LEVELS).map(([level, column]) =>
    panelWide(`panel-wide-enrol-${level}`, ['--kind', 'enrolment', '--unit', '万人', '--map', `students=${column}`, '--map', `level==${level}`, '--dataset', `province_panel_2000_2019 在校生 ${level}`], 'enrolment', '万人', { [level]: column }),
  ),

  // ---- nbs_exports_2006_2024/original: raw NBS exports ("\t," separators, preamble, footnotes)
  liushenwuzhuGdp(2019),
  ...[2020, 2021, 2022, 2023, 2024].map((y) => liushenwuzhuGdp(y)),
  {
    id: 'nbs-export-revenue',
    file: `${EXPORTS}/original/liushenwuzhu_地方一般公共预算收入_2016_2024.csv`,
    args: ['--kind', 'capacity', '--unit', '亿元'], // no 指标 line: the unit is not in the file
    table: 'fiscal',
    sheet: null,
    unit: '亿元',
    read: (p) => yearsAcross(csvRows(p), { first: '地区', unit: '亿元', key: 'gpb_revenue' }, p),
  },
  {
    id: 'nbs-export-population-2024',
    file: `${EXPORTS}/original/liushenwuzhu_年末常住人口_2024.csv`,
    args: ['--kind', 'capacity'],
    table: 'fiscal',
    sheet: null,
    unit: '万人',
    read: (p) => {
      const rows = csvRows(p);
      return fromColumns(rows, { region: '地区', year: timeLineYear(rows, p), value: '年末常住人口 (万人)', unit: '万人', key: 'population' }, p);
    },
  },
  {
    id: 'nbs-export-gdp-gbk',
    file: `${EXPORTS}/original/renjiyi163_地区生产总值_2006_2024.csv`,
    args: ['--kind', 'capacity'],
    table: 'fiscal',
    sheet: null,
    unit: '亿元',
    read: (p) => yearsAcross(csvRows(p, 'gb18030'), { first: '地区', unit: '亿元', key: 'gdp' }, p),
  },
  {
    id: 'nbs-export-gdp-utf8-copy',
    file: `${EXPORTS}/original/renjiyi163_地区生产总值_2006_2024.utf8.csv`,
    args: ['--kind', 'capacity'],
    table: 'fiscal',
    sheet: null,
    unit: '亿元',
    read: (p) => yearsAcross(csvRows(p), { first: '地区', unit: '亿元', key: 'gdp' }, p),
  },
  {
    id: 'nbs-export-expenditure-total',
    file: `${EXPORTS}/original/tec_expenditure_地方一般公共预算支出_2011_2024.csv`,
    args: ['--kind', 'capacity', '--unit', '亿元'],
    table: 'fiscal',
    sheet: null,
    unit: '亿元',
    read: (p) => yearsAcross(csvRows(p), { first: '地区', unit: '亿元', key: 'gpb_expenditure' }, p),
  },
  {
    id: 'nbs-export-gdp-2011-2024',
    file: `${EXPORTS}/original/tec_expenditure_地区生产总值_2011_2024.csv`,
    args: ['--kind', 'capacity', '--unit', '亿元'],
    table: 'fiscal',
    sheet: null,
    unit: '亿元',
    read: (p) => yearsAcross(csvRows(p), { first: '地区', unit: '亿元', key: 'gdp' }, p),
    
  },
  {
    id: 'nbs-export-beijing-education',
    file: `${EXPORTS}/original/tec_expenditure_北京市分功能支出_2016_2024.csv`,
    args: ['--kind', 'expenditure', '--map', 'region==北京市', '--where', '指标=地方财政教育支出 (亿元)', '--unit', '亿元'],
    table: 'expenditure',
    sheet: null,
    unit: '亿元',
    basis: 'mof_205',
    read: (p) => yearsAcross(csvRows(p), { first: '指标', unit: '亿元', key: EDU, region: '北京市', rowLabel: '地方财政教育支出 (亿元)' }, p),
  },
  {
    id: 'nbs-export-beijing-total',
    file: `${EXPORTS}/original/tec_expenditure_北京市分功能支出_2016_2024.csv`,
    args: ['--kind', 'capacity', '--map', 'region==北京市', '--where', '指标=地方财政一般公共预算支出 (亿元)', '--map', 'gpb_expenditure=@years', '--unit', '亿元'],
    table: 'fiscal',
    sheet: null,
    unit: '亿元',
    read: (p) => yearsAcross(csvRows(p), { first: '指标', unit: '亿元', key: 'gpb_expenditure', region: '北京市', rowLabel: '地方财政一般公共预算支出 (亿元)' }, p),
  },

  // ---- nbs_exports_2006_2024: derived long / wide files
  nbsLong('nbs-long-gdp-renjiyi163', { indicator: '地区生产总值', source: 'RenJiyi163/panel_data_analysis_for_thesis' }, 'gdp', '亿元', 'nbs_province_indicators_long 地区生产总值 (RenJiyi163)'),
  nbsLong('nbs-long-gdp-tec-expenditure', { indicator: '地区生产总值', source: '1376524890/tec_expenditure' }, 'gdp', '亿元', 'nbs_province_indicators_long 地区生产总值 (tec_expenditure)'),
  nbsLong('nbs-long-gdp-liushenwuzhu', { indicator: '地区生产总值', source: 'Liushenwuzhu-Alpaca/province-economy' }, 'gdp', '亿元', 'nbs_province_indicators_long 地区生产总值 (Liushenwuzhu)'),
  nbsLong('nbs-long-revenue', { indicator: '地方一般公共预算收入' }, 'gpb_revenue', '亿元'),
  nbsLong('nbs-long-expenditure-total', { indicator: '地方一般公共预算支出' }, 'gpb_expenditure', '亿元'),
  nbsLong('nbs-long-population', { indicator: '年末常住人口' }, 'population', '万人'),
  {
    id: 'nbs-wide-fiscal-100m',
    file: `${EXPORTS}/nbs_province_wide_2006_2024.csv`,
    args: ['--kind', 'capacity', '--unit', '亿元', '--map', 'gdp=gdp_100m_yuan', '--map', 'gpb_revenue=lgpb_revenue_100m_yuan', '--map', 'gpb_expenditure=lgpb_expenditure_100m_yuan'],
    table: 'fiscal',
    sheet: null,
    unit: '亿元',
    read: (p) => {
      const rows = csvRows(p);
      const col = (value: string, key: string) => fromColumns(rows, { region: 'province', year: 'year', value, unit: '亿元', key }, p);
      return [...col('gdp_100m_yuan', 'gdp'), ...col('lgpb_revenue_100m_yuan', 'gpb_revenue'), ...col('lgpb_expenditure_100m_yuan', 'gpb_expenditure')];
    },
  },
  {
    id: 'nbs-wide-population',
    file: `${EXPORTS}/nbs_province_wide_2006_2024.csv`,
    args: ['--kind', 'capacity', '--unit', '万人', '--map', 'population=population_year_end_10k'],
    table: 'fiscal',
    sheet: null,
    unit: '万人',
    read: (p) => fromColumns(csvRows(p), { region: 'province', year: 'year', value: 'population_year_end_10k', unit: '万人', key: 'population' }, p),
  },
  {
    id: 'beijing-long-education',
    file: `${EXPORTS}/beijing_lgpb_expenditure_by_function_2016_2024_long.csv`,
    args: ['--kind', 'expenditure', '--where', 'indicator=地方财政教育支出'],
    table: 'expenditure',
    sheet: null,
    unit: '亿元',
    basis: 'mof_205',
    read: (p) => fromColumns(csvRows(p), { region: 'province', year: 'year', value: 'value', unit: { column: 'unit' }, where: { indicator: '地方财政教育支出' }, key: EDU }, p),
  },
  {
    id: 'beijing-long-total',
    file: `${EXPORTS}/beijing_lgpb_expenditure_by_function_2016_2024_long.csv`,
    args: ['--kind', 'capacity', '--where', 'indicator=地方财政一般公共预算支出', '--map', 'gpb_expenditure=value'],
    table: 'fiscal',
    sheet: null,
    unit: '亿元',
    read: (p) => fromColumns(csvRows(p), { region: 'province', year: 'year', value: 'value', unit: { column: 'unit' }, where: { indicator: '地方财政一般公共预算支出' }, key: 'gpb_expenditure' }, p),
  },

  // ---- csy_local_budget_expenditure_2010_2023: derived CSVs
  {
    id: 'csy-long-education',
    file: `${CSY}/local_gpb_expenditure_long_2010_2023.csv`,
    args: ['--kind', 'expenditure', '--where', 'chn_block4=教育'],
    table: 'expenditure',
    sheet: null,
    unit: '亿元',
    basis: 'mof_205',
    read: (p) => fromColumns(csvRows(p), { region: 'province', year: 'year', value: 'value', unit: { column: 'units' }, where: { chn_block4: '教育' }, key: EDU }, p),
  },
  {
    id: 'csy-long-total',
    file: `${CSY}/local_gpb_expenditure_long_2010_2023.csv`,
    args: ['--kind', 'capacity', '--where', 'chn_block4=合计', '--map', 'gpb_expenditure=value'],
    table: 'fiscal',
    sheet: null,
    unit: '亿元',
    read: (p) => fromColumns(csvRows(p), { region: 'province', year: 'year', value: 'value', unit: { column: 'units' }, where: { chn_block4: '合计' }, key: 'gpb_expenditure' }, p),
  },
  {
    id: 'csy-wide-education',
    file: `${CSY}/local_gpb_expenditure_wide_2010_2023.csv`,
    args: ['--kind', 'expenditure', '--unit', '亿元', '--map', 'amount=lgpb_edu_expenditure_100m_yuan'],
    table: 'expenditure',
    sheet: null,
    unit: '亿元',
    basis: 'mof_205',
    read: (p) => fromColumns(csvRows(p), { region: 'province', year: 'year', value: 'lgpb_edu_expenditure_100m_yuan', unit: '亿元', key: EDU }, p),
  },
  {
    id: 'csy-wide-total',
    file: `${CSY}/local_gpb_expenditure_wide_2010_2023.csv`,
    args: ['--kind', 'capacity', '--unit', '亿元', '--map', 'gpb_expenditure=lgpb_expenditure_total_100m_yuan'],
    table: 'fiscal',
    sheet: null,
    unit: '亿元',
    read: (p) => fromColumns(csvRows(p), { region: 'province', year: 'year', value: 'lgpb_expenditure_total_100m_yuan', unit: '亿元', key: 'gpb_expenditure' }, p),
  },
  {
    id: 'csy-by-function-education',
    file: `${CSY}/csy_table7-6_expenditure_by_function_2019_2023_long.csv`,
    args: ['--kind', 'expenditure', '--where', 'item=教育支出', '--map', 'amount=value_100m_yuan', '--unit', '亿元'],
    table: 'expenditure',
    sheet: null,
    unit: '亿元',
    basis: 'mof_205',
    read: (p) => fromColumns(csvRows(p), { region: 'province', year: 'year', value: 'value_100m_yuan', unit: '亿元', where: { item: '教育支出' }, key: EDU }, p),
  },
  {
    id: 'csy-by-function-total',
    file: `${CSY}/csy_table7-6_expenditure_by_function_2019_2023_long.csv`,
    args: ['--kind', 'capacity', '--where', 'item=地方一般公共预算支出', '--map', 'gpb_expenditure=value_100m_yuan', '--unit', '亿元'],
    table: 'fiscal',
    sheet: null,
    unit: '亿元',
    read: (p) => fromColumns(csvRows(p), { region: 'province', year: 'year', value: 'value_100m_yuan', unit: '亿元', where: { item: '地方一般公共预算支出' }, key: 'gpb_expenditure' }, p),
  },
  {
    id: 'csy-7-5-long-revenue',
    file: `${CSY}/csy_table7-5_revenue_by_item_2019_long.csv`,
    args: ['--kind', 'capacity', '--where', 'item=地方一般公共预算收入', '--map', 'gpb_revenue=value_100m_yuan', '--unit', '亿元'],
    table: 'fiscal',
    sheet: null,
    unit: '亿元',
    read: (p) => fromColumns(csvRows(p), { region: 'province', year: 'year', value: 'value_100m_yuan', unit: '亿元', where: { item: '地方一般公共预算收入' }, key: 'gpb_revenue' }, p),
  },
  {
    id: 'csy-7-5-long-tax',
    file: `${CSY}/csy_table7-5_revenue_by_item_2019_long.csv`,
    args: ['--kind', 'capacity', '--where', 'item=税收收入', '--map', 'tax_revenue=value_100m_yuan', '--unit', '亿元'],
    table: 'fiscal',
    sheet: null,
    unit: '亿元',
    read: (p) => fromColumns(csvRows(p), { region: 'province', year: 'year', value: 'value_100m_yuan', unit: '亿元', where: { item: '税收收入' }, key: 'tax_revenue' }, p),
  },

  // ---- csy_local_budget_expenditure_2010_2023/original_yearbook_tables: the yearbook sheets
  // (2022 and 2023 share the 2019 file's header shape: once F6 is fixed they may also meet F3)
  yearbook76(2019, '1-2', 'expenditure'),
  yearbook76(2020, 'raw-2020-base', 'expenditure'),
  yearbook76(2021, 'Sheet1', 'expenditure'),
  yearbook76(2022, '1-2', 'expenditure'),
  yearbook76(2023, '1-2', 'expenditure'),
  yearbook76(2019, '1-2', 'capacity'),
  yearbook76(2020, 'raw-2020-base', 'capacity'),
  yearbook76(2021, 'Sheet1', 'capacity'),
  yearbook76(2022, '1-2', 'capacity'),
  yearbook76(2023, '1-2', 'capacity'),
  {
    id: 'yearbook-7-5-2019-revenue',
    file: `${CSY}/original_yearbook_tables/csy_table7-5_general_public_budget_revenue_by_region_2019.xls`,
    args: ['--kind', 'capacity'],
    table: 'fiscal',
    sheet: '1-3',
    unit: '亿元',
    read: async (p) => {
      const sheet = '1-3';
      const revenue = await yearbookTable(p, { sheet, column: /^地方一般公共预算收入/, unit: '亿元', key: 'gpb_revenue' }, p);
      const tax = await yearbookTable(p, { sheet, column: /^税收收入/, unit: '亿元', key: 'tax_revenue' }, p);
      if (revenue.year !== 2019) throw new Error(`${p}: title year ${revenue.year}`);
      return [...revenue.values, ...tax.values];
    },
    
  },

  // ---- csy_local_budget_expenditure_2010_2023/original_tidy_xlsx: the package author's tidy files
  ...YEARS_2010_2023.map((y) => tidyXlsx(y, 'expenditure')),
  ...YEARS_2010_2023.map((y) => tidyXlsx(y, 'capacity')),

  // Last: it stores an unrequested GDP series in 万元 (F8), which would skew the unit-magnitude check
  // of any GDP import after it.
  panelWide('panel-wide-fiscal-edu-funds', ['--kind', 'capacity', '--unit', '万元', '--map', 'fiscal_edu_funds=edu_funding_state_fiscal_10k_yuan'], 'fiscal', '万元', { fiscal_edu_funds: 'edu_funding_state_fiscal_10k_yuan' }),
];
