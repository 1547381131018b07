// The results: an aligned table on the console, and bench/RESULTS.md with the date, the machine,
// the same table and a paragraph per row on what was compared and what is fair about it.
import { writeFileSync } from 'node:fs';
import type { Figure } from './measure';
import type { BenchContext, BenchRow } from './types';

export type ReportInput = {
  date: Date;
  machine: string;
  dataLine: string;
  warmup: number;
  runs: BenchContext['runs'];
  totalSeconds: number;
  rows: readonly BenchRow[];
};

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function value(v: number, unit: BenchRow['unit']): string {
  if (unit === 'MB') return `${v.toFixed(1)} MB`;
  return v >= 100 ? `${int.format(v)} ms` : `${v.toFixed(1)} ms`;
}

function figure(f: Figure, unit: BenchRow['unit']): string {
  if (f.runs.length < 2) return value(f.median, unit);
  const r = (v: number): string => (unit === 'MB' ? v.toFixed(1) : v >= 100 ? int.format(v) : v.toFixed(1));
  return `${value(f.median, unit)} (${r(f.min)}–${r(f.max)})`;
}

function ratio(row: BenchRow): string {
  if (!row.peer) return 'n/a';
  const x = row.ours.median / row.peer.median;
  return x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(3);
}

function memory(f: Figure | null): string {
  if (!f) return '—';
  if (f.childPeakRss !== null) return `${int.format(f.childPeakRss / 1e6)} MB`;
  if (f.peakRssDelta !== null) return `+${int.format(Math.max(0, f.peakRssDelta) / 1e6)} MB`;
  return '—';
}

function cells(row: BenchRow): string[] {
  return [
    row.benchmark,
    `${row.oursLabel}: ${figure(row.ours, row.unit)}`,
    row.peer ? `${row.peerLabel}: ${figure(row.peer, row.unit)}` : `${row.peerLabel}: skipped`,
    ratio(row),
    memory(row.unit === 'ms' ? row.ours : null),
    memory(row.unit === 'ms' ? row.peer : null),
    row.skipped ? `peer skipped: ${row.skipped}` : row.note,
  ];
}

const HEADER = ['benchmark', 'ours', 'peer', 'ratio (ours/peer)', 'ours peak mem', 'peer peak mem', 'note'];

/** Display width, counting CJK and other wide characters as two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export function consoleTable(rows: readonly BenchRow[]): string {
  const table = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, i) => Math.max(...table.map((r) => width(r[i] ?? ''))));
  const line = (r: readonly string[]): string => `| ${r.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - width(c))).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(HEADER), rule, ...table.slice(1).map(line)].join('\n');
}

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

export function resultsMarkdown(input: ReportInput): string {
  const md: string[] = [];
  md.push('# Benchmarks', '');
  md.push(
    `Measured ${input.date.toISOString().replace('T', ' ').slice(0, 16)} UTC by \`npm run bench\` (${input.totalSeconds.toFixed(0)} s in all). ` +
      `Each time is the median of the measured runs (load ${input.runs.load}, aggregation ${input.runs.aggregate}, wire ${input.runs.wire}) after ${input.warmup} warm-up run${input.warmup === 1 ? '' : 's'} each, with min–max in brackets; a full GC precedes every run. ` +
      'Ratio = ours ÷ peer, so below 1 means ours is faster (or smaller). The peers were measured in the same run on the same data. ' +
      'Nothing asserts on time; the run fails only when ours and the peer disagree on the data (checksums).',
    '',
  );
  md.push(`**Machine:** ${input.machine}`, '');
  md.push(`**Data:** ${input.dataLine}`, '');
  md.push(`| ${HEADER.join(' | ')} |`, `|${HEADER.map(() => '---').join('|')}|`);
  for (const r of input.rows) md.push(`| ${cells(r).map(mdCell).join(' | ')} |`);
  md.push('', 'Peak memory: "+N MB" is how far this Node process\'s resident set rose above where it stood (after a full GC and a pause for V8 to return freed pages) when the benchmark started, warm-up included, sampled every ~2 ms from a worker thread (DuckDB runs inside the process). Memory the process still held from earlier work is reused without showing, so read it as a lower bound. "N MB" is the peak resident set of the sqlite3 shell process (VmHWM).', '');
  md.push('## What was compared, and what is fair', '');
  for (const r of input.rows) {
    md.push(`**${r.benchmark}** — ours: ${r.oursLabel}; peer: ${r.peerLabel}${r.skipped ? ` (skipped: ${r.skipped})` : ''}. ${r.fairness}`, '');
    if (r.code) md.push('```sql', r.code.trim(), '```', '');
  }
  md.push('## Individual runs', '');
  for (const r of input.rows) {
    if (r.unit !== 'ms') continue;
    const fmt = (f: Figure): string => f.runs.map((v) => v.toFixed(1)).join(', ');
    md.push(`- ${r.benchmark}: ours ${fmt(r.ours)} ms; peer ${r.peer ? `${fmt(r.peer)} ms` : 'skipped'}`);
  }
  md.push('');
  return md.join('\n');
}

export function writeResults(file: string, input: ReportInput): void {
  writeFileSync(file, resultsMarkdown(input));
}
