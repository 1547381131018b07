import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SeriesRow } from '../arrow/per-student-series';
import { decodeSeries, encodeSeries } from '../arrow/per-student-series';
import { asFen } from '../money/fen';
import { formatRatio, ratio } from '../money';
import { divisorStudents } from './divisor';
import { perStudentTable, perStudentTrend } from './per-student';

const row = (year: number, level: SeriesRow['level'], spending: number | null, students: number | null): SeriesRow => ({ year, level, spendingFen: spending === null ? null : asFen(spending), students, viaCrosswalk: false });

describe('per-student figures', () => {
  const rows = [
    row(2023, 'primary', 1_200_000_000, 100_000),
    row(2024, 'primary', 1_260_000_000, 98_000),
    row(2023, 'junior', 900_000_000, 50_000),
    row(2024, 'junior', 940_000_000, 53_000),
    row(2023, 'senior', 500_000_000, 0),
    row(2024, 'senior', 520_000_000, 20_000),
  ];
  const table = perStudentTable(rows, 2024, 'autumn');
  const by = (l: string) => table.find((f) => f.level === l)!;

  it('computes per level and combined (Σ spending ÷ Σ students)', () => {
    expect(table.map((f) => f.level)).toEqual(['primary', 'junior', 'senior', 'all']);
    expect(by('primary').current.perStudent).toEqual(ratio(1_260_000_000n, 98_000n));
    expect(by('all').current.spendingFen).toBe(2_720_000_000);
    expect(by('all').current.students).toEqual(ratio(171_000n, 1n));
  });
  it('junior per-student fell although spending rose (enrolment rose faster)', () => {
    expect(by('junior').spendingDirection).toBe('rise');
    expect(by('junior').perStudentDirection).toBe('fall');
  });
  it('a level with no students in the prior year is N/A, not a failure', () => {
    expect(by('senior').perStudentDirection).toBeNull();
    expect(by('senior').naReason).toBe('no_prior_students');
  });
  it('growth prints to 2 decimals from exact values', () => {
    const g = by('primary').perStudentGrowth!;
    // 1260000000/98000 ÷ 1200000000/100000 − 1 = 7.1428…%
    expect(formatRatio(g.num * 100n, g.den, 2)).toBe('7.14');
  });
  it('trend covers every year and level in the window', () => {
    const trend = perStudentTrend(rows, 2023, 2024, 'autumn');
    expect(trend.filter((p) => p.level === 'all').map((p) => p.year)).toEqual([2023, 2024]);
  });
});

describe('divisors', () => {
  it('8/4 weighting uses the prior autumn for January–August', () => {
    expect(divisorStudents('weighted_8_4', 120, 60)).toEqual(ratio(8 * 120 + 4 * 60, 12));
    expect(divisorStudents('average_two_autumns', 120, 60)).toEqual(ratio(180, 2));
    expect(divisorStudents('weighted_8_4', null, 60)).toBeUndefined();
  });
});

describe('property: a non-decreasing per-student series never falls', () => {
  it('holds for random spending and enrolment built to rise', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 0, max: 300 })), { minLength: 2, maxLength: 12 }), (steps) => {
        // per-student p_t = p_{t−1} × (1 + k/1000), k ≥ 0, built exactly: spending = p × students.
        let per = 1_000_000n;
        const rows: SeriesRow[] = [];
        steps.forEach(([students, k], i) => {
          per = per + (per * BigInt(k)) / 1000n;
          rows.push(row(2000 + i, 'primary', Number(per * BigInt(students)), students));
        });
        for (let i = 1; i < steps.length; i++) {
          const f = perStudentTable(rows, 2000 + i, 'autumn').find((x) => x.level === 'primary')!;
          expect(f.perStudentDirection).not.toBe('fall');
        }
      }),
    );
  });
});

describe('Arrow series encoding', () => {
  it('round-trips exact values, nulls and flags', () => {
    const rows = [row(2024, 'primary', 9_007_199_254_740_991, 1), row(2024, 'all', null, null), { ...row(2019, 'junior', 5, 7), viaCrosswalk: true }];
    expect(decodeSeries(encodeSeries(rows))).toEqual(rows);
  });
});
