// Removes every never-decrease failure from the smooth series, deterministically, before any is
// planted. Real governments meet the rules by topping up budgets where a fall looms, and so does
// this: for a failure in year t it raises that year's own-level spending of the cells behind the
// failing figure just enough (plus a small margin) to pass.
//
// Raising year t can only help every comparison of t with t−1 (any region, any scope, any level:
// spending goes up, students stay), so working year by year from the first converges; it can
// only hurt t+1 against t, which is repaired next.
import { ALL, cubeFailures, type Cube } from './never-decrease';
import type { Rng } from './random';
import { LEVEL_COUNT, type DemoState, type Node } from './state';
import { checkNodes, fillCube, makeCube, type StateFailure } from './state-check';
import type { Scope } from './types';

const MAX_ROUNDS = 60;

export function repair(state: DemoState, rng: Rng): number {
  const cube = makeCube(state);
  // Counties first: fixing them often fixes the prefecture above.
  const order = [...state.nodes].sort((a, b) => b.ancestors.length - a.ancestors.length || a.index - b.index).map((n) => n.index);
  let repairs = 0;
  for (let t = 1; t < state.years; t++) {
    let round = 0;
    for (;;) {
      const failing = checkNodes(state, order, t, t, cube);
      if (failing.length === 0) break;
      if (++round > MAX_ROUNDS) throw new Error(`demo repair did not converge in year ${state.firstYear + t}`);
      const seen = new Set<string>();
      for (const f of failing) {
        const key = `${f.node}|${f.scope}`;
        if (seen.has(key)) continue;
        seen.add(key);
        repairs += repairPair(state, cube, f.node, f.scope, t, rng);
      }
    }
  }
  return repairs;
}

/** Fixes one region in one scope at year index t, one failure at a time. */
function repairPair(state: DemoState, cube: Cube, node: number, scope: Scope, t: number, rng: Rng): number {
  let n = 0;
  for (let guard = 0; guard < 20; guard++) {
    fillCube(state, cube, node, scope);
    const found: StateFailure[] = [];
    cubeFailures(cube, t, t, (rule, yi, level) => found.push({ node, scope, rule, yi, level }));
    const f = found[0];
    if (!f) return n;
    raise(state, f, neededFactor(cube, f) * (1 + rng.range(0.0005, 0.004)));
    n++;
  }
  throw new Error(`demo repair stuck at ${(state.nodes[node] as Node).code}`);
}

/** How much the failing figure's spending must grow for it to equal the prior year. */
function neededFactor(cube: Cube, f: StateFailure): number {
  const Y = cube.years;
  let e1 = 0;
  let e0 = 0;
  let n1 = 0;
  let n0 = 0;
  for (let l = 0; l < cube.levels; l++) {
    if (f.level !== ALL && l !== f.level) continue;
    const i = l * Y + f.yi;
    if (cube.hasE[i]) e1 += cube.e[i] as number;
    if (cube.hasE[i - 1]) e0 += cube.e[i - 1] as number;
    if (cube.hasN[i]) n1 += cube.n[i] as number;
    if (cube.hasN[i - 1]) n0 += cube.n[i - 1] as number;
  }
  if (e1 <= 0) throw new Error('cannot repair a figure with no spending');
  return f.rule === 'edu-spending-no-decrease' ? e0 / e1 : (e0 * n1) / (n0 * e1);
}

/** Multiplies the own-level spending behind a failing figure in its year by `factor` (rounding up). */
function raise(state: DemoState, f: StateFailure, factor: number): void {
  const node = state.nodes[f.node] as Node;
  for (const src of node.sources) {
    const s = state.nodes[src] as Node;
    if (f.yi < s.firstYi || f.yi > s.lastYi) continue;
    const targets = f.scope === 'own_level' ? [src] : state.subtree(src);
    for (const target of targets) {
      for (let l = 0; l < LEVEL_COUNT; l++) {
        if (f.level !== ALL && l !== f.level) continue;
        const i = state.cell(target, l, f.yi);
        if (!state.ownHas[i]) continue;
        state.setOwnE(target, l, f.yi, Math.ceil((state.ownE[i] as number) * factor));
      }
    }
  }
}
