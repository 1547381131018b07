// Rows of reference tables — funding standards, region lists, region-code changes — checked and
// turned into records. These tables are small; each row is one record.
import { isLevelCode } from '../levels';
import { parseDecimal, scaleExact } from '../money/decimal';
import { impliedParent, isRegionCode, levelOfCode } from '../regions/gbt2260';
import type { Cell, RawRow } from './cells';
import { parseLevel } from './interpret';
import { isNoteRow } from './layout';
import type { Mapping } from './mapping';
import { cellText, compact, parseNumberCell } from './normalise';
import { clipValue, type Problem, type ProblemCode } from './problems';
import { UNIT_FACTOR } from './units';
import { startsLikeFormula } from '../security/csv-cell';

export type StandardRecord = { row: number; level: string; component: string; regionClass: string; value: bigint; valueUnit: 'fen_per_pupil_year' | 'pupils'; effectiveFrom: string; effectiveTo: string | null; legalRef: string; sourceUrl: string | null };
export type RegionRecord = { row: number; code: string; name: string; shortName: string; level: 'province' | 'prefecture' | 'county'; parentCode: string | null; devTier: number | null };
export type ChangeRecord = { row: number; oldCode: string; newCode: string; date: string; kind: string; share: number };
export type ReferenceRecord = { kind: 'standard'; record: StandardRecord } | { kind: 'regions'; record: RegionRecord } | { kind: 'region-changes'; record: ChangeRecord };

const COMPONENTS = new Set(['public_funds_base', 'boarding_topup', 'special_ed_public_funds', 'small_school_min_pupils', 'heating', 'living_subsidy_boarder', 'living_subsidy_nonboarder', 'per_student_appropriation']);
const REGION_CLASS = /^(national|east|central_west|tier[1-5]|[1-9]\d0000)$/;
const CHANGE_KINDS = new Set(['recode', 'county_to_district', 'county_to_city', 'merge', 'split', 'boundary']);
const CHANGE_ZH: Record<string, string> = { 撤县设区: 'county_to_district', 撤县设市: 'county_to_city', 代码变更: 'recode', 合并: 'merge', 拆分: 'split', 边界调整: 'boundary' };

export function isoDate(c: Cell): string | undefined {
  const t = compact(cellText(c)).replace(/[年月/.]/g, '-').replace(/日$/, '');
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function shortName(name: string): string {
  return name.replace(/(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|地区|省|市|盟|区|县|旗)$/, '') || name;
}

export function createReferenceInterpreter(mapping: Mapping, ctx: { file: string; sheet: string | null }) {
  const col = (field: string): number | null => {
    const s = mapping.fields[field] ?? (mapping.values.find((v) => v.field === field) ? { column: mapping.values.find((v) => v.field === field)!.column } : undefined);
    return s && 'column' in s ? s.column : null;
  };
  const get = (cells: readonly Cell[], field: string): Cell => {
    const s = mapping.fields[field];
    if (s && 'constant' in s) return s.constant;
    const c = col(field);
    return c === null ? null : (cells[c] ?? null);
  };
  const problem = (code: ProblemCode, row: number, field: string, value: unknown, expected: string): Problem => {
    const c = col(field);
    return { code, severity: 'error', file: ctx.file, sheet: ctx.sheet, row, column: c === null ? field : mapping.columns[c] || `#${c + 1}`, value: clipValue(value), expected };
  };
  let ended = false;

  function row(r: RawRow): { records: ReferenceRecord[]; problems: Problem[] } {
    const problems: Problem[] = [];
    const cells = r.cells;
    if (cells.every((c) => c === null || String(c).trim() === '')) return { records: [], problems };
    if (isNoteRow(cells)) {
      ended = true;
      return { records: [], problems };
    }
    if (ended) return { records: [], problems };
    const text = (f: string) => cellText(get(cells, f));
    switch (mapping.kind) {
      case 'standard': {
        const level = parseLevel(text('level'));
        if (!level || level === 'all' || !isLevelCode(level)) problems.push(problem('level_unknown', r.n, 'level', text('level'), '应为学段 / an education level'));
        const component = text('component');
        if (!COMPONENTS.has(component)) problems.push(problem('field_invalid', r.n, 'component', component, `应为 ${[...COMPONENTS].join('/')} 之一`));
        const regionClass = text('region_class') || 'national';
        if (!REGION_CLASS.test(regionClass)) problems.push(problem('field_invalid', r.n, 'region_class', regionClass, '应为 national/east/central_west/tier1…tier5 或省级代码 / a region class'));
        const amount = parseNumberCell(get(cells, 'amount'));
        let value = 0n;
        const pupils = component === 'small_school_min_pupils';
        if (amount.kind !== 'number') problems.push(problem('value_not_number', r.n, 'amount', text('amount'), '应为数字 / a number'));
        else {
          const d = parseDecimal(amount.decimal);
          const scaled = d.ok ? scaleExact(d.value, d.scale, pupils ? 1n : UNIT_FACTOR['元'].factor) : undefined;
          if (!scaled?.ok) problems.push(problem(pupils ? 'value_fractional_count' : 'value_too_precise', r.n, 'amount', amount.decimal, pupils ? '人数应为整数' : '金额最多两位小数（元）'));
          else if (scaled.value < 0n) problems.push(problem('value_negative', r.n, 'amount', amount.decimal, '不应为负'));
          else value = scaled.value;
        }
        const from = isoDate(get(cells, 'effective_from'));
        if (!from) problems.push(problem('date_invalid', r.n, 'effective_from', text('effective_from'), '应为日期 YYYY-MM-DD / a date'));
        const toText = text('effective_to');
        const to = toText === '' ? null : (isoDate(get(cells, 'effective_to')) ?? undefined);
        if (to === undefined) problems.push(problem('date_invalid', r.n, 'effective_to', toText, '应为日期 YYYY-MM-DD 或留空'));
        if (from && to && to <= from) problems.push(problem('date_invalid', r.n, 'effective_to', toText, '终止日期应晚于起始日期 / after the start date'));
        const legalRef = text('legal_ref');
        if (!legalRef) problems.push(problem('header_missing_field', r.n, 'legal_ref', '', '每条标准须注明依据（文件名称与文号）/ a legal reference'));
        if (problems.length) return { records: [], problems };
        return {
          records: [{ kind: 'standard', record: { row: r.n, level: level!, component, regionClass, value, valueUnit: pupils ? 'pupils' : 'fen_per_pupil_year', effectiveFrom: from!, effectiveTo: to ?? null, legalRef, sourceUrl: text('source_url') || null } }],
          problems,
        };
      }
      case 'regions': {
        const code = compact(text('code'));
        const name = text('name');
        if (!isRegionCode(code)) problems.push(problem('region_unknown', r.n, 'code', code, '应为六位GB/T 2260代码 / a six-digit code'));
        if (!name) problems.push(problem('field_invalid', r.n, 'name', name, '名称不能为空 / a name'));
        else if (startsLikeFormula(name)) problems.push(problem('field_invalid', r.n, 'name', name, '名称不能以 = + - @ 开头（电子表格会当作公式执行）/ a name that does not start with = + - @ (spreadsheets would run it as a formula)'));
        const parentText = compact(text('parent'));
        if (parentText && !isRegionCode(parentText)) problems.push(problem('region_unknown', r.n, 'parent', parentText, '上级代码应为六位代码'));
        const tierText = text('dev_tier');
        const tier = tierText === '' ? null : Number(tierText);
        if (tier !== null && !(Number.isInteger(tier) && tier >= 1 && tier <= 5)) problems.push(problem('field_invalid', r.n, 'dev_tier', tierText, '发展档次应为1–5的整数'));
        if (problems.length) return { records: [], problems };
        return { records: [{ kind: 'regions', record: { row: r.n, code, name, shortName: shortName(name), level: levelOfCode(code), parentCode: parentText || impliedParent(code), devTier: tier } }], problems };
      }
      case 'region-changes': {
        const oldCode = compact(text('old_code'));
        const newCode = compact(text('new_code'));
        if (!isRegionCode(oldCode)) problems.push(problem('region_unknown', r.n, 'old_code', oldCode, '应为六位代码'));
        if (!isRegionCode(newCode)) problems.push(problem('region_unknown', r.n, 'new_code', newCode, '应为六位代码'));
        const date = isoDate(get(cells, 'date'));
        if (!date) problems.push(problem('date_invalid', r.n, 'date', text('date'), '应为日期 YYYY-MM-DD'));
        const kindText = text('change_kind') || 'recode';
        const kind = CHANGE_ZH[kindText] ?? kindText;
        if (!CHANGE_KINDS.has(kind)) problems.push(problem('field_invalid', r.n, 'change_kind', kindText, `应为 ${[...CHANGE_KINDS].join('/')} 或 撤县设区/撤县设市/合并/拆分/边界调整`));
        const shareText = text('share');
        const share = shareText === '' ? 1 : Number(shareText);
        if (!(share > 0 && share <= 1)) problems.push(problem('field_invalid', r.n, 'share', shareText, '划转比例应在0–1之间 / a share in (0, 1]'));
        if (problems.length) return { records: [], problems };
        return { records: [{ kind: 'region-changes', record: { row: r.n, oldCode, newCode, date: date!, kind, share } }], problems };
      }
      default:
        return { records: [], problems };
    }
  }
  return { row };
}
