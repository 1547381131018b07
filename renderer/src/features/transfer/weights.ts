// Factor weights as the panel shows them (per cent) and as the engine uses them: the engine
// divides every weight by their total, so only proportions matter. The panel shows the total and
// offers to rescale the weights to 100 %, so what is typed is what is used.
import { FACTOR_KEY, FACTOR_NAMES, resolveParameters, setParameter, type OverlayEntry, type ResolvedParameters } from '../../../../core/transfer/parameters';

export function weightTotal(params: ResolvedParameters): number {
  return FACTOR_NAMES.reduce((a, f) => a + params[FACTOR_KEY[f]]!, 0);
}

/** True when the weights do not add up to 100 % (beyond float noise): the engine then rescales them. */
export function needsNormalising(params: ResolvedParameters): boolean {
  const total = weightTotal(params);
  return total > 0 && Math.abs(total - 1) > 1e-9;
}

/**
 * The overlay with every factor weight divided by their total (rounded to 10⁻⁶, the last one
 * taking the rounding so the total is exactly 1 to that precision); nothing changes when all are 0.
 */
export function normaliseWeights(overlay: readonly OverlayEntry[], year: number): OverlayEntry[] {
  const params = resolveParameters(overlay, year);
  const total = weightTotal(params);
  if (!(total > 0)) return [...overlay];
  let out = [...overlay];
  let given = 0;
  const weighted = FACTOR_NAMES.filter((f) => params[FACTOR_KEY[f]]! > 0);
  FACTOR_NAMES.forEach((f) => {
    const w = params[FACTOR_KEY[f]]!;
    const last = f === weighted[weighted.length - 1];
    const v = w === 0 ? 0 : last ? Math.round((1 - given) * 1e6) / 1e6 : Math.round((w / total) * 1e6) / 1e6;
    given += v;
    out = setParameter(out, FACTOR_KEY[f], v);
  });
  return out;
}
