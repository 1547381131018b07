// The LP solver behind goal seeking: HiGHS compiled to WebAssembly (the `highs` package), loaded
// once per process. Node-side only — the renderer asks the engine — so core/ never loads Wasm.
import { createRequire } from 'node:module';
import type { LpSolution, LpSolver } from '../../core/transfer/goal';

type Highs = { solve(problem: string, options?: Record<string, unknown>): LpSolution };

let loading: Promise<Highs> | null = null;

export function loadSolver(): Promise<LpSolver> {
  if (!loading) {
    const require = createRequire(import.meta.url);
    const loader = require('highs') as (settings?: Record<string, unknown>) => Promise<Highs>;
    loading = loader({});
  }
  return loading.then((h) => (lp: string) => h.solve(lp, { output_flag: false }));
}
