// The generator's working state: every region as a node of the tree, and its own-level (本级)
// spending and enrolment per level and year in flat typed arrays. Consolidated (全辖) values are
// kept in step by pushing every change up the ancestor chain, so they are always the exact integer
// sum of own_level over the subtree — the invariant the app relies on — and repairs and plants can
// be tried and undone cheaply.
import { LEVEL_CODES, type LevelCode } from '../levels';
import type { RegionLevel } from '../regions/gbt2260';
import type { RegionKind, Scope } from './types';

export const LEVEL_COUNT = LEVEL_CODES.length;

export function levelIndex(code: LevelCode): number {
  return LEVEL_CODES.indexOf(code);
}

export type Tier = 1 | 2 | 3 | 4 | 5;

export type Node = {
  index: number;
  code: string;
  name: string;
  shortName: string;
  level: RegionLevel;
  kind: RegionKind;
  /** −1 for a province. */
  parent: number;
  children: number[];
  /** Nearest first. */
  ancestors: number[];
  devTier: Tier;
  urbanRural: 'urban' | 'rural' | null;
  validFrom: string | null;
  validTo: string | null;
  /** Year indices (0 = first year) in which the code holds facts, inclusive. */
  firstYi: number;
  lastYi: number;
  /** Itself and, through code changes, its predecessors: the codes of its current-boundary series. */
  sources: number[];
  /** Own-level levels run (本级办学), by level index. */
  runs: boolean[];
  /** Relative fiscal capacity (revenue per head ÷ a reference); drives devTier, GDP and per-student. */
  capacity: number;
  /** Persons, per year index (counties only; 0 elsewhere and outside validity). */
  population: Float64Array;
  /** 0.01 km² (counties only). */
  area: number;
  /** Student drift per year from migration to towns (negative: a county losing pupils). */
  studentTrend: number;
  /** The code that replaced this one (撤县设区), or −1. Its series continues there. */
  successor: number;
};

export class DemoState {
  readonly firstYear: number;
  readonly years: number;
  readonly nodes: Node[];
  readonly ownE: Float64Array;
  readonly ownN: Float64Array;
  readonly ownHas: Uint8Array;
  readonly conE: Float64Array;
  readonly conN: Float64Array;
  readonly conHas: Uint8Array;

  constructor(firstYear: number, years: number, nodes: Node[]) {
    this.firstYear = firstYear;
    this.years = years;
    this.nodes = nodes;
    const size = nodes.length * LEVEL_COUNT * years;
    this.ownE = new Float64Array(size);
    this.ownN = new Float64Array(size);
    this.ownHas = new Uint8Array(size);
    this.conE = new Float64Array(size);
    this.conN = new Float64Array(size);
    this.conHas = new Uint8Array(size);
  }

  cell(node: number, level: number, yi: number): number {
    return (node * LEVEL_COUNT + level) * this.years + yi;
  }

  arrays(scope: Scope): { e: Float64Array; n: Float64Array; has: Uint8Array } {
    return scope === 'own_level' ? { e: this.ownE, n: this.ownN, has: this.ownHas } : { e: this.conE, n: this.conN, has: this.conHas };
  }

  /** Sets an own-level amount (an integer of 分) and carries the difference to every consolidated total above. */
  setOwnE(node: number, level: number, yi: number, value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`bad amount ${value} at ${this.nodes[node]?.code}`);
    const i = this.cell(node, level, yi);
    const delta = value - (this.ownE[i] as number);
    if (delta === 0) return;
    this.ownE[i] = value;
    this.conE[i] = (this.conE[i] as number) + delta;
    for (const a of (this.nodes[node] as Node).ancestors) {
      const j = this.cell(a, level, yi);
      this.conE[j] = (this.conE[j] as number) + delta;
    }
  }

  setOwnN(node: number, level: number, yi: number, value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`bad student count ${value} at ${this.nodes[node]?.code}`);
    const i = this.cell(node, level, yi);
    const delta = value - (this.ownN[i] as number);
    if (delta === 0) return;
    this.ownN[i] = value;
    this.conN[i] = (this.conN[i] as number) + delta;
    for (const a of (this.nodes[node] as Node).ancestors) {
      const j = this.cell(a, level, yi);
      this.conN[j] = (this.conN[j] as number) + delta;
    }
  }

  getOwnE(node: number, level: number, yi: number): number {
    return this.ownE[this.cell(node, level, yi)] as number;
  }

  getOwnN(node: number, level: number, yi: number): number {
    return this.ownN[this.cell(node, level, yi)] as number;
  }

  /** Rebuilds every consolidated value from own_level, children before parents. */
  aggregate(): void {
    this.conE.set(this.ownE);
    this.conN.set(this.ownN);
    this.conHas.set(this.ownHas);
    const stride = LEVEL_COUNT * this.years;
    // Deepest first: counties (3 ancestors at most), then prefectures, then provinces.
    const order = [...this.nodes].sort((a, b) => b.ancestors.length - a.ancestors.length);
    for (const node of order) {
      if (node.parent < 0) continue;
      const from = node.index * stride;
      const to = node.parent * stride;
      for (let k = 0; k < stride; k++) {
        this.conE[to + k] = (this.conE[to + k] as number) + (this.conE[from + k] as number);
        this.conN[to + k] = (this.conN[to + k] as number) + (this.conN[from + k] as number);
        this.conHas[to + k] = (this.conHas[to + k] as number) | (this.conHas[from + k] as number);
      }
    }
  }

  /** All nodes of the subtree under `node`, itself included. */
  subtree(node: number): number[] {
    const out = [node];
    for (let i = 0; i < out.length; i++) out.push(...(this.nodes[out[i] as number] as Node).children);
    return out;
  }
}
