// Timing helper for the benchmarks: warm-up runs, then N measured runs; reports the median with the
// min/max and the peak resident memory seen while the runs were going. Memory is sampled from a
// worker thread, because the measured code is mostly synchronous and would starve a timer on the
// main thread. RSS is process-wide, so a worker sees what the main thread allocates.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';

export type Figure = {
  /** Every measured run, in the order they ran. */
  runs: number[];
  median: number;
  min: number;
  max: number;
  /**
   * Peak RSS while the benchmark ran (warm-up included) minus the RSS just before it, after a full
   * GC and a pause, in bytes; null when unknown. Memory the process still held from earlier work
   * (e.g. DuckDB's buffer pool, SQLite's page cache) is reused without showing: a lower bound.
   */
  peakRssDelta: number | null;
  /** Largest absolute peak RSS of a child process over the runs, in bytes; null when not a child. */
  childPeakRss: number | null;
};

/** What one run reports: its own elapsed time (so set-up inside the run stays untimed). */
export type RunResult = { ms: number; childPeakRss?: number | null };

export type MeasureOptions = { warmup: number; runs: number };

// A full garbage collection before every run (untimed), so that one run's garbage is not collected
// on the next run's clock; then a short pause, because V8 hands freed pages back to the OS from a
// background thread (without it RSS stays at the previous benchmark's peak and hides the next one's).
// Exposing gc at run time avoids needing `node --expose-gc`.
setFlagsFromString('--expose_gc');
const collectGarbage = runInNewContext('gc') as () => void;

async function settle(pauseMs: number): Promise<void> {
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, pauseMs));
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Elapsed milliseconds of a synchronous call, with its value. */
export function timed<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

/** Elapsed milliseconds of an asynchronous call, with its value. */
export async function timedAsync<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
}

// Plain JavaScript: evaluated as a CommonJS worker script, so it cannot be TypeScript.
const SAMPLER_SOURCE = `
const { workerData } = require('node:worker_threads');
const peak = new BigInt64Array(workerData.peak);
const control = new Int32Array(workerData.control);
while (Atomics.load(control, 0) === 0) {
  const rss = BigInt(process.memoryUsage.rss());
  if (rss > Atomics.load(peak, 0)) Atomics.store(peak, 0, rss);
  Atomics.wait(control, 1, 0, 2);
}
`;

/** Samples the process's RSS every ~2 ms from a worker thread. */
export class RssSampler {
  private readonly peak = new BigInt64Array(new SharedArrayBuffer(8));
  private readonly control = new Int32Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;

  constructor() {
    this.worker = new Worker(SAMPLER_SOURCE, { eval: true, workerData: { peak: this.peak.buffer, control: this.control.buffer } });
    this.worker.unref();
  }

  /** Start a new window; returns the RSS at its start. */
  reset(): number {
    const now = process.memoryUsage.rss();
    Atomics.store(this.peak, 0, BigInt(now));
    return now;
  }

  /** Peak RSS since the last reset (including a last sample taken now). */
  peakSinceReset(): number {
    return Math.max(Number(Atomics.load(this.peak, 0)), process.memoryUsage.rss());
  }

  async stop(): Promise<void> {
    Atomics.store(this.control, 0, 1);
    Atomics.notify(this.control, 1);
    await this.worker.terminate();
  }
}

/** Run `run` warmup + runs times; only the measured runs count. */
export async function measure(run: () => RunResult | Promise<RunResult>, options: MeasureOptions, sampler: RssSampler): Promise<Figure> {
  await settle(300);
  const before = sampler.reset();
  for (let i = 0; i < options.warmup; i++) {
    await settle(50);
    await run();
  }
  const runs: number[] = [];
  let childPeakRss: number | null = null;
  for (let i = 0; i < options.runs; i++) {
    await settle(50);
    const r = await run();
    runs.push(r.ms);
    if (r.childPeakRss !== undefined && r.childPeakRss !== null) childPeakRss = Math.max(childPeakRss ?? 0, r.childPeakRss);
  }
  const peakRssDelta = Math.max(0, sampler.peakSinceReset() - before);
  return { runs, median: median(runs), min: Math.min(...runs), max: Math.max(...runs), peakRssDelta, childPeakRss };
}

/**
 * Several synchronous contestants measured in turn, run by run (a, b, c, a, b, c, …) instead of one
 * after the other. These machines have slow spells lasting seconds (another tenant, the host):
 * measured back to back, a spell falls on whichever contestant happened to be running and skews
 * their ratio either way; interleaved, it falls on all of them. Each contestant's peak memory is
 * the highest RSS seen during its own runs, above the RSS at the start.
 */
export async function measureInterleaved<K extends string>(contestants: Record<K, () => RunResult>, options: MeasureOptions, sampler: RssSampler): Promise<Record<K, Figure>> {
  const names = Object.keys(contestants) as K[];
  await settle(300);
  const before = sampler.reset();
  for (let i = 0; i < options.warmup; i++) {
    for (const name of names) {
      await settle(50);
      contestants[name]();
    }
  }
  const runs = new Map<K, number[]>(names.map((name) => [name, []]));
  const peaks = new Map<K, number>(names.map((name) => [name, before]));
  for (let i = 0; i < options.runs; i++) {
    for (const name of names) {
      await settle(50);
      sampler.reset();
      runs.get(name)!.push(contestants[name]().ms);
      peaks.set(name, Math.max(peaks.get(name)!, sampler.peakSinceReset()));
    }
  }
  const figures = {} as Record<K, Figure>;
  for (const name of names) {
    const r = runs.get(name)!;
    figures[name] = { runs: r, median: median(r), min: Math.min(...r), max: Math.max(...r), peakRssDelta: Math.max(0, peaks.get(name)! - before), childPeakRss: null };
  }
  return figures;
}
