// `npm run bench`: generate the national demo dataset once, then measure (a) loading it, (b) the
// per-student aggregation over it and (c) shipping a 1M-row result, each against a peer measured in
// the same run. Environment: BENCH_RUNS (runs per figure, at least 3; default 3 for the load and 5
// for the others), BENCH_WARMUP (default 1).
import { DEFAULT_DEMO_SEED, generateDemo } from '../core/demo/generate';
import { timed } from './measure';
import { DEFAULT_RESULTS_FILE, runSuite } from './suite';

/** The built-in demo's own seed, so the national data are the ones `wb demo --scale national` makes. */
const SEED = DEFAULT_DEMO_SEED;

function envInt(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}`);
  return n;
}

async function main(): Promise<void> {
  const log = (line: string): void => console.log(`[bench] ${line}`);
  // Loading is the slow one (seconds per run); the others are cheap enough for five runs.
  const forced = process.env.BENCH_RUNS ? envInt('BENCH_RUNS', 3, 3) : null;
  const runs = { load: forced ?? 3, aggregate: forced ?? 5, wire: forced ?? 5 };
  const warmup = envInt('BENCH_WARMUP', 1, 0);
  log(`generating the national demo dataset (seed ${SEED}) …`);
  const { ms, value: data } = timed(() => generateDemo({ scale: 'national', seed: SEED }));
  log(`generated in ${(ms / 1000).toFixed(1)} s`);
  const only = process.env.BENCH_ONLY === 'import' || process.env.BENCH_ONLY === 'transfer' || process.env.BENCH_ONLY === 'balance' ? process.env.BENCH_ONLY : undefined;
  // A partial run must not overwrite the full results file.
  await runSuite(data, { warmup, runs, resultsFile: only ? DEFAULT_RESULTS_FILE.replace(/RESULTS\.md$/, `RESULTS-${only}.md`) : DEFAULT_RESULTS_FILE, log, ...(only ? { only } : {}) });
}

main().catch((e: unknown) => {
  console.error(`[bench] FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
