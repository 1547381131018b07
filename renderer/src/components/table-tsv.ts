// A table as it is shown, as tab-separated text that pastes into Excel or WPS as cells: one line
// per row (header rows first), tabs between cells, the sort arrows dropped, thousands separators
// removed from numbers so that the spreadsheet reads them as numbers.

const SORT_MARKS = /[⇅▲▼]/g;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?%?$/;

/** One cell's text for TSV: whitespace (tabs, line breaks) folded to single spaces. */
export function tsvCell(text: string): string {
  const clean = text.replace(SORT_MARKS, '').replace(/\s+/g, ' ').trim();
  return GROUPED_NUMBER.test(clean) ? clean.replace(/,/g, '') : clean;
}

/** Rows of cell texts as TSV (CRLF line ends, which both Excel and WPS expect on paste). */
export function rowsToTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(tsvCell).join('\t')).join('\r\n');
}

/** The rows of a rendered table (thead, tbody, tfoot; not the caption). */
export function tableRows(table: HTMLTableElement): string[][] {
  return [...table.rows].map((tr) => [...tr.cells].map((c) => (c as HTMLElement).innerText ?? c.textContent ?? ''));
}
