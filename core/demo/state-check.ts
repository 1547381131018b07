// The never-decrease check on the generator's working state, with the same comparator as the
// self-check on emitted rows (never-decrease.ts), so repair and planting see exactly the failures
// the final verification will see.
import { cubeFailures, levelOrAll, newCube, type Cube, type NeverDecreaseFailure, type Rule } from './never-decrease';
import { LEVEL_COUNT, type DemoState, type Node } from './state';
import type { Scope } from './types';

export const SCOPES: readonly Scope[] = ['consolidated', 'own_level'];

export type StateFailure = { node: number; scope: Scope; rule: Rule; yi: number; level: number };

export function makeCube(state: DemoState): Cube {
  return newCube(LEVEL_COUNT, state.years);
}

/** Loads a node's current-boundary series (itself plus predecessors) in one scope into `cube`. */
export function fillCube(state: DemoState, cube: Cube, node: number, scope: Scope): void {
  const { e, n, has } = state.arrays(scope);
  const stride = LEVEL_COUNT * state.years;
  const sources = (state.nodes[node] as Node).sources;
  const first = (sources[0] as number) * stride;
  cube.e.set(e.subarray(first, first + stride));
  cube.n.set(n.subarray(first, first + stride));
  cube.hasE.set(has.subarray(first, first + stride));
  cube.hasN.set(has.subarray(first, first + stride));
  for (let s = 1; s < sources.length; s++) {
    const base = (sources[s] as number) * stride;
    for (let k = 0; k < stride; k++) {
      cube.e[k] = (cube.e[k] as number) + (e[base + k] as number);
      cube.n[k] = (cube.n[k] as number) + (n[base + k] as number);
      const h = (cube.hasE[k] as number) | (has[base + k] as number);
      cube.hasE[k] = h;
      cube.hasN[k] = h;
    }
  }
}

/** Failures of the given nodes, both scopes, in year indices [fromYi, toYi]. */
export function checkNodes(state: DemoState, nodes: Iterable<number>, fromYi: number, toYi: number, cube: Cube = makeCube(state)): StateFailure[] {
  const out: StateFailure[] = [];
  for (const node of nodes) {
    for (const scope of SCOPES) {
      fillCube(state, cube, node, scope);
      cubeFailures(cube, fromYi, toYi, (rule, yi, level) => out.push({ node, scope, rule, yi, level }));
    }
  }
  return out;
}

export function allNodes(state: DemoState): number[] {
  return state.nodes.map((n) => n.index);
}

export function toFailure(state: DemoState, f: StateFailure): NeverDecreaseFailure {
  return { rule: f.rule, regionCode: (state.nodes[f.node] as Node).code, year: state.firstYear + f.yi, level: levelOrAll(f.level), scope: f.scope };
}

export function stateFailureKey(f: StateFailure): string {
  return `${f.rule}|${f.node}|${f.scope}|${f.yi}|${f.level}`;
}
