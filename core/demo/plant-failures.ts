// Plants a small, documented set of never-decrease failures into repaired (failure-free) series.
//
// Each case edits one region's own-level figures and says which failures it must produce
// (`required`) and which it may produce (`allowed`). A candidate (region, year) is tried, the region
// and its ancestors are re-checked over all years in both scopes, and the edit is kept only if the
// new failures are exactly required ⊆ new ⊆ required ∪ allowed and no earlier failure disappeared;
// otherwise it is undone and the next candidate (in a seeded order) is tried. So every planted
// failure is intended and nothing else fails, whatever the seed.
//
// For a county 全辖 equals 本级, so a county failure appears in both scopes and is listed twice.
import { levelInfo, LEVEL_CODES, type LevelCode } from '../levels';
import { ALL, compareFailures } from './never-decrease';
import type { Rng } from './random';
import { levelIndex, LEVEL_COUNT, type DemoState, type Node } from './state';
import { checkNodes, SCOPES, stateFailureKey, toFailure, type StateFailure } from './state-check';
import type { PlantedFailure, Scope } from './types';

export type PlantKind =
  | 'total-cut'
  | 'total-fall-enrolment-fell'
  | 'tiny-fall'
  | 'level-enrolment-jump'
  | 'all-composition'
  | 'own-level-prefecture';

/** The cases planted at each scale, in planting order. */
export const PROVINCE_RECIPE: readonly PlantKind[] = [
  'total-cut',
  'total-fall-enrolment-fell',
  'tiny-fall',
  'level-enrolment-jump',
  'level-enrolment-jump',
  'level-enrolment-jump',
  'all-composition',
  'own-level-prefecture',
];
export const NATIONAL_RECIPE: readonly PlantKind[] = PROVINCE_RECIPE;

type Expect = { rule: StateFailure['rule']; level: number; scopes: readonly Scope[] };
type Applied = { required: Expect[]; allowed: Expect[]; describe: (f: StateFailure) => string };

/** Records every change so a rejected candidate can be undone exactly. */
class Journal {
  private readonly undo: (() => void)[] = [];
  readonly state: DemoState;
  constructor(state: DemoState) {
    this.state = state;
  }
  setE(node: number, l: number, y: number, v: number): void {
    const old = this.state.getOwnE(node, l, y);
    this.undo.push(() => this.state.setOwnE(node, l, y, old));
    this.state.setOwnE(node, l, y, v);
  }
  setN(node: number, l: number, y: number, v: number): void {
    const old = this.state.getOwnN(node, l, y);
    this.undo.push(() => this.state.setOwnN(node, l, y, old));
    this.state.setOwnN(node, l, y, v);
  }
  rollback(): void {
    while (this.undo.length) (this.undo.pop() as () => void)();
  }
}

/** Own-level figures of one node: per level, and totals over the levels it has. */
class View {
  readonly s: DemoState;
  readonly node: number;
  constructor(s: DemoState, node: number) {
    this.s = s;
    this.node = node;
  }
  has(l: number, y: number): boolean {
    return this.s.ownHas[this.s.cell(this.node, l, y)] === 1;
  }
  e(l: number, y: number): number {
    return this.s.getOwnE(this.node, l, y);
  }
  n(l: number, y: number): number {
    return this.s.getOwnN(this.node, l, y);
  }
  levels(y: number): number[] {
    const out: number[] = [];
    for (let l = 0; l < LEVEL_COUNT; l++) if (this.has(l, y) && this.has(l, y - 1)) out.push(l);
    return out;
  }
  sumE(y: number): number {
    let s = 0;
    for (let l = 0; l < LEVEL_COUNT; l++) if (this.has(l, y)) s += this.e(l, y);
    return s;
  }
  sumN(y: number): number {
    let s = 0;
    for (let l = 0; l < LEVEL_COUNT; l++) if (this.has(l, y)) s += this.n(l, y);
    return s;
  }
  /** Spending growth of level l (or ALL) from y−1 to y. */
  gE(l: number, y: number): number {
    return l === ALL ? this.sumE(y) / this.sumE(y - 1) - 1 : this.e(l, y) / this.e(l, y - 1) - 1;
  }
  gN(l: number, y: number): number {
    return l === ALL ? this.sumN(y) / this.sumN(y - 1) - 1 : this.n(l, y) / this.n(l, y - 1) - 1;
  }
  gP(l: number, y: number): number {
    return (1 + this.gE(l, y)) / (1 + this.gN(l, y)) - 1;
  }
}

function pct(g: number): string {
  const s = (Math.abs(g) * 100).toFixed(2);
  return g < 0 ? `下降${s}%` : `增长${s}%`;
}

/** How schools run by a prefecture's own level are called (市直 / 州直 / 地直 / 盟直). */
const DIRECT_PREFIX: Partial<Record<Node['kind'], string>> = { prefecture_city: '市直', autonomous_prefecture: '州直', prefecture: '地直', league: '盟直' };
const zh = (l: number): string => levelInfo(LEVEL_CODES[l] as LevelCode).zh;
const BOTH: readonly Scope[] = SCOPES;
const OWN: readonly Scope[] = ['own_level'];

function scopeNote(f: StateFailure, county: boolean): string {
  if (!county) return f.scope === 'own_level' ? '（本级口径）' : '（全辖口径）';
  return f.scope === 'own_level' ? '（本级口径；县级全辖与本级相同）' : '（全辖口径；县级全辖与本级相同）';
}

/** Region name as an official list prints it: prefecture + county (and province at national scale). */
function fullName(s: DemoState, node: number, withProvince: boolean): string {
  const n = s.nodes[node] as Node;
  const parts = [...n.ancestors].reverse().map((a) => s.nodes[a] as Node);
  const names = parts.filter((p) => p.kind !== 'municipal_pseudo' && (withProvince || p.level !== 'province')).map((p) => p.name);
  return names.join('') + n.name;
}

/** `relaxed`: a second pass, allowed to use a less tidy variant when no candidate fits the tidy one. */
type CaseFn = (j: Journal, v: View, y: number, rng: Rng, name: string, relaxed: boolean) => Applied | null;

const CASES: Record<PlantKind, CaseFn> = {
  /** A genuine cut: one level's capital spending stops, the total and per-student figures fall. */
  'total-cut': (j, v, y, rng, name) => {
    const candidates = ['primary', 'junior', 'senior'].map((c) => levelIndex(c as LevelCode)).filter((l) => v.levels(y).includes(l));
    if (candidates.length === 0) return null;
    const l = rng.pick(candidates);
    const e0 = v.sumE(y - 1);
    const target = Math.floor(e0 * (1 - rng.range(0.015, 0.04))) - rng.int(0, 97);
    const cut = v.sumE(y) - target;
    // A believable pause in building, not a level halved: years of fast growth are skipped.
    if (cut <= 0 || cut > 0.15 * v.e(l, y)) return null;
    j.setE(v.node, l, y, v.e(l, y) - cut);
    return {
      required: [
        { rule: 'edu-spending-no-decrease', level: ALL, scopes: BOTH },
        { rule: 'per-student-no-decrease', level: l, scopes: BOTH },
      ],
      allowed: [{ rule: 'per-student-no-decrease', level: ALL, scopes: BOTH }],
      describe: (f) => {
        const head = `${name}${v.s.firstYear + y}年：当年暂停${zh(l)}学校新建工程，${zh(l)}支出${pct(v.gE(l, y))}`;
        if (f.rule === 'edu-spending-no-decrease') return `${head}，教育支出合计${pct(v.gE(ALL, y))}，未做到一般公共预算教育支出只增不减${scopeNote(f, true)}。`;
        if (f.level === ALL) return `${head}，教育支出合计${pct(v.gE(ALL, y))}而在校生合计${pct(v.gN(ALL, y))}，合计生均${pct(v.gP(ALL, y))}${scopeNote(f, true)}。`;
        return `${head}，${zh(l)}在校生${pct(v.gN(l, y))}，${zh(l)}生均${pct(v.gP(l, y))}${scopeNote(f, true)}。`;
      },
    };
  },

  /** Pupils leave faster than spending falls: the total fails, every per-student figure still rises. */
  'total-fall-enrolment-fell': (j, v, y, rng, name) => {
    const drop = 1 - v.sumN(y) / v.sumN(y - 1);
    if (drop < 0.012) return null;
    const d = Math.min(0.02, drop * rng.range(0.35, 0.65));
    const target = Math.floor(v.sumE(y - 1) * (1 - d)) - rng.int(0, 97);
    if (!cutWithinHeadroom(j, v, y, v.sumE(y) - target)) return null;
    return {
      required: [{ rule: 'edu-spending-no-decrease', level: ALL, scopes: BOTH }],
      allowed: [],
      describe: (f) =>
        `${name}${v.s.firstYear + y}年：人口外流、生源进城，在校生合计${pct(v.gN(ALL, y))}，教育支出合计随之${pct(v.gE(ALL, y))}；合计生均仍${pct(v.gP(ALL, y))}、各学段生均均未下降——总量只增不减未达标，生均达标${scopeNote(f, true)}。`,
    };
  },

  /** A fall of a few 分 on hundreds of millions: prints as −0.00 % and is still a failure. */
  'tiny-fall': (j, v, y, rng, name) => {
    if (v.sumN(y) > v.sumN(y - 1) * 0.998) return null;
    const e0 = v.sumE(y - 1);
    const k = rng.int(3, 9);
    if (k / e0 >= 0.00005) return null;
    if (!cutWithinHeadroom(j, v, y, v.sumE(y) - (e0 - k))) return null;
    return {
      required: [{ rule: 'edu-spending-no-decrease', level: ALL, scopes: BOTH }],
      allowed: [],
      describe: (f) =>
        `${name}${v.s.firstYear + y}年：教育支出合计${yuan(v.sumE(y))}元，仅比上年少${v.sumE(y - 1) - v.sumE(y)}分，按两位小数增幅显示为−0.00%，但仍是下降，应判未达标（审计边界情形）${scopeNote(f, true)}。`,
    };
  },

  /** Enrolment of one level jumps (schools consolidated): that level's per-student falls, the total still rises. */
  'level-enrolment-jump': (j, v, y, rng, name) => {
    const candidates = ['preschool', 'junior', 'senior'].map((c) => levelIndex(c as LevelCode)).filter((l) => v.levels(y).includes(l));
    if (candidates.length === 0) return null;
    const l = rng.pick(candidates);
    const jump = v.gP(l, y) + rng.range(0.02, 0.05);
    const last = (v.s.nodes[v.node] as Node).lastYi;
    for (let t = y; t <= last; t++) {
      j.setN(v.node, l, t, Math.round(v.n(l, t) * (1 + jump)));
      // Funding follows the larger school a year later.
      if (t > y) j.setE(v.node, l, t, Math.round(v.e(l, t) * (1 + jump)));
    }
    return {
      required: [{ rule: 'per-student-no-decrease', level: l, scopes: BOTH }],
      allowed: [],
      describe: (f) =>
        `${name}${v.s.firstYear + y}年：学校布局调整、外乡镇学生集中就读，${zh(l)}在校生${pct(v.gN(l, y))}，${zh(l)}支出${pct(v.gE(l, y))}，${zh(l)}生均${pct(v.gP(l, y))}；教育支出合计仍${pct(v.gE(ALL, y))}${scopeNote(f, true)}。`,
    };
  },

  /**
   * A lean year in which every level's per-student spending only just rises, while pre-school
   * places expand: the cheaper level's larger share pulls the combined figure down (a composition
   * effect) although no level falls.
   */
  'all-composition': (j, v, y, rng, name) => {
    const pre = levelIndex('preschool');
    const levels = v.levels(y);
    if (!levels.includes(pre)) return null;
    const jump = rng.range(0.12, 0.25);
    const last = (v.s.nodes[v.node] as Node).lastYi;
    const ratio = Math.round(v.n(pre, y) * (1 + jump)) / v.n(pre, y);
    // The new kindergartens stay open: later years keep the larger size at their own per-child level.
    for (let t = y; t <= last; t++) {
      j.setN(v.node, pre, t, Math.round(v.n(pre, t) * ratio));
      if (t > y) j.setE(v.node, pre, t, Math.round(v.e(pre, t) * ratio));
    }
    for (const l of levels) {
      const lean = (v.e(l, y - 1) * v.n(l, y)) / v.n(l, y - 1);
      j.setE(v.node, l, y, Math.ceil(lean * (1 + rng.range(0.002, 0.006))));
    }
    if (v.gP(ALL, y) >= -0.001) return null;
    return {
      required: [{ rule: 'per-student-no-decrease', level: ALL, scopes: BOTH }],
      allowed: [],
      describe: (f) =>
        `${name}${v.s.firstYear + y}年：财力紧张，各学段生均仅微增（学前生均${pct(v.gP(pre, y))}），同时学前教育普及攻坚、在园幼儿${pct(v.gN(pre, y))}，生均较低的学前教育占比上升，教育支出合计${pct(v.gE(ALL, y))}，但合计生均${pct(v.gP(ALL, y))}——各学段均达标而合计未达标${scopeNote(f, true)}。`,
    };
  },

  /**
   * A prefecture's own (本级) spending falls after a one-off project; its consolidated figures (the
   * total and every level's per-student) still rise: the cut stays within the level's consolidated
   * per-student headroom.
   */
  'own-level-prefecture': (j, v, y, rng, name, relaxed) => {
    const levels = v.levels(y);
    if (levels.length === 0) return null;
    const s = v.s;
    const conE = (l: number, t: number): number => s.conE[s.cell(v.node, l, t)] as number;
    const conN = (l: number, t: number): number => s.conN[s.cell(v.node, l, t)] as number;
    const target = Math.floor(v.sumE(y - 1) * (1 - rng.range(0.02, 0.05))) - rng.int(0, 97);
    const room = new Array<number>(LEVEL_COUNT).fill(0);
    for (const l of levels) {
      const floor = Math.ceil(((conE(l, y - 1) * conN(l, y)) / conN(l, y - 1)) * 1.0005);
      room[l] = Math.max(0, Math.min(conE(l, y) - floor, Math.floor(0.3 * v.e(l, y))));
    }
    // One school's project, so one level absorbs the whole cut (the roomiest); only if no
    // prefecture-year allows that is the fall spread over the own levels.
    const cut = v.sumE(y) - target;
    const main = [...levels].sort((a, b) => (room[b] as number) - (room[a] as number))[0] as number;
    if (cut > 0 && (room[main] as number) >= cut) j.setE(v.node, main, y, v.e(main, y) - cut);
    else if (!relaxed || !distributeCut(j, v, y, cut, room)) return null;
    const con = (): number => {
      let a = 0;
      let b = 0;
      for (let k = 0; k < LEVEL_COUNT; k++) {
        a += conE(k, y);
        b += conE(k, y - 1);
      }
      return a / b - 1;
    };
    return {
      required: [{ rule: 'edu-spending-no-decrease', level: ALL, scopes: OWN }],
      allowed: [...levels, ALL].map((l) => ({ rule: 'per-student-no-decrease' as const, level: l, scopes: OWN })),
      describe: (f) => {
        const direct = DIRECT_PREFIX[(s.nodes[v.node] as Node).kind] ?? '市直';
        const head = `${name}本级${s.firstYear + y}年：${direct}${zh(main)}学校迁建工程上年完工，本级支出回落`;
        if (f.rule === 'edu-spending-no-decrease') return `${head}，本级教育支出合计${pct(v.gE(ALL, y))}，全辖口径仍${pct(con())}${scopeNote(f, false)}。`;
        if (f.level === ALL) return `${head}，本级教育支出合计${pct(v.gE(ALL, y))}，本级在校生合计${pct(v.gN(ALL, y))}，本级合计生均${pct(v.gP(ALL, y))}${scopeNote(f, false)}。`;
        return `${head}，本级${zh(f.level)}支出${pct(v.gE(f.level, y))}，在校生${pct(v.gN(f.level, y))}，本级${zh(f.level)}生均${pct(v.gP(f.level, y))}，全辖口径该学段生均仍未下降${scopeNote(f, false)}。`;
      },
    };
  },
};

function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

/**
 * Lowers the node's spending in year y by `cut` 分 without letting any level's per-student figure
 * fall: each level gives up at most its headroom over last year's per-student level (with a small
 * safety margin). False (and nothing changed) if the headroom is too small.
 */
function cutWithinHeadroom(j: Journal, v: View, y: number, cut: number): boolean {
  const room = new Array<number>(LEVEL_COUNT).fill(0);
  for (const l of v.levels(y)) {
    if (v.n(l, y) <= 0 || v.n(l, y - 1) <= 0) continue;
    const floor = Math.ceil(((v.e(l, y - 1) * v.n(l, y)) / v.n(l, y - 1)) * 1.0005);
    room[l] = Math.max(0, v.e(l, y) - floor);
  }
  return distributeCut(j, v, y, cut, room);
}

/** Takes `cut` 分 from the levels in proportion to their `room`, none beyond it. */
function distributeCut(j: Journal, v: View, y: number, cut: number, room: readonly number[]): boolean {
  if (cut <= 0) return false;
  const total = room.reduce((a, b) => a + b, 0);
  if (total < cut) return false;
  const take = room.map((r) => Math.floor((cut * r) / total));
  let rest = cut - take.reduce((a, b) => a + b, 0);
  for (let l = 0; l < LEVEL_COUNT && rest > 0; l++) {
    const extra = Math.min(rest, (room[l] as number) - (take[l] as number));
    take[l] = (take[l] as number) + extra;
    rest -= extra;
  }
  for (let l = 0; l < LEVEL_COUNT; l++) if ((take[l] as number) > 0) j.setE(v.node, l, y, v.e(l, y) - (take[l] as number));
  return true;
}

function expand(node: number, yi: number, list: readonly Expect[]): string[] {
  const out: string[] = [];
  for (const e of list) for (const scope of e.scopes) out.push(stateFailureKey({ node, scope, rule: e.rule, yi, level: e.level }));
  return out;
}

/** Plants the cases of `recipe`; returns them with descriptions, in canonical order. */
export function plantFailures(state: DemoState, recipe: readonly PlantKind[], rng: Rng): PlantedFailure[] {
  // Descriptions quote growth rates, including consolidated ones that later plants may move, so
  // they are written once everything is planted.
  const accepted: Accepted[] = [];
  const usedNodes = new Set<number>();
  const usedPrefectures = new Set<number>();
  const withProvince = state.nodes.filter((n) => n.parent < 0).length > 1;
  for (const kind of recipe) {
    const wantPrefecture = kind === 'own-level-prefecture';
    const candidates: { node: number; yi: number; fresh: boolean }[] = [];
    for (const n of state.nodes) {
      // Codes touched by a code change stay clean, so the crosswalk comparison is never the story.
      if (usedNodes.has(n.index) || n.sources.length > 1 || n.successor >= 0) continue;
      if (wantPrefecture ? n.level !== 'prefecture' : n.level !== 'county') continue;
      const pref = wantPrefecture ? n.index : (n.ancestors[0] as number);
      for (let yi = Math.max(1, n.firstYi + 1); yi <= n.lastYi; yi++) candidates.push({ node: n.index, yi, fresh: !usedPrefectures.has(pref) });
    }
    rng.shuffle(candidates);
    // Spread the cases over prefectures where possible (stable: keeps the shuffled order within each group).
    candidates.sort((a, b) => Number(b.fresh) - Number(a.fresh));
    let found: Accepted | null = null;
    for (const relaxed of [false, true]) {
      for (const c of candidates) {
        found = tryCandidate(state, kind, c.node, c.yi, rng, withProvince, relaxed);
        if (found) {
          usedNodes.add(c.node);
          const n = state.nodes[c.node] as Node;
          usedPrefectures.add(n.level === 'prefecture' ? n.index : (n.ancestors[0] as number));
          break;
        }
      }
      if (found) break;
    }
    if (!found) throw new Error(`could not plant a '${kind}' failure`);
    accepted.push(found);
  }
  return accepted.flatMap((a) => a.failures.map((f) => ({ ...toFailure(state, f), description: a.describe(f) }))).sort(compareFailures);
}

type Accepted = { failures: StateFailure[]; describe: (f: StateFailure) => string };

function tryCandidate(state: DemoState, kind: PlantKind, node: number, yi: number, rng: Rng, withProvince: boolean, relaxed: boolean): Accepted | null {
  const n = state.nodes[node] as Node;
  const chain = [node, ...n.ancestors];
  const before = new Set(checkNodes(state, chain, 1, state.years - 1).map(stateFailureKey));
  const journal = new Journal(state);
  const applied = CASES[kind](journal, new View(state, node), yi, rng, fullName(state, node, withProvince), relaxed);
  if (!applied) {
    journal.rollback();
    return null;
  }
  const after = checkNodes(state, chain, 1, state.years - 1);
  const afterKeys = new Set(after.map(stateFailureKey));
  const required = expand(node, yi, applied.required);
  const allowed = new Set([...required, ...expand(node, yi, applied.allowed)]);
  const fresh = after.filter((f) => !before.has(stateFailureKey(f)));
  const ok = [...before].every((k) => afterKeys.has(k)) && required.every((k) => afterKeys.has(k) && !before.has(k)) && fresh.every((f) => allowed.has(stateFailureKey(f)));
  if (!ok) {
    journal.rollback();
    return null;
  }
  return { failures: fresh, describe: applied.describe };
}
