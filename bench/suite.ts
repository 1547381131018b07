// Runs the benchmarks on one generated dataset in a temporary folder, prints the table and
// writes bench/RESULTS.md. The folder is removed afterwards, also when a check fails.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoData } from '../core/demo/types';
import { benchAggregate } from './aggregate';
import { benchBalance } from './balance';
import { benchCompliance } from './compliance';
import { benchImport } from './import';
import { benchLoad } from './load';
import { benchTransfer } from './transfer';
import { benchAid } from './aid';
import { describeMachine, machineLine } from './machine';
import { RssSampler } from './measure';
import { consoleTable, writeResults } from './report';
import { findSqliteShell } from './sqlite-shell';
import type { BenchContext, BenchRow } from './types';
import { benchWire } from './wire';

export type SuiteOptions = { warmup: number; runs: BenchContext['runs']; resultsFile: string; log: (line: string) => void; only?: 'import' | 'transfer' | 'balance' };

export const DEFAULT_RESULTS_FILE = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

function dataLine(data: DemoData): string {
  const count = (level: string): number => data.regions.filter((r) => r.level === level).length;
  const fmt = (n: number): string => n.toLocaleString('en-US');
  return (
    `national demo (core/demo generateDemo, seed ${data.seed}), ${data.firstYear}–${data.lastYear}: ${fmt(count('province'))} provinces, ${fmt(count('prefecture'))} prefectures, ${fmt(count('county'))} counties ` +
    `(${fmt(data.regions.length)} regions, ${fmt(data.codeChanges.length)} code changes); ${fmt(data.expenditure.length)} expenditure, ${fmt(data.enrolment.length)} enrolment and ${fmt(data.fiscal.length)} fiscal rows.`
  );
}

export async function runSuite(data: DemoData, options: SuiteOptions): Promise<BenchRow[]> {
  const started = performance.now();
  const { log } = options;
  const shell = findSqliteShell(log);
  if (!shell.ok) log(`SKIP sqlite3 shell peer for (a): ${shell.reason}`);
  const machine = machineLine(describeMachine(shell));
  log(`machine: ${machine}`);
  log(`data: ${dataLine(data)}`);

  const dir = mkdtempSync(join(tmpdir(), 'wb-bench-'));
  const sampler = new RssSampler();
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
  const onSignal = (): void => {
    cleanup();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const ctx: BenchContext = { dir, data, sampler, shell, warmup: options.warmup, runs: options.runs, log };
    const rows: BenchRow[] = [];
    // BENCH_ONLY=import runs (d) alone (it needs no demo data), BENCH_ONLY=transfer runs (a) and (f);
    // otherwise everything runs.
    if (options.only === 'balance') {
      rows.push(...(await benchBalance(ctx)));
    } else if (options.only === 'transfer') {
      // (f) alone needs the national database that (a) writes.
      const load = await benchLoad(ctx);
      rows.push(load.row, ...(await benchTransfer(ctx, load.oursDbFile, load.datasetIds)));
    } else if (options.only !== 'import') {
      const load = await benchLoad(ctx);
      const aggregate = await benchAggregate(ctx, load.oursDbFile, load.datasetIds, load.csvs);
      const wire = await benchWire(ctx);
      const compliance = await benchCompliance(ctx, load.oursDbFile, load.datasetIds, load.csvs);
      const transfer = await benchTransfer(ctx, load.oursDbFile, load.datasetIds);
      const aid = await benchAid(ctx);
      rows.push(load.row, aggregate, ...wire, ...compliance, ...transfer, ...(await benchBalance(ctx)), ...aid);
    }
    if (options.only !== 'transfer' && options.only !== 'balance') rows.push(...(await benchImport(ctx)));
    const totalSeconds = (performance.now() - started) / 1000;
    console.log('');
    console.log(consoleTable(rows));
    console.log('');
    writeResults(options.resultsFile, { date: new Date(), machine, dataLine: dataLine(data), warmup: options.warmup, runs: options.runs, totalSeconds, rows });
    log(`wrote ${options.resultsFile} (${totalSeconds.toFixed(0)} s in all)`);
    return rows;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await sampler.stop();
    cleanup();
  }
}
