// How a table's columns become facts. A mapping is plain data: shown in the wizard, saved per file
// shape, stored with the dataset it produced, and given on the command line as FIELD=COLUMN pairs.
import type { LevelCode } from '../levels';
import type { ImportKind } from './kinds';
import type { Unit } from './units';

export type FieldSource = { column: number } | { constant: string };

/** One column of values and the key parts it fixes (a year column, a level column …). */
export type ValueBinding = { column: number; field: string; year?: number; level?: LevelCode; unit?: Unit };

export type RowFilter = { column: number; equals: string };

export type Mapping = {
  kind: ImportKind;
  sheet: string;
  headerRows: number[];
  dataStart: number;
  /** Header label per column, as analysed (for messages and the saved-shape check). */
  columns: string[];
  /** Key and attribute fields: region, year, level, func_code, measure, unit (a unit column) … */
  fields: Record<string, FieldSource>;
  values: ValueBinding[];
  filters: RowFilter[];
  /** The unit declared by the user; overrides units read from headers. */
  declaredUnit?: Unit;
};

/** The text a file's shape is recognised by: kind plus the normalised header. */
export function shapeKey(kind: ImportKind, columns: readonly string[]): string {
  return `${kind}\u0001${columns.join('\u0001')}`;
}

/** Canonical JSON (sorted keys) so equal mappings hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
