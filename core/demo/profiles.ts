// The shapes over time that every synthetic series follows: enrolment by level, per-student
// spending, revenue, GDP and pay. They are rounded national figures (教育统计公报, 财政决算, 统计公报
// 2010–2024) used as *shapes* only — each region scales them to its own size and adds noise — so the
// demo shows the turns officials know: primary enrolment peaking around 2019–2020 as births fell,
// pre-school falling from 2021, the revenue dips of 2020 and 2022.
import type { LevelCode } from '../levels';

export const PROFILE_FIRST_YEAR = 2010;
export const PROFILE_LAST_YEAR = 2024;

/** Autumn enrolment, millions, 2010…2024 (national, smoothed; primary's post-2019 fall brought forward a little). */
const ENROLMENT: Record<LevelCode, readonly number[]> = {
  preschool: [29.8, 34.2, 36.9, 38.9, 40.5, 42.6, 44.1, 46.0, 46.6, 47.1, 48.2, 48.1, 46.3, 40.9, 35.8],
  primary: [99.4, 99.3, 96.9, 93.6, 94.5, 96.9, 99.1, 100.9, 103.4, 105.6, 105.2, 104.3, 102.6, 100.2, 97.0],
  junior: [52.8, 50.7, 47.6, 44.4, 43.8, 43.1, 43.3, 44.4, 46.5, 48.3, 49.1, 50.2, 51.2, 52.4, 52.6],
  senior: [24.3, 24.5, 24.7, 24.4, 24.0, 23.7, 23.7, 23.7, 23.8, 24.1, 24.9, 26.1, 27.1, 28.0, 29.0],
  sec_voc: [22.4, 22.0, 21.1, 19.2, 17.6, 16.6, 16.0, 15.9, 15.6, 15.8, 16.6, 17.0, 17.2, 17.4, 17.3],
  special: [0.43, 0.4, 0.38, 0.37, 0.39, 0.44, 0.49, 0.58, 0.67, 0.79, 0.88, 0.92, 0.92, 0.91, 0.93],
  higher: [22.3, 23.1, 23.9, 24.7, 25.5, 26.3, 27.0, 27.5, 28.3, 30.3, 32.9, 35.0, 36.6, 37.8, 38.9],
};

/**
 * Growth of per-student spending, all levels, 2011…2024 (index 0 = 2011). Fast in 2011–2013 (the
 * push to the 4 % target), 4–5 % since, a slower 2020.
 */
const PER_STUDENT_GROWTH = [0.14, 0.15, 0.07, 0.05, 0.07, 0.055, 0.05, 0.045, 0.045, 0.03, 0.04, 0.04, 0.05, 0.05];

/**
 * How much faster or slower than the common path each level's per-student spending grows, as an
 * exponent on (1 + g). Chosen so that 2015 is 63–70 % of 2024 (the spec's "60–70 %").
 */
const PER_STUDENT_EXPONENT: Record<LevelCode, number> = {
  preschool: 1.12,
  primary: 1.1,
  junior: 1.09,
  senior: 1.05,
  sec_voc: 1.05,
  special: 1.1,
  higher: 1.0,
};

/** 一般公共预算收入, national, 2010…2024, as a share of 2024 (8.3 → 21.9 万亿元). */
const REVENUE = [0.38, 0.47, 0.53, 0.59, 0.64, 0.69, 0.73, 0.79, 0.835, 0.87, 0.835, 0.92, 0.925, 0.97, 1];
/** Nominal GDP, 2010…2024, as a share of 2024 (41.2 → 134.9 万亿元). */
const GDP = [0.306, 0.36, 0.4, 0.44, 0.477, 0.51, 0.55, 0.61, 0.68, 0.73, 0.75, 0.85, 0.89, 0.93, 1];
/** Average wage of public employees, 2010…2024, as a share of 2024. */
const PAY = [0.36, 0.41, 0.45, 0.49, 0.53, 0.6, 0.65, 0.71, 0.76, 0.8, 0.84, 0.88, 0.92, 0.96, 1];

function at(series: readonly number[], year: number, offset: number): number {
  const v = series[year - PROFILE_FIRST_YEAR - offset];
  if (v === undefined) throw new RangeError(`no profile value for ${year}`);
  return v;
}

export function checkYears(firstYear: number, lastYear: number): void {
  if (firstYear < PROFILE_FIRST_YEAR || lastYear > PROFILE_LAST_YEAR || firstYear >= lastYear) {
    throw new RangeError(`demo years must lie within ${PROFILE_FIRST_YEAR}–${PROFILE_LAST_YEAR}`);
  }
}

/** Enrolment of `level` in `year` relative to 2024. */
export function enrolmentIndex(level: LevelCode, year: number): number {
  const s = ENROLMENT[level];
  return at(s, year, 0) / at(s, PROFILE_LAST_YEAR, 0);
}

/** Per-student spending growth of `level` from year−1 to `year`. */
export function perStudentGrowth(level: LevelCode, year: number): number {
  return Math.pow(1 + at(PER_STUDENT_GROWTH, year, 1), PER_STUDENT_EXPONENT[level]) - 1;
}

/** Per-student spending of `level` in `year` relative to 2024, on the common path. */
export function perStudentIndex(level: LevelCode, year: number): number {
  let v = 1;
  for (let y = year + 1; y <= PROFILE_LAST_YEAR; y++) v /= 1 + perStudentGrowth(level, y);
  return v;
}

export const revenueIndex = (year: number): number => at(REVENUE, year, 0);
export const gdpIndex = (year: number): number => at(GDP, year, 0);
export const payIndex = (year: number): number => at(PAY, year, 0);
