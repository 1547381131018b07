// Which datasets a compliance run reads: the data basis (db/repos/basis.ts) for the run's scope —
// per input and region-year the dataset the stored rule and overrides name, so yearly datasets
// join into one series. Explicit ids replace the rule for their kind. The basis is returned so
// every result can name its sources and the basis hash.
import type Database from 'better-sqlite3';
import type { DatasetRef } from '../../core/compliance/types';
import { resolveBasis, type DataBasis, type InputBasis } from '../repos/basis';

type Scope = 'consolidated' | 'own_level';

export type Chosen = {
  expenditure: InputBasis | null;
  enrolment: InputBasis | null;
  bulletin: InputBasis | null;
  /** Per fiscal indicator (every indicator the basis holds, not only the rules'). */
  fiscal: Map<string, InputBasis>;
  basis: DataBasis;
};

export function chosenFromBasis(basis: DataBasis): Chosen {
  const fiscal = new Map<string, InputBasis>();
  for (const [input, ib] of basis.inputs) if (input.startsWith('fiscal:')) fiscal.set(input.slice('fiscal:'.length), ib);
  return { expenditure: basis.inputs.get('expenditure') ?? null, enrolment: basis.inputs.get('enrolment') ?? null, bulletin: basis.inputs.get('bulletin') ?? null, fiscal, basis };
}

export function chooseDatasets(db: Database.Database, scope: Scope, explicitIds: readonly number[] | undefined): Chosen {
  return chosenFromBasis(resolveBasis(db, scope, explicitIds));
}

export function datasetRefs(c: Chosen): DatasetRef[] {
  const seen = new Map<number, DatasetRef>();
  for (const ib of [c.expenditure, c.enrolment, c.bulletin, ...c.fiscal.values()]) {
    for (const d of ib?.datasets ?? []) if (!seen.has(d.id)) seen.set(d.id, { id: d.id, name: d.name, kind: d.kind, scope: d.scope, basis: d.basis, sha256: d.sha256 });
  }
  return [...seen.values()].sort((a, b) => a.id - b.id);
}
