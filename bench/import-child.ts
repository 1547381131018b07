// One measured import for benchmark (d), in its own process so that its peak memory is its own:
// `tsx bench/import-child.ts DB CSV` runs the app's full import (format detection, layout,
// mapping, every cell validated and converted to 分, regions resolved, one transaction, checks) and
// prints one JSON line: the time runImport took, the process's peak RSS and what was written.
import { ImportRequest } from '../core/import/request';
import { createRegionDirectory } from '../db/import/region-directory';
import { runImport } from '../db/import/run';
import { openDatabase } from '../db/open';

const [dbFile, csvFile] = process.argv.slice(2);
if (!dbFile || !csvFile) throw new Error('usage: import-child.ts DB CSV');
const { db } = openDatabase(dbFile);
const t0 = performance.now();
const outcome = await runImport(csvFile, ImportRequest.parse({ kind: 'expenditure', basis: 'moe_edu_funds' }), { db, regions: createRegionDirectory(db) });
const ms = performance.now() - t0;
const sum = outcome.datasetId === null ? null : String(db.prepare('SELECT SUM(amount_fen) FROM expenditure_fact WHERE dataset_id = ?').pluck().safeIntegers().get(outcome.datasetId));
db.close();
// maxRSS is in kilobytes.
console.log(JSON.stringify({ ms, peakRss: process.resourceUsage().maxRSS * 1024, status: outcome.status, facts: outcome.factCount, sum, problems: outcome.problems.slice(0, 3) }));
