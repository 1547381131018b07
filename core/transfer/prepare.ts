// Turns SimInputs into typed columns once per data set: the factor values, the two difficulty
// components already standardised, and scratch space, so that each evaluation (a slider move, a
// sweep point, a solver probe) does only the work that depends on the parameters.
import type { SimInputs, YearFigures } from './inputs';
import { FACTOR_NAMES, type FactorName } from './parameters';
import { zScores } from './zscores';

export type YearColumns = {
  students: Float64Array;
  primary: Float64Array;
  junior: Float64Array;
  /** Factor values by factor name (difficulty is built per evaluation from its z components). */
  factors: Record<Exclude<FactorName, 'difficulty'>, Float64Array>;
  /** The same divided by their column sums (f_ik / Σ_j f_jk), or null when a column sums to zero. */
  normalised: Record<Exclude<FactorName, 'difficulty'>, Float64Array | null>;
  /** z(支出 ÷ 收入) and z((支出 − 收入) ÷ 支出): proxies of 第七条's two components. */
  zPressure: Float64Array;
  zGap: Float64Array;
  /** Relative fiscal capacity: average revenue per head ÷ the unit's, minus 1 (positive = poorer). */
  capacityGap: Float64Array;
  eduSpending: Float64Array;
  /** 1 where the year's figures exist for the unit. */
  present: Uint8Array;
  /** Why the 缺口因素 cannot be used (无数据 …), or null when its column is the data's. */
  gapMissing: string | null;
};

export type Prepared = {
  n: number;
  inputs: SimInputs;
  tier: Int8Array;
  current: YearColumns;
  prior: YearColumns;
  hasPrior: boolean;
  /** Every unit's index, and the units of each development tier (index 1–5; 0 = unclassified). */
  all: Uint32Array;
  tierMembers: Uint32Array[];
  scratch: Scratch;
};

/**
 * Working space one evaluation overwrites before it reads (evaluate.ts, kernel.ts): nothing here
 * outlives a call or reaches a result, so reusing it across calls cannot change what they return.
 */
export type Scratch = {
  /** Raw difficulty coefficient per unit. */
  raw: Float64Array;
  /** Per-unit bounds on the formula part, 分, and why (reason codes, see evaluate.ts). */
  lo: Float64Array;
  hi: Float64Array;
  reasonLo: Uint8Array;
  reasonHi: Uint8Array;
  /** The water-fill's remainders, free list and side held (−1 low, +1 high). */
  remainders: Float64Array;
  free: Uint32Array;
  held: Int8Array;
  /** Σ lo, Σ hi and Σ share per pool group (0 = one pool for all, 1–5 = development tier). */
  groupLo: Float64Array;
  groupHi: Float64Array;
  groupShares: Float64Array;
  /** Every unit in group 0, for when the pool is not pre-split (read-only). */
  oneGroup: Int8Array;
  /** NaN for every unit: last year's allocation when there is none (read-only). */
  noPrior: Float64Array;
};

function scratch(n: number): Scratch {
  return {
    raw: new Float64Array(n),
    lo: new Float64Array(n),
    hi: new Float64Array(n),
    reasonLo: new Uint8Array(n),
    reasonHi: new Uint8Array(n),
    remainders: new Float64Array(n),
    free: new Uint32Array(n),
    held: new Int8Array(n),
    groupLo: new Float64Array(6),
    groupHi: new Float64Array(6),
    groupShares: new Float64Array(6),
    oneGroup: new Int8Array(n),
    noPrior: new Float64Array(n).fill(NaN),
  };
}

function columns(figures: readonly (YearFigures | null)[], gapColumn: Float64Array | null = null, gapMissing: string | null = '无数据：缺口因素只用于模拟年度 / the gap factor exists for the simulated year only'): YearColumns {
  const n = figures.length;
  const col = (f: (y: YearFigures) => number) => Float64Array.from(figures, (y) => (y ? f(y) : 0));
  const students = col((y) => y.students);
  const eduSpending = col((y) => y.eduSpending ?? NaN);
  // The per-student gap to the standard: here the pupil-weighted provincial average spending per
  // student, so counties below it get a share in proportion to (average − own) × students.
  let sumE = 0;
  let sumN = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(eduSpending[i]!) && students[i]! > 0) {
      sumE += eduSpending[i]!;
      sumN += students[i]!;
    }
  }
  const average = sumN > 0 ? sumE / sumN : 0;
  const gap = Float64Array.from({ length: n }, (_, i) => (Number.isFinite(eduSpending[i]!) && students[i]! > 0 ? Math.max(0, average - eduSpending[i]! / students[i]!) * students[i]! : 0));
  const inverseCapacity = Float64Array.from(figures, (y) => (y && y.population > 0 ? y.population / Math.max(y.revenue, 1) : 0));
  const pressure = figures.map((y) => (y && y.revenue > 0 ? y.expenditure / y.revenue : 0));
  const gapRatio = figures.map((y) => (y && y.expenditure > 0 ? (y.expenditure - y.revenue) / y.expenditure : 0));
  const gapCost = gapColumn ?? new Float64Array(n);
  const factors = { students, population: col((y) => y.population), area: col((y) => y.areaKm2), inverse_capacity: inverseCapacity, standard_gap: gap, gap: gapCost };
  const normalise = (c: Float64Array): Float64Array | null => {
    const total = c.reduce((a, b) => a + b, 0);
    return total > 0 ? c.map((v) => v / total) : null;
  };
  return {
    students,
    primary: col((y) => y.primary),
    junior: col((y) => y.junior),
    factors,
    normalised: { students: normalise(students), population: normalise(factors.population), area: normalise(factors.area), inverse_capacity: normalise(inverseCapacity), standard_gap: normalise(gap), gap: gapColumn ? normalise(gapCost) : null },
    zPressure: Float64Array.from(zScores(pressure)),
    capacityGap: capacityGap(figures),
    zGap: Float64Array.from(zScores(gapRatio)),
    eduSpending,
    present: Uint8Array.from(figures, (y) => (y ? 1 : 0)),
    gapMissing,
  };
}

function capacityGap(figures: readonly (YearFigures | null)[]): Float64Array {
  let revenue = 0;
  let population = 0;
  for (const y of figures) {
    if (y && y.revenue > 0 && y.population > 0) {
      revenue += y.revenue;
      population += y.population;
    }
  }
  const average = population > 0 ? revenue / population : 0;
  return Float64Array.from(figures, (y) => (y && y.revenue > 0 && y.population > 0 ? average / (y.revenue / y.population) - 1 : 0));
}

export function prepare(inputs: SimInputs): Prepared {
  const n = inputs.units.length;
  return {
    n,
    inputs,
    tier: Int8Array.from(inputs.units, (u) => u.tier ?? 0),
    current: columns(inputs.units.map((u) => u.current), ...gapColumn(inputs)),
    prior: columns(inputs.units.map((u) => u.prior)),
    hasPrior: inputs.units.some((u) => u.prior !== null),
    all: Uint32Array.from({ length: n }, (_, i) => i),
    tierMembers: [0, 1, 2, 3, 4, 5].map((t) => Uint32Array.from(inputs.units.flatMap((u, i) => ((u.tier ?? 0) === t ? [i] : [])))),
    scratch: scratch(n),
  };
}

/** The 缺口因素 column (cost to close, 分) in unit order, or why there is none. */
function gapColumn(inputs: SimInputs): [Float64Array | null, string | null] {
  const g = inputs.gap;
  if (!g) return [null, '无数据：本次模拟没有读取学校数据，缺口因素不可用 / no school data was read for this run'];
  if (g.reason) return [null, g.reason];
  const missing = inputs.units.filter((u) => !g.units[u.code]).map((u) => `${u.name}（${u.code}）`);
  if (missing.length) return [null, `无数据：以下单位没有学校数据，无法计算补齐资金：${missing.slice(0, 10).join('、')}${missing.length > 10 ? ` 等 ${missing.length} 个` : ''}`];
  return [Float64Array.from(inputs.units, (u) => g.units[u.code]!.costFen), null];
}

export const DATA_FACTORS = FACTOR_NAMES.filter((f): f is Exclude<FactorName, 'difficulty'> => f !== 'difficulty');
