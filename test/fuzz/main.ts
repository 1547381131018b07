// The fuzz run: every target (or those named with --target) in worker threads, two at a time.
// A case that runs longer than --case-timeout (default 10 s) is a hang: its worker is killed, the
// hang is reported with the seed and case index that reproduce it, and the target goes on with its
// remaining cases under a derived seed. A worker that dies (uncaught exception, out of memory) is
// reported the same way. Exit 1 on any finding.
//
//   npm run fuzz                                  every target, full case counts, random seed
//   npm run fuzz -- --seed 123                    the same run again
//   npm run fuzz -- --target import.read-csv      one target (comma-separated for several)
//   npm run fuzz -- --scale 0.1                   a tenth of the cases
//   npm run fuzz -- --target T --seed S --replay K   print the input of case K
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { formatFinding, type Finding } from './harness';
import { TARGETS } from './targets';
import type { WorkerJob } from './worker';

type Args = { seed: number; targets: string[] | null; scale: number; runs: number | null; replay: number | null; jobs: number; caseTimeoutMs: number; shrink: boolean | undefined; report: string | null };

function parseCli(argv: string[]): Args {
  const a: Args = { seed: Math.floor(Math.random() * 2 ** 31), targets: null, scale: 1, runs: null, replay: null, jobs: Math.max(1, Math.min(2, availableParallelism())), caseTimeoutMs: 10_000, shrink: undefined, report: null };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${k} needs a value`);
      return v;
    };
    if (k === '--seed') a.seed = Number(next());
    else if (k === '--target') a.targets = next().split(',');
    else if (k === '--scale') a.scale = Number(next());
    else if (k === '--runs') a.runs = Number(next());
    else if (k === '--replay') a.replay = Number(next());
    else if (k === '--jobs') a.jobs = Number(next());
    else if (k === '--case-timeout') a.caseTimeoutMs = Number(next()) * 1000;
    else if (k === '--no-shrink') a.shrink = false;
    else if (k === '--report') a.report = next();
    else throw new Error(`unknown option ${k}`);
  }
  return a;
}

const args = parseCli(process.argv.slice(2));
const selected = TARGETS.filter((t) => !args.targets || args.targets.includes(t.name));
if (!selected.length) {
  console.error(`no such target; targets: ${TARGETS.map((t) => t.name).join(', ')}`);
  process.exit(2);
}

const NOT_STARTED = -2147483648;

function startWorker(job: Omit<WorkerJob, 'stamp'>): { worker: Worker; stamp: SharedArrayBuffer } {
  const stamp = new SharedArrayBuffer(16);
  Atomics.store(new Int32Array(stamp, 0, 1), 0, NOT_STARTED);
  // Workers do not inherit the tsx loader: register it, then load the TypeScript worker.
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { ...job, stamp }, resourceLimits: { maxOldGenerationSizeMb: 3072 } });
  return { worker, stamp };
}

async function replay(target: string, seed: number, index: number): Promise<string> {
  return new Promise((resolve) => {
    const { worker } = startWorker({ mode: 'replay', target, seed, numRuns: 0, shrink: false, index });
    worker.once('message', (m: { input: string }) => resolve(m.input));
    worker.once('error', (e) => resolve(`(replay failed: ${String(e)})`));
    worker.once('exit', () => resolve('(replay worker exited)'));
  });
}

if (args.replay !== null) {
  for (const t of selected) console.log(`${t.name} seed ${args.seed} case ${args.replay}:\n${await replay(t.name, args.seed, args.replay)}`);
  process.exit(0);
}

type Segment = { seed: number; runs: number };
type TargetSummary = { name: string; planned: number; done: number; ms: number; segments: Segment[]; findings: Finding[] };

/** Run `runs` cases of a target from `seed`; after a hang or crash at case k, go on from k+1 with seed+k+1. */
async function runSegment(name: string, seed: number, runs: number, summary: TargetSummary): Promise<void> {
  const started = Date.now();
  summary.segments.push({ seed, runs });
  const outcome = await new Promise<{ kind: 'done'; findings: Finding[] } | { kind: 'hang' | 'crash'; index: number; detail: string }>((resolve) => {
    const { worker, stamp } = startWorker({ mode: 'run', target: name, seed, numRuns: runs, shrink: args.shrink });
    const index = new Int32Array(stamp, 0, 1);
    const time = new Float64Array(stamp, 8, 1);
    let settled = false;
    const settle = (v: Parameters<typeof resolve>[0]) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      resolve(v);
    };
    const watch = setInterval(() => {
      const t = time[0] as number;
      if (t > 0 && Date.now() - t > args.caseTimeoutMs) {
        const i = Atomics.load(index, 0);
        settle({ kind: 'hang', index: i, detail: `case ${i < 0 ? `(shrinking, attempt ${-i})` : i} still running after ${args.caseTimeoutMs / 1000} s` });
        void worker.terminate();
      }
    }, 250);
    worker.on('message', (m: { type: string; result?: { findings: Finding[] } }) => {
      if (m.type === 'done') settle({ kind: 'done', findings: m.result?.findings ?? [] });
    });
    worker.on('error', (e) => settle({ kind: 'crash', index: Atomics.load(index, 0), detail: `worker died: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` }));
    worker.on('exit', (code) => settle({ kind: 'crash', index: Atomics.load(index, 0), detail: `worker exited (code ${code}) before finishing: a case's promise never settled, or process.exit was called` }));
  });
  summary.ms += Date.now() - started;
  if (outcome.kind === 'done') {
    summary.done += runs;
    summary.findings.push(...outcome.findings);
    return;
  }
  if (outcome.index === NOT_STARTED) {
    summary.findings.push({ target: name, signature: 'harness: the target failed before its first case', detail: outcome.detail, count: 1, seed, caseIndex: -1, input: '' });
    return;
  }
  const k = Math.max(0, outcome.index);
  summary.done += k + 1;
  const input = outcome.index >= 0 ? await replay(name, seed, k) : '(during shrinking; see the other findings of this target)';
  summary.findings.push({ target: name, signature: outcome.kind === 'hang' ? 'hang: a case ran longer than the per-case limit' : 'crash: the process running the case died', detail: outcome.detail, count: 1, seed, caseIndex: k, input });
  console.log(`  ! ${name}: ${outcome.kind} at case ${k} (seed ${seed})`);
  const rest = runs - (k + 1);
  if (rest > 0 && outcome.index >= 0) await runSegment(name, seed + k + 1, rest, summary);
}

const wallStart = Date.now();
console.log(`fuzz: seed ${args.seed}, ${selected.length} targets, ${args.jobs} at a time, per-case limit ${args.caseTimeoutMs / 1000} s`);
const summaries: TargetSummary[] = selected.map((t) => ({ name: t.name, planned: Math.max(1, Math.round(args.runs ?? t.runs * args.scale)), done: 0, ms: 0, segments: [], findings: [] }));
// Expensive targets first so the cheap ones fill in at the end.
const queue = [...summaries].sort((a, b) => (TARGETS.find((t) => t.name === a.name)!.runs - TARGETS.find((t) => t.name === b.name)!.runs));
await Promise.all(
  Array.from({ length: args.jobs }, async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      console.log(`  … ${s.name}: ${s.planned} cases`);
      await runSegment(s.name, args.seed, s.planned, s);
      console.log(`  ✓ ${s.name}: ${s.done} cases in ${(s.ms / 1000).toFixed(1)} s, ${s.findings.length} finding(s)`);
    }
  }),
);

const wall = (Date.now() - wallStart) / 1000;
const findings = summaries.flatMap((s) => s.findings);
console.log('\nfindings:');
console.log(findings.length ? findings.map(formatFinding).join('\n\n') : '  none');
console.log('\ncases per target:');
const width = Math.max(...summaries.map((s) => s.name.length));
for (const s of summaries) console.log(`  ${s.name.padEnd(width)}  ${String(s.done).padStart(7)} cases  ${(s.ms / 1000).toFixed(1).padStart(7)} s  ${s.findings.length ? `${s.findings.length} finding(s)` : 'ok'}`);
const total = summaries.reduce((n, s) => n + s.done, 0);
console.log(`  ${'total'.padEnd(width)}  ${String(total).padStart(7)} cases  wall ${wall.toFixed(1)} s`);
console.log(`\nseed ${args.seed} — reproduce: npm run fuzz -- --seed ${args.seed}${args.targets ? ` --target ${args.targets.join(',')}` : ''}${args.scale !== 1 ? ` --scale ${args.scale}` : ''}${args.runs !== null ? ` --runs ${args.runs}` : ''}`);
if (args.report) writeFileSync(args.report, JSON.stringify({ seed: args.seed, wallSeconds: wall, total, targets: summaries }, null, 2));
process.exit(findings.length ? 1 : 0);
