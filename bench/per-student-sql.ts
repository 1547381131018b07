// The per-student aggregation over a whole dataset, as one SQL text that SQLite and DuckDB both run
// unchanged: for every region × year × level, and all levels combined (Σ spending ÷ Σ students, as
// core/metrics does it), in one scope: spending, students, spending per student, and the growth of
// per-student over the prior year (LAG over the year before; NULL when that year is missing).
// Written to be portable: CAST … AS DOUBLE (SQLite integer ÷ integer truncates) and NULLIF on every
// divisor (SQLite gives NULL for ÷ 0, DuckDB gives Infinity). Spending and enrolment are combined
// with UNION ALL + GROUP BY rather than a FULL JOIN of two aggregates: SQLite 3.53 plans that FULL
// JOIN as a nested loop without an index, which was stopped after 50 minutes on data of the national size.

/** Result columns: region_code, year, level, spending_fen, students, per_student, per_student_growth. */
export function perStudentSql(expenditureDatasetId: number, enrolmentDatasetId: number): string {
  if (!Number.isSafeInteger(expenditureDatasetId) || !Number.isSafeInteger(enrolmentDatasetId)) throw new RangeError('dataset ids must be integers');
  return `
WITH facts AS (
  SELECT region_code, year, level, amount_fen AS spending_fen, NULL AS students
  FROM expenditure_fact
  WHERE dataset_id = ${expenditureDatasetId}
  UNION ALL
  SELECT region_code, year, level, NULL, students
  FROM enrolment_fact
  WHERE dataset_id = ${enrolmentDatasetId} AND count_basis = 'autumn'
), by_level AS (
  SELECT region_code, year, level, SUM(spending_fen) AS spending_fen, SUM(students) AS students
  FROM facts
  GROUP BY region_code, year, level
), cells AS (
  SELECT region_code, year, level, spending_fen, students FROM by_level
  UNION ALL
  SELECT region_code, year, 'all', SUM(spending_fen), SUM(students) FROM by_level GROUP BY region_code, year
), ratios AS (
  SELECT region_code, year, level, spending_fen, students,
         CAST(spending_fen AS DOUBLE) / NULLIF(students, 0) AS per_student
  FROM cells
)
SELECT region_code, year, level, spending_fen, students, per_student,
       CASE WHEN LAG(year) OVER w = year - 1
            THEN per_student / NULLIF(LAG(per_student) OVER w, 0) - 1 END AS per_student_growth
FROM ratios
WINDOW w AS (PARTITION BY region_code, level ORDER BY year)
ORDER BY region_code, level, year`;
}
