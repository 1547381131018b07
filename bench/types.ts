// Shared shapes of the benchmark run: what each benchmark gets, and the rows it hands to the report.
import type { DemoData } from '../core/demo/types';
import type { Figure, RssSampler } from './measure';
import type { ShellLookup } from './sqlite-shell';

export type BenchContext = {
  /** Temporary working folder, removed after the run. */
  dir: string;
  data: DemoData;
  sampler: RssSampler;
  shell: ShellLookup;
  warmup: number;
  /** Measured runs per benchmark (each at least 3). */
  runs: { load: number; aggregate: number; wire: number };
  log: (line: string) => void;
};

export type BenchRow = {
  benchmark: string;
  unit: 'ms' | 'MB';
  ours: Figure;
  /** null when the peer could not run here; `skipped` says why. */
  peer: Figure | null;
  skipped?: string;
  oursLabel: string;
  peerLabel: string;
  /** One short phrase for the console table. */
  note: string;
  /** What was compared and what is (and is not) fair about it, for RESULTS.md. */
  fairness: string;
  /** Optional code shown under the paragraph in RESULTS.md (e.g. the SQL that ran). */
  code?: string;
};

/** A figure for a single, deterministic value (a size, not a timing). */
export function constantFigure(value: number): Figure {
  return { runs: [value], median: value, min: value, max: value, peakRssDelta: null, childPeakRss: null };
}
