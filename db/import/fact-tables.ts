// The fact tables an import can fill, described once so that writing, comparing and exporting
// datasets share one definition of each table's key and value.
import type { ImportKind } from '../../core/import/kinds';

/** The import kinds that fill a fact table (the others fill reference tables). */
export type FactKind = 'expenditure' | 'enrolment' | 'capacity' | 'bulletin' | 'aid';

export type FactTable = {
  table: 'expenditure_fact' | 'enrolment_fact' | 'fiscal_fact' | 'bulletin_fact' | 'aid_fact';
  /** Key columns after dataset_id, region_code, year. */
  keys: readonly string[];
  value: string;
  /** The stored unit of the value column. */
  storedUnit: 'fen' | 'person' | 'mixed';
};

export const FACT_TABLES: Partial<Record<ImportKind, FactTable>> & Record<FactKind, FactTable> = {
  expenditure: { table: 'expenditure_fact', keys: ['level', 'func_code'], value: 'amount_fen', storedUnit: 'fen' },
  enrolment: { table: 'enrolment_fact', keys: ['level'], value: 'students', storedUnit: 'person' },
  capacity: { table: 'fiscal_fact', keys: ['indicator'], value: 'value', storedUnit: 'mixed' },
  bulletin: { table: 'bulletin_fact', keys: ['level', 'measure'], value: 'amount_fen', storedUnit: 'fen' },
  aid: { table: 'aid_fact', keys: ['level', 'category', 'item', 'measure'], value: 'value', storedUnit: 'mixed' },
};

export const DATASET_KIND_TO_IMPORT: Record<string, FactKind | undefined> = {
  expenditure: 'expenditure',
  enrolment: 'enrolment',
  fiscal: 'capacity',
  bulletin: 'bulletin',
  aid: 'aid',
};

/** dataset.kind for an import kind. */
export function datasetKind(kind: ImportKind): 'expenditure' | 'enrolment' | 'fiscal' | 'standard' | 'bulletin' | 'regions' | 'region_changes' | 'aid' | 'schools' | 'kindergartens' | 'county_attainment' | 'inclusion' {
  switch (kind) {
    case 'capacity':
      return 'fiscal';
    case 'region-changes':
      return 'region_changes';
    case 'county-attainment':
      return 'county_attainment';
    default:
      return kind;
  }
}

/** "level/func_code" style key text of a row. */
export function keyText(t: FactTable, row: Record<string, unknown>): string {
  return t.keys.map((k) => String(row[k])).join('/');
}
