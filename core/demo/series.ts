// Smooth own-level series: autumn enrolment and spending per level and year for every region that
// runs the level. Enrolment follows the national shapes (profiles.ts) scaled by the region's
// population, with a drift for pupils moving to towns; per-student spending grows along the common
// path with a persistent regional offset and yearly noise; spending = per-student × students,
// rounded to the 分 (so amounts are not round 元, like real accounts).
//
// Nothing here guarantees the never-decrease rules; repair.ts does that afterwards.
import { LEVEL_CODES, type LevelCode } from '../levels';
import type { Layout } from './layout';
import { enrolmentIndex, perStudentGrowth, perStudentIndex } from './profiles';
import { createRng, type Rng } from './random';
import { LEVEL_COUNT, type DemoState, type Node } from './state';

/** Students per inhabitant in the last year, for a county-level unit running the level. */
const COUNTY_RATE: Record<Exclude<LevelCode, 'higher'>, number> = {
  preschool: 0.022,
  primary: 0.062,
  junior: 0.033,
  senior: 0.0125,
  sec_voc: 0.005,
  special: 0.00035,
};

/** Per-student spending in the last year (元), by who runs the school. */
const PER_STUDENT: Record<'county' | 'prefecture' | 'province', Partial<Record<LevelCode, number>>> = {
  county: { preschool: 10_200, primary: 13_700, junior: 19_000, senior: 21_200, sec_voc: 22_300, special: 64_000 },
  prefecture: { senior: 23_500, sec_voc: 23_500, special: 70_000, higher: 21_000 },
  province: { preschool: 12_000, primary: 15_000, junior: 20_000, senior: 25_000, sec_voc: 24_500, special: 72_000, higher: 26_500 },
};

/** Enrolment shape; damped where the national series mixes in growth a region's own schools did not have. */
function shape(level: LevelCode, year: number): number {
  const idx = enrolmentIndex(level, year);
  // Special: the national count includes 随班就读 pupils, which grew much faster than special schools.
  // Higher: a province's own universities grew more slowly than the national total.
  return level === 'special' ? Math.pow(idx, 0.5) : level === 'higher' ? Math.pow(idx, 0.6) : idx;
}

type Ctx = { state: DemoState; layout: Layout; seed: number };

export function fillSeries(state: DemoState, layout: Layout, seed: number): void {
  const ctx: Ctx = { state, layout, seed };
  const nodes = state.nodes;
  const spendNorm = countySpendNorm(nodes);
  for (const n of nodes) {
    if (n.validFrom !== null) continue; // a successor code: its years are moved over from its predecessor
    const rng = createRng(seed, 'series', n.code);
    const provinceIdx = n.ancestors.length ? (n.ancestors[n.ancestors.length - 1] as number) : n.index;
    const provinceFactor = layout.provinceSpendFactor.get(provinceIdx) ?? 1;
    const lastYi = n.successor >= 0 ? (nodes[n.successor] as Node).lastYi : n.lastYi;
    const pop = placePopulation(ctx, n, lastYi);
    for (let l = 0; l < LEVEL_COUNT; l++) {
      if (!n.runs[l]) continue;
      const level = LEVEL_CODES[l] as LevelCode;
      const students = enrolment(ctx, n, level, pop, rng, lastYi);
      let who: 'county' | 'prefecture' | 'province' = n.level;
      if (PER_STUDENT[who][level] === undefined) who = 'province';
      const capFactor = n.level === 'county' ? Math.pow(n.capacity, 0.15) / (spendNorm.get(provinceIdx) ?? 1) : 1.03;
      const anchor = (PER_STUDENT[who][level] as number) * capFactor * provinceFactor * (n.level === 'county' ? rng.range(0.95, 1.05) : rng.range(0.97, 1.03));
      spending(ctx, n, l, level, students, anchor, rng, lastYi);
    }
  }
  moveToSuccessors(state);
}

/** Population of the place a node stands for, per year index (the province's or prefecture's: sum of its counties). */
function placePopulation(ctx: Ctx, n: Node, lastYi: number): Float64Array {
  const { state } = ctx;
  const out = new Float64Array(state.years);
  const add = (m: Node): void => {
    for (let y = 0; y <= lastYi; y++) out[y] = (out[y] as number) + (m.population[y] as number);
  };
  if (n.level === 'county') {
    add(n);
    if (n.successor >= 0) add(state.nodes[n.successor] as Node);
  } else {
    for (const i of state.subtree(n.index)) if ((state.nodes[i] as Node).level === 'county') add(state.nodes[i] as Node);
  }
  return out;
}

/** Share of a prefecture's people living in counties that do not run `level` (their pupils go to 市直 schools). */
function uncoveredShare(ctx: Ctx, n: Node, level: LevelCode): number {
  const l = LEVEL_CODES.indexOf(level);
  let all = 0;
  let without = 0;
  const last = ctx.state.years - 1;
  for (const i of n.children) {
    const c = ctx.state.nodes[i] as Node;
    const p = Math.max(c.population[last] as number, c.population[c.lastYi] as number);
    all += p;
    if (!c.runs[l]) without += p;
  }
  return all > 0 ? without / all : 0;
}

function enrolment(ctx: Ctx, n: Node, level: LevelCode, pop: Float64Array, rng: Rng, lastYi: number): Float64Array {
  const { state } = ctx;
  const last = state.years - 1;
  const lastPop = (pop[last] as number) || (pop[lastYi] as number);
  let base: number; // students in the last year
  if (n.level === 'county') {
    base = lastPop * COUNTY_RATE[level as Exclude<LevelCode, 'higher'>] * rng.range(0.85, 1.15);
  } else if (n.level === 'prefecture') {
    const rate: Partial<Record<LevelCode, number>> = {
      senior: 0.0042 + 0.0125 * uncoveredShare(ctx, n, 'senior'),
      sec_voc: 0.0022 + 0.0025 * uncoveredShare(ctx, n, 'sec_voc'),
      special: 0.0001,
    };
    base = level === 'higher' ? rng.range(8_000, 20_000) : lastPop * (rate[level] ?? 0.001) * rng.range(0.85, 1.15);
  } else {
    const tierBoost = n.devTier === 5 ? 1.8 : n.devTier === 4 ? 1.1 : 0.95;
    const rate: Partial<Record<LevelCode, number>> = { higher: 0.0158 * tierBoost, sec_voc: 0.0011, senior: 0.004, special: 0.0001 };
    base = lastPop * (rate[level] ?? 0.001) * rng.range(0.95, 1.05);
  }
  const noiseAmp = level === 'special' ? 0.04 : n.level === 'county' ? 0.008 : 0.012;
  const out = new Float64Array(state.years);
  let eta = 0;
  for (let y = n.firstYi; y <= lastYi; y++) {
    eta = 0.6 * eta + rng.range(-noiseAmp, noiseAmp);
    const popRatio = level === 'higher' ? 1 : (pop[y] as number) / lastPop;
    const drift = Math.exp(-n.studentTrend * (last - y));
    const v = base * popRatio * shape(level, state.firstYear + y) * drift * (1 + eta);
    out[y] = Math.max(level === 'special' ? 8 : 50, Math.round(v));
  }
  return out;
}

function spending(ctx: Ctx, n: Node, l: number, level: LevelCode, students: Float64Array, anchor: number, rng: Rng, lastYi: number): void {
  const { state } = ctx;
  const firstYear = state.firstYear;
  // Start from where the common path puts the first year, then walk forward: a persistent regional
  // offset (some counties invest faster) plus yearly noise, never enough to turn growth negative.
  // A province's or prefecture's own schools are few and large: a single series with no averaging
  // over counties, so its drift is kept tighter than a county's.
  const spread = n.level === 'county' ? 1 : 0.3;
  const offset = rng.range(-0.005, 0.005) * spread;
  let p = anchor * perStudentIndex(level, firstYear + n.firstYi) * rng.range(1 - 0.03 * spread, 1 + 0.03 * spread);
  for (let y = n.firstYi; y <= lastYi; y++) {
    if (y > n.firstYi) p *= 1 + perStudentGrowth(level, firstYear + y) + offset + rng.range(-0.012, 0.012) * Math.max(spread, 0.5);
    const i = state.cell(n.index, l, y);
    state.ownN[i] = students[y] as number;
    state.ownE[i] = Math.round(p * (students[y] as number) * 100);
    state.ownHas[i] = 1;
  }
}

/** Normaliser so that the population-weighted county spending factor of each province averages 1. */
function countySpendNorm(nodes: readonly Node[]): Map<number, number> {
  const acc = new Map<number, { w: number; s: number }>();
  for (const n of nodes) {
    if (n.level !== 'county' || n.validFrom !== null) continue;
    const prov = n.ancestors[n.ancestors.length - 1] as number;
    const a = acc.get(prov) ?? { w: 0, s: 0 };
    const pop = Math.max(...n.population);
    a.w += pop;
    a.s += pop * Math.pow(n.capacity, 0.15);
    acc.set(prov, a);
  }
  return new Map([...acc].map(([k, a]) => [k, a.s / a.w]));
}

/** After 撤县设区 the same schools report under the new code: move those years over. */
function moveToSuccessors(state: DemoState): void {
  for (const n of state.nodes) {
    if (n.successor < 0) continue;
    const succ = state.nodes[n.successor] as Node;
    for (let l = 0; l < LEVEL_COUNT; l++) {
      for (let y = succ.firstYi; y <= succ.lastYi; y++) {
        const from = state.cell(n.index, l, y);
        const to = state.cell(succ.index, l, y);
        state.ownE[to] = state.ownE[from] as number;
        state.ownN[to] = state.ownN[from] as number;
        state.ownHas[to] = state.ownHas[from] as number;
        state.ownE[from] = 0;
        state.ownN[from] = 0;
        state.ownHas[from] = 0;
      }
    }
  }
}
