// Writing interpreted facts and reference records into their tables, inside the import's
// transaction. A repeated key is reported with the row that first held it, not thrown.
import type Database from 'better-sqlite3';
import type { Fact } from '../../core/import/interpret';
import type { ImportKind } from '../../core/import/kinds';
import type { ReferenceRecord } from '../../core/import/reference';
import { FACT_TABLES } from './fact-tables';

export type WriteResult = { ok: true } | { ok: false; duplicateOfRow: number | null; message?: string };

function isConstraint(e: unknown, kind: 'PRIMARYKEY' | 'UNIQUE' | 'FOREIGNKEY' | 'CHECK'): boolean {
  return (e as { code?: string }).code === `SQLITE_CONSTRAINT_${kind}`;
}

export function factWriter(db: Database.Database, kind: 'expenditure' | 'enrolment' | 'capacity' | 'bulletin', datasetId: number) {
  const t = FACT_TABLES[kind];
  const insert =
    kind === 'expenditure'
      ? db.prepare('INSERT INTO expenditure_fact (dataset_id, region_code, year, level, func_code, amount_fen, source_row) VALUES (?, ?, ?, ?, ?, ?, ?)')
      : kind === 'enrolment'
        ? db.prepare("INSERT INTO enrolment_fact (dataset_id, region_code, year, level, students, count_basis, source_row) VALUES (?, ?, ?, ?, ?, 'autumn', ?)")
        : kind === 'capacity'
          ? db.prepare('INSERT INTO fiscal_fact (dataset_id, region_code, year, indicator, value, source_row) VALUES (?, ?, ?, ?, ?, ?)')
          : db.prepare('INSERT INTO bulletin_fact (dataset_id, region_code, year, level, measure, amount_fen, official_growth, comparable, restated_prior_fen, source_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const keyCols = ['region_code', 'year', ...t.keys];
  const firstRow = db.prepare(`SELECT source_row FROM ${t.table} WHERE dataset_id = ? AND ${keyCols.map((k) => `${k} = ?`).join(' AND ')}`).pluck();

  const args = (f: Fact): unknown[] => {
    const v = Number(f.value);
    switch (kind) {
      case 'expenditure':
        return [datasetId, f.regionCode, f.year, f.level, f.funcCode, v, f.row];
      case 'enrolment':
        return [datasetId, f.regionCode, f.year, f.level, v, f.row];
      case 'capacity':
        return [datasetId, f.regionCode, f.year, f.field, v, f.row];
      case 'bulletin':
        return [datasetId, f.regionCode, f.year, f.level, f.measure, v, f.growth ?? null, f.comparable ? 1 : 0, f.restatedPrior === undefined ? null : Number(f.restatedPrior), f.row];
    }
  };
  const keyArgs = (f: Fact): unknown[] => {
    switch (kind) {
      case 'expenditure':
        return [f.regionCode, f.year, f.level, f.funcCode];
      case 'enrolment':
        return [f.regionCode, f.year, f.level];
      case 'capacity':
        return [f.regionCode, f.year, f.field];
      case 'bulletin':
        return [f.regionCode, f.year, f.level, f.measure];
    }
  };
  return {
    write(f: Fact): WriteResult {
      try {
        insert.run(...args(f));
        return { ok: true };
      } catch (e) {
        if (isConstraint(e, 'PRIMARYKEY')) return { ok: false, duplicateOfRow: (firstRow.get(datasetId, ...keyArgs(f)) as number | undefined) ?? null };
        if (isConstraint(e, 'CHECK') || isConstraint(e, 'FOREIGNKEY')) return { ok: false, duplicateOfRow: null, message: (e as Error).message };
        throw e;
      }
    },
  };
}

export function referenceWriter(db: Database.Database, kind: ImportKind, datasetId: number) {
  const standard = db.prepare(
    'INSERT INTO funding_standard (dataset_id, level, component, region_class, value, value_unit, effective_from, effective_to, legal_ref, source_url, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const region = db.prepare(
    `INSERT INTO region (code, name, short_name, level, kind, parent_code, dev_tier) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, short_name = excluded.short_name, dev_tier = COALESCE(excluded.dev_tier, region.dev_tier)`,
  );
  const change = db.prepare('INSERT INTO region_code_change (old_code, new_code, effective_date, kind, share, note) VALUES (?, ?, ?, ?, ?, ?)');
  const kindOf = (level: string, name: string): string =>
    level === 'province' ? (/自治区$/.test(name) ? 'autonomous_region' : /^(北京|天津|上海|重庆)/.test(name) ? 'municipality' : 'province')
    : level === 'prefecture' ? (/自治州$/.test(name) ? 'autonomous_prefecture' : /地区$/.test(name) ? 'prefecture' : /盟$/.test(name) ? 'league' : 'prefecture_city')
    : /自治县$/.test(name) ? 'autonomous_county' : /旗$/.test(name) ? 'banner' : /区$/.test(name) ? 'district' : /市$/.test(name) ? 'county_city' : 'county';
  return {
    write(r: ReferenceRecord): WriteResult {
      try {
        if (r.kind === 'standard') {
          const s = r.record;
          standard.run(datasetId, s.level, s.component, s.regionClass, Number(s.value), s.valueUnit, s.effectiveFrom, s.effectiveTo, s.legalRef, s.sourceUrl, 'C');
        } else if (r.kind === 'regions') {
          const g = r.record;
          region.run(g.code, g.name, g.shortName, g.level, kindOf(g.level, g.name), g.level === 'province' ? null : g.parentCode, g.devTier);
        } else {
          const c = r.record;
          change.run(c.oldCode, c.newCode, c.date, c.kind, c.share, `dataset #${datasetId} row ${c.row}`);
        }
        return { ok: true };
      } catch (e) {
        if (isConstraint(e, 'UNIQUE') || isConstraint(e, 'PRIMARYKEY')) return { ok: false, duplicateOfRow: null, message: '重复记录 / duplicate record' };
        if (isConstraint(e, 'FOREIGNKEY') || isConstraint(e, 'CHECK')) return { ok: false, duplicateOfRow: null, message: (e as Error).message };
        throw e;
      }
    },
  };
}
