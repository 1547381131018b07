// wb per-student --region CODE --year Y [--scope consolidated|own_level] [--divisor …] [--format table|csv|json]
// The same figures as the workbench's home view: the same query (db/repos/series) and the same
// arithmetic (core/metrics/per-student).
import { LEVELS, type LevelOrAll } from '../../core/levels';
import { DIVISORS } from '../../core/metrics/divisor';
import { perStudentTable, type PerStudentFigure } from '../../core/metrics/per-student';
import { formatRatio, type Ratio } from '../../core/money';
import { getRegion } from '../../db/repos/regions';
import { perStudentSeries } from '../../db/repos/series';
import { oneOf, optionalInt, parse, requireString } from '../args';
import { openForCli } from '../database';
import { EXIT, UsageError, type CliIO } from '../io';
import { renderCsv, renderJson, renderTable, type Cell } from '../output';

export const perStudentHelp = `wb per-student --region CODE --year Y [--scope consolidated|own_level] [--divisor autumn|weighted_8_4|average_two_autumns] [--format table|csv|json]
  Education spending, enrolment and spending per student by level for one region and year, with growth over the prior year.`;

const pct = (g: Ratio | null) => (g === null ? null : formatRatio(g.num * 100n, g.den, 2));
const yuan = (r: Ratio | null) => (r === null ? null : formatRatio(r.num, r.den * 100n, 2));
const yuanExact = (fen: number | null) => (fen === null ? null : formatRatio(BigInt(fen), 100n, 2));
const count = (r: Ratio | null) => (r === null ? null : formatRatio(r.num, r.den, r.num % r.den === 0n ? 0 : 4));
const status = (f: PerStudentFigure) => (f.perStudentDirection === null ? 'na' : f.perStudentDirection === 'fall' ? 'fail' : 'pass');
/** Why a figure is missing: 无数据 with its reason, never a silent blank or 0. */
export function missingReason(f: PerStudentFigure): string | null {
  if (f.current.spendingFen === null) return '无数据：数据基础中无本年教育支出 / no spending for this year in the data basis';
  if (f.current.students === null) return '无数据：数据基础中无本年在校生数 / no enrolment for this year in the data basis';
  if (f.current.perStudent === null) return '在校生为 0，生均不适用 / zero students';
  if (f.prior.spendingFen === null || f.prior.students === null) return '无数据：数据基础中无上年数据，无法比较 / no prior-year figures in the data basis';
  if (f.prior.perStudent === null) return '上年在校生为 0，无法比较 / zero students in the prior year';
  return null;
}
const levelZh = (l: LevelOrAll) => (l === 'all' ? '合计' : (LEVELS.find((x) => x.code === l)?.zh ?? l));

export function perStudentCommand(argv: string[], io: CliIO, dbOption: string | undefined): number {
  const { values } = parse(argv, { region: { type: 'string' }, year: { type: 'string' }, scope: { type: 'string' }, divisor: { type: 'string' }, format: { type: 'string' } });
  const regionCode = requireString(values, 'region', 'a six-digit GB/T 2260 region code');
  if (!/^[1-9]\d{5}$/.test(regionCode)) throw new UsageError(`--region must be a six-digit GB/T 2260 code, got "${regionCode}"`);
  const year = optionalInt(values, 'year', 1949, 2100);
  if (year === undefined) throw new UsageError('--year is required: the budget year, e.g. 2024');
  const scope = oneOf(values, 'scope', ['consolidated', 'own_level'] as const, 'consolidated');
  const divisor = oneOf(values, 'divisor', DIVISORS, 'autumn');
  const format = oneOf(values, 'format', ['table', 'csv', 'json'] as const, 'table');

  const { db } = openForCli(dbOption, io);
  try {
    const region = getRegion(db, regionCode);
    if (!region) throw new UsageError(`region ${regionCode} is not in the database (see \`wb info\`)`);
    const series = perStudentSeries(db, { regionCode, year, span: 1, scope });
    if (!series.availableYears.includes(year)) {
      throw new UsageError(`no ${scope} expenditure data for ${region.name} (${regionCode}) in ${year}; years held: ${series.availableYears.join(', ') || 'none'}`);
    }
    const figures = perStudentTable(series.rows, year, divisor);
    const records = figures.map((f) => ({
      level: f.level,
      level_name: levelZh(f.level),
      spending_yuan: yuanExact(f.current.spendingFen),
      prior_spending_yuan: yuanExact(f.prior.spendingFen),
      spending_growth_pct: pct(f.spendingGrowth),
      students: count(f.current.students),
      prior_students: count(f.prior.students),
      students_growth_pct: pct(f.studentsGrowth),
      per_student_yuan: yuan(f.current.perStudent),
      prior_per_student_yuan: yuan(f.prior.perStudent),
      per_student_growth_pct: pct(f.perStudentGrowth),
      per_student_status: status(f),
      reason: missingReason(f),
    }));
    if (format === 'json') {
      io.out(
        renderJson({
          region: { code: region.code, name: region.name, level: region.level },
          year,
          scope,
          divisor,
          expenditure_dataset: series.expenditureDataset && { id: series.expenditureDataset.id, name: series.expenditureDataset.name, sha256: series.expenditureDataset.sha256 },
          enrolment_dataset: series.enrolmentDataset && { id: series.enrolmentDataset.id, name: series.enrolmentDataset.name, sha256: series.enrolmentDataset.sha256 },
          crosswalk: series.crosswalk,
          basis: series.basis,
          rows: records,
        }),
      );
      return EXIT.ok;
    }
    const headers = Object.keys(records[0] ?? {});
    const rows: Cell[][] = records.map((r) => Object.values(r));
    if (format === 'csv') {
      io.out(renderCsv(headers, rows));
      return EXIT.ok;
    }
    io.out(`${region.name} (${region.code}) ${year}, ${scope === 'consolidated' ? '全辖' : '本级'}, divisor ${divisor}; amounts in 元\n`);
    io.out(renderTable(['学段', '教育支出', '增长%', '在校生', '增长%', '生均', '上年生均', '增长%', '生均只增不减', '说明'], records.map((r) => [r.level_name, r.spending_yuan, r.spending_growth_pct, r.students, r.students_growth_pct, r.per_student_yuan, r.prior_per_student_yuan, r.per_student_growth_pct, r.per_student_status, r.reason]), [false, true, true, true, true, true, true, true, false, false]));
    io.out(`${series.basis.line}\n`);
    io.out(`sources: expenditure #${series.expenditureDataset?.id} ${series.expenditureDataset?.sha256.slice(0, 12)}, enrolment #${series.enrolmentDataset?.id ?? '—'} ${series.enrolmentDataset?.sha256.slice(0, 12) ?? ''}\n`);
    return EXIT.ok;
  } finally {
    db.close();
  }
}
