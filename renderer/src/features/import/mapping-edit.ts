// The mapping step of the wizard as data: which field each column of the file is bound to, fixed
// values for key fields, and how an edit becomes `map` strings for the engine
// (core/import/overrides.ts): FIELD=#N (1-based column), FIELD==CONSTANT, FIELD=@years.
//
// The engine applies `map` on top of its own suggestion, field by field: naming a value field
// replaces all of its columns, naming a key field rebinds it. So the wizard sends only the fields
// the user changed (plus those changed in earlier rounds), and every other field keeps the
// engine's binding exactly — including the years and levels it read from the header.
import { CAPACITY_INDICATORS, KIND_FIELDS, type FieldSpec, type ImportKind } from '../../../../core/import/kinds';
import { parseYear } from '../../../../core/import/normalise';
import type { ImportOutcome } from '../../../../core/import/request';

export type OutcomeMapping = NonNullable<ImportOutcome['mapping']>;

/** The user's mapping: a field (or null) per column, and constants for key fields. */
export type Draft = { columns: (string | null)[]; constants: Record<string, string> };

/** A field the user can bind a column to ('unit' is a unit column: 万元/亿元 per row). */
export type FieldChoice = { name: string; zh: string; role: FieldSpec['role'] };

const REFERENCE_KINDS: readonly ImportKind[] = ['standard', 'regions', 'region-changes'];

export function fieldChoices(kind: ImportKind): FieldChoice[] {
  const fields: FieldChoice[] = KIND_FIELDS[kind].map((f) => ({ name: f.name, zh: f.zh, role: f.role }));
  if (!REFERENCE_KINDS.includes(kind)) fields.push({ name: 'unit', zh: '单位列', role: 'attribute' });
  return fields;
}

export function isValueField(kind: ImportKind, field: string): boolean {
  if (kind === 'capacity' && field in CAPACITY_INDICATORS) return true;
  return KIND_FIELDS[kind].some((f) => f.name === field && f.role === 'value');
}

/** Year columns of a wide table: the engine bound them with a year, or the header is a year. */
export function yearColumns(m: OutcomeMapping): Set<number> {
  const out = new Set(m.values.filter((v) => v.year !== undefined).map((v) => v.column));
  m.columns.forEach((c, i) => {
    if (parseYear(c) !== undefined) out.add(i);
  });
  return out;
}

export function draftFromMapping(m: OutcomeMapping): Draft {
  const columns: (string | null)[] = m.columns.map(() => null);
  const constants: Record<string, string> = {};
  for (const [field, src] of Object.entries(m.fields)) {
    if ('column' in src) {
      if (src.column >= 0 && src.column < columns.length) columns[src.column] = field;
    } else constants[field] = src.constant;
  }
  for (const v of m.values) if (v.column >= 0 && v.column < columns.length) columns[v.column] = v.field;
  return { columns, constants };
}

/**
 * Bind a column to a field (or to nothing). A key field sits in one column only, so it leaves any
 * other column and drops its constant. Year columns of a wide table move together: they hold one
 * indicator across the years, and the engine binds them as one (FIELD=@years).
 */
export function chooseField(kind: ImportKind, m: OutcomeMapping, draft: Draft, column: number, field: string | null): Draft {
  const years = yearColumns(m);
  const columns = [...draft.columns];
  const constants = { ...draft.constants };
  const targets = years.has(column) && (field === null || isValueField(kind, field)) ? [...years] : [column];
  if (field !== null && !isValueField(kind, field)) {
    columns.forEach((f, i) => {
      if (f === field) columns[i] = null;
    });
    delete constants[field];
  }
  for (const i of targets) columns[i] = field;
  return { columns, constants };
}

/** A fixed value for a key field (year==2019, level==primary); '' removes it. */
export function setConstant(draft: Draft, field: string, value: string): Draft {
  const constants = { ...draft.constants };
  const v = value.trim();
  if (v) constants[field] = v;
  else delete constants[field];
  const columns = v ? draft.columns.map((f) => (f === field ? null : f)) : draft.columns;
  return { columns, constants };
}

/** A comparable text of how a field is bound: columns (sorted), a constant, or nothing. */
function bindingOf(kind: ImportKind, columnFields: readonly (string | null)[], constants: Record<string, string>, field: string): string {
  const cols = columnFields.flatMap((f, i) => (f === field ? [i] : []));
  if (cols.length) return `c:${cols.join(',')}`;
  if (!isValueField(kind, field) && field in constants) return `k:${constants[field]}`;
  return '';
}

function fieldOfMap(s: string): string {
  return s.slice(0, Math.max(0, s.indexOf('='))).trim();
}

/** The map strings that bind `field` as the draft says; [] when the draft leaves it unbound. */
function serialise(kind: ImportKind, m: OutcomeMapping, draft: Draft, field: string): string[] {
  const cols = draft.columns.flatMap((f, i) => (f === field ? [i] : []));
  if (isValueField(kind, field)) {
    const years = yearColumns(m);
    const wide = cols.some((i) => years.has(i));
    return [...(wide ? [`${field}=@years`] : []), ...cols.filter((i) => !years.has(i)).map((i) => `${field}=#${i + 1}`)];
  }
  if (cols.length) return [`${field}=#${cols[0]! + 1}`];
  if (field in draft.constants) return [`${field}==${draft.constants[field]}`];
  return [];
}

export type MapResult = {
  map: string[];
  /** Fields the user unbound that the engine's `map` cannot unbind (they keep the engine's binding). */
  cannotUnbind: string[];
};

/**
 * The `map` to send: the strings of the previous round for fields not touched now, and fresh
 * strings for every field whose binding in the draft differs from the mapping the engine showed.
 */
export function mapStrings(kind: ImportKind, m: OutcomeMapping, draft: Draft, previous: readonly string[]): MapResult {
  const shown = draftFromMapping(m);
  const fields = new Set<string>([...shown.columns, ...draft.columns].filter((f): f is string => f !== null));
  for (const f of [...Object.keys(shown.constants), ...Object.keys(draft.constants)]) fields.add(f);
  const changed = [...fields].filter((f) => bindingOf(kind, shown.columns, shown.constants, f) !== bindingOf(kind, draft.columns, draft.constants, f));
  const changedSet = new Set(changed);
  const kept = previous.filter((s) => !changedSet.has(fieldOfMap(s)));
  const fresh: string[] = [];
  const cannotUnbind: string[] = [];
  for (const f of changed) {
    const strings = serialise(kind, m, draft, f);
    if (strings.length === 0) cannotUnbind.push(f);
    fresh.push(...strings);
  }
  return { map: [...kept, ...fresh], cannotUnbind };
}

/** How the engine bound a column, for display: field plus the year/level/unit it read. */
export function bindingOfColumn(m: OutcomeMapping, column: number): { field: string; year?: number; level?: string; unit?: string } | null {
  const v = m.values.find((b) => b.column === column);
  if (v) return { field: v.field, ...(v.year !== undefined ? { year: v.year } : {}), ...(v.level !== undefined ? { level: v.level } : {}), ...(v.unit !== undefined ? { unit: v.unit } : {}) };
  const key = Object.entries(m.fields).find(([, src]) => 'column' in src && src.column === column);
  return key ? { field: key[0] } : null;
}
