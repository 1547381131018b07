// Writes generated demo data (core/demo) into a database as ordinary datasets, in one transaction,
// each with a SHA-256 over its canonical rows so the synthetic data are as traceable as an import.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { demoAidFacts } from '../../core/demo/aid';
import type { DemoData, Scope } from '../../core/demo/types';
import { generateSchoolDemo } from '../../core/demo/schools';
import { insertDataset } from '../repos/datasets';
import { sealNewDatasets } from '../audit/content';
import { writeSchoolDemo } from './write-schools';
import { insertCodeChanges, insertRegions } from '../repos/regions';

export type WrittenDemo = { datasetIds: Record<'expenditureConsolidated' | 'expenditureOwnLevel' | 'enrolmentConsolidated' | 'enrolmentOwnLevel' | 'fiscal', number> & { aid?: number }; rows: number };

const SCOPE_ZH: Record<Scope, string> = { consolidated: '全辖', own_level: '本级' };

function sha256Lines(lines: Iterable<string>): string {
  const h = createHash('sha256');
  for (const l of lines) h.update(l + '\n');
  return h.digest('hex');
}

export function writeDemo(db: Database.Database, data: DemoData, importedAt = new Date().toISOString()): WrittenDemo {
  const label = data.scale === 'province' ? '示范省' : '全国示范';
  const source = `合成数据 generator=${data.scale} seed=${data.seed}`;
  const years = `${data.firstYear}–${data.lastYear}`;
  const run = db.transaction((): WrittenDemo => {
    insertRegions(
      db,
      data.regions.map((r) => ({ code: r.code, name: r.name, shortName: r.shortName, level: r.level, kind: r.kind, parentCode: r.parentCode, devTier: r.devTier, urbanRural: r.urbanRural, validFrom: r.validFrom, validTo: r.validTo })),
    );
    insertCodeChanges(db, data.codeChanges);

    const expStmt = db.prepare('INSERT INTO expenditure_fact (dataset_id, region_code, year, level, amount_fen, source_row) VALUES (?, ?, ?, ?, ?, ?)');
    const enrStmt = db.prepare('INSERT INTO enrolment_fact (dataset_id, region_code, year, level, students, source_row) VALUES (?, ?, ?, ?, ?, ?)');
    const fisStmt = db.prepare('INSERT INTO fiscal_fact (dataset_id, region_code, year, indicator, value, source_row) VALUES (?, ?, ?, ?, ?, ?)');
    let rows = 0;

    const expenditure = (scope: Scope): number => {
      const facts = data.expenditure.filter((e) => e.scope === scope);
      const id = insertDataset(db, {
        name: `${label}教育经费决算（合成数据，${SCOPE_ZH[scope]}，${years}）`,
        kind: 'expenditure',
        sourceFileName: source,
        sha256: sha256Lines(facts.map((f) => `${f.regionCode},${f.year},${f.level},${f.amountFen}`)),
        sheet: null,
        importedAt,
        unit: '元',
        basis: 'moe_edu_funds',
        scope,
        releaseStage: 'final_accounts',
        rowCount: facts.length,
        synthetic: true,
        note: '由内置生成器合成，不代表任何真实地区。Synthetic data from the built-in generator; not a real region.',
      });
      facts.forEach((f, i) => expStmt.run(id, f.regionCode, f.year, f.level, f.amountFen, i + 1));
      rows += facts.length;
      return id;
    };
    const enrolment = (scope: Scope): number => {
      const facts = data.enrolment.filter((e) => e.scope === scope);
      const id = insertDataset(db, {
        name: `${label}在校生数（合成数据，${SCOPE_ZH[scope]}，${years}）`,
        kind: 'enrolment',
        sourceFileName: source,
        sha256: sha256Lines(facts.map((f) => `${f.regionCode},${f.year},${f.level},${f.students}`)),
        sheet: null,
        importedAt,
        unit: '人',
        basis: null,
        scope,
        releaseStage: 'final_accounts',
        rowCount: facts.length,
        synthetic: true,
        note: '秋季在校生数。Autumn enrolment counts.',
      });
      facts.forEach((f, i) => enrStmt.run(id, f.regionCode, f.year, f.level, f.students, i + 1));
      rows += facts.length;
      return id;
    };

    const datasetIds = {
      expenditureConsolidated: expenditure('consolidated'),
      expenditureOwnLevel: expenditure('own_level'),
      enrolmentConsolidated: enrolment('consolidated'),
      enrolmentOwnLevel: enrolment('own_level'),
      fiscal: insertDataset(db, {
        name: `${label}财力与经济指标（合成数据，${years}）`,
        kind: 'fiscal',
        sourceFileName: source,
        sha256: sha256Lines(data.fiscal.map((f) => `${f.regionCode},${f.year},${f.indicator},${f.value}`)),
        sheet: null,
        importedAt,
        unit: 'mixed',
        basis: null,
        scope: 'consolidated',
        releaseStage: 'final_accounts',
        rowCount: data.fiscal.length,
        synthetic: true,
        note: '金额以分存储，人口以人存储。Money stored in 分, population in persons.',
      }),
    };
    data.fiscal.forEach((f, i) => fisStmt.run(datasetIds.fiscal, f.regionCode, f.year, f.indicator, f.value, i + 1));
    rows += data.fiscal.length;

    // Student-aid counts (a database still at an older schema, as upgrade tests build, has no aid table).
    let aidId: number | undefined;
    if (db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'aid_fact'`).get()) {
      const aid = demoAidFacts(data);
      aidId = insertDataset(db, {
        name: `${label}学生资助认定与预算（合成数据，${data.lastYear - 2}–${data.lastYear}）`,
        kind: 'aid',
        sourceFileName: source,
        sha256: sha256Lines(aid.map((f) => `${f.regionCode},${f.year},${f.level},${f.category},${f.item},${f.measure},${f.value}`)),
        sheet: null,
        importedAt,
        unit: 'mixed',
        basis: null,
        scope: 'consolidated',
        releaseStage: 'final_accounts',
        rowCount: aid.length,
        synthetic: true,
        note: '家庭经济困难学生认定人数、寄宿生、资助人数、核定学费与预算额；人数以人、金额以分存储。Identified students, boarders, funded, approved fees and budgets; counts in persons, money in 分.',
      });
      const aidStmt = db.prepare('INSERT INTO aid_fact (dataset_id, region_code, year, level, category, item, measure, value, source_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      aid.forEach((f, i) => aidStmt.run(aidId, f.regionCode, f.year, f.level, f.category, f.item, f.measure, f.value, i + 1));
      rows += aid.length;
    }
    // Schools, kindergartens, certifications and inclusion for the 优质均衡 assessment and the plan's targets.
    // (A database still at an older schema version, as some upgrade tests build, has no school tables.)
    if (db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'school_fact'`).get()) rows += writeSchoolDemo(db, generateSchoolDemo(data), label, source, importedAt).rows;
    sealNewDatasets(db);
    return { datasetIds: { ...datasetIds, ...(aidId !== undefined ? { aid: aidId } : {}) }, rows };
  });
  return run();
}
