// What readers hand to the importer: rows of cells as the file holds them.

/** A cell: text, a number as the spreadsheet stored it, or empty. */
export type Cell = string | number | null;

export type RawRow = {
  /** 1-based row number in the sheet (or line-based record number in a CSV). */
  n: number;
  cells: Cell[];
};

/** Facts about a cell that a reader can see and the importer must refuse. */
export type CellFlag = { row: number; col: number; kind: 'formula_without_value' | 'merged' };
