// What readers hand to the importer: rows of cells as the file holds them.

/** A cell: text, a number as the spreadsheet stored it, or empty. */
export type Cell = string | number | null;

export type RawRow = {
  /** 1-based row number in the sheet (or line-based record number in a CSV). */
  n: number;
  cells: Cell[];
};

/** Facts about a cell that a reader can see and the importer must refuse. */
/**
 * 'formula': a formula whose cached value is what the file holds (it may be stale);
 * 'external_link': a formula that takes its value from another workbook;
 * 'hidden_row': the row is hidden in Excel (col is -1: the whole row).
 * The last three are not refused: they are reported and must be confirmed.
 */
export type CellFlag = { row: number; col: number; kind: 'formula_without_value' | 'merged' | 'formula' | 'external_link' | 'hidden_row' };
