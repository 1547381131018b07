// Splitting a province's aid quota (资助名额) among its counties by need, "不能简单一刀切": a
// weighted sum of factor shares — enrolled students, identified eligible students, economic
// level (enrolled × mean GDP per head ÷ own), fiscal capacity (enrolled × mean revenue per head ÷
// own) — clamped between a floor (eligible × a minimum ratio, rounded up) and a cap (enrolled, and
// optionally a multiple of eligible), in whole persons by the simulator's own clamp-and-renormalise
// kernel. The money follows as quota × the per-student amount.
import { waterFill, type FillStatus } from '../transfer/kernel';
import { shareOf } from './split';

export const AID_FACTORS = ['students', 'eligible', 'economic', 'fiscal'] as const;
export type AidFactor = (typeof AID_FACTORS)[number];

export type QuotaUnit = {
  code: string;
  name: string;
  enrolled: number | null;
  eligible: number | null;
  gdpPerHeadFen: number | null;
  revenuePerHeadFen: number | null;
  /** What one quota place costs in this unit, 分 (a standard, or the unit's approved fee); null = not priced. */
  perStudentFen?: number | null;
};

export type QuotaRule = {
  /** The province's quota to split, persons. */
  total: number;
  /** Factor weights (any non-negative numbers; the engine divides by their sum, and says so). */
  weights: Readonly<Record<AidFactor, number>>;
  /** Floor = ⌈eligible × minRatio⌉, in basis points (10000 = every identified student). */
  minRatioBp: number;
  /** Optional cap as a multiple of eligible, in basis points (e.g. 15000 = 1.5 ×); null = none. */
  capEligibleBp: number | null;
};

export type QuotaRow = {
  code: string;
  name: string;
  enrolled: number;
  eligible: number;
  quota: number;
  floor: number;
  cap: number;
  held: 'free' | 'floor' | 'cap';
  /** Identified eligible students left without a quota (不漏一人 fails when > 0). */
  shortfall: number;
  moneyFen: number | null;
  /** The unit's weighted factor share before the bounds (0–1). */
  share: number;
};

export type QuotaProblem = { code: 'missing_input'; field: 'enrolled' | 'eligible' | 'gdp_per_head' | 'revenue_per_head'; units: string[] } | { code: 'weights_zero' } | { code: 'total_invalid'; total: number };

export type QuotaResult = {
  status: FillStatus;
  rows: QuotaRow[];
  totalQuota: number;
  totalEligible: number;
  /** Units whose quota is below their identified eligible students. */
  shortOf: { code: string; name: string; shortfall: number }[];
  /** Weights as the engine used them (divided by their sum). */
  normalisedWeights: Record<AidFactor, number>;
  weightsNormalised: boolean;
  moneyFen: number | null;
};

/** Inputs a rule needs; every hole is named, never read as zero. */
export function quotaProblems(units: readonly QuotaUnit[], rule: QuotaRule): QuotaProblem[] {
  const out: QuotaProblem[] = [];
  if (!Number.isSafeInteger(rule.total) || rule.total < 0) out.push({ code: 'total_invalid', total: rule.total });
  const wsum = AID_FACTORS.reduce((s, f) => s + rule.weights[f], 0);
  if (!(wsum > 0)) out.push({ code: 'weights_zero' });
  const need = (field: 'enrolled' | 'eligible' | 'gdp_per_head' | 'revenue_per_head', pick: (u: QuotaUnit) => number | null, used: boolean) => {
    if (!used) return;
    const holes = units.filter((u) => {
      const v = pick(u);
      return v === null || !(v >= 0) || ((field === 'gdp_per_head' || field === 'revenue_per_head') && v === 0);
    });
    if (holes.length) out.push({ code: 'missing_input', field, units: holes.map((u) => u.code) });
  };
  need('enrolled', (u) => u.enrolled, true);
  need('eligible', (u) => u.eligible, true);
  need('gdp_per_head', (u) => u.gdpPerHeadFen, rule.weights.economic > 0);
  need('revenue_per_head', (u) => u.revenuePerHeadFen, rule.weights.fiscal > 0);
  return out;
}

function factorColumns(units: readonly QuotaUnit[]): Record<AidFactor, Float64Array> {
  const n = units.length;
  const enrolled = Float64Array.from(units, (u) => u.enrolled ?? 0);
  const mean = (pick: (u: QuotaUnit) => number | null) => units.reduce((s, u) => s + (pick(u) ?? 0), 0) / n;
  const gdpMean = mean((u) => u.gdpPerHeadFen);
  const revMean = mean((u) => u.revenuePerHeadFen);
  return {
    students: enrolled,
    eligible: Float64Array.from(units, (u) => u.eligible ?? 0),
    economic: Float64Array.from(units, (u, i) => (u.gdpPerHeadFen ? (enrolled[i]! * gdpMean) / u.gdpPerHeadFen : 0)),
    fiscal: Float64Array.from(units, (u, i) => (u.revenuePerHeadFen ? (enrolled[i]! * revMean) / u.revenuePerHeadFen : 0)),
  };
}

/** Split the quota. Callers check `quotaProblems` first; this throws on the same conditions. */
export function allocateQuotas(units: readonly QuotaUnit[], rule: QuotaRule): QuotaResult {
  const problems = quotaProblems(units, rule);
  if (problems.length) throw new RangeError(`quota allocation has unusable inputs: ${problems.map((p) => p.code).join(', ')}`);
  const n = units.length;
  const wsum = AID_FACTORS.reduce((s, f) => s + rule.weights[f], 0);
  const normalisedWeights = Object.fromEntries(AID_FACTORS.map((f) => [f, rule.weights[f] / wsum])) as Record<AidFactor, number>;
  const cols = factorColumns(units);
  const s = new Float64Array(n);
  for (const f of AID_FACTORS) {
    const w = normalisedWeights[f];
    if (w === 0) continue;
    const col = cols[f];
    let total = 0;
    for (let i = 0; i < n; i++) total += col[i]!;
    if (total > 0) for (let i = 0; i < n; i++) s[i]! += (w * col[i]!) / total;
  }
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    const eligible = u.eligible!;
    const enrolled = u.enrolled!;
    // ⌈eligible × ratio⌉ exactly: (eligible × bp + 9999) ÷ 10000 in integers.
    lo[i] = Math.min(enrolled, Math.floor((eligible * rule.minRatioBp + 9999) / 10000));
    hi[i] = rule.capEligibleBp === null ? enrolled : Math.max(lo[i]!, Math.min(enrolled, Math.floor((eligible * rule.capEligibleBp) / 10000)));
  }
  const out = new Float64Array(n);
  const held = new Int8Array(n);
  const members = Uint32Array.from({ length: n }, (_, i) => i);
  const fill = waterFill(rule.total, s, lo, hi, members, out, held, new Float64Array(n), new Uint32Array(n));
  const rows: QuotaRow[] = units.map((u, i) => {
    const quota = out[i]!;
    return {
      code: u.code,
      name: u.name,
      enrolled: u.enrolled!,
      eligible: u.eligible!,
      quota,
      floor: lo[i]!,
      cap: hi[i]!,
      held: held[i] === -1 ? 'floor' : held[i] === 1 ? 'cap' : 'free',
      shortfall: Math.max(0, u.eligible! - quota),
      moneyFen: u.perStudentFen === null || u.perStudentFen === undefined ? null : quota * u.perStudentFen,
      share: s[i]!,
    };
  });
  // The money total only when every unit is priced: a partial sum would read as the whole.
  const money = rows.some((r) => r.moneyFen === null) ? null : rows.reduce((t, r) => t + r.moneyFen!, 0);
  return {
    status: fill.status,
    rows,
    totalQuota: rows.reduce((t, r) => t + r.quota, 0),
    totalEligible: rows.reduce((t, r) => t + r.eligible, 0),
    shortOf: rows.filter((r) => r.shortfall > 0).map((r) => ({ code: r.code, name: r.name, shortfall: r.shortfall })),
    normalisedWeights,
    weightsNormalised: Math.abs(wsum - 1) > 1e-12,
    moneyFen: money,
  };
}

/** The default quota: coverage (bp) of the enrolled students, half up; null when any unit's enrolment is missing. */
export function quotaFromCoverage(units: readonly QuotaUnit[], coverageBp: number): number | null {
  if (units.some((u) => u.enrolled === null)) return null;
  return shareOf(
    units.reduce((t, u) => t + u.enrolled!, 0),
    coverageBp,
  );
}
