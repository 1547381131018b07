// One fuzz target in a worker thread. Before each case it stamps the case index and the time into
// shared memory, so the main thread can tell a hung case (and kill this worker) without any global
// time limit.
import { parentPort, workerData } from 'node:worker_threads';
import { replayInput, runTarget } from './harness';
import { targetByName } from './targets';

export type WorkerJob = { mode: 'run' | 'replay'; target: string; seed: number; numRuns: number; shrink: boolean | undefined; index?: number; stamp: SharedArrayBuffer };

const job = workerData as WorkerJob;
const index = new Int32Array(job.stamp, 0, 1);
const time = new Float64Array(job.stamp, 8, 1);

async function main(): Promise<void> {
  const target = targetByName(job.target);
  if (!target) throw new Error(`no target ${job.target}`);
  if (job.mode === 'replay') {
    parentPort?.postMessage({ type: 'replay', input: await replayInput(target, job.seed, job.index ?? 0) });
    return;
  }
  const result = await runTarget(target, {
    seed: job.seed,
    numRuns: job.numRuns,
    ...(job.shrink === undefined ? {} : { shrink: job.shrink }),
    onCase: (i) => {
      Atomics.store(index, 0, i);
      time[0] = Date.now();
    },
  });
  time[0] = 0;
  parentPort?.postMessage({ type: 'done', result });
}

await main();
