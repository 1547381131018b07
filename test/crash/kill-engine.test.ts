// Crash safety: the engine process is killed with SIGKILL at random moments while it imports and
// saves scenarios — at least 50 times — and after every kill the database must pass
// integrity_check, each dataset must be wholly present (its facts all there) or wholly absent (no
// stray facts), the audit log must verify against the tables, and every listed backup must be a
// whole database. Kills are spread over imports and scenario saves, which the test checks so it
// cannot pass by only ever killing an idle process.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAuditFunctions } from '../../db/audit/functions';
import { verifyAudit } from '../../db/audit/verify';
import { listBackups } from '../../db/backup/backups';

const KILLS = Number(process.env.CRASH_KILLS ?? 50);
const dir = mkdtempSync(join(tmpdir(), 'wb-crash-'));
const dbFile = join(dir, 'crash.sqlite');
// Inside the project, so the bundle resolves better-sqlite3 from node_modules like dist/ does.
mkdirSync(fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url)), { recursive: true });
const bundleDir = mkdtempSync(join(fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url)), 'wb-crash-'));
const child = join(bundleDir, 'engine-child.mjs');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(bundleDir, { recursive: true, force: true });
});

beforeAll(async () => {
  // One bundle, so each restart costs a Node start-up rather than a TypeScript compile.
  // As scripts/build.mjs does for dist/: the migrations and the region list travel beside the bundle.
  cpSync(fileURLToPath(new URL('../../db/migrations/', import.meta.url)), join(bundleDir, 'migrations'), { recursive: true });
  for (const f of readdirSync(fileURLToPath(new URL('../../db/data/', import.meta.url))).filter((f) => f.endsWith('.json'))) cpSync(fileURLToPath(new URL(`../../db/data/${f}`, import.meta.url)), join(bundleDir, f));
  await build({ entryPoints: [new URL('./engine-child.ts', import.meta.url).pathname], outfile: child, bundle: true, platform: 'node', format: 'esm', target: 'node20', external: ['better-sqlite3', 'highs'], banner: { js: "import { createRequire as __wbCreateRequire } from 'node:module'; const require = __wbCreateRequire(import.meta.url);" }, logLevel: 'silent' });
}, 120_000);

type Landed = 'idle' | 'import' | 'scenario';

/**
 * Run the child until it has done some work, kill it at a random moment, say what it was doing.
 * The clock starts at 'ready', or — with afterImport — once an import has committed, so that some
 * datasets survive however slow the machine is (a fixed delay alone found none under heavy load).
 */
function runAndKill(seed: number, delayMs: number, afterImport = false): Promise<{ landed: Landed; lines: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dbFile, String(seed)], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    proc.stdout.setEncoding('utf8').on('data', (d: string) => {
      lines.push(...d.split('\n').filter(Boolean));
      const started = afterImport ? lines.some((l) => l.startsWith('import-end')) : lines.includes('ready');
      if (!timer && started) timer = setTimeout(() => proc.kill('SIGKILL'), delayMs);
    });
    proc.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the engine stopped by itself (code ${code}):\n${stderr}\n${lines.slice(-5).join('\n')}`));
      const last = [...lines].reverse().find((l) => /-(begin|end) /.test(l)) ?? '';
      resolve({ landed: last.startsWith('import-begin') ? 'import' : last.startsWith('scenario-begin') ? 'scenario' : 'idle', lines, stderr });
    });
  });
}

function checkDatabase(): { datasets: number; partial: string[] } {
  const db = new Database(dbFile);
  try {
    registerAuditFunctions(db);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const partial: string[] = [];
    const datasets = db.prepare(`SELECT id, row_count AS rowCount FROM dataset WHERE kind = 'expenditure' AND synthetic = 0`).all() as { id: number; rowCount: number }[];
    for (const d of datasets) {
      const facts = db.prepare('SELECT count(*) FROM expenditure_fact WHERE dataset_id = ?').pluck().get(d.id) as number;
      if (facts !== d.rowCount || facts === 0) partial.push(`dataset ${d.id}: ${facts} facts, row_count ${d.rowCount}`);
    }
    const stray = db.prepare('SELECT count(*) FROM expenditure_fact WHERE dataset_id NOT IN (SELECT id FROM dataset)').pluck().get() as number;
    if (stray) partial.push(`${stray} facts without a dataset`);
    const audit = verifyAudit(db);
    expect(audit.firstBad).toBeNull();
    expect(audit.state).toEqual([]);
    return { datasets: datasets.length, partial };
  } finally {
    db.close();
  }
}

describe('SIGKILL during imports and scenario saves', () => {
  it(`leaves a whole database every time (${KILLS} kills)`, async () => {
    const landed: Record<Landed, number> = { idle: 0, import: 0, scenario: 0 };
    let seed = 20261129;
    let datasets = 0;
    for (let i = 0; i < KILLS; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      // From "just started" to "well into the second or third operation".
      const delay = 20 + (seed % 1500);
      // Every fifth kill waits for a committed import, so the survivors' check is never vacuous.
      const run = await runAndKill(seed, delay, i % 5 === 4);
      landed[run.landed]++;
      const state = checkDatabase();
      expect(state.partial, `kill ${i + 1} (${run.landed}, ${delay} ms): ${run.lines.slice(-3).join(' | ')}`).toEqual([]);
      datasets = state.datasets;
    }
    // Backups are written under a temporary name and renamed: none may be half a file.
    const backups = listBackups(dbFile);
    expect(backups.length).toBeGreaterThan(0);
    for (const b of backups) expect(b.problem, b.name).toBeNull();
    console.log(`crash test: ${KILLS} kills — ${landed.import} during an import, ${landed.scenario} during a scenario save, ${landed.idle} between operations; ${datasets} datasets survived whole`);
    // The kills must really land inside the work, not only between operations.
    expect(landed.import).toBeGreaterThanOrEqual(Math.ceil(KILLS / 5));
    expect(landed.scenario).toBeGreaterThanOrEqual(Math.ceil(KILLS / 20));
    expect(datasets).toBeGreaterThan(0);
  }, 1_800_000);
});
