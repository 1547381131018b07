// Everything an import can object to. Each problem names where (file, sheet, row, column), the
// value found and what was expected, so a user can fix the source file without guessing.

export const PROBLEM_CODES = [
  // The file as a whole
  'file_unreadable', // not a spreadsheet/CSV we can read (binary renamed .csv, truncated .xlsx …)
  'file_encrypted', // protected with a password we do not know
  'file_empty', // no sheets, or the chosen sheet has no rows
  'sheet_not_found',
  'encoding_invalid', // bytes that are not valid in the detected or declared encoding
  // The table's shape
  'header_not_found', // no header row we can recognise
  'header_missing_field', // a required field (region, year, value …) has no column
  'header_unknown_column', // --map names a column that is not in the header
  'header_duplicate', // two columns with the same name where it matters
  'ragged_row', // a row with more cells than the header (CSV with inconsistent column counts)
  'merged_cells', // merged cells inside the data area
  'formula_without_value', // a formula cell whose cached value is missing
  // Values
  'value_not_number', // text where a number was expected
  'value_negative', // a negative amount or count
  'value_fractional_count', // students that are not whole persons after unit conversion
  'value_too_precise', // more decimal places than a 分 (or a person) can hold
  'value_rounded', // warning: a population in 万人 printed below one person, stored to the nearest person
  'value_out_of_range', // beyond the exact range, or absurd for the field
  'unit_mixed', // a cell states a unit different from its column's
  'unit_unknown', // no unit in the header and none declared
  'unit_magnitude', // values are ~10^k times data already held for the same cells
  'region_unknown', // a region name or code we cannot resolve
  'region_ambiguous', // a name that matches several regions
  'region_mismatch', // a code column and a name column that name different regions
  'year_invalid', // not a year, or outside 1949–2100
  'level_unknown',
  'indicator_unknown',
  'key_duplicate', // the same region × year × level (…) twice
  'note_inside_table', // data rows after a footnote: the table continues below its notes
  'control_total_mismatch', // a total row (or --control) differs from the sum of the parts
  'date_invalid',
  'field_invalid', // any other field-level problem
  'database_busy', // another program held the database's write lock for too long
  'value_implausible', // warning to confirm: far off its own prior year or its peers, or an absurd enrolment
  'confirmation_required', // warnings that must be confirmed were not (CLI --confirm, the app's checkbox)
  'hidden_content', // warning to confirm: a hidden sheet chosen, or data on hidden rows
  'formula_cached', // warning to confirm: values taken from formulas' cached results (possibly stale)
  'external_link', // warning to confirm: values a formula reads from another workbook
  'published_mismatch', // warning to confirm: a printed growth, gap or share that its own figures do not give
  'columns_swapped', // warning to confirm: two columns that read right only when exchanged
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * Warnings an import may not pass silently: the import commits only when the user confirms them
 * (`wb import --confirm`, the wizard's checkbox); without that it is refused and nothing is written.
 */
export const NEEDS_CONFIRMATION: readonly ProblemCode[] = ['value_implausible', 'hidden_content', 'formula_cached', 'external_link', 'published_mismatch', 'columns_swapped'];
export const needsConfirmation = (p: { code: ProblemCode; severity: Severity }): boolean => p.severity === 'warning' && NEEDS_CONFIRMATION.includes(p.code);

export type Severity = 'error' | 'warning';

export type Problem = {
  code: ProblemCode;
  severity: Severity;
  file: string;
  sheet: string | null;
  /** 1-based row in the sheet or file; null for file-level problems. */
  row: number | null;
  /** Column as the file names it (header text), or a letter/number; null when not about a cell. */
  column: string | null;
  /** The offending value as text, trimmed to a reasonable length. */
  value: string | null;
  /** What was expected, in words (Chinese and English). */
  expected: string;
};

export function describeProblem(p: Problem): string {
  const where = [p.file, p.sheet ? `工作表 ${p.sheet}` : null, p.row !== null ? `第 ${p.row} 行` : null, p.column !== null ? `列「${p.column}」` : null].filter(Boolean).join('，');
  const value = p.value !== null ? `：值「${p.value}」` : '';
  return `${p.severity === 'error' ? '错误' : '提示'} [${p.code}] ${where}${value} — ${p.expected}`;
}

export function clipValue(v: unknown, max = 60): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
