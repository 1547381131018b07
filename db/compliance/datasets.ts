// Which datasets a compliance run reads. Default: per kind, the latest dataset that nothing
// supersedes, in the run's scope (fiscal indicators are chosen one by one, because GDP, budget
// expenditure and pay usually come from different files). Explicit ids replace the default of
// their kind. The choice is returned so every result can name its sources.
import type Database from 'better-sqlite3';
import type { FiscalKey } from '../../core/compliance/inputs';
import { FISCAL_KEYS } from '../../core/compliance/inputs';
import type { DatasetRef } from '../../core/compliance/types';
import { CodedError } from '../../core/result';

type Scope = 'consolidated' | 'own_level';
type Row = { id: number; name: string; kind: string; scope: Scope | null; basis: string | null; sha256: string; importedAt: string };

export type Chosen = {
  expenditure: Row | null;
  enrolment: Row | null;
  bulletin: Row | null;
  fiscal: Map<FiscalKey, Row>;
};

const SINGLE_KINDS = ['expenditure', 'enrolment', 'bulletin'] as const;

function scopeOk(kind: string, dsScope: Scope | null, scope: Scope): boolean {
  if (dsScope === scope) return true;
  // An unscoped enrolment or bulletin table counts for either scope; unscoped fiscal figures are
  // read as consolidated (全辖), which is how yearbooks print them.
  if (dsScope === null) return kind === 'fiscal' ? scope === 'consolidated' : kind !== 'expenditure';
  return false;
}

export function chooseDatasets(db: Database.Database, scope: Scope, explicitIds: readonly number[] | undefined): Chosen {
  const all = db
    .prepare(
      `SELECT d.id, d.name, d.kind, d.scope, d.basis, d.sha256, d.imported_at AS importedAt,
              EXISTS (SELECT 1 FROM dataset s WHERE s.supersedes_id = d.id) AS superseded
       FROM dataset d ORDER BY d.id DESC`,
    )
    .all() as (Row & { superseded: number })[];
  const explicit = (explicitIds ?? []).map((id) => {
    const d = all.find((x) => x.id === id);
    if (!d) throw new CodedError('bad_input', `数据集 ${id} 不存在 / dataset ${id} does not exist`);
    if (!['expenditure', 'enrolment', 'bulletin', 'fiscal'].includes(d.kind)) throw new CodedError('bad_input', `数据集 ${id}（${d.name}）的类型 ${d.kind} 不能用于合规检查 / dataset ${id} of kind ${d.kind} cannot feed a compliance check`);
    return d;
  });
  const chosen: Chosen = { expenditure: null, enrolment: null, bulletin: null, fiscal: new Map() };
  for (const kind of SINGLE_KINDS) {
    const given = explicit.filter((d) => d.kind === kind);
    if (given.length > 1) throw new CodedError('bad_input', `每类只能指定一个数据集，${kind} 指定了 ${given.map((d) => d.id).join('、')} / give one ${kind} dataset at most`);
    chosen[kind] = given[0] ?? all.find((d) => d.kind === kind && !d.superseded && scopeOk(kind, d.scope, scope)) ?? null;
  }
  const fiscalGiven = explicit.filter((d) => d.kind === 'fiscal');
  const fiscalPool = fiscalGiven.length ? fiscalGiven : all.filter((d) => d.kind === 'fiscal' && !d.superseded && scopeOk('fiscal', d.scope, scope));
  // One probe per (dataset, indicator): the primary key leads with dataset_id, so each probe reads
  // that dataset's rows only until the first hit.
  const probe = db.prepare('SELECT 1 FROM fiscal_fact WHERE dataset_id = ? AND indicator = ? LIMIT 1');
  for (const key of FISCAL_KEYS) {
    // newest first: fiscalPool is ordered by id descending
    const d = fiscalPool.find((x) => probe.get(x.id, key) !== undefined);
    if (d) chosen.fiscal.set(key, d);
  }
  return chosen;
}

export function datasetRefs(c: Chosen): DatasetRef[] {
  const seen = new Map<number, DatasetRef>();
  for (const d of [c.expenditure, c.enrolment, c.bulletin, ...c.fiscal.values()]) {
    if (d && !seen.has(d.id)) seen.set(d.id, { id: d.id, name: d.name, kind: d.kind, scope: d.scope, basis: d.basis, sha256: d.sha256 });
  }
  return [...seen.values()];
}
