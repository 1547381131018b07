// Legacy .xls (BIFF5/BIFF8, the statistical yearbooks) read with SheetJS (@e965/xlsx), after
// decryption if the file was protected. Values come from the cells as stored: numbers raw, text as
// written (yearbooks keep numbers as text such as "8309.04" and names such as " 北  京"), dates
// told from numbers by their number format.
import * as XLSX from '@e965/xlsx';
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import type { Cell, CellFlag, RawRow } from '../../../core/import/cells';
import { EXPECTED, readerError } from './errors';
import type { FileContext } from './file';
import { checkSheet, consecutive, isoDate, mergeFlags, trimTrailing, workbookSourceBase } from './sheet';
import type { TableSource } from './types';

type DateCode = { y: number; m: number; d: number; H: number; M: number; S: number };
// SheetJS types its number-format helpers as `any`; these are the two we use.
const SSF = XLSX.SSF as { is_date(fmt: string): boolean; parse_date_code(v: number, opts?: { date1904?: boolean }): DateCode | null };

// BIFF error codes, for an error cell without its text
const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

function denseRows(ws: WorkSheet): (CellObject[] | undefined)[] {
  return (ws['!data'] as (CellObject[] | undefined)[] | undefined) ?? [];
}

/** A SheetJS cell as a Cell; undefined for a formula without a cached value. */
function plain(c: CellObject | undefined, date1904: boolean): Cell | undefined {
  if (!c) return null;
  if (c.f !== undefined && c.v === undefined) return undefined;
  switch (c.t) {
    case 'n': {
      const v = c.v as number;
      if (typeof c.z === 'string' && SSF.is_date(c.z)) {
        const d = SSF.parse_date_code(v, { date1904 });
        if (d) return isoDate(d.y, d.m, d.d, d.H, d.M, d.S);
      }
      return v;
    }
    case 's':
      return c.v === '' || c.v === undefined ? null : String(c.v);
    case 'b':
      return c.v ? 'TRUE' : 'FALSE';
    case 'e':
      return c.w ?? ERRORS[c.v as number] ?? '#ERROR!';
    case 'd':
      return c.v instanceof Date ? c.v.toISOString().slice(0, 10) : String(c.v);
    default:
      return null; // 'z': a blank cell that only carries formatting
  }
}

export function openXlsBuffer(buf: Buffer, ctx: FileContext, sha256: string): TableSource {
  let wb: WorkBook;
  try {
    wb = XLSX.read(buf, { type: 'buffer', dense: true, cellFormula: true, cellNF: true, cellHTML: false, cellStyles: false, cellDates: false });
  } catch {
    throw readerError('file_unreadable', ctx.fileName, EXPECTED.corruptXls);
  }
  const sheets = wb.SheetNames.filter((name) => wb.Sheets[name] !== undefined);
  if (sheets.length === 0) throw readerError('file_empty', ctx.fileName, EXPECTED.noSheets);
  if (sheets.every((name) => denseRows(wb.Sheets[name] as WorkSheet).every((r) => !r || r.every((c) => plain(c, false) === null)))) {
    throw readerError('file_empty', ctx.fileName, EXPECTED.allSheetsEmpty);
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  // Hidden (1) and very hidden (2) sheets, by position in the workbook.
  const hiddenSheets = (wb.Workbook?.Sheets ?? []).filter((s) => (s.Hidden ?? 0) > 0 && s.name !== undefined && sheets.includes(s.name)).map((s) => s.name as string);
  let closed = false;

  const sheetOf = (name: string): WorkSheet => {
    if (closed) throw new Error('TableSource is closed');
    checkSheet(name, sheets, ctx.fileName);
    return wb.Sheets[name] as WorkSheet;
  };

  function* sparseRows(ws: WorkSheet): Generator<RawRow> {
    const data = denseRows(ws);
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      const cells: Cell[] = [];
      for (let c = 0; c < row.length; c++) cells.push(plain(row[c], date1904) ?? null);
      yield { n: r + 1, cells: trimTrailing(cells) };
    }
  }

  async function* rowsOf(name: string): AsyncGenerator<RawRow> {
    yield* consecutive(sparseRows(sheetOf(name)), { file: ctx.fileName, sheet: name });
  }

  return {
    ...workbookSourceBase(ctx, 'xls', sha256, sheets, rowsOf),
    hiddenSheets,
    flags: async (name): Promise<CellFlag[]> => {
      const ws = sheetOf(name);
      const data = denseRows(ws);
      const flags: CellFlag[] = [];
      let cols = 0;
      data.forEach((row, r) => {
        if (!row) return;
        cols = Math.max(cols, row.length);
        row.forEach((c, col) => {
          if (plain(c, date1904) === undefined) flags.push({ row: r + 1, col, kind: 'formula_without_value' });
        });
      });
      const ranges = (ws['!merges'] ?? []).map((m) => ({ r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c }));
      return [...flags, ...mergeFlags(ranges, data.length, cols)];
    },
    close: async () => {
      closed = true;
    },
  };
}
