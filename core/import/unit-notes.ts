// What the unit choices of an import leave unsaid otherwise: a --unit that overrides the unit the
// header prints, and a second column of the same measure in another unit that is not imported
// (教育支出(万元) imported, 教育支出(亿元) beside it left out) — both said in the preview.
import { KIND_FIELDS, type ImportKind } from './kinds';
import type { Mapping } from './mapping';
import { UNIT_FACTOR, unitInText } from './units';

export function unitNotes(kind: ImportKind, mapping: Mapping, declared: string | undefined): string[] {
  const notes: string[] = [];
  if (declared) {
    const overridden = mapping.values.filter((v) => {
      const printed = unitInText(mapping.columns[v.column] ?? '');
      return printed !== undefined && printed !== declared;
    });
    for (const v of overridden) {
      const label = mapping.columns[v.column] ?? `#${v.column + 1}`;
      notes.push(`--unit ${declared} 取代了表头所印单位：列「${label}」印为 ${unitInText(label)}，按 ${declared} 读取 / --unit ${declared} overrides the header's unit ${unitInText(label)} in column ${label}`);
    }
  }
  const valueKinds = new Set(KIND_FIELDS[kind].filter((f) => f.role === 'value').map((f) => f.valueKind));
  const used = new Set([...mapping.values.map((v) => v.column), ...Object.values(mapping.fields).flatMap((f) => ('column' in f ? [f.column] : []))]);
  const usedUnits = new Set(mapping.values.map((v) => unitInText(mapping.columns[v.column] ?? '') ?? v.unit));
  if (kind === 'capacity' || mapping.values.length === 0) return notes;
  mapping.columns.forEach((label, i) => {
    if (used.has(i) || label === '') return;
    const unit = unitInText(label);
    if (!unit || unit === '%' || usedUnits.has(unit) || !valueKinds.has(UNIT_FACTOR[unit].kind)) return;
    notes.push(`列「${label}」（单位 ${unit}）也是${UNIT_FACTOR[unit].kind === 'count' ? '人数' : '金额'}列，未导入；如需导入它请用 --map 指定 / column ${label} (${unit}) is another ${UNIT_FACTOR[unit].kind === 'count' ? 'count' : 'amount'} column and is not imported; map it to import it`);
  });
  return notes;
}
