// A bulletin read from text becomes a bulletin dataset by the same contract as every import: the
// source's SHA-256 and name as provenance, a backup first, one transaction — every fact or none.
// The reading itself (every figure as printed, the sentence it came from, the bulletin's own list of
// sub-areas that fell, the findings) is stored as the dataset's mapping record, so what was read and
// how is kept with the data and in the audit log.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { sealNewDatasets } from '../audit/content';
import { planFacts, type BulletinFact } from '../../core/bulletin/facts';
import type { BulletinReading } from '../../core/bulletin/read';
import { canonicalJson } from '../../core/import/mapping';
import { pruneBackups, writeBackup } from '../backup/backups';
import type { RegionDirectory } from '../import/region-directory';

export type BulletinImportOutcome =
  | { status: 'imported' | 'unchanged'; datasetId: number; datasetName: string; facts: BulletinFact[]; kept: number; notes: string[] }
  | { status: 'refused'; problems: string[] };

export type BulletinImportOptions = { regions: RegionDirectory; now?: Date; backup?: boolean; datasetName?: string };

/** The reading as stored: what each figure printed and where, the listed falls, the findings. */
export function readingRecord(reading: BulletinReading): Record<string, unknown> {
  return {
    reader: 'bulletin-text/1',
    title: reading.title,
    region: reading.region,
    year: reading.year,
    figures: reading.figures.map((f) => ({ id: f.id, sentence: reading.sentences[f.sentence]!.text, subject: f.subject, indicator: f.indicator, level: f.level, rural: f.rural, year: f.year, current: f.current, unit: f.unit, prior: f.prior, prior_unit: f.priorUnit, direction: f.direction, rate: f.rate, rate_unit: f.rateUnit, basis: f.basis, change: f.change, change_word: f.changeWord, reason: f.reason })),
    listed_falls: reading.falls.map((l) => ({ sub_region: l.subRegion, rate: l.rate, group: l.group, figure: l.figure })),
    findings: reading.findings.map((x) => ({ code: x.code, severity: x.severity, sentence: reading.sentences[x.sentence]!.text, message: x.message })),
  };
}

export function importBulletin(db: Database.Database, reading: BulletinReading, source: { name: string; sha256: string; encoding: string | null }, regionCode: string, options: BulletinImportOptions): BulletinImportOutcome {
  const plan = planFacts(reading, regionCode);
  if (plan.problems.length) return { status: 'refused', problems: plan.problems.map((p) => `${source.name} 第 ${p.sentence + 1} 句：${p.message}`) };
  if (plan.facts.length === 0) return { status: 'refused', problems: [`${source.name}：没有可入库的数值（一般公共预算教育经费或分学段生均数） / nothing to store`] };
  const record = readingRecord(reading);
  const json = canonicalJson(record);
  const hash = createHash('sha256').update(json).digest('hex');
  const same = db.prepare("SELECT id, name FROM dataset WHERE kind = 'bulletin' AND sha256 = ? AND mapping_hash = ?").get(source.sha256, hash) as { id: number; name: string } | undefined;
  if (same) return { status: 'unchanged', datasetId: same.id, datasetName: same.name, facts: plan.facts, kept: plan.kept.length, notes: [`同一文件已按同样的读取导入为数据集 #${same.id}，未做任何更改 / already imported as dataset #${same.id}`] };

  const name = options.datasetName ?? (reading.title ?? source.name.replace(/\.[^.]+$/, ''));
  const units = new Set(reading.figures.filter((f) => f.unit && f.unit !== '%').map((f) => f.unit));
  const unit = units.size === 1 && ['元', '万元', '亿元'].includes([...units][0]!) ? [...units][0]! : 'mixed';
  const notes = [`公告文本读取：${reading.figures.length} 个数值，${plan.facts.length} 条入公告事实表，${plan.kept.length} 个随读取记录保存；发现 ${reading.findings.filter((f) => f.severity === 'defect').length} 处问题`, ...(reading.falls.length ? [`公告列出的负增长地区 ${reading.falls.length} 个（随读取记录保存）`] : [])];
  const now = options.now ?? new Date();
  let backupFile: string | null = null;
  if (options.backup !== false && !db.memory && db.name) backupFile = writeBackup(db, db.name, 'import', { now });
  const previous = db.prepare(`SELECT id FROM dataset d WHERE kind = 'bulletin' AND name = ? AND NOT EXISTS (SELECT 1 FROM dataset s WHERE s.supersedes_id = d.id) ORDER BY id DESC LIMIT 1`).pluck().get(name) as number | undefined;
  try {
    const id = db.transaction(() => {
      for (const f of plan.facts) options.regions.ensure(db, f.regionCode);
      const datasetId = Number(
        db
          .prepare(`INSERT INTO dataset (name, kind, source_file_name, sha256, sheet, imported_at, unit, basis, scope, release_stage, row_count, synthetic, supersedes_id, note, mapping_json, mapping_hash, encoding) VALUES (?, 'bulletin', ?, ?, NULL, ?, ?, 'moe_edu_funds', 'consolidated', 'bulletin', ?, 0, ?, ?, ?, ?, ?)`)
          .run(name, source.name, source.sha256, now.toISOString(), unit, plan.facts.length, previous ?? null, notes.join('；'), json, hash, source.encoding === 'gb18030' ? 'gb18030' : source.encoding === 'utf-8' ? 'utf-8' : null).lastInsertRowid,
      );
      const insert = db.prepare('INSERT INTO bulletin_fact (dataset_id, region_code, year, level, measure, amount_fen, official_growth, comparable, restated_prior_fen, source_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      for (const f of plan.facts) insert.run(datasetId, f.regionCode, f.year, f.level, f.measure, f.amountFen, f.officialGrowth, f.comparable ? 1 : 0, f.restatedPriorFen, f.sentence);
      sealNewDatasets(db);
      return datasetId;
    })();
    options.regions.keepPending();
    if (backupFile && db.name) pruneBackups(db.name, 'import', 10);
    return { status: 'imported', datasetId: id, datasetName: name, facts: plan.facts, kept: plan.kept.length, notes };
  } catch (e) {
    options.regions.discardPending();
    if (backupFile) rmSync(backupFile, { force: true });
    throw e;
  }
}
