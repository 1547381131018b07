// Per-student figures for one region from its exact series: spending, divisor students, spending
// per student and growth over the prior year, per level and for all levels combined
// (Σ spending ÷ Σ students, the 2021+ bulletin style, docs/domain.md#never-decrease-formulas). Pure and exact: comparisons
// use cross-multiplication, floats appear only in *Float helpers meant for display.
import type { SeriesRow } from '../arrow/per-student-series';
import { LEVEL_CODES, type LevelOrAll } from '../levels';
import { sumFen, type Fen } from '../money/fen';
import { compareRatio, growthRatio, ratio, type Ratio } from '../money/ratio';
import { divisorStudents, type Divisor } from './divisor';

export type Direction = 'rise' | 'equal' | 'fall';

export type YearFigures = {
  spendingFen: Fen | null;
  /** Divisor students (may be fractional for averaged divisors). */
  students: Ratio | null;
  /** 分 per student. null when there are no students (N/A, not a failure). */
  perStudent: Ratio | null;
  viaCrosswalk: boolean;
};

export type PerStudentFigure = {
  level: LevelOrAll;
  year: number;
  divisor: Divisor;
  current: YearFigures;
  prior: YearFigures;
  spendingGrowth: Ratio | null;
  studentsGrowth: Ratio | null;
  perStudentGrowth: Ratio | null;
  spendingDirection: Direction | null;
  perStudentDirection: Direction | null;
  /** Why per-student has no comparison. */
  naReason: 'no_students' | 'no_prior_students' | 'no_prior_data' | null;
};

type Cell = { spendingFen: Fen | null; autumn: number | null; viaCrosswalk: boolean };

/** Index rows by year and level; rows for 'all' are used only where a year has no level split. */
function indexSeries(rows: readonly SeriesRow[]): Map<number, Map<LevelOrAll, Cell>> {
  const byYear = new Map<number, Map<LevelOrAll, Cell>>();
  for (const r of rows) {
    let levels = byYear.get(r.year);
    if (!levels) byYear.set(r.year, (levels = new Map()));
    levels.set(r.level, { spendingFen: r.spendingFen, autumn: r.students, viaCrosswalk: r.viaCrosswalk });
  }
  for (const levels of byYear.values()) {
    const split = LEVEL_CODES.map((l) => levels.get(l)).filter((c): c is Cell => c !== undefined);
    if (split.length === 0) continue;
    const spend = split.map((c) => c.spendingFen).filter((v): v is Fen => v !== null);
    const students = split.map((c) => c.autumn).filter((v): v is number => v !== null);
    levels.set('all', {
      spendingFen: spend.length ? sumFen(spend) : null,
      autumn: students.length ? students.reduce((a, b) => a + b, 0) : null,
      viaCrosswalk: split.some((c) => c.viaCrosswalk),
    });
  }
  return byYear;
}

function direction(prior: Ratio, current: Ratio): Direction {
  const c = compareRatio(current, prior);
  return c > 0 ? 'rise' : c < 0 ? 'fall' : 'equal';
}

function figuresFor(index: Map<number, Map<LevelOrAll, Cell>>, year: number, level: LevelOrAll, divisor: Divisor): YearFigures {
  const cell = index.get(year)?.get(level);
  const priorCell = index.get(year - 1)?.get(level);
  const students = divisorStudents(divisor, priorCell?.autumn ?? null, cell?.autumn ?? null) ?? null;
  const spendingFen = cell?.spendingFen ?? null;
  const perStudent = spendingFen !== null && students !== null && students.num > 0n ? ratio(BigInt(spendingFen) * students.den, students.num) : null;
  return { spendingFen, students, perStudent, viaCrosswalk: cell?.viaCrosswalk ?? false };
}

export function perStudentFigure(index: Map<number, Map<LevelOrAll, Cell>>, year: number, level: LevelOrAll, divisor: Divisor): PerStudentFigure {
  const current = figuresFor(index, year, level, divisor);
  const prior = figuresFor(index, year - 1, level, divisor);
  const spendingGrowth = current.spendingFen !== null && prior.spendingFen !== null ? growthRatio(ratio(prior.spendingFen, 1), ratio(current.spendingFen, 1)) ?? null : null;
  const studentsGrowth = current.students && prior.students ? growthRatio(prior.students, current.students) ?? null : null;
  const perStudentGrowth = current.perStudent && prior.perStudent ? growthRatio(prior.perStudent, current.perStudent) ?? null : null;
  let naReason: PerStudentFigure['naReason'] = null;
  if (!current.perStudent) naReason = 'no_students';
  else if (!prior.perStudent) naReason = prior.spendingFen === null && prior.students === null ? 'no_prior_data' : 'no_prior_students';
  return {
    level,
    year,
    divisor,
    current,
    prior,
    spendingGrowth,
    studentsGrowth,
    perStudentGrowth,
    spendingDirection: current.spendingFen !== null && prior.spendingFen !== null ? direction(ratio(prior.spendingFen, 1), ratio(current.spendingFen, 1)) : null,
    perStudentDirection: current.perStudent && prior.perStudent ? direction(prior.perStudent, current.perStudent) : null,
    naReason,
  };
}

/** The per-student table for `year`: every level present in the series, then 'all'. */
export function perStudentTable(rows: readonly SeriesRow[], year: number, divisor: Divisor): PerStudentFigure[] {
  const index = indexSeries(rows);
  const present = new Set<LevelOrAll>();
  for (const y of [year, year - 1]) for (const l of index.get(y)?.keys() ?? []) present.add(l);
  const levels: LevelOrAll[] = [...LEVEL_CODES.filter((l) => present.has(l)), ...(present.has('all') ? (['all'] as const) : [])];
  return levels.map((l) => perStudentFigure(index, year, l, divisor));
}

export type TrendPoint = { year: number; level: LevelOrAll; spendingFen: Fen | null; perStudent: Ratio | null; direction: Direction | null };

/** Per-student and spending for each level and year in [fromYear, toYear]. */
export function perStudentTrend(rows: readonly SeriesRow[], fromYear: number, toYear: number, divisor: Divisor): TrendPoint[] {
  const index = indexSeries(rows);
  const levels = new Set<LevelOrAll>();
  for (const m of index.values()) for (const l of m.keys()) levels.add(l);
  const out: TrendPoint[] = [];
  for (const level of [...LEVEL_CODES, 'all' as const]) {
    if (!levels.has(level)) continue;
    for (let y = fromYear; y <= toYear; y++) {
      const f = perStudentFigure(index, y, level, divisor);
      out.push({ year: y, level, spendingFen: f.current.spendingFen, perStudent: f.current.perStudent, direction: f.perStudentDirection });
    }
  }
  return out;
}

