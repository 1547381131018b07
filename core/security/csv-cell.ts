// CSV cells that a spreadsheet would run as a formula. Excel, WPS and LibreOffice treat a cell
// starting with = + - @ (and, after their own trimming, a tab or carriage return) as a formula, so
// a region or scenario named `=HYPERLINK(…)` would become a live link — or worse — in whoever
// opens the export. The OWASP rule: such a text cell gets a leading apostrophe, which spreadsheets
// read as "this is text" and do not show. Numbers stay numbers: a cell that is a plain number
// (`-12.50`, `+3`, `-0.25%`) is a value, not a formula, and is written as it is.

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?%?$/;

/**
 * Whether a name starts the way a formula does. Names (regions, datasets) are refused outright on
 * import — stricter than cells, where a plain number is let through — because a name is shown and
 * exported everywhere and no real region or dataset is called "=…", "+…", "-…" or "@…".
 */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Whether a text would be taken for a formula by a spreadsheet. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** The text to write for a cell: neutralised with a leading apostrophe when it looks like a formula. */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** One CSV field: formula-like text neutralised, then quoted when it holds a quote, comma or line break. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
