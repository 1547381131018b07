// The compliance view's data for one rule: computed once per (datasets read, rule, level, scope,
// divisor, years, standards, region tree) and kept, so switching back and forth between rules or
// levels answers from memory. The computation is the same as runCheck's (same gather, same
// evaluators, same order); it runs in slices of regions that yield to the event loop, so a call
// reports progress and can be cancelled, and other calls are answered in between.
import type Database from 'better-sqlite3';
import { evaluateRegion } from '../../core/compliance/evaluate';
import type { RegionInputs } from '../../core/compliance/inputs';
import { RULES, ruleDefinition } from '../../core/compliance/registry';
import type { Annotation, ComplianceResult, GovLevel, Provenance, RuleId, RuleSummary } from '../../core/compliance/types';
import { encodeCells, encodeFailures, type MatrixRegion } from '../../core/compliance/view-arrow';
import type { Divisor } from '../../core/metrics/divisor';
import { CodedError } from '../../core/result';
import { listAnnotations } from './annotations';
import { compareResults, yearRange } from './check';
import { chooseDatasets, datasetRefs, type Chosen } from './datasets';
import { gatherInputs } from './gather';
import { loadStandards } from './standards';
import { summarise } from '../../core/compliance/evaluate';

export type ViewQuery = {
  rule: RuleId;
  govLevel: GovLevel;
  scope: 'consolidated' | 'own_level';
  divisor: Divisor;
  datasetIds?: readonly number[] | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
};

export type ViewPayload = {
  regions: MatrixRegion[];
  cells: Uint8Array;
  failures: Uint8Array;
  valueUnit: ComplianceResult['valueUnit'];
  summary: RuleSummary;
  rows: number;
  datasets: Provenance['datasets'];
  years: { from: number; to: number } | null;
};

export type ViewOutput = ViewPayload & { provenance: Provenance; annotations: Annotation[]; cached: boolean };

export type ViewContext = { signal?: { aborted: boolean }; progress?: (done: number, total: number, stage?: string) => void };

type Memory = { inputs: Map<string, RegionInputs[]>; views: Map<string, ViewPayload> };
const MEMORY = new WeakMap<Database.Database, Memory>();
// A national county gather holds ~40 MB of facts: keep two (e.g. both scopes); views are a few
// hundred kB each.
const KEEP_INPUTS = 2;
const KEEP_VIEWS = 64;
const RULE_IDS = RULES.map((r) => r.id);

function memoryOf(db: Database.Database): Memory {
  let m = MEMORY.get(db);
  if (!m) MEMORY.set(db, (m = { inputs: new Map(), views: new Map() }));
  return m;
}

function remember<V>(map: Map<string, V>, key: string, value: V, keep: number): void {
  map.delete(key);
  if (map.size >= keep) map.delete(map.keys().next().value as string);
  map.set(key, value);
}

function recall<V>(map: Map<string, V>, key: string): V | undefined {
  const v = map.get(key);
  if (v !== undefined) {
    // least recently used goes first
    map.delete(key);
    map.set(key, v);
  }
  return v;
}

/**
 * What the results depend on besides the query: the datasets read (id, SHA-256, import time, per
 * kind and fiscal indicator) and a fingerprint of the region tree and crosswalk. Whatever picks
 * the datasets, the same choice gives the same key.
 */
export function basisKey(db: Database.Database, chosen: Chosen): string {
  // The data basis hash covers which dataset (id, SHA-256) supplies each input and region-year and
  // the stored overrides; import times tell a reused id apart.
  const times = [chosen.expenditure, chosen.enrolment, chosen.bulletin, ...chosen.fiscal.values()].flatMap((ib) => ib?.datasets.map((d) => `${d.id}:${d.importedAt}`) ?? []);
  const tree = db.prepare('SELECT (SELECT count(*) || \':\' || total(rowid) FROM region) || \'/\' || (SELECT count(*) || \':\' || total(share) FROM region_code_change) AS f').pluck().get() as string;
  return [chosen.basis.hash, ...new Set(times), tree].join('|');
}

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A computation of one view. Callers wait on it rather than start another; it stops when every
 * caller has cancelled (unless it warms the cache for later, see warmOtherRules). Background jobs
 * give way to anything a user waits for, until a user asks for their result.
 */
type Job = { promise: Promise<ViewPayload>; waiters: number; urgent: boolean; background: boolean; abandoned: boolean };
const JOBS = new WeakMap<Database.Database, Map<string, Job>>();
let usersWaiting = 0;
let warming: Job | null = null;

function jobsOf(db: Database.Database): Map<string, Job> {
  let j = JOBS.get(db);
  if (!j) JOBS.set(db, (j = new Map()));
  return j;
}

function cancelled(): CodedError {
  return new CodedError('cancelled', '已取消 / cancelled');
}

/** Wait for a job as a user: progress is the job's, cancel leaves the job to other waiters. */
function waitFor(job: Job, ctx: ViewContext): Promise<ViewPayload> {
  job.waiters++;
  job.urgent = true;
  usersWaiting++;
  return new Promise<ViewPayload>((resolve, reject) => {
    let done = false;
    const finish = () => {
      if (done) return false;
      done = true;
      usersWaiting--;
      job.waiters--;
      return true;
    };
    const poll = setInterval(() => {
      if (!ctx.signal?.aborted || !finish()) return;
      clearInterval(poll);
      if (job.waiters === 0 && !job.background) job.abandoned = true;
      reject(cancelled());
    }, 25);
    job.promise.then(
      (v) => {
        clearInterval(poll);
        if (finish()) resolve(v);
      },
      (e: unknown) => {
        clearInterval(poll);
        if (finish()) reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

type Plan = { chosen: Chosen; range: { from: number; to: number } | null; inputsKey: string; viewKey: string; standards: ReturnType<typeof loadStandards> };

function plan(db: Database.Database, q: ViewQuery, chosen: Chosen, range: { from: number; to: number } | null): Plan {
  const standards = q.rule === 'public-funds-per-student-standard' ? loadStandards(db) : [];
  const inputsKey = `${basisKey(db, chosen)}|${q.govLevel}|${range ? `${range.from}-${range.to}` : 'none'}`;
  return { chosen, range, inputsKey, viewKey: `${inputsKey}|${q.rule}|${q.scope}|${q.divisor}|${JSON.stringify(standards)}`, standards };
}

async function compute(db: Database.Database, q: ViewQuery, p: Plan, job: Job, progress: ViewContext['progress']): Promise<ViewPayload> {
  const mem = memoryOf(db);
  // Let a user's call that arrived first go ahead; a background job waits for users.
  // Background jobs also run one at a time, so each finishes as soon as it can.
  const turn = async () => {
    await yieldNow();
    while (!job.urgent && (usersWaiting > 0 || (warming !== null && warming !== job))) await pause(20);
    if (job.background) warming = job;
    if (job.abandoned) throw cancelled();
  };
  await turn();
  let results: ComplianceResult[] = [];
  if (p.range) {
    let inputs = recall(mem.inputs, p.inputsKey);
    if (!inputs) {
      progress?.(0, 1, 'gather');
      // Two years before the range, as runCheck: growth needs t−1, the 8/4 divisor t−2.
      inputs = gatherInputs(db, p.chosen, { govLevel: q.govLevel, fromYear: p.range.from - 2, toYear: p.range.to });
      remember(mem.inputs, p.inputsKey, inputs, KEEP_INPUTS);
      await turn();
    }
    const opts = { rules: [q.rule], yearFrom: p.range.from, yearTo: p.range.to, divisor: q.divisor, scope: q.scope, standards: p.standards, annotations: [] };
    const SLICE = 256;
    for (let i = 0; i < inputs.length; i += SLICE) {
      for (let j = i; j < Math.min(i + SLICE, inputs.length); j++) evaluateRegion(inputs[j]!, opts, results);
      progress?.(Math.min(i + SLICE, inputs.length), inputs.length, 'evaluate');
      await turn();
    }
    results.sort(compareResults);
  } else results = [];
  const payload: ViewPayload = {
    ...encodeCells(results),
    failures: encodeFailures(results),
    valueUnit: ruleDefinition(q.rule).valueUnit,
    summary: summarise(results, [q.rule])[0]!,
    rows: results.length,
    datasets: datasetRefs(p.chosen),
    years: p.range,
  };
  remember(mem.views, p.viewKey, payload, KEEP_VIEWS);
  return payload;
}

function start(db: Database.Database, q: ViewQuery, p: Plan, background: boolean, progress?: ViewContext['progress']): Job {
  const jobs = jobsOf(db);
  const job: Job = { promise: Promise.resolve(null as unknown as ViewPayload), waiters: 0, urgent: !background, background, abandoned: false };
  job.promise = compute(db, q, p, job, (d, t, s) => job.waiters > 0 && progress?.(d, t, s)).finally(() => {
    jobs.delete(p.viewKey);
    if (warming === job) warming = null;
  });
  job.promise.catch(() => {}); // a background or abandoned job's failure is nobody's reply
  jobs.set(p.viewKey, job);
  return job;
}

export async function complianceView(db: Database.Database, q: ViewQuery, ctx: ViewContext = {}, now = new Date()): Promise<ViewOutput> {
  const chosen = chooseDatasets(db, q.scope, q.datasetIds);
  const provenance: Provenance = { datasets: datasetRefs(chosen), divisor: q.divisor, scope: q.scope, computedAt: now.toISOString() };
  const range = yearRange(db, chosen, q.yearFrom, q.yearTo);
  const annotations = range ? listAnnotations(db, q.scope, range.from, range.to).filter((a) => a.rule === q.rule) : [];
  const p = plan(db, q, chosen, range);
  const hit = recall(memoryOf(db).views, p.viewKey);
  if (hit) {
    warmOtherRules(db, q, chosen, range);
    return { ...hit, provenance, annotations, cached: true };
  }
  const running = jobsOf(db).get(p.viewKey);
  const job = running && !running.abandoned ? running : start(db, q, p, false, ctx.progress);
  const payload = await waitFor(job, ctx);
  warmOtherRules(db, q, chosen, range);
  return { ...payload, provenance, annotations, cached: false };
}

/**
 * After a user's view, compute the other rules of the same level, scope and divisor in the
 * background, so that switching rule is answered from memory. Rules already held or running are
 * skipped; each job gives way to any call a user is waiting for.
 */
function warmOtherRules(db: Database.Database, q: ViewQuery, chosen: Chosen, range: { from: number; to: number } | null): void {
  if (process.env.WB_NO_WARM === '1') return;
  const jobs = jobsOf(db);
  const views = memoryOf(db).views;
  for (const rule of RULE_IDS) {
    if (rule === q.rule) continue;
    const other = { ...q, rule };
    const p = plan(db, other, chosen, range);
    if (views.has(p.viewKey) || jobs.has(p.viewKey)) continue;
    start(db, other, p, true);
  }
}
