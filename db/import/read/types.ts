// The reader contract: whatever the file (xlsx, xls, csv, tsv), the importer sees sheets of rows of
// cells, exactly as the file holds them. Normalising (trimming, units, number parsing) is the
// importer's job, so a reader never rounds a number or collapses a space.
import type { CellFlag, RawRow } from '../../../core/import/cells';

export type SourceFormat = 'xlsx' | 'xls' | 'csv' | 'tsv';
export type TextEncoding = 'utf-8' | 'gb18030';

export type OpenOptions = {
  /** Text files only. 'auto' (default): BOM, else UTF-8 if the first 64 KB are valid UTF-8, else GB18030. */
  encoding?: 'auto' | TextEncoding;
  /** Encrypted workbooks: tried first; Excel's default read-only password is always tried too. */
  password?: string;
  /** Cancels opening and any iteration in progress (rejects with the signal's reason, an AbortError). */
  signal?: AbortSignal;
};

export type TableSource = {
  path: string;
  fileName: string;
  format: SourceFormat;
  sizeBytes: number;
  /** SHA-256 (hex) of the file's bytes as opened. */
  sha256: string;
  /** Text formats: detected or declared; null for spreadsheets. */
  encoding: TextEncoding | null;
  /** Sheet names in workbook order. CSV/TSV: one pseudo-sheet, the file name without its extension. */
  sheets: string[];
  /** Sheets Excel does not show (state hidden/veryHidden); absent when the reader cannot tell. */
  hiddenSheets?: string[];
  /**
   * Rows of one sheet in order. Row numbers are 1-based and consecutive from 1 up to the last
   * non-empty row: empty rows in between come as `cells: []`, empty rows after the last one are
   * not yielded. Trailing empty cells are trimmed; `cells[0]` is column A (the first field).
   * CSV/TSV: `n` counts records, so a quoted field spanning lines is one row.
   * Each call starts a fresh pass. An unknown sheet rejects with 'sheet_not_found' on the first next().
   */
  rows(sheet: string): AsyncIterable<RawRow>;
  /** The same rows in arrays of at most `size` (default 4096): far fewer awaits on big CSVs. */
  rowsBatched(sheet: string, size?: number): AsyncIterable<RawRow[]>;
  /**
   * Cells the importer must refuse or handle. `col` is the 0-based index into `cells` (column A = 0),
   * `row` the 1-based row number. Merged ranges give one 'merged' flag per covered cell except the
   * top-left (which holds the value); formula cells without a cached value give
   * 'formula_without_value'; .xlsx formulas with a cached value 'formula', formulas reading another
   * workbook 'external_link', hidden rows one 'hidden_row' flag with col -1. Complete when the promise resolves (for a streamed .xlsx this may read
   * the sheet once more); always [] for CSV/TSV.
   */
  flags(sheet: string): Promise<CellFlag[]>;
  /** Releases file handles and any iteration still open. Idempotent. */
  close(): Promise<void>;
};
