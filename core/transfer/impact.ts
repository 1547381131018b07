// What a scenario does, in the terms an analyst reports: per-county rows (allocation, change,
// per-student funding after the transfer, rule status), winners and losers, group totals by
// development tier, urban/rural and enrolment band, equity before and after (DOMAIN §5), and how
// much of the pool the bounds divert from the formula.
import { equityStats, type EquityStats } from '../equity/metrics';
import { HELD_REASONS, type HeldReason } from './evaluate';
import type { Prepared } from './prepare';
import type { SimResult } from './simulate';

export type UnitRow = {
  code: string;
  name: string;
  tier: number | null;
  urbanRural: 'urban' | 'rural' | null;
  students: number;
  /** 分 */
  baseline: number;
  allocation: number;
  formula: number;
  delta: number;
  prior: number | null;
  /** 分 per student, unrounded. */
  transferPerStudent: number;
  eduAfter: number | null;
  perStudentBefore: number | null;
  perStudentAfter: number | null;
  held: HeldReason;
  ruleA: 'pass' | 'fail' | 'na';
  ruleB: 'pass' | 'fail' | 'na';
  /** True where the scenario makes the rule fail and the baseline did not. */
  newFailure: boolean;
};

const STATUS = ['pass', 'fail', 'na'] as const;

export function unitRows(p: Prepared, r: SimResult): UnitRow[] {
  return p.inputs.units.map((u, i) => {
    const n = u.current.students;
    const e = u.current.eduSpending;
    const after = Number.isFinite(r.eduAfter[i]!) ? r.eduAfter[i]! : null;
    return {
      code: u.code,
      name: u.name,
      tier: u.tier,
      urbanRural: u.urbanRural,
      students: n,
      baseline: r.baseline.amounts[i]!,
      allocation: r.allocation.amounts[i]!,
      formula: r.allocation.formula[i]!,
      delta: r.delta[i]!,
      prior: Number.isFinite(r.prior[i]!) ? r.prior[i]! : null,
      transferPerStudent: n > 0 ? r.allocation.amounts[i]! / n : 0,
      eduAfter: after,
      perStudentBefore: e !== null && n > 0 ? e / n : null,
      perStudentAfter: after !== null && n > 0 ? after / n : null,
      held: HELD_REASONS[r.allocation.held[i]!]!,
      ruleA: STATUS[r.ruleA.scenario[i]!]!,
      ruleB: STATUS[r.ruleB.scenario[i]!]!,
      newFailure: (r.ruleA.scenario[i] === 1 && r.ruleA.baseline[i] === 0) || (r.ruleB.scenario[i] === 1 && r.ruleB.baseline[i] === 0),
    };
  });
}

/** The `k` largest gains and losses against the baseline (ties by code). */
export function winnersLosers(rows: readonly UnitRow[], k = 10): { winners: UnitRow[]; losers: UnitRow[]; gaining: number; losing: number } {
  const byDelta = [...rows].sort((a, b) => b.delta - a.delta || (a.code < b.code ? -1 : 1));
  return {
    winners: byDelta.filter((r) => r.delta > 0).slice(0, k),
    losers: byDelta.filter((r) => r.delta < 0).reverse().slice(0, k),
    gaining: rows.filter((r) => r.delta > 0).length,
    losing: rows.filter((r) => r.delta < 0).length,
  };
}

export type GroupKind = 'tier' | 'urban_rural' | 'enrolment_band' | 'named';

export type GroupRow = { kind: GroupKind; group: string; units: number; students: number; baseline: number; allocation: number; delta: number; perStudentBaseline: number; perStudentAllocation: number; newFailures: number };

/** Enrolment bands, by students counted: < 10 000, 10 000–29 999, 30 000–59 999, ≥ 60 000. */
export const ENROLMENT_BANDS = [
  { key: 'lt10k', upTo: 10_000 },
  { key: '10k-30k', upTo: 30_000 },
  { key: '30k-60k', upTo: 60_000 },
  { key: 'ge60k', upTo: Infinity },
] as const;

export function enrolmentBand(students: number): string {
  return ENROLMENT_BANDS.find((b) => students < b.upTo)!.key;
}

function groupKey(kind: GroupKind, r: UnitRow): string | null {
  if (kind === 'tier') return r.tier === null ? 'unclassified' : String(r.tier);
  if (kind === 'urban_rural') return r.urbanRural ?? 'unclassified';
  if (kind === 'enrolment_band') return enrolmentBand(r.students);
  return null;
}

/** Sums by group; for 'named', one row per listed code (in the order given). */
export function groupTotals(rows: readonly UnitRow[], kind: GroupKind, named: readonly string[] = []): GroupRow[] {
  const groups = new Map<string, UnitRow[]>();
  if (kind === 'named') for (const code of named) groups.set(code, rows.filter((r) => r.code === code));
  else
    for (const r of rows) {
      const key = groupKey(kind, r)!;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
  const keys = kind === 'named' ? [...groups.keys()] : [...groups.keys()].sort();
  return keys.map((g) => {
    const members = groups.get(g)!;
    const sum = (f: (r: UnitRow) => number) => members.reduce((a, r) => a + f(r), 0);
    const students = sum((r) => r.students);
    const label = kind === 'named' && members[0] ? `${members[0].name} ${g}` : g;
    return {
      kind,
      group: label,
      units: members.length,
      students,
      baseline: sum((r) => r.baseline),
      allocation: sum((r) => r.allocation),
      delta: sum((r) => r.delta),
      perStudentBaseline: students > 0 ? sum((r) => r.baseline) / students : 0,
      perStudentAllocation: students > 0 ? sum((r) => r.allocation) / students : 0,
      newFailures: members.filter((r) => r.newFailure).length,
    };
  });
}

export type EquityPair = { before: EquityStats; after: EquityStats };

/**
 * Equity of education spending per student (元) across counties, before and after the scenario,
 * pupil-weighted, grouped by tier for the Theil decomposition, with revenue per student as the
 * fiscal capacity for the wealth-neutrality measures.
 */
export function equityBeforeAfter(p: Prepared, r: SimResult): EquityPair | null {
  const units = p.inputs.units
    .map((u, i) => ({ u, i }))
    .filter(({ u, i }) => u.current.students > 0 && u.current.eduSpending !== null && Number.isFinite(r.eduAfter[i]!));
  if (units.length === 0) return null;
  const make = (value: (i: number) => number) =>
    units.map(({ u, i }) => ({
      pupils: u.current.students,
      value: value(i) / u.current.students / 100,
      wealth: u.current.revenue > 0 ? u.current.revenue / u.current.students / 100 : undefined,
      group: u.tier === null ? 'unclassified' : `tier${u.tier}`,
    }));
  return { before: equityStats(make((i) => p.current.eduSpending[i]!)), after: equityStats(make((i) => r.eduAfter[i]!)) };
}

/** The bounds that move money; the free units only absorb what they move. */
export type BoundReason = Exclude<HeldReason, 'free'>;
export const BOUND_REASONS: readonly BoundReason[] = ['floor', 'hold_harmless', 'growth_min', 'cap', 'growth_max'];

export type Diversion = { total: number; byReason: Record<BoundReason, number> };

/**
 * Money the bounds move away from the formula, in whole 分, by the bound that moved it: a unit
 * raised to a lower bound (floor, hold-harmless, bottom of the growth band) counts its gain,
 * allocation − formula, under that bound; a unit lowered to an upper bound (cap, top of the growth
 * band) counts its loss, formula − allocation, under that bound. The units left free absorb the
 * difference and count nothing — so a cap alone shows everything it took under `cap`. A unit
 * whose cap gave way to its floor is paid the floor: a gain there counts under the floor, a loss
 * (the formula gave more than the floor) under the upper bound that lowered it to the floor.
 */
export function diversion(r: SimResult): Diversion {
  const byReason = Object.fromEntries(BOUND_REASONS.map((k) => [k, 0])) as Record<BoundReason, number>;
  const a = r.allocation;
  const conflicted = new Set(a.warnings.find((w) => w.code === 'bounds_conflict')?.units ?? []);
  for (let i = 0; i < a.amounts.length; i++) {
    const held = HELD_REASONS[a.held[i]!]!;
    if (held === 'free') continue;
    const moved = a.amounts[i]! - a.formula[i]!;
    // A difference within a 分 is rounding to the 分, not diversion.
    if (Math.abs(moved) <= 1) continue;
    const lower = held === 'floor' || held === 'hold_harmless' || held === 'growth_min';
    let reason: BoundReason = held;
    if (moved < 0 && lower && conflicted.has(i)) reason = upperBoundOf(r, i);
    else if ((moved > 0) !== lower) continue; // held at a bound but moved the other way: the bound did not move it
    byReason[reason] += Math.abs(moved);
  }
  // The formula figure is unrounded, so the diversion is rounded to the 分 once, here, for display.
  for (const k of BOUND_REASONS) byReason[k] = Math.round(byReason[k]);
  return { total: BOUND_REASONS.reduce((x, k) => x + byReason[k], 0), byReason };
}

/** Which upper bound was the lower of the two for unit i (as bounds.ts decides it: the growth band wins only when strictly lower). */
function upperBoundOf(r: SimResult, i: number): BoundReason {
  const cap = r.params['cap.share']!;
  const capMax = cap < 1 ? Math.floor(cap * r.allocation.pool) : Infinity;
  const last = r.prior[i]!;
  const growthMax = r.params['growth.enabled']! >= 0.5 && Number.isFinite(last) ? Math.floor((1 + r.params['growth.max']!) * last) : Infinity;
  return growthMax < capMax ? 'growth_max' : 'cap';
}
