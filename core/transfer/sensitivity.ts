// Sensitivity: sweep one parameter across a range and record the equity of spending per student
// after the transfer and the count of rule failures at each point; and a tornado — each numeric
// parameter moved ±10 % from its value in the scenario, one at a time, and its effect on one
// chosen outcome, largest swing first.
import { equityBeforeAfter } from './impact';
import { PARAMETERS, parameterDefinition, resolveParameters, setParameter, type OverlayEntry } from './parameters';
import type { Prepared } from './prepare';
import { simulate, type Scenario, type SimResult } from './simulate';

export const OUTCOMES = ['cv', 'gini', 'mcloone', 'theil', 'failures', 'tier1_share'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type SweepPoint = { value: number; cv: number | null; gini: number | null; mcloone: number | null; theil: number | null; failures: number; tier1Share: number; feasible: boolean };

function tier1Share(p: Prepared, r: SimResult): number {
  let t1 = 0;
  for (let i = 0; i < p.n; i++) if (p.tier[i] === 1) t1 += r.allocation.amounts[i]!;
  return r.allocation.pool > 0 ? t1 / r.allocation.pool : 0;
}

export function measure(p: Prepared, scenario: Scenario, value: number): SweepPoint {
  const r = simulate(p, scenario, { hash: false });
  const eq = equityBeforeAfter(p, r)?.after ?? null;
  return {
    value,
    cv: eq?.cv ?? null,
    gini: eq?.gini ?? null,
    mcloone: eq?.mcloone ?? null,
    theil: eq?.theil ?? null,
    failures: r.counts.eduSpending.scenario + r.counts.perStudent.scenario,
    tier1Share: tier1Share(p, r),
    feasible: r.allocation.feasible,
  };
}

/** `steps` + 1 evenly spaced values of `key` from `from` to `to`, each evaluated in full. */
export function sweep(p: Prepared, scenario: Scenario, key: string, from: number, to: number, steps = 20): SweepPoint[] {
  const d = parameterDefinition(key);
  if (!d) throw new RangeError(`unknown parameter ${key}`);
  const lo = Math.max(d.min, Math.min(from, to));
  const hi = Math.min(d.max, Math.max(from, to));
  const points: SweepPoint[] = [];
  for (let k = 0; k <= steps; k++) {
    const value = lo + ((hi - lo) * k) / steps;
    points.push(measure(p, { ...scenario, overlay: setParameter(scenario.overlay, d.key, value) }, value));
  }
  return points;
}

export function outcomeOf(point: SweepPoint, outcome: Outcome): number {
  const v = outcome === 'failures' ? point.failures : outcome === 'tier1_share' ? point.tier1Share : point[outcome];
  return v ?? NaN;
}

export type TornadoBar = { key: string; label: { zh: string; en: string }; base: number; low: number; high: number; lowValue: number; highValue: number; swing: number };

/**
 * Each non-switch parameter whose value is not zero moved to 0.9× and 1.1× (clamped to its range),
 * the others held; sorted by |high − low|. Zero-valued parameters have no ±10 % and are left out,
 * as are parameters that do not move the outcome at all.
 */
export function tornado(p: Prepared, scenario: Scenario, outcome: Outcome): { base: number; bars: TornadoBar[] } {
  const params = resolveParameters(scenario.overlay, p.inputs.year);
  const base = outcomeOf(measure(p, scenario, 0), outcome);
  const bars: TornadoBar[] = [];
  for (const d of PARAMETERS) {
    const v = params[d.key]!;
    if (d.unit === 'switch' || v === 0) continue;
    const lowValue = Math.max(d.min, Math.min(d.max, v * 0.9));
    const highValue = Math.max(d.min, Math.min(d.max, v * 1.1));
    if (lowValue === highValue) continue;
    const at = (x: number): number => {
      const overlay: OverlayEntry[] = setParameter(scenario.overlay, d.key, x);
      return outcomeOf(measure(p, { ...scenario, overlay }, x), outcome);
    };
    const low = at(lowValue);
    const high = at(highValue);
    // A parameter that does not move the outcome (e.g. a tier share while pre-splitting is off) is left out.
    if (Math.abs(high - low) <= 1e-12 * Math.max(1, Math.abs(base))) continue;
    bars.push({ key: d.key, label: d.label, base, low, high, lowValue, highValue, swing: Math.abs(high - low) });
  }
  bars.sort((a, b) => b.swing - a.swing || (a.key < b.key ? -1 : 1));
  return { base, bars };
}
