// The two never-decrease rules (两个只增不减, docs/domain.md#never-decrease-formulas) on one region's series in one scope, as
// the demo defines them. Shared by the generator (to repair and plant) and by the self-check (to
// verify the rows it emitted), so both apply the same definition:
//
//   edu-spending-no-decrease, level 'all': E(t) < E(t−1), E = Σ over levels of spending.
//   per-student-no-decrease, level ℓ:      E(t,ℓ)/N(t,ℓ) < E(t−1,ℓ)/N(t−1,ℓ); N/A when N is 0 or
//                                          missing in either year.
//   per-student-no-decrease, level 'all':  ΣE/ΣN over the levels present, same comparison.
//
// Equality passes ("不减"). Ratios are compared exactly (see ratioLess).
import { LEVEL_CODES, type LevelOrAll } from '../levels';
import type { PlantedFailure } from './types';

export type Rule = PlantedFailure['rule'];
export type NeverDecreaseFailure = Omit<PlantedFailure, 'description'>;

/** One region's series in one scope: level-major, `years` per level. */
export type Cube = {
  levels: number;
  years: number;
  e: Float64Array;
  n: Float64Array;
  hasE: Uint8Array;
  hasN: Uint8Array;
};

export function newCube(levels: number, years: number): Cube {
  const size = levels * years;
  return { levels, years, e: new Float64Array(size), n: new Float64Array(size), hasE: new Uint8Array(size), hasN: new Uint8Array(size) };
}

export function clearCube(c: Cube): void {
  c.e.fill(0);
  c.n.fill(0);
  c.hasE.fill(0);
  c.hasN.fill(0);
}

/** Index of 'all' in sinks: it is not a level of the cube. */
export const ALL = -1;

export function levelOrAll(level: number): LevelOrAll {
  return level === ALL ? 'all' : (LEVEL_CODES[level] as LevelOrAll);
}

/**
 * a/b < c/d exactly, for non-negative safe integers with b, d > 0. The products can exceed 2^53
 * (a province's 分 × its students), so a tie or near-tie is settled with BigInt. The float test is
 * only a shortcut: each float product is within 2^-53 of the true product, so a relative gap above
 * 1e-9 cannot be a rounding artefact and decides the same way the BigInt comparison would.
 */
export function ratioLess(a: number, b: number, c: number, d: number): boolean {
  const x = a * d;
  const y = c * b;
  const gap = Math.abs(x - y);
  if (gap > 1e-9 * Math.max(x, y)) return x < y;
  return BigInt(a) * BigInt(d) < BigInt(c) * BigInt(b);
}

export type CubeSink = (rule: Rule, yi: number, level: number) => void;

/** Reports every failure in year indices [fromYi, toYi] (each compared with the year before). */
export function cubeFailures(c: Cube, fromYi: number, toYi: number, sink: CubeSink): void {
  const Y = c.years;
  for (let t = Math.max(1, fromYi); t <= Math.min(Y - 1, toYi); t++) {
    let e1 = 0;
    let e0 = 0;
    let n1 = 0;
    let n0 = 0;
    let anyE1 = false;
    let anyE0 = false;
    let anyN1 = false;
    let anyN0 = false;
    for (let l = 0; l < c.levels; l++) {
      const i1 = l * Y + t;
      const i0 = i1 - 1;
      if (c.hasE[i1]) {
        anyE1 = true;
        e1 += c.e[i1] as number;
      }
      if (c.hasE[i0]) {
        anyE0 = true;
        e0 += c.e[i0] as number;
      }
      if (c.hasN[i1]) {
        anyN1 = true;
        n1 += c.n[i1] as number;
      }
      if (c.hasN[i0]) {
        anyN0 = true;
        n0 += c.n[i0] as number;
      }
    }
    if (anyE1 && anyE0 && e1 < e0) sink('edu-spending-no-decrease', t, ALL);
    for (let l = 0; l < c.levels; l++) {
      const i1 = l * Y + t;
      const i0 = i1 - 1;
      if (!c.hasE[i1] || !c.hasE[i0] || !c.hasN[i1] || !c.hasN[i0]) continue;
      const ln1 = c.n[i1] as number;
      const ln0 = c.n[i0] as number;
      if (ln1 <= 0 || ln0 <= 0) continue;
      if (ratioLess(c.e[i1] as number, ln1, c.e[i0] as number, ln0)) sink('per-student-no-decrease', t, l);
    }
    if (anyE1 && anyE0 && anyN1 && anyN0 && n1 > 0 && n0 > 0 && ratioLess(e1, n1, e0, n0)) sink('per-student-no-decrease', t, ALL);
  }
}

export function failureKey(f: NeverDecreaseFailure): string {
  return `${f.rule}|${f.regionCode}|${f.scope}|${f.year}|${f.level}`;
}

const LEVEL_ORDER: Record<LevelOrAll, number> = { preschool: 0, primary: 1, junior: 2, senior: 3, sec_voc: 4, special: 5, higher: 6, all: 7 };

/** Canonical order: region, year, scope, rule, level. */
export function compareFailures(a: NeverDecreaseFailure, b: NeverDecreaseFailure): number {
  if (a.regionCode !== b.regionCode) return a.regionCode < b.regionCode ? -1 : 1;
  if (a.year !== b.year) return a.year - b.year;
  if (a.scope !== b.scope) return a.scope < b.scope ? -1 : 1;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level];
}
