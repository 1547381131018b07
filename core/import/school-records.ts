// Rows of the school-level kinds (schools, kindergartens, county certifications, disabled
// children) checked and turned into records, one per row, each problem located by row and column.
// Counties resolve through the same region lookup as every import; areas become dm² and money 分
// exactly (no float ever holds a stored value).
import { parseDecimal, scaleExact } from '../money/decimal';
import type { Cell, RawRow } from './cells';
import type { RegionLookup } from './interpret';
import { isNoteRow } from './layout';
import type { Mapping } from './mapping';
import { cellText, compact, parseNumberCell } from './normalise';
import { clipValue, type Problem, type ProblemCode } from './problems';
import type { SchoolImportKind } from './school-kinds';

export type SchoolRecord = {
  row: number; county: string; year: number; code: string; section: 'primary' | 'junior' | 'senior'; name: string; type: string; locale: 'urban' | 'town' | 'rural'; township: string | null;
  pupils: number; classes: number; qualifiedTeachers: number; keyTeachers: number; peArtTeachers: number; teachingAreaDm2: number; sportsAreaDm2: number; equipmentFen: number; multimediaRooms: number;
  boarders: number; specialEdPupils: number; teachers: number | null; bachelorTeachers: number | null;
};
export type KindergartenRecord = { row: number; county: string; year: number; code: string; name: string; ownership: 'public' | 'inclusive_private' | 'private'; children: number; grade: number | null };
export type AttainmentRecord = { row: number; county: string; year: number; attainment: 'basic_balance' | 'quality_balance' | 'preschool_universal' };
export type InclusionRecord = { row: number; county: string; year: number; eligible: number; enrolled: number };
export type SchoolKindRecord = { kind: 'schools'; record: SchoolRecord } | { kind: 'kindergartens'; record: KindergartenRecord } | { kind: 'county-attainment'; record: AttainmentRecord } | { kind: 'inclusion'; record: InclusionRecord };

const TYPES: Record<string, string> = {
  小学: 'primary', 初级中学: 'junior', 初中: 'junior', 九年一贯制学校: 'nine_year', 九年一贯制: 'nine_year', 十二年一贯制学校: 'twelve_year', 十二年一贯制: 'twelve_year',
  完全中学: 'complete_middle', 教学点: 'teaching_point', 特殊教育学校: 'special', 职业学校: 'vocational', 中等职业学校: 'vocational', 高级中学: 'senior',
};
const SECTIONS: Record<string, SchoolRecord['section']> = { 小学: 'primary', 小学部: 'primary', primary: 'primary', 初中: 'junior', 初中部: 'junior', junior: 'junior', 高中: 'senior', 高中部: 'senior', senior: 'senior' };
const LOCALES: Record<string, SchoolRecord['locale']> = { 城区: 'urban', 镇区: 'town', 乡村: 'rural', urban: 'urban', town: 'town', rural: 'rural' };
const OWNERSHIP: Record<string, KindergartenRecord['ownership']> = { 公办: 'public', 普惠性民办: 'inclusive_private', 普惠民办: 'inclusive_private', 民办: 'private', 非普惠民办: 'private', public: 'public', inclusive_private: 'inclusive_private', private: 'private' };
const ATTAINMENT: Record<string, AttainmentRecord['attainment']> = { 基本均衡: 'basic_balance', 优质均衡: 'quality_balance', 普及普惠: 'preschool_universal', basic_balance: 'basic_balance', quality_balance: 'quality_balance', preschool_universal: 'preschool_universal' };

export function createSchoolInterpreter(kind: SchoolImportKind, mapping: Mapping, ctx: { file: string; sheet: string | null; regions: RegionLookup }) {
  const col = (field: string): number | null => {
    const s = mapping.fields[field];
    if (s && 'column' in s) return s.column;
    return mapping.values.find((v) => v.field === field)?.column ?? null;
  };
  const get = (cells: readonly Cell[], field: string): Cell => {
    const s = mapping.fields[field];
    if (s && 'constant' in s) return s.constant;
    const c = col(field);
    return c === null ? null : (cells[c] ?? null);
  };
  let ended = false;

  function row(r: RawRow): { records: SchoolKindRecord[]; problems: Problem[] } {
    const problems: Problem[] = [];
    const cells = r.cells;
    if (cells.every((c) => c === null || String(c).trim() === '')) return { records: [], problems };
    if (isNoteRow(cells)) ended = true;
    if (ended) return { records: [], problems };
    const problem = (code: ProblemCode, field: string, value: unknown, expected: string): void => {
      const c = col(field);
      problems.push({ code, severity: 'error', file: ctx.file, sheet: ctx.sheet, row: r.n, column: c === null ? field : mapping.columns[c] || `#${c + 1}`, value: clipValue(value), expected });
    };
    const text = (f: string) => compact(cellText(get(cells, f)));
    /** A whole number ≥ 0 scaled by 10^places (0: a count; 2: m² → dm² or 元 → 分). */
    const whole = (f: string, places: 0 | 2, required = true): number | null => {
      const p = parseNumberCell(get(cells, f));
      if (p.kind === 'empty') {
        if (required) problem('field_invalid', f, '', '必填 / required');
        return null;
      }
      if (p.kind !== 'number') {
        problem('value_not_number', f, p.text, '应为数字 / a number');
        return null;
      }
      const d = parseDecimal(p.decimal);
      const s = d.ok ? scaleExact(d.value, d.scale, places === 0 ? 1n : 100n) : undefined;
      if (!s?.ok) {
        problem(places === 0 ? 'value_fractional_count' : 'value_too_precise', f, p.decimal, places === 0 ? '应为整数 / a whole number' : '最多两位小数 / at most two decimals');
        return null;
      }
      if (s.value < 0n) {
        problem('value_negative', f, p.decimal, '不应为负 / not negative');
        return null;
      }
      return Number(s.value);
    };
    const county = (): string | null => {
      const t = text('region');
      const res = t ? ctx.regions.resolve(t) : null;
      if (!res || !res.ok) {
        problem('region_unknown', 'region', t, '应为县级区划名称或六位代码 / a county name or code');
        return null;
      }
      if (res.level !== 'county') {
        problem('region_unknown', 'region', t, `应为县级单位（${res.code} 不是县级）/ a county-level unit`);
        return null;
      }
      return res.code;
    };
    const year = (f = 'year'): number | null => {
      const t = text(f).replace(/年$/, '');
      const y = Number(t);
      if (!/^\d{4}$/.test(t) || y < 1949 || y > 2100) {
        problem('year_invalid', f, t, '四位年份 / a four-digit year');
        return null;
      }
      return y;
    };
    const oneOf = <T,>(f: string, table: Record<string, T>, what: string, required = true): T | null | undefined => {
      const t = text(f);
      if (!t && !required) return undefined;
      const v = table[t];
      if (v === undefined) problem('field_invalid', f, t, `应为 ${what}`);
      return v ?? null;
    };

    const c = county();
    const y = kind === 'county-attainment' ? year('year') : year();
    switch (kind) {
      case 'schools': {
        const code = text('school_code');
        if (!code) problem('field_invalid', 'school_code', '', '学校代码必填 / a school code');
        const name = text('school_name');
        if (!name) problem('field_invalid', 'school_name', '', '学校名称必填 / a name');
        const type = oneOf('school_type', TYPES, Object.keys(TYPES).join('/'));
        const locale = oneOf('locale', LOCALES, '城区/镇区/乡村');
        let section = oneOf('section', SECTIONS, '小学/初中/高中', false);
        if (section === undefined) {
          section = type === 'primary' || type === 'teaching_point' || type === 'special' ? 'primary' : type === 'junior' ? 'junior' : type === 'senior' || type === 'vocational' ? 'senior' : null;
          if (section === null && type) problem('field_invalid', 'section', '', '一贯制学校和完全中学须按学段分行，并填“学段” / one row per section, with 学段');
        }
        const n = {
          pupils: whole('pupils', 0), classes: whole('classes', 0), qualifiedTeachers: whole('qualified_teachers', 0), keyTeachers: whole('key_teachers', 0), peArtTeachers: whole('pe_art_teachers', 0),
          teachingAreaDm2: whole('teaching_area', 2), sportsAreaDm2: whole('sports_area', 2), equipmentFen: whole('equipment_value', 2), multimediaRooms: whole('multimedia_rooms', 0),
        };
        const boarders = whole('boarders', 0, false);
        const special = whole('special_ed_pupils', 0, false);
        const teachers = whole('teachers', 0, false);
        const bachelors = whole('bachelor_teachers', 0, false);
        if (teachers !== null && bachelors !== null && bachelors > teachers) problem('field_invalid', 'bachelor_teachers', bachelors, '不应多于专任教师数 / at most the teachers');
        if (problems.length || c === null || y === null || !type || !locale || !section || Object.values(n).some((v) => v === null)) return { records: [], problems };
        return { records: [{ kind, record: { row: r.n, county: c, year: y, code, section, name, type, locale, township: text('township') || null, ...(n as Record<keyof typeof n, number>), boarders: boarders ?? 0, specialEdPupils: special ?? 0, teachers, bachelorTeachers: bachelors } }], problems };
      }
      case 'kindergartens': {
        const code = text('kg_code');
        if (!code) problem('field_invalid', 'kg_code', '', '幼儿园代码必填');
        const name = text('kg_name');
        if (!name) problem('field_invalid', 'kg_name', '', '幼儿园名称必填');
        const ownership = oneOf('ownership', OWNERSHIP, '公办/普惠性民办/民办');
        const children = whole('children', 0);
        const g = text('grade');
        const grade = g === '' ? null : /^(省)?一类|^1$/.test(g) ? 1 : /^(省)?二类|^2$/.test(g) ? 2 : /^(省)?三类|^3$/.test(g) ? 3 : Number.NaN;
        if (Number.isNaN(grade)) problem('field_invalid', 'grade', g, '省一类/省二类/省三类 或 1/2/3，未评估留空');
        if (problems.length || c === null || y === null || !ownership || children === null) return { records: [], problems };
        return { records: [{ kind, record: { row: r.n, county: c, year: y, code, name, ownership, children, grade } }], problems };
      }
      case 'county-attainment': {
        const attainment = oneOf('attainment', ATTAINMENT, '基本均衡/优质均衡/普及普惠');
        if (problems.length || c === null || y === null || !attainment) return { records: [], problems };
        return { records: [{ kind, record: { row: r.n, county: c, year: y, attainment } }], problems };
      }
      case 'inclusion': {
        const eligible = whole('eligible', 0);
        const enrolled = whole('enrolled', 0);
        if (eligible !== null && enrolled !== null && enrolled > eligible) problem('field_invalid', 'enrolled', enrolled, '在校数不应多于适龄残疾儿童数 / at most the eligible');
        if (problems.length || c === null || y === null || eligible === null || enrolled === null) return { records: [], problems };
        return { records: [{ kind, record: { row: r.n, county: c, year: y, eligible, enrolled } }], problems };
      }
    }
  }
  return { row };
}
