// Writing interpreted facts and reference records into their tables, inside the import's
// transaction. A repeated key is reported with the row that first held it, not thrown.
import type Database from 'better-sqlite3';
import type { Fact } from '../../core/import/interpret';
import type { ImportKind } from '../../core/import/kinds';
import type { ReferenceRecord } from '../../core/import/reference';
import { FACT_TABLES, type FactKind } from './fact-tables';

export type WriteResult = { ok: true } | { ok: false; duplicateOfRow: number | null; message?: string };

function isConstraint(e: unknown, kind: 'PRIMARYKEY' | 'UNIQUE' | 'FOREIGNKEY' | 'CHECK'): boolean {
  return (e as { code?: string }).code === `SQLITE_CONSTRAINT_${kind}`;
}

/** Facts per multi-row INSERT: one call into SQLite per batch instead of per fact. */
const BATCH = 200;

const FACT_COLUMNS = {
  expenditure: { table: 'expenditure_fact', columns: 'dataset_id, region_code, year, level, func_code, amount_fen, source_row', values: '?, ?, ?, ?, ?, ?, ?' },
  enrolment: { table: 'enrolment_fact', columns: 'dataset_id, region_code, year, level, students, count_basis, source_row', values: "?, ?, ?, ?, ?, 'autumn', ?" },
  capacity: { table: 'fiscal_fact', columns: 'dataset_id, region_code, year, indicator, value, source_row', values: '?, ?, ?, ?, ?, ?' },
  bulletin: { table: 'bulletin_fact', columns: 'dataset_id, region_code, year, level, measure, amount_fen, official_growth, comparable, restated_prior_fen, source_row', values: '?, ?, ?, ?, ?, ?, ?, ?, ?, ?' },
  aid: { table: 'aid_fact', columns: 'dataset_id, region_code, year, level, category, item, measure, value, source_row', values: '?, ?, ?, ?, ?, ?, ?, ?, ?' },
} as const;

/** aid_fact.measure for an aid field: money measures say that they are 分. */
const AID_MEASURE: Record<string, string> = { eligible: 'eligible', funded: 'funded', boarders: 'boarders', approved_fee: 'approved_fee_fen', budget: 'budget_fen' };

/**
 * Writes facts in batches. `add` buffers; `flush` inserts the buffer and reports each fact as
 * written or refused. A batch that hits a constraint is rolled back by SQLite (statement
 * atomicity) and replayed fact by fact, so a duplicate is reported with the row that first held it.
 */
export function factWriter(db: Database.Database, kind: FactKind, datasetId: number) {
  const t = FACT_TABLES[kind];
  const c = FACT_COLUMNS[kind];
  const insertOne = db.prepare(`INSERT INTO ${c.table} (${c.columns}) VALUES (${c.values})`);
  const insertBatch = db.prepare(`INSERT INTO ${c.table} (${c.columns}) VALUES ${Array.from({ length: BATCH }, () => `(${c.values})`).join(', ')}`);
  const keyCols = ['region_code', 'year', ...t.keys];
  const firstRow = db.prepare(`SELECT source_row FROM ${t.table} WHERE dataset_id = ? AND ${keyCols.map((k) => `${k} = ?`).join(' AND ')}`).pluck();

  const pushArgs = (out: unknown[], f: Fact): void => {
    const v = Number(f.value);
    switch (kind) {
      case 'expenditure':
        out.push(datasetId, f.regionCode, f.year, f.level, f.funcCode, v, f.row);
        return;
      case 'enrolment':
        out.push(datasetId, f.regionCode, f.year, f.level, v, f.row);
        return;
      case 'capacity':
        out.push(datasetId, f.regionCode, f.year, f.field, v, f.row);
        return;
      case 'bulletin':
        out.push(datasetId, f.regionCode, f.year, f.level, f.measure, v, f.growth ?? null, f.comparable ? 1 : 0, f.restatedPrior === undefined ? null : Number(f.restatedPrior), f.row);
        return;
      case 'aid':
        out.push(datasetId, f.regionCode, f.year, f.level, f.category ?? 'all', f.item ?? '', AID_MEASURE[f.field], v, f.row);
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
      case 'aid':
        return [f.regionCode, f.year, f.level, f.category ?? 'all', f.item ?? '', AID_MEASURE[f.field]];
    }
  };
  const writeOne = (f: Fact): WriteResult => {
    try {
      const args: unknown[] = [];
      pushArgs(args, f);
      insertOne.run(args);
      return { ok: true };
    } catch (e) {
      if (isConstraint(e, 'PRIMARYKEY')) return { ok: false, duplicateOfRow: (firstRow.get(datasetId, ...keyArgs(f)) as number | undefined) ?? null };
      if (isConstraint(e, 'CHECK') || isConstraint(e, 'FOREIGNKEY')) return { ok: false, duplicateOfRow: null, message: (e as Error).message };
      throw e;
    }
  };

  let buffer: Fact[] = [];
  const args: unknown[] = [];
  return {
    add(f: Fact): void {
      buffer.push(f);
    },
    get pending(): number {
      return buffer.length;
    },
    /** Insert what is buffered; `done` hears about every fact, in order. */
    flush(done: (f: Fact, result: WriteResult) => void): void {
      const facts = buffer;
      buffer = [];
      let i = 0;
      for (; i + BATCH <= facts.length; i += BATCH) {
        args.length = 0;
        for (let j = i; j < i + BATCH; j++) pushArgs(args, facts[j]!);
        let ok = true;
        try {
          insertBatch.run(args);
        } catch (e) {
          if (!isConstraint(e, 'PRIMARYKEY') && !isConstraint(e, 'CHECK') && !isConstraint(e, 'FOREIGNKEY')) throw e;
          ok = false;
        }
        for (let j = i; j < i + BATCH; j++) done(facts[j]!, ok ? { ok: true } : writeOne(facts[j]!));
      }
      for (; i < facts.length; i++) done(facts[i]!, writeOne(facts[i]!));
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
