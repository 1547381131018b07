// The data basis (数据基础): which dataset feeds each input (spending, enrolment, bulletin figures,
// each fiscal indicator) for each region and year. One rule builds it, everywhere:
//
//   1. the user's stored overrides (setting `data_basis`, audited like every setting): "for this
//      input, these regions and years, prefer dataset D" or "never read D there";
//   2. otherwise, per region-year, the preferred dataset that covers it — release stage
//      决算/年鉴 before 公告 before 快报 (then budget and other figures), then the newest.
//
// So datasets of one indicator for different years (yearbook sheets 2020, 2021 …) join into one
// series, and a new dataset covering one year of the provinces changes nothing for the counties
// that only an older dataset covers. A run's `--dataset` ids replace the rule for their inputs.
// The result names every dataset it uses with the regions and years it supplies, and a hash.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { CodedError } from '../../core/result';
import { datasetColumns, type PackKind } from '../compliance/columns';
import { yearRanges } from '../../core/year-ranges';

export type Scope = 'consolidated' | 'own_level';
/** Inputs: the three fact kinds and each fiscal indicator as `fiscal:<indicator>`. */
export type BasisInput = 'expenditure' | 'enrolment' | 'bulletin' | `fiscal:${string}`;

export type BasisDataset = { id: number; name: string; kind: string; scope: Scope | null; basis: string | null; sha256: string; importedAt: string; stage: string; synthetic: boolean };

export type BasisOverride = {
  input: BasisInput;
  /** null: both scopes */
  scope: Scope | null;
  /** A region code: itself and everything under it; null: every region. */
  region: string | null;
  from: number | null;
  to: number | null;
  datasetId: number;
  mode: 'prefer' | 'exclude';
  note: string | null;
};

export type InputBasis = {
  input: BasisInput;
  /** Every dataset that supplies at least one region-year, in order of preference. */
  datasets: BasisDataset[];
  /** `code|year` → the dataset that supplies it. */
  owner: Map<string, number>;
  /** Only one dataset supplies this input: readers can skip the owner lookup. */
  single: boolean;
};

export type BasisSummaryEntry = { input: BasisInput; datasetId: number; datasetName: string; sha256: string; synthetic: boolean; stage: string; regions: number; years: number[] };

export type DataBasis = {
  scope: Scope;
  rule: 'override > stage (决算/年鉴 > 公告 > 快报) > newest';
  explicit: number[];
  overrides: BasisOverride[];
  inputs: Map<BasisInput, InputBasis>;
  summary: BasisSummaryEntry[];
  hash: string;
};

export const BASIS_SETTING = 'data_basis';
export const BASIS_RULE = 'override > stage (决算/年鉴 > 公告 > 快报) > newest' as const;

/** Release stages, best first. 决算 and 年鉴 print the same final figures. */
export const STAGE_RANK: Record<string, number> = { final_accounts: 3, yearbook: 3, bulletin: 2, flash: 1, budget: 0, other: 0 };

export const STAGE_ZH: Record<string, string> = { final_accounts: '决算', yearbook: '年鉴', bulletin: '公告', flash: '快报', budget: '预算', other: '其他' };

export function inputKind(input: BasisInput): PackKind {
  return input.startsWith('fiscal:') ? 'fiscal' : (input as PackKind);
}

function scopeOk(kind: string, dsScope: Scope | null, scope: Scope): boolean {
  if (dsScope === scope) return true;
  // An unscoped enrolment or bulletin table counts for either scope; unscoped fiscal figures are
  // read as consolidated (全辖), which is how yearbooks print them.
  if (dsScope === null) return kind === 'fiscal' ? scope === 'consolidated' : kind !== 'expenditure';
  return false;
}

export function readOverrides(db: Database.Database): BasisOverride[] {
  const text = db.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(BASIS_SETTING) as string | undefined;
  if (!text) return [];
  const parsed = JSON.parse(text) as { overrides?: BasisOverride[] };
  return parsed.overrides ?? [];
}

/** Stores the overrides (one setting row, so the audit log records before and after). */
export function writeOverrides(db: Database.Database, overrides: readonly BasisOverride[]): void {
  const value = JSON.stringify({ overrides });
  if (overrides.length === 0) db.prepare('DELETE FROM setting WHERE key = ?').run(BASIS_SETTING);
  else db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE value <> excluded.value').run(BASIS_SETTING, value);
}

export function regionMatches(region: string | null, code: string): boolean {
  if (region === null || region === '000000') return true;
  if (region.endsWith('0000')) return code.startsWith(region.slice(0, 2));
  if (region.endsWith('00')) return code.startsWith(region.slice(0, 4));
  return code === region;
}

function overrideMatches(o: BasisOverride, scope: Scope, input: BasisInput, code: string, year: number): boolean {
  return o.input === input && (o.scope === null || o.scope === scope) && (o.from === null || year >= o.from) && (o.to === null || year <= o.to) && regionMatches(o.region, code);
}

type DatasetRow = BasisDataset & { superseded: number };

/** `without`: a dataset to leave out as if never imported (an import's preview: the basis before it). */
export function allDatasets(db: Database.Database, without: number | null = null): DatasetRow[] {
  return (
    db
      .prepare(
        `SELECT d.id, d.name, d.kind, d.scope, d.basis, d.sha256, d.imported_at AS importedAt, d.release_stage AS stage, d.synthetic,
              EXISTS (SELECT 1 FROM dataset s WHERE s.supersedes_id = d.id AND s.id IS NOT @without) AS superseded
       FROM dataset d WHERE d.id IS NOT @without ORDER BY d.id DESC`,
      )
      .all({ without }) as (Omit<DatasetRow, 'synthetic'> & { synthetic: number })[]
  ).map((d) => ({ ...d, synthetic: d.synthetic === 1 }));
}

function byPreference(a: BasisDataset, b: BasisDataset): number {
  return (STAGE_RANK[b.stage] ?? 0) - (STAGE_RANK[a.stage] ?? 0) || b.id - a.id;
}

// Region-years per dataset and input, kept per connection: datasets never change after import, so
// a basis is resolved again (every check, every view) without rereading the packs.
const KEYS = new WeakMap<Database.Database, Map<string, { code: string; year: number }[]>>();

/** The region-years one dataset holds for an input. */
function keysOf(db: Database.Database, input: BasisInput, d: BasisDataset): { code: string; year: number }[] {
  let mem = KEYS.get(db);
  if (!mem) KEYS.set(db, (mem = new Map()));
  const k = `${d.id}|${d.sha256}|${d.importedAt}|${input}`;
  let hit = mem.get(k);
  if (!hit) mem.set(k, (hit = readKeys(db, input, d)));
  return hit;
}

function readKeys(db: Database.Database, input: BasisInput, d: BasisDataset): { code: string; year: number }[] {
  const kind = inputKind(input);
  const c = datasetColumns(db, kind, d);
  const wanted = kind === 'fiscal' ? c.keys.indexOf(input.slice('fiscal:'.length)) : -1;
  const seen = new Set<string>();
  const out: { code: string; year: number }[] = [];
  for (let i = 0; i < c.rows; i++) {
    if (kind === 'fiscal' && c.key[i] !== wanted) continue;
    const code = c.codes[c.code[i]!]!;
    const year = c.year[i]!;
    const k = `${code}|${year}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push({ code, year });
    }
  }
  return out;
}

function resolveInput(db: Database.Database, input: BasisInput, scope: Scope, candidates: BasisDataset[], overrides: readonly BasisOverride[]): InputBasis | null {
  if (candidates.length === 0) return null;
  const keys = new Map(candidates.map((d) => [d.id, keysOf(db, input, d)]));
  const relevant = overrides.filter((o) => o.input === input && (o.scope === null || o.scope === scope));
  const owner = new Map<string, number>();
  // Preferences, the latest stored first.
  for (const o of [...relevant].reverse()) {
    if (o.mode !== 'prefer') continue;
    for (const { code, year } of keys.get(o.datasetId) ?? []) {
      const k = `${code}|${year}`;
      if (!owner.has(k) && overrideMatches(o, scope, input, code, year)) owner.set(k, o.datasetId);
    }
  }
  const excludes = relevant.filter((o) => o.mode === 'exclude');
  for (const d of candidates) {
    const mine = excludes.filter((o) => o.datasetId === d.id);
    for (const { code, year } of keys.get(d.id)!) {
      const k = `${code}|${year}`;
      if (owner.has(k)) continue;
      if (mine.some((o) => overrideMatches(o, scope, input, code, year))) continue;
      owner.set(k, d.id);
    }
  }
  const used = new Set(owner.values());
  const datasets = candidates.filter((d) => used.has(d.id));
  if (datasets.length === 0) return null;
  return { input, datasets, owner, single: datasets.length === 1 };
}

/** Every fiscal indicator any candidate dataset holds. */
function fiscalIndicators(db: Database.Database, ids: number[]): string[] {
  if (ids.length === 0) return [];
  return db.prepare(`SELECT DISTINCT indicator FROM fiscal_fact WHERE dataset_id IN (${ids.map(() => '?').join(',')}) ORDER BY indicator`).pluck().all(...ids) as string[];
}

export function resolveBasis(db: Database.Database, scope: Scope, explicitIds?: readonly number[], options: { without?: number } = {}): DataBasis {
  const all = allDatasets(db, options.without ?? null);
  const explicit = (explicitIds ?? []).map((id) => {
    const d = all.find((x) => x.id === id);
    if (!d) throw new CodedError('bad_input', `数据集 ${id} 不存在 / dataset ${id} does not exist`);
    if (!['expenditure', 'enrolment', 'bulletin', 'fiscal'].includes(d.kind)) throw new CodedError('bad_input', `数据集 ${id}（${d.name}）的类型 ${d.kind} 不能作为分析数据 / dataset ${id} of kind ${d.kind} cannot feed an analysis`);
    return d;
  });
  const overrides = readOverrides(db);
  const inputs = new Map<BasisInput, InputBasis>();
  const pool = (kind: string): BasisDataset[] => {
    const given = explicit.filter((d) => d.kind === kind);
    // Explicit ids replace the rule for their kind, in the order given.
    if (given.length) return given;
    return all.filter((d) => d.kind === kind && !d.superseded && scopeOk(kind, d.scope, scope)).sort(byPreference);
  };
  const useOverrides = (kind: string) => (explicit.some((d) => d.kind === kind) ? [] : overrides);
  for (const kind of ['expenditure', 'enrolment', 'bulletin'] as const) {
    const r = resolveInput(db, kind, scope, pool(kind), useOverrides(kind));
    if (r) inputs.set(kind, r);
  }
  const fiscalPool = pool('fiscal');
  for (const indicator of fiscalIndicators(db, fiscalPool.map((d) => d.id))) {
    const input: BasisInput = `fiscal:${indicator}`;
    const r = resolveInput(db, input, scope, fiscalPool, useOverrides('fiscal'));
    if (r) inputs.set(input, r);
  }
  const summary = summarise(inputs);
  const h = createHash('sha256');
  h.update(JSON.stringify({ rule: BASIS_RULE, scope, explicit: explicit.map((d) => d.id), overrides }));
  for (const ib of inputs.values()) {
    h.update(`\n#${ib.input}`);
    const sha = new Map(ib.datasets.map((d) => [d.id, d.sha256]));
    h.update([...ib.owner].map(([k, id]) => `${k}=${id}:${sha.get(id)}`).sort().join('\n'));
  }
  return { scope, rule: BASIS_RULE, explicit: explicit.map((d) => d.id), overrides, inputs, summary, hash: h.digest('hex') };
}

function summarise(inputs: Map<BasisInput, InputBasis>): BasisSummaryEntry[] {
  const out: BasisSummaryEntry[] = [];
  for (const ib of inputs.values()) {
    const per = new Map<number, { regions: Set<string>; years: Set<number> }>();
    for (const [k, id] of ib.owner) {
      const [code, year] = k.split('|') as [string, string];
      let e = per.get(id);
      if (!e) per.set(id, (e = { regions: new Set(), years: new Set() }));
      e.regions.add(code);
      e.years.add(Number(year));
    }
    for (const d of ib.datasets) {
      const e = per.get(d.id)!;
      out.push({ input: ib.input, datasetId: d.id, datasetName: d.name, sha256: d.sha256, synthetic: d.synthetic, stage: d.stage, regions: e.regions.size, years: [...e.years].sort((a, b) => a - b) });
    }
  }
  return out;
}

export { yearRanges };

/** One line saying what a view reads: 数据基础 <hash> · 支出：#3 2020、#4 2021 … */
export function basisLine(b: Pick<DataBasis, 'hash' | 'summary'>, only?: (input: BasisInput) => boolean): string {
  const byInput = new Map<string, string[]>();
  for (const s of b.summary) {
    if (only && !only(s.input)) continue;
    const list = byInput.get(s.input) ?? [];
    list.push(`#${s.datasetId}${s.synthetic ? '（合成）' : ''} ${yearRanges(s.years)}`);
    byInput.set(s.input, list);
  }
  const parts = [...byInput].map(([input, list]) => `${input} ${list.join('，')}`);
  return `数据基础 / data basis ${b.hash.slice(0, 12)}: ${parts.length ? parts.join('；') : '无数据 / no data'}`;
}
