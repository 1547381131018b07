// Pieces every reader shares: the sheet-name check, the row-numbering convention, batching, merged
// ranges as flags, and how a spreadsheet date becomes text.
import type { Cell, CellFlag, RawRow } from '../../../core/import/cells';
import { readerError, sheetNotFound } from './errors';
import type { TableSource } from './types';

export const DEFAULT_BATCH = 4096;

/** The last row of an Excel worksheet (2^20): no spreadsheet program writes or reads past it. */
export const MAX_SHEET_ROWS = 1_048_576;

export function rowBeyondSheet(file: string, sheet: string | null, row: number): Error {
  return readerError('file_unreadable', file, `行号 ${row.toLocaleString('en-US')} 超出工作表上限 ${MAX_SHEET_ROWS.toLocaleString('en-US')} 行，文件不是正常的 Excel 工作簿（可能是人为构造的行炸弹），未导入；请在 Excel 中打开后另存 / row number ${row.toLocaleString('en-US')} is beyond a worksheet's last row (${MAX_SHEET_ROWS.toLocaleString('en-US')}): not a workbook Excel writes (a row bomb?); nothing was imported — open it in Excel and save it again`, { sheet, row });
}

export function checkSheet(sheet: string, sheets: readonly string[], fileName: string): void {
  if (!sheets.includes(sheet)) throw readerError('sheet_not_found', fileName, sheetNotFound(sheets), { sheet, value: sheet });
}

/** Trailing nulls dropped (in place); an all-empty row becomes []. */
export function trimTrailing(cells: Cell[]): Cell[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === null) end--;
  cells.length = end;
  return cells;
}

/**
 * The numbering convention of every reader: rows 1, 2, 3 … up to the last non-empty row, with []
 * for empty rows in between (so `n` always increases by one) and nothing after the last one.
 * `src` yields rows in increasing `n`, with gaps allowed.
 */
export async function* consecutive(src: AsyncIterable<RawRow> | Iterable<RawRow>, where?: { file: string; sheet: string }): AsyncGenerator<RawRow> {
  let next = 1;
  for await (const r of src) {
    // A row numbered past the sheet's last row (a hand-made file, a row bomb) would make this
    // loop fill in billions of empty rows: refused before the first one is made up.
    if (r.n > MAX_SHEET_ROWS) throw rowBeyondSheet(where?.file ?? '', where?.sheet ?? null, r.n);
    if (r.cells.length === 0) continue;
    while (next < r.n) yield { n: next++, cells: [] };
    yield r;
    next = r.n + 1;
  }
}

/** Group rows into arrays of at most `size`; the caller's signal is checked between batches. */
export async function* batched(src: AsyncIterable<RawRow>, size: number, signal?: AbortSignal): AsyncGenerator<RawRow[]> {
  let batch: RawRow[] = [];
  for await (const r of src) {
    batch.push(r);
    if (batch.length >= size) {
      signal?.throwIfAborted();
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Rows one at a time from batches, without an async generator per row: a resolved promise per row
 * is all the per-row cost (this is what keeps `rows()` close to `rowsBatched()` on big CSVs).
 */
export function unbatched(batches: () => AsyncIterable<RawRow[]>): AsyncIterable<RawRow> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<RawRow> {
      const it = batches()[Symbol.asyncIterator]();
      let buf: RawRow[] = [];
      let i = 0;
      const pull = async (): Promise<IteratorResult<RawRow>> => {
        for (;;) {
          const r = await it.next();
          if (r.done) return { done: true, value: undefined };
          buf = r.value;
          i = 0;
          if (buf.length > 0) return { done: false, value: buf[i++] as RawRow };
        }
      };
      return {
        next: () => (i < buf.length ? Promise.resolve({ done: false, value: buf[i++] as RawRow }) : pull()),
        return: async () => {
          buf = [];
          await it.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}

export type CellRange = { r1: number; c1: number; r2: number; c2: number }; // 0-based, inclusive

/** 'B3' → {r: 2, c: 1}; null if it is not an A1 reference. */
export function decodeA1(ref: string): { r: number; c: number } | null {
  let i = 0;
  let c = 0;
  const s = ref.replace(/\$/g, '').toUpperCase();
  while (i < s.length && s.charCodeAt(i) >= 65 && s.charCodeAt(i) <= 90) c = c * 26 + (s.charCodeAt(i++) - 64);
  const digits = s.slice(i);
  if (i === 0 || !/^[0-9]+$/.test(digits)) return null;
  return { r: Number(digits) - 1, c: c - 1 };
}

/** 'A1:C3' (or a single 'A1') → a range; null if unreadable. */
export function decodeRange(ref: string): CellRange | null {
  const [a, b = a] = ref.split(':');
  const s = decodeA1(a ?? '');
  const e = decodeA1(b ?? '');
  if (!s || !e) return null;
  return { r1: Math.min(s.r, e.r), c1: Math.min(s.c, e.c), r2: Math.max(s.r, e.r), c2: Math.max(s.c, e.c) };
}

/**
 * One 'merged' flag per cell a merged range covers, except its top-left (which holds the value).
 * Ranges are clipped to the used area (rows < maxRows, cols < maxCols) so a whole-column merge
 * cannot produce a million flags for cells nobody will read.
 */
export function mergeFlags(ranges: readonly CellRange[], maxRows: number, maxCols: number): CellFlag[] {
  const flags: CellFlag[] = [];
  for (const m of ranges) {
    for (let r = m.r1; r <= Math.min(m.r2, maxRows - 1); r++) {
      for (let c = m.c1; c <= Math.min(m.c2, maxCols - 1); c++) {
        if (r !== m.r1 || c !== m.c1) flags.push({ row: r + 1, col: c, kind: 'merged' });
      }
    }
  }
  return flags;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A date as ISO text: 'YYYY-MM-DD', or 'YYYY-MM-DDTHH:MM:SS' when it has a time of day. */
export function isoDate(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): string {
  const date = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  return hh || mm || ss ? `${date}T${pad(hh)}:${pad(mm)}:${pad(ss)}` : date;
}

/** Spreadsheet libraries hand dates as JS Dates in UTC (serial day 25569 = 1970-01-01). */
export function isoFromUtcDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

/**
 * The fields every workbook source shares (xlsx, streamed xlsx, xls): where the file is, what it
 * is, and its rows one by one or in batches from one generator per pass.
 */
export function workbookSourceBase(
  ctx: { path: string; fileName: string; size: number; signal: AbortSignal | undefined },
  format: 'xlsx' | 'xls',
  sha256: string,
  sheets: string[],
  rowsOf: (sheet: string) => AsyncIterable<RawRow>,
): Pick<TableSource, 'path' | 'fileName' | 'format' | 'sizeBytes' | 'sha256' | 'encoding' | 'sheets' | 'rows' | 'rowsBatched'> {
  return {
    path: ctx.path,
    fileName: ctx.fileName,
    format,
    sizeBytes: ctx.size,
    sha256,
    encoding: null,
    sheets,
    rows: (name) => unbatched(() => batched(rowsOf(name), DEFAULT_BATCH, ctx.signal)),
    rowsBatched: (name, size = DEFAULT_BATCH) => batched(rowsOf(name), Math.max(1, size), ctx.signal),
  };
}
