// The funding_standard table's national rows are a loaded copy of the law store (core/law), not a
// second source: on every writable open the rows without a dataset (the built-in ones) are made
// equal to the store's `standard.<component>.<level>.<region class>` values. Nothing is written
// when they already are; a change of the store replaces them in one transaction, through the
// audited table (so the log says when the built-in standards changed). Provinces' own standards
// are datasets (dataset_id set) and are never touched.
import type Database from 'better-sqlite3';
import { LAW_KEYS, lawHistory, type LawKey } from '../../core/law';

export type StandardCopyRow = {
  level: string;
  component: string;
  region_class: string;
  value: number;
  value_unit: string;
  effective_from: string;
  effective_to: string | null;
  legal_ref: string;
  source_url: string;
  confidence: string;
};

const COLUMNS = 'level, component, region_class, value, value_unit, effective_from, effective_to, legal_ref, source_url, confidence';

/** The rows the store says the table holds, in a fixed order. */
export function standardRowsFromLaw(): StandardCopyRow[] {
  const rows: StandardCopyRow[] = [];
  for (const key of LAW_KEYS.filter((k): k is LawKey => k.startsWith('standard.'))) {
    const [, component, level, regionClass] = key.split('.') as [string, string, string, string];
    for (const r of lawHistory(key)) {
      rows.push({
        level,
        component,
        region_class: regionClass,
        value: r.value,
        value_unit: r.unit,
        effective_from: r.from,
        effective_to: r.to,
        legal_ref: `${r.reference.document} ${r.reference.article}`,
        source_url: r.reference.url,
        confidence: r.confidence,
      });
    }
  }
  return rows;
}

const keyOf = (r: StandardCopyRow) => JSON.stringify([r.level, r.component, r.region_class, r.value, r.value_unit, r.effective_from, r.effective_to, r.legal_ref, r.source_url, r.confidence]);

/** Makes the built-in rows equal to the store; returns how many rows were written (0 when equal). */
export function loadStandardsFromLaw(db: Database.Database): number {
  const want = standardRowsFromLaw();
  const have = db.prepare(`SELECT ${COLUMNS} FROM funding_standard WHERE dataset_id IS NULL`).all() as StandardCopyRow[];
  const a = want.map(keyOf).sort();
  const b = have.map(keyOf).sort();
  if (a.length === b.length && a.every((k, i) => k === b[i])) return 0;
  const insert = db.prepare(`INSERT INTO funding_standard (${COLUMNS}) VALUES (@level, @component, @region_class, @value, @value_unit, @effective_from, @effective_to, @legal_ref, @source_url, @confidence)`);
  db.transaction(() => {
    db.prepare('DELETE FROM funding_standard WHERE dataset_id IS NULL').run();
    for (const r of want) insert.run(r);
  })();
  return want.length;
}
