// (f) reference: the reads and writes any complete scenario evaluation must make, and nothing else.
// Per county it reads each input some mechanism needs — five factor columns, the two difficulty
// components, primary and junior pupils (standard component), students (per-student floor), last
// year's allocation (hold-harmless, growth band), the baseline allocation (the change), recorded
// education spending and the two rule thresholds — and writes the four results a scenario must
// report at the least: the allocation, spending after the transfer and the two rule statuses. One
// pass, weighted sums only: no bounds, no λ, no rounding to the 分, so it is NOT an allocation;
// nothing uses its numbers. The columns reach the loop as parameters, as they reach any real
// implementation; output arrays are allocated once (the most favourable case).
import { DATA_FACTORS, type Prepared } from '../core/transfer/prepare';
import { ruleData } from '../core/transfer/rules';
import { baselineRun } from '../core/transfer/simulate';

export type CompulsoryColumns = {
  factors: readonly Float64Array[];
  zPressure: Float64Array;
  zGap: Float64Array;
  primary: Float64Array;
  junior: Float64Array;
  students: Float64Array;
  lastYear: Float64Array;
  baseline: Float64Array;
  eduSpending: Float64Array;
  thresholdA: Float64Array;
  thresholdB: Float64Array;
};

export type CompulsoryOutputs = { amounts: Float64Array; eduAfter: Float64Array; ruleA: Uint8Array; ruleB: Uint8Array };

/** The columns from a prepared data set (built once, untimed) and output arrays for them. */
export function compulsoryColumns(p: Prepared): { columns: CompulsoryColumns; outputs: CompulsoryOutputs } {
  const c = p.current;
  const base = baselineRun(p);
  const rules = ruleData(p);
  const factors = DATA_FACTORS.map((f) => {
    const column = c.normalised[f];
    if (!column) throw new Error(`(f) the ${f} column is empty`);
    return column;
  });
  const n = p.n;
  return {
    columns: { factors, zPressure: c.zPressure, zGap: c.zGap, primary: c.primary, junior: c.junior, students: c.students, lastYear: base.prior, baseline: base.allocation.amounts, eduSpending: c.eduSpending, thresholdA: rules.priorSpending, thresholdB: rules.leastB },
    outputs: { amounts: new Float64Array(n), eduAfter: new Float64Array(n), ruleA: new Uint8Array(n), ruleB: new Uint8Array(n) },
  };
}

/** One pass over every county: read each compulsory input once, write each compulsory output once. */
export function compulsoryPass(weights: readonly number[], columns: CompulsoryColumns, out: CompulsoryOutputs): void {
  const [f0, f1, f2, f3, f4] = columns.factors as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const [w0, w1, w2, w3, w4] = weights as [number, number, number, number, number];
  const { zPressure, zGap, primary, junior, students, lastYear, baseline, eduSpending, thresholdA, thresholdB } = columns;
  const { amounts, eduAfter, ruleA, ruleB } = out;
  for (let i = 0; i < amounts.length; i++) {
    const share = w0 * f0[i]! + w1 * f1[i]! + w2 * f2[i]! + w3 * f3[i]! + w4 * f4[i]! + 0.01 * (zPressure[i]! + zGap[i]!);
    const amount = share * 1e12 + 500 * primary[i]! + 600 * junior[i]! + 200 * students[i]! + 0.9 * lastYear[i]!;
    amounts[i] = amount;
    const e = eduSpending[i]! + amount - baseline[i]!;
    eduAfter[i] = e;
    ruleA[i] = Number(e < thresholdA[i]!);
    ruleB[i] = Number(e < thresholdB[i]!);
  }
}
