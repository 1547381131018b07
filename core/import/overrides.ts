// `--map FIELD=COLUMN` and `--where COLUMN=VALUE` applied to a suggested mapping.
//   COLUMN: the header text (as printed or normalised), a column letter (A, B … AA) or #N (1-based)
//   FIELD==VALUE   a constant, e.g. level==primary or year==2019
//   FIELD=@years   every year column of a wide table (NBS exports: years across the top)
import { fieldSpec, levelFromText, type ImportKind } from './kinds';
import type { Layout } from './layout';
import { headerLabel } from './layout';
import type { Mapping, ValueBinding } from './mapping';
import { compact } from './normalise';
import { unitInText, type Unit } from './units';

export type OverrideError = { option: string; message: string };

function columnLetterIndex(s: string): number | undefined {
  if (!/^[A-Z]{1,3}$/.test(s)) return undefined;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function findColumnByRef(columns: readonly string[], ref: string): number | undefined {
  const hash = /^#(\d+)$/.exec(ref);
  if (hash) {
    const i = Number(hash[1]) - 1;
    return i >= 0 && i < columns.length ? i : undefined;
  }
  const wanted = headerLabel([ref]);
  const exact = columns.findIndex((c) => c === wanted || compact(c) === compact(ref));
  if (exact >= 0) return exact;
  const letter = columnLetterIndex(ref);
  if (letter !== undefined && letter < columns.length) return letter;
  return undefined;
}

export function applyOverrides(base: Mapping, layout: Layout, maps: readonly string[], wheres: readonly string[], declaredUnit: Unit | undefined): { mapping: Mapping; errors: OverrideError[] } {
  const mapping: Mapping = { ...base, fields: { ...base.fields }, values: [...base.values], filters: [...base.filters] };
  const errors: OverrideError[] = [];
  const kind: ImportKind = base.kind;
  const replaced = new Set<string>();
  for (const option of maps) {
    const eq = option.indexOf('=');
    if (eq <= 0) {
      errors.push({ option, message: `--map 应写作 FIELD=COLUMN / expected FIELD=COLUMN, got "${option}"` });
      continue;
    }
    const field = option.slice(0, eq).trim();
    const target = option.slice(eq + 1);
    const spec = fieldSpec(kind, field) ?? (field === 'unit' ? { role: 'key' as const } : undefined);
    if (!spec) {
      errors.push({ option, message: `“${field}”不是 ${kind} 导入的字段 / "${field}" is not a field of a ${kind} import` });
      continue;
    }
    if (spec.role === 'value') {
      // Mapping any value column by hand means: these columns, and none the suggestion added
      // (a suggested GDP column must not ride along with --map population=…, nor take its --unit).
      if (replaced.size === 0) mapping.values = [];
      replaced.add(field);
      if (target === '@years') {
        if (!layout.yearColumns.length) errors.push({ option, message: '表头中没有年份列 / the header has no year columns' });
        for (const y of layout.yearColumns) mapping.values.push({ column: y.column, field, year: y.year });
        continue;
      }
      const col = findColumnByRef(layout.columns, target);
      if (col === undefined) {
        errors.push({ option, message: `找不到列「${target}」；表头为：${layout.columns.filter(Boolean).join('、')} / no column "${target}"` });
        continue;
      }
      const binding: ValueBinding = { column: col, field };
      const u = unitInText(layout.columns[col] ?? '') ?? layout.unit;
      if (u) binding.unit = u;
      // A students column names its level ("普通高等学校在校学生数") as the suggestion reads it.
      const level = field === 'students' ? levelFromText(layout.columns[col] ?? '') : undefined;
      if (level) binding.level = level;
      mapping.values.push(binding);
    } else if (target.startsWith('=')) {
      mapping.fields[field] = { constant: target.slice(1) };
    } else {
      const col = findColumnByRef(layout.columns, target);
      if (col === undefined) errors.push({ option, message: `找不到列「${target}」；表头为：${layout.columns.filter(Boolean).join('、')} / no column "${target}"` });
      else mapping.fields[field] = { column: col };
    }
  }
  for (const option of wheres) {
    const eq = option.indexOf('=');
    const col = eq > 0 ? findColumnByRef(layout.columns, option.slice(0, eq)) : undefined;
    if (col === undefined) errors.push({ option, message: `--where 应写作 COLUMN=VALUE，且列须在表头中 / expected COLUMN=VALUE with a column of the header` });
    else mapping.filters.push({ column: col, equals: option.slice(eq + 1) });
  }
  if (declaredUnit) {
    mapping.declaredUnit = declaredUnit;
    mapping.values = mapping.values.map((v) => ({ ...v, unit: declaredUnit }));
  }
  return { mapping, errors };
}
