// An exceljs cell as a reader Cell: numbers exactly as stored, text as written (rich text and
// hyperlinks flattened to their text), dates as ISO text, booleans 'TRUE'/'FALSE', errors as their
// text, empty as null. Used by both the in-memory and the streamed .xlsx paths.
import ExcelJS from 'exceljs';
import type { Cell as XCell, Row as XRow } from 'exceljs';
import type { Cell, CellFlag } from '../../../core/import/cells';
import { isoFromUtcDate } from './sheet';

/** Returned for a formula cell that has no cached result (the importer must refuse the cell). */
export const NO_RESULT = Symbol('formula without cached value');

type Plain = Cell | typeof NO_RESULT;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function richText(v: unknown): string | null {
  if (!isRecord(v) || !Array.isArray(v.richText)) return null;
  return v.richText.map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : '')).join('');
}

/** Any value exceljs may hold (cell value or formula result) as a Cell. */
export function plainValue(v: unknown): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    // The streaming reader parses every formula result as a number: an error (#DIV/0!) or boolean
    // result arrives as NaN. Say it is an error rather than invent a number.
    // A stored value past the double range (1e309) arrives as Infinity: no amount, so it is kept
    // as text and reported as "not a number" where it is used (found by fuzzing).
    return Number.isNaN(v) ? '#ERROR!' : Number.isFinite(v) ? v : String(v);
  }
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isoFromUtcDate(v);
  if (!isRecord(v)) return String(v);
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? NO_RESULT : plainValue(v.result);
  const rich = richText(v);
  if (rich !== null) return rich === '' ? null : rich;
  if ('error' in v) return typeof v.error === 'string' ? v.error : String(v.error);
  if ('text' in v) return plainValue(v.text); // hyperlink: {text, hyperlink}; text may be rich
  return null;
}

export function plainCell(cell: XCell): Plain {
  if (cell.type === ExcelJS.ValueType.Merge) return null; // exceljs repeats the master's value here
  return plainValue(cell.value);
}

/** The formula text of a cell value, if it is a formula (own or shared). */
function formulaOf(v: unknown): string | null {
  if (!isRecord(v)) return null;
  if (typeof v.formula === 'string') return v.formula;
  if (typeof v.sharedFormula === 'string') return v.sharedFormula;
  return 'formula' in v || 'sharedFormula' in v ? '' : null;
}

/**
 * A reference into another workbook: Excel stores it as [n]Sheet!A1 (n indexes xl/externalLinks)
 * or, when written by hand, '[Book.xlsx]Sheet'!A1 or a path.
 */
export const EXTERNAL_REF = /\[[^\]]+\][^!]*!|'[^']*[\\/][^']*'!/;

export type PlainRow = {
  cells: Cell[];
  /** Columns (0-based) of formulas without a cached value. */
  noResult: number[];
  /** Columns of formulas whose cached value is taken (reported: the value may be stale). */
  formulas: number[];
  /** Columns of formulas that read another workbook. */
  external: number[];
  /** The row is hidden in Excel. */
  hidden: boolean;
};

/** A row's cells (index 0 = column A), and what the importer must report about them. */
export function plainRow(row: XRow): PlainRow {
  const cells: Cell[] = [];
  const noResult: number[] = [];
  const formulas: number[] = [];
  const external: number[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const v = plainCell(cell);
    const f = cell.type === ExcelJS.ValueType.Merge ? null : formulaOf(cell.value);
    if (f !== null) {
      if (EXTERNAL_REF.test(f)) external.push(col - 1);
      else if (v !== NO_RESULT) formulas.push(col - 1);
    }
    if (v === NO_RESULT) noResult.push(col - 1);
    else if (v !== null) {
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = v;
    }
  });
  return { cells, noResult, formulas, external, hidden: row.hidden === true };
}

/** The flags of one row, as the TableSource contract gives them. */
export function rowFlags(n: number, r: PlainRow): CellFlag[] {
  const flags: CellFlag[] = [];
  for (const col of r.noResult) flags.push({ row: n, col, kind: 'formula_without_value' });
  for (const col of r.formulas) flags.push({ row: n, col, kind: 'formula' });
  for (const col of r.external) flags.push({ row: n, col, kind: 'external_link' });
  if (r.hidden && r.cells.length > 0) flags.push({ row: n, col: -1, kind: 'hidden_row' });
  return flags;
}
