// No-behaviour-change check for the transfer simulator: runs `wb simulate --format json` (the CLI's
// own command function, in one process) over N seeded random scenario files on a database and
// prints a SHA-256 of all outputs and exit codes. Run it before and after a refactor; the hashes
// must be equal. A second hash leaves out the citation text (`what_changed[].reference`), so a
// change of wording of a reference can be told apart from a change of any figure.
//   npx tsx scripts/simulate-hash.ts --db FILE --region CODE[,CODE…] [--n 400] [--seed 1]
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { simulateCommand } from '../cli/commands/simulate';
import { PARAMETERS } from '../core/transfer/parameters';

const { values } = parseArgs({ options: { db: { type: 'string' }, region: { type: 'string' }, n: { type: 'string', default: '400' }, seed: { type: 'string', default: '1' } } });
if (!values.db || !values.region) throw new Error('--db and --region are required');
const regions = values.region.split(',');

// mulberry32: small, seeded, the same sequence on every machine.
let state = Number(values.seed) >>> 0;
function rand(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

function value(d: (typeof PARAMETERS)[number]): number {
  if (d.unit === 'switch') return rand() < 0.5 ? 0 : 1;
  if (d.key === 'pool.amount') return Math.round(1e9 + rand() * 5e9);
  const steps = Math.floor((d.max - d.min) / d.step);
  const v = d.min + Math.floor(rand() * (steps + 1)) * d.step;
  return Math.min(d.max, Math.max(d.min, Number(v.toFixed(6))));
}

function parameters(): Record<string, number> {
  const out: Record<string, number> = {};
  const k = Math.floor(rand() * 6);
  for (let i = 0; i < k; i++) {
    const d = pick(PARAMETERS);
    out[d.key] = value(d);
  }
  return out;
}

function scenario(i: number) {
  const year = 2019 + Math.floor(rand() * 6);
  const changes = rand() < 0.3 ? [{ key: pick(PARAMETERS).key, value: 0, from: year - 1, to: rand() < 0.5 ? null : year }] : [];
  for (const c of changes) c.value = value(PARAMETERS.find((d) => d.key === c.key)!);
  return {
    format: 'edu-finance-scenario/1',
    name: `random ${i}`,
    region: pick(regions),
    year,
    parameters: parameters(),
    changes,
    alternatives: rand() < 0.3 ? [{ name: 'alt', parameters: parameters() }] : [],
  };
}

const dir = mkdtempSync(join(tmpdir(), 'simhash-'));
const full = createHash('sha256');
const figures = createHash('sha256');
const n = Number(values.n);
const codes: Record<number, number> = {};
try {
  for (let i = 0; i < n; i++) {
    const file = join(dir, 's.json');
    writeFileSync(file, JSON.stringify(scenario(i)));
    let out = '';
    let code: number;
    try {
      code = simulateCommand(['--scenario', file, '--format', 'json'], { out: (t) => (out += t), err: (t) => (out += t) }, values.db);
    } catch (e) {
      code = -1;
      out += `error: ${(e as Error).message}`;
    }
    codes[code] = (codes[code] ?? 0) + 1;
    full.update(`${i}\t${code}\t${out}\n`);
    let stripped = out;
    try {
      const j = JSON.parse(out) as { scenarios: { what_changed: { reference?: string }[] }[] };
      for (const s of j.scenarios) for (const c of s.what_changed) delete c.reference;
      stripped = JSON.stringify(j);
    } catch {
      // not JSON (an error message): hashed as is
    }
    figures.update(`${i}\t${code}\t${stripped}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify({ db: values.db, regions, n, seed: Number(values.seed), exit_codes: codes, sha256_full: full.digest('hex'), sha256_without_reference_text: figures.digest('hex') }));
