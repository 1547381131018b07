// One import, start to finish: read the file, find the table, settle the mapping, write every fact
// inside one transaction, check it (keys, control totals, magnitude, changes against the previous
// version), then commit — or roll back and report. The source file is only ever read.
import { NATIONAL_CODE } from '../../core/regions/national';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { sealNewDatasets } from '../audit/content';
import type { RawRow } from '../../core/import/cells';
import { fileRegionContext } from '../../core/import/file-context';
import { unitNotes } from '../../core/import/unit-notes';
import { createInterpreter, type Fact, type TotalRow } from '../../core/import/interpret';
import { CAPACITY_INDICATORS, KIND_FIELDS, type ImportKind } from '../../core/import/kinds';
import { analyseLayout, type Layout } from '../../core/import/layout';
import { canonicalJson, shapeKey, type Mapping } from '../../core/import/mapping';
import { applyOverrides } from '../../core/import/overrides';
import { describeProblem, needsConfirmation, type Problem, type ProblemCode } from '../../core/import/problems';
import { createReferenceInterpreter } from '../../core/import/reference';
import { createSchoolInterpreter } from '../../core/import/school-records';
import { SCHOOL_IMPORT_KINDS, type SchoolImportKind } from '../../core/import/school-kinds';
import { schoolRecordWriter } from './school-writers';
import type { ImportOutcome, ImportRequest } from '../../core/import/request';
import { suggestMapping, type Suggestion } from '../../core/import/suggest';
import { UNIT_FACTOR, type Unit } from '../../core/import/units';
import { formatRatio } from '../../core/money/decimal';
import { addPart, isUnitMixUp, magnitudeAgainstHeld, reconcile, type PartSums } from './checks';
import { compareDatasets } from './compare';
import { plausibilityProblems } from './plausibility';
import { basisImpact } from './basis-impact';
import { datasetKind, FACT_TABLES, keyText, type FactKind } from './fact-tables';
import { openSource, ReaderError, type TableSource } from './read';
import type { RegionDirectory } from './region-directory';
import { factWriter, referenceWriter, type WriteResult } from './writers';
import { pruneBackups, writeBackup } from '../backup/backups';
import { startsLikeFormula } from '../../core/security/csv-cell';
import { beginImmediate, inTurn, WriteLockTimeout } from './write-turn';
import { explainSheetChoice, hiddenContent, sheetOrder } from './hidden-content';
import { saveFindings, savePublished, writePriorYearFacts } from './findings';
import { createPublishedChecker } from '../../core/import/published-checks';
import { publishedColumnName, publishedNotes } from './published-notes';

export type ImportProgress = (done: number, total: number, stage: string) => void;
export type RunOptions = {
  /** The connection that writes (the engine gives imports their own, so readers never see half an import). */
  db: Database.Database;
  regions: RegionDirectory;
  dryRun?: boolean;
  signal?: AbortSignal;
  progress?: ImportProgress;
  now?: () => Date;
  /** The name shown for the file (an upload keeps the user's file name). */
  displayName?: string;
  /**
   * Copy the database aside before writing (default: yes, for a real import into a file). The copy
   * is removed again when the import is refused or fails, since nothing changed.
   */
  backup?: boolean;
};

const DATASET_UNITS: readonly string[] = ['元', '万元', '亿元', '人', '万人'];
const storableUnit = (u: string): string => (DATASET_UNITS.includes(u) ? u : 'mixed');

const HEAD_ROWS = 200;
/** Import backups kept per database; older ones are removed after a successful import. */
const IMPORT_BACKUPS_KEPT = 10;
const MAX_LISTED_PROBLEMS = 500;
const PREVIEW_ROWS = 20;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function emptyOutcome(status: ImportOutcome['status']): ImportOutcome {
  return { status, datasetId: null, datasetName: null, supersedes: null, file: null, mapping: null, mappingSource: null, notes: [], factCount: 0, rowsRead: 0, problems: [], problemCount: 0, preview: { rows: [], totalsByYear: [] }, changes: null, reconciliation: [] };
}

function fileProblem(file: string, code: ProblemCode, expected: string, sheet: string | null = null, column: string | null = null, value: string | null = null): Problem {
  return { code, severity: 'error', file, sheet, row: null, column, value, expected };
}

/** How stored base units print: 分 as 元 with 2 decimals, persons and areas as they are. */
function storedText(v: bigint, field: string, kind: ImportKind): { text: string; unit: string } {
  const valueKind = kind === 'capacity' ? CAPACITY_INDICATORS[field as keyof typeof CAPACITY_INDICATORS]?.kind : KIND_FIELDS[kind].find((f) => f.name === field)?.valueKind;
  if (valueKind === 'count') return { text: v.toString(), unit: '人' };
  if (valueKind === 'area') return { text: formatRatio(v, 100n, 2), unit: '平方公里' };
  return { text: formatRatio(v, 100n, 2), unit: '元' };
}

function parseControls(controls: readonly string[], mapping: Mapping): { totals: TotalRow[]; errors: string[] } {
  const totals: TotalRow[] = [];
  const errors: string[] = [];
  const defaultField = mapping.values[0]?.field ?? 'amount';
  for (const c of controls) {
    const m = /^(?:([a-z_]+):)?(\d{4})=([0-9.,]+)$/.exec(c.trim());
    const unit = (mapping.declaredUnit as Unit | undefined) ?? (mapping.values[0]?.unit as Unit | undefined);
    if (!m || !unit) {
      errors.push(`--control 应写作 [FIELD:]YEAR=VALUE（单位同导入数据）/ expected [FIELD:]YEAR=VALUE, got "${c}"`);
      continue;
    }
    const text = (m[3] ?? '').replace(/,/g, '');
    const [i = '0', f = ''] = text.split('.');
    const value = (BigInt(i + f) * UNIT_FACTOR[unit].factor) / 10n ** BigInt(f.length);
    totals.push({ row: 0, label: `控制数 ${c}`, year: Number(m[2]), field: m[1] ?? defaultField, level: 'all', value, decimals: f.length, unit });
  }
  return { totals, errors };
}

/**
 * What is saved for a file shape: how columns map, not what one file said about itself. Constants
 * (a year from the title, a region or level given for one file) describe that file only.
 */
function shapeOnly(mapping: Mapping): Mapping {
  return { ...mapping, fields: Object.fromEntries(Object.entries(mapping.fields).filter(([, f]) => 'column' in f)) };
}

/**
 * A saved mapping applied to a new file of the same shape, with what this file states about itself
 * winning: its title year, and — for a wide table whose indicator comes from the 指标 line or the
 * file name — the indicator the suggestion recognised.
 */
function withFileFacts(saved: Mapping, suggestion: Suggestion): Mapping {
  const fields = { ...shapeOnly(saved).fields };
  for (const [name, f] of Object.entries(suggestion.mapping.fields)) if ('constant' in f && !(name in fields)) fields[name] = f;
  const wideAndRecognised = suggestion.mapping.values.length > 0 && suggestion.mapping.values.every((v) => v.year !== undefined) && suggestion.missing.length === 0;
  // Where the table sits (sheet, header rows, first data row) is this file's, not the saved one's.
  const { sheet, headerRows, dataStart, columns } = suggestion.mapping;
  return { ...saved, sheet, headerRows, dataStart, columns, fields, values: wideAndRecognised ? suggestion.mapping.values : saved.values };
}

/**
 * Which statistical series an expenditure table is (docs/domain.md#what-is-compared). MOF's function class 205 reads
 * 教育支出, or 教育 as a row of a 一般公共预算支出 breakdown (filtered with --where); the MOE series
 * reads 教育经费. Only when neither shows is the MOE series assumed, and the note says so.
 */
function inferBasis(mapping: Mapping): 'mof_205' | 'moe_edu_funds' {
  const headers = mapping.values.map((v) => mapping.columns[v.column] ?? '');
  const filters = mapping.filters.map((f) => f.equals.trim());
  if (headers.some((h) => /教育经费|edu_funding/i.test(h))) return 'moe_edu_funds';
  if (headers.some((h) => /教育支出|edu_expenditure/i.test(h)) || filters.some((f) => /^教育(支出)?$|教育支出/.test(f))) return 'mof_205';
  return 'moe_edu_funds';
}

function defaultStage(layout: Layout, file: string): 'yearbook' | 'bulletin' | 'other' {
  const text = `${file} ${layout.preamble.map((p) => p.text).join(' ')}`;
  if (/年鉴|yearbook|csy|分省年度数据|统计年鉴/i.test(text)) return 'yearbook';
  if (/公告|bulletin/i.test(text)) return 'bulletin';
  return 'other';
}

/** Read the first rows for analysis while keeping the iterator for the rest. */
async function headAndRest(source: TableSource, sheet: string): Promise<{ head: RawRow[]; rest: AsyncIterator<RawRow> }> {
  const it = source.rows(sheet)[Symbol.asyncIterator]();
  const head: RawRow[] = [];
  while (head.length < HEAD_ROWS) {
    const next = await it.next();
    if (next.done) break;
    head.push(next.value);
  }
  return { head, rest: it };
}

export async function runImport(file: string, request: ImportRequest, options: RunOptions): Promise<ImportOutcome> {
  const displayName = options.displayName ?? basename(file);
  const now = options.now ?? (() => new Date());
  const progress = options.progress ?? (() => {});
  let source: TableSource;
  try {
    source = await openSource(file, { encoding: request.encoding, ...(request.password ? { password: request.password } : {}) });
  } catch (e) {
    if (e instanceof ReaderError) return { ...emptyOutcome('refused'), problems: [{ ...e.problem, file: displayName }], problemCount: 1 };
    throw e;
  }
  try {
    return await inTurn(options.db, () => importFrom(source, request, options, displayName, now, progress));
  } finally {
    await source.close();
  }
}

async function importFrom(source: TableSource, request: ImportRequest, options: RunOptions, displayName: string, now: () => Date, progress: ImportProgress): Promise<ImportOutcome> {
  const db = options.db;
  const fileInfo = { name: displayName, sha256: source.sha256, format: source.format, encoding: source.encoding, sheet: null as string | null, sheets: source.sheets, sizeBytes: source.sizeBytes };
  const refused = (problems: Problem[], extra: Partial<ImportOutcome> = {}): ImportOutcome => ({ ...emptyOutcome('refused'), file: fileInfo, problems: problems.slice(0, MAX_LISTED_PROBLEMS), problemCount: problems.length, ...extra });

  // 1. The sheet: as asked, else the first one that holds rows.
  let sheet = request.sheet;
  let head: RawRow[] = [];
  let rest: AsyncIterator<RawRow> | null = null;
  try {
    if (sheet !== undefined) {
      if (!source.sheets.includes(sheet)) return refused([fileProblem(displayName, 'sheet_not_found', `没有名为「${sheet}」的工作表；现有：${source.sheets.join('、')} / no such sheet`, sheet)]);
      ({ head, rest } = await headAndRest(source, sheet));
    } else {
      // Visible sheets first: a hidden first sheet (an old version, a lookup table) is not what
      // the user sees when opening the file, so it is chosen only when no visible sheet has data.
      for (const name of sheetOrder(source)) {
        ({ head, rest } = await headAndRest(source, name));
        sheet = name;
        if (head.some((r) => r.cells.some((c) => c !== null && String(c).trim() !== ''))) break;
      }
    }
  } catch (e) {
    if (e instanceof ReaderError) return refused([{ ...e.problem, file: displayName }]);
    throw e;
  }
  const sheetName = sheet ?? source.sheets[0] ?? displayName;
  fileInfo.sheet = source.format === 'csv' || source.format === 'tsv' ? null : sheetName;
  const sheetChoice = explainSheetChoice(source, sheetName, request.sheet !== undefined, displayName);
  if (!head.some((r) => r.cells.some((c) => c !== null && String(c).trim() !== ''))) return refused([fileProblem(displayName, 'file_empty', '工作表为空，没有可导入的行 / the sheet has no rows', fileInfo.sheet)]);

  // 2. The table and its mapping: saved for this shape, suggested, then --map/--where on top.
  const layout = analyseLayout(head);
  const schoolKind = (SCHOOL_IMPORT_KINDS as readonly string[]).includes(request.kind) ? (request.kind as SchoolImportKind) : null;
  const isReference = request.kind === 'standard' || request.kind === 'regions' || request.kind === 'region-changes' || schoolKind !== null;
  const lastHeader = layout.headerRows[layout.headerRows.length - 1];
  if (lastHeader !== undefined && layout.dataStart === null && !head.some((r) => r.n > lastHeader && r.cells.some((c) => c !== null && String(c).trim() !== ''))) {
    return refused([fileProblem(displayName, 'file_empty', '只有表头，没有数据行 / a header with no data rows under it', fileInfo.sheet)]);
  }
  if (layout.headerRows.length === 0 || (layout.dataStart === null && !isReference)) {
    return refused([fileProblem(displayName, 'header_not_found', '找不到表头：表格应有一行列标题，其下为数据行 / no header row followed by data rows', fileInfo.sheet)]);
  }
  if (isReference && layout.dataStart === null) {
    // Reference tables can be all text; their first row after the header is the data start.
    const h = layout.headerRows[layout.headerRows.length - 1]!;
    layout.dataStart = head.find((r) => r.n > h && r.cells.some((c) => c !== null && String(c).trim() !== ''))?.n ?? null;
  }
  const shapeHash = sha256(shapeKey(request.kind, layout.columns));
  const saved = request.useSavedMapping && request.map.length === 0 && request.where.length === 0 ? (db.prepare('SELECT mapping_json FROM import_mapping WHERE shape_hash = ? AND kind = ?').pluck().get(shapeHash, request.kind) as string | undefined) : undefined;
  const suggestion = suggestMapping(request.kind, sheetName, layout, [displayName, sheetName]);
  const base: Mapping = saved ? withFileFacts(JSON.parse(saved) as Mapping, suggestion) : suggestion.mapping;
  const { mapping, errors } = applyOverrides(base, layout, request.map, request.where, request.unit);
  const mappingSource: ImportOutcome['mappingSource'] = request.map.length || request.where.length ? 'given' : saved ? 'saved' : 'suggested';
  const notes = [...sheetChoice.notes, ...(saved ? ['使用此前为同样表头保存的映射 / using the mapping saved for this file shape'] : suggestion.notes), ...unitNotes(request.kind, mapping, request.unit)];
  const problems: Problem[] = errors.map((e) => fileProblem(displayName, 'header_unknown_column', e.message, fileInfo.sheet, null, e.option));
  const required = KIND_FIELDS[request.kind].filter((f) => f.required);
  for (const f of required) {
    const has = f.role === 'value' ? mapping.values.some((v) => v.field === f.name) : f.name in mapping.fields || (f.name === 'year' && mapping.values.length > 0 && mapping.values.every((v) => v.year !== undefined));
    if (!has) problems.push(fileProblem(displayName, 'header_missing_field', `缺少必需字段「${f.zh}」(${f.name})：请检查表头，或用 --map ${f.name}=列名 指定 / required field ${f.name} has no column`, fileInfo.sheet, f.name));
  }
  if (request.kind === 'capacity' && mapping.values.length === 0) problems.push(fileProblem(displayName, 'header_missing_field', '没有识别到任何财力指标列：请用 --map gdp=列名 等指定 / no indicator column; give --map INDICATOR=COLUMN', fileInfo.sheet, 'indicator'));
  if (!isReference && !mapping.declaredUnit) {
    for (const v of mapping.values) {
      const kindOfValue = request.kind === 'capacity' ? CAPACITY_INDICATORS[v.field as keyof typeof CAPACITY_INDICATORS]?.kind : KIND_FIELDS[request.kind].find((f) => f.name === v.field)?.valueKind;
      if (!v.unit && !('unit' in mapping.fields) && kindOfValue !== 'ratio') {
        problems.push(fileProblem(displayName, 'unit_unknown', `列「${mapping.columns[v.column] ?? v.column}」没有单位：表头应含“（万元）”等，或用 --unit 声明 / no unit; declare it with --unit`, fileInfo.sheet, mapping.columns[v.column] ?? null));
        break;
      }
    }
  }
  // Two columns under one header where one of them is used: which one the user meant is unknowable.
  const used = new Set([...Object.values(mapping.fields).flatMap((f) => ('column' in f ? [f.column] : [])), ...mapping.values.map((v) => v.column)]);
  const seenLabel = new Map<string, number>();
  mapping.columns.forEach((label, i) => {
    if (label === '') return;
    const first = seenLabel.get(label);
    if (first === undefined) seenLabel.set(label, i);
    else if (used.has(first) || used.has(i)) problems.push(fileProblem(displayName, 'header_duplicate', `第 ${first + 1} 列与第 ${i + 1} 列的表头相同；请改名或用 --map 字段=#列号 指定要导入的列 / columns ${first + 1} and ${i + 1} share this header; rename one or map by #N`, fileInfo.sheet, label));
  });
  const controls = parseControls(request.controls, mapping);
  for (const e of controls.errors) problems.push(fileProblem(displayName, 'field_invalid', e, fileInfo.sheet));
  if (problems.length) return refused(problems, { mapping, mappingSource, notes });

  const mappingHash = sha256(canonicalJson(mapping));
  const dsKind = datasetKind(request.kind);
  // Asked again inside the write transaction: another import of the same file may commit between
  // here and there (three `wb import` of one file at once must give one dataset).
  const sameImport = () => db.prepare('SELECT id, name FROM dataset WHERE sha256 = ? AND kind = ? AND COALESCE(sheet, \'\') = ? AND mapping_hash = ?').get(source.sha256, dsKind, fileInfo.sheet ?? '', mappingHash) as { id: number; name: string } | undefined;
  const unchanged = (same: { id: number; name: string }): ImportOutcome => ({ ...emptyOutcome('unchanged'), datasetId: same.id, datasetName: same.name, file: fileInfo, mapping, mappingSource, notes: [`同一文件已按同样的映射导入为数据集 #${same.id}，未做任何更改 / this file was already imported as dataset #${same.id}; nothing changed`] });
  const same = sameImport();
  if (same) return unchanged(same);

  // 3. Dataset metadata.
  const valueFields = [...new Set(mapping.values.map((v) => v.field))];
  // What the user selected is part of the name: two series taken from one file with different
  // --where or constant --map are two datasets, not two versions of one.
  const selection = [...request.where, ...request.map.filter((m) => /^[a-z_]+==/.test(m))].join(', ');
  const datasetName = request.datasetName ?? `${displayName.replace(/\.[^.]+$/, '')}${source.sheets.length > 1 ? ` [${sheetName}]` : ''}${request.kind === 'capacity' || valueFields.length > 1 ? ` (${valueFields.join(', ')})` : ''}${selection ? ` {${selection}}` : ''}`;
  if (startsLikeFormula(datasetName)) return refused([fileProblem(displayName, 'field_invalid', '数据集名称不能以 = + - @ 开头（电子表格会当作公式执行）；请改文件名或用 --dataset 指定名称 / a dataset name must not start with = + - @ (spreadsheets would run it as a formula); rename the file or name the dataset with --dataset', fileInfo.sheet, null, datasetName)], { mapping, mappingSource, notes });
  if (request.kind === 'enrolment' && !('level' in mapping.fields) && mapping.values.some((v) => !v.level)) notes.push('未识别学段，在校生按“合计（不分学段）”入库；如属某一学段请用 --map level==primary 等指定 / no level recognised: stored as all levels combined');
  const units = [...new Set(mapping.values.map((v) => v.unit).filter(Boolean))];
  // dataset.unit records the units a dataset is printed in that the schema knows (元, 万元, 亿元, 人,
  // 万人); any other printed unit (千元, 平方公里, %) is stored as 'mixed' and named in the notes,
  // so an import in 千元 is not refused by the table's CHECK (found by fuzzing).
  const printed = schoolKind ? 'mixed' : isReference ? '元' : units.length === 1 ? units[0]! : 'mixed';
  const unit = storableUnit(printed);
  if (unit !== printed) notes.push(`原表单位：${printed} / printed unit: ${printed}`);
  const basis = request.kind === 'expenditure' ? (request.basis ?? inferBasis(mapping)) : null;
  const scope = request.kind === 'expenditure' || request.kind === 'enrolment' || request.kind === 'bulletin' ? (request.scope ?? 'consolidated') : (request.scope ?? null);
  if (request.kind === 'expenditure' && !request.basis) notes.push(`统计口径推定为 ${basis === 'mof_205' ? '财政部 205 教育支出' : '教育部 一般公共预算教育经费'}（可用 --basis 指定）/ series basis inferred as ${basis}`);
  if (request.kind === 'expenditure' && !request.scope) notes.push('范围按“全辖”记录（可用 --scope own_level 改为本级）/ scope recorded as consolidated');
  const stage = request.stage ?? defaultStage(layout, displayName);
  const previous = db
    .prepare(`SELECT id FROM dataset d WHERE kind = ? AND name = ? AND NOT EXISTS (SELECT 1 FROM dataset s WHERE s.supersedes_id = d.id) ORDER BY id DESC LIMIT 1`)
    .pluck()
    .get(dsKind, datasetName) as number | undefined;

  // 4. Write everything in one transaction.
  // A bigger page cache for the import's one transaction: rows that arrive out of key order (a
  // table sorted by year, then region) touch pages all over the primary-key B-tree, and with the
  // default 2 MB cache every insert spills and rereads pages. Bounded (64 MB), restored afterwards.
  let backupFile: string | null = null;
  if (!options.dryRun && options.backup !== false && !db.memory && db.name) {
    progress(0, 0, '备份数据库 / backing up the database');
    backupFile = writeBackup(db, db.name, 'import', { now: now() });
  }
  let committed = false;
  const rollback = () => {
    if (db.inTransaction) db.exec('ROLLBACK');
    options.regions.discardPending();
    if (backupFile) rmSync(backupFile, { force: true });
  };
  try {
    const begun = await beginImmediate(db, { signal: options.signal, onWait: () => progress(0, 0, '等待另一导入完成 / waiting for another import to finish') });
    if (begun === 'aborted') {
      rollback();
      return { ...emptyOutcome('cancelled'), file: fileInfo, mapping, mappingSource, notes: ['已取消，未写入任何数据 / cancelled; nothing was written'] };
    }
  } catch (e) {
    rollback();
    if (e instanceof WriteLockTimeout) return refused([fileProblem(displayName, 'database_busy', `${e.message}；请稍后再导入 / try again later`, fileInfo.sheet)], { mapping, mappingSource, notes });
    throw e;
  }
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -65536');
  try {
    const sameNow = sameImport();
    if (sameNow) {
      rollback();
      return unchanged(sameNow);
    }
    if (request.kind === 'regions') db.pragma('defer_foreign_keys = ON');
    const datasetId = Number(
      db
        .prepare(
          `INSERT INTO dataset (name, kind, source_file_name, sha256, sheet, imported_at, unit, basis, scope, release_stage, row_count, synthetic, supersedes_id, note, mapping_json, mapping_hash, encoding)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?)`,
        )
        .run(datasetName, dsKind, displayName, source.sha256, fileInfo.sheet, now().toISOString(), unit, basis, scope, stage, previous ?? null, notes.join('；') || null, JSON.stringify(mapping), mappingHash, source.encoding).lastInsertRowid,
    );
    const factTable = isReference ? undefined : FACT_TABLES[request.kind as FactKind];
    const writer = isReference ? null : factWriter(db, request.kind as FactKind, datasetId);
    const refWriter = schoolKind ? schoolRecordWriter(db, datasetId) : isReference ? referenceWriter(db, request.kind, datasetId) : null;
    const fileContext = isReference ? undefined : fileRegionContext(head, mapping, mapping.dataStart || layout.dataStart || 0, options.regions.lookup);
    const interpreter = isReference ? null : createInterpreter(mapping, { file: displayName, sheet: fileInfo.sheet, regions: options.regions.lookup, ...(fileContext ? { fileContext } : {}) });
    const refInterpreter = schoolKind ? createSchoolInterpreter(schoolKind, mapping, { file: displayName, sheet: fileInfo.sheet, regions: options.regions.lookup }) : isReference ? createReferenceInterpreter(mapping, { file: displayName, sheet: fileInfo.sheet }) : null;
    const totals: TotalRow[] = [...controls.totals];
    const previewFacts: Fact[] = [];
    let factCount = 0;
    const unitsSeen = new Set<Unit>();
    const partSums: PartSums = new Map();
    let rowsRead = 0;
    let errorCount = 0;
    let toConfirm = 0;
    const add = (p: Problem) => {
      if (p.severity === 'error') errorCount++;
      if (needsConfirmation(p)) toConfirm++;
      if (problems.length < MAX_LISTED_PROBLEMS) problems.push(p);
      else if (p.severity === 'error' && problems.length === MAX_LISTED_PROBLEMS) problems.push({ ...p, code: p.code, expected: `${p.expected}（更多问题未列出 / further problems not listed）` });
    };
    const allFlags = await source.flags(sheetName).catch(() => []);
    const flags = new Map(allFlags.filter((f) => f.kind === 'merged' || f.kind === 'formula_without_value').map((f) => [`${f.row}|${f.col}`, f]));
    const hidden = hiddenContent(allFlags, { file: displayName, sheet: fileInfo.sheet, columnName: (c) => mapping.columns[c] || `#${c + 1}` });
    sheetChoice.warnings.forEach(add);
    // Merged or formula cells matter wherever they feed a fact: values and key columns alike.
    const valueColumns = new Set([...mapping.values.map((v) => v.column), ...Object.values(mapping.fields).flatMap((f) => ('column' in f ? [f.column] : []))]);
    const dataStart = mapping.dataStart || layout.dataStart || 0;

    // Bulletin tables: the printed figures of each row checked against each other (上年/本年/增长率,
    // growth gap, share), and kept with the dataset.
    const published = request.kind === 'bulletin' ? createPublishedChecker({ file: displayName, sheet: fileInfo.sheet, columnName: (f) => publishedColumnName(mapping, f) }) : null;
    const bulletinFacts: Fact[] = [];
    const handle = (r: RawRow) => {
      if (r.n < dataStart) return;
      rowsRead++;
      const out = interpreter?.row(r);
      // Below the table (notes, the next table on the sheet) merged cells are layout, not data.
      if (!out?.ended && r.cells.length > 0) hidden.seeRow(r.n, valueColumns);
      if (!out?.ended) for (const c of valueColumns) {
        const flag = flags.get(`${r.n}|${c}`);
        if (flag) add({ code: flag.kind === 'merged' ? 'merged_cells' : 'formula_without_value', severity: 'error', file: displayName, sheet: fileInfo.sheet, row: r.n, column: mapping.columns[c] ?? `#${c + 1}`, value: null, expected: flag.kind === 'merged' ? '数据区不应有合并单元格；请取消合并并逐格填写 / no merged cells in the data area' : '公式没有保存计算结果；请在 Excel 中重新计算并保存，或粘贴为数值 / a formula without a saved value' });
      }
      if (refInterpreter && refWriter) {
        const out = refInterpreter.row(r);
        out.problems.forEach(add);
        for (const rec of out.records) {
          if ('county' in rec.record) options.regions.ensure(db, rec.record.county);
          const w = (refWriter.write as (x: typeof rec) => WriteResult)(rec);
          if (w.ok) factCount++;
          else add({ code: 'key_duplicate', severity: 'error', file: displayName, sheet: fileInfo.sheet, row: r.n, column: null, value: null, expected: w.message ?? '重复记录 / duplicate record' });
        }
        return;
      }
      if (!out) return;
      out.problems.forEach(add);
      if (published)
        for (const f of out.facts) {
          bulletinFacts.push(f);
          if (f.published) published.row(f.row, `${options.regions.lookup.nameOf?.(f.regionCode)?.name ?? f.regionCode}${f.level !== 'all' ? ` ${f.level}` : ''}`, f.published).forEach(add);
        }
      totals.push(...out.totals);
      // Once the import is refused nothing will be kept: stop writing, keep reading for problems.
      if (errorCount === 0)
        for (const f of out.facts) {
          options.regions.ensure(db, f.regionCode);
          writer!.add(f);
        }
      if (writer!.pending >= 2000) flushWrites();
    };
    const written = (f: Fact, w: WriteResult) => {
      if (w.ok) {
        factCount++;
        // The national row is the total the parts are checked against, not one of the parts.
        if (f.regionCode !== NATIONAL_CODE) addPart(partSums, f.year, request.kind === 'capacity' || request.kind === 'aid' ? f.field : request.kind === 'enrolment' ? 'students' : 'amount', factTable!.keys.includes('level') ? f.level : 'all', f.value);
        if (f.unit) unitsSeen.add(f.unit);
        if (previewFacts.length < PREVIEW_ROWS) previewFacts.push(f);
      } else
        add({
          code: w.message ? 'field_invalid' : 'key_duplicate',
          severity: 'error',
          file: displayName,
          sheet: fileInfo.sheet,
          row: f.row,
          column: mapping.columns[f.column] ?? null,
          value: `${f.regionCode} ${f.year}${f.level !== 'all' ? ` ${f.level}` : ''}${request.kind === 'capacity' ? ` ${f.field}` : ''}`,
          expected: w.message ?? `同一地区、年度${f.level !== 'all' ? '、学段' : ''}只应出现一次${w.duplicateOfRow ? `；已见于第 ${w.duplicateOfRow} 行` : ''} / each key once${w.duplicateOfRow ? `; first seen on row ${w.duplicateOfRow}` : ''}`,
        });
    };
    const flushWrites = () => writer?.flush(written);

    for (const r of head) handle(r);
    let n = 0;
    for (;;) {
      const next = await rest!.next();
      if (next.done) break;
      handle(next.value);
      if (++n % 5000 === 0) {
        progress(next.value.n, 0, '读取并校验 / reading and checking');
        // Let cancel requests and other calls through between chunks.
        await new Promise((resolve) => setImmediate(resolve));
        if (options.signal?.aborted) {
          rollback();
          return { ...emptyOutcome('cancelled'), file: fileInfo, mapping, mappingSource, notes: ['已取消，未写入任何数据 / cancelled; nothing was written'], rowsRead };
        }
      }
    }
    flushWrites();
    hidden.problems().forEach(add);
    if (published && errorCount === 0) {
      const prior = writePriorYearFacts(db, datasetId, bulletinFacts);
      factCount += prior.written;
      if (prior.written) notes.push(`${prior.written} 个上年数按表中印出的“上年”值存为上一年度的数值 / ${prior.written} printed prior-year value(s) stored as the previous year's figures`);
      for (const c of prior.conflicts) add({ code: 'published_mismatch', severity: 'warning', file: displayName, sheet: fileInfo.sheet, row: c.fact.row, column: publishedColumnName(mapping, 'prior'), value: c.printed, expected: `印出的上年数与本文件 ${c.fact.year - 1} 年的数值 ${formatRatio(c.held, 100n, 2)} 元不一致 / the printed prior-year value differs from this file's own ${c.fact.year - 1} figure` });
    }
    if (published) {
      published.end().forEach(add);
      notes.push(...publishedNotes(published.checkedRows(), problems, bulletinFacts));
    }
    for (const x of interpreter?.resolvedByFile() ?? []) notes.push(`「${x.text}」（第 ${x.row} 行起）有重名，按本文件其他各行（均属${x.label}）识别为 ${options.regions.lookup.nameOf?.(x.code)?.name ?? ''}(${x.code}) / "${x.text}" is ambiguous; resolved as ${x.code} because the file's other rows all lie in ${x.label}`);
    if (factCount === 0 && errorCount === 0) add(fileProblem(displayName, 'file_empty', '没有读到任何数据值 / no values were found under the header', fileInfo.sheet));
    if (request.kind === 'regions') {
      const fk = db.pragma('foreign_key_check') as { table: string; rowid: number }[];
      if (fk.length) add(fileProblem(displayName, 'region_unknown', `${fk.length} 个地区的上级代码不存在 / parents missing for ${fk.length} regions`, fileInfo.sheet));
    }

    // 5. Checks on what was written.
    let reconciliation: ImportOutcome['reconciliation'] = [];
    let changes: ImportOutcome['changes'] = null;
    const totalsByYear: ImportOutcome['preview']['totalsByYear'] = [];
    if (factTable) {
      const rec = reconcile(partSums, totals);
      reconciliation = rec.map((x) => {
        const st = storedText(x.expected, x.field, request.kind);
        const diff = x.actual - x.expected;
        const ok = (diff < 0n ? -diff : diff) <= x.tolerance;
        if (!ok) add({ code: 'control_total_mismatch', severity: 'warning', file: displayName, sheet: fileInfo.sheet, row: x.row || null, column: x.field, value: st.text, expected: `${x.year === null ? '' : `${x.year}年 `}${x.label}：分项之和为 ${storedText(x.actual, x.field, request.kind).text}${st.unit}，与合计相差 ${storedText(diff < 0n ? -diff : diff, x.field, request.kind).text}${st.unit} / the parts sum to a different total` });
        return { label: x.label, year: x.year, field: x.field, expected: st.text, actual: storedText(x.actual, x.field, request.kind).text, difference: (diff < 0n ? '-' : '') + storedText(diff < 0n ? -diff : diff, x.field, request.kind).text, tolerance: storedText(x.tolerance, x.field, request.kind).text, storedUnit: st.unit, ok, row: x.row || null };
      });
      if (errorCount === 0) for (const p of plausibilityProblems(db, factTable, datasetId, mapping, { file: displayName, sheet: fileInfo.sheet })) add(p);
      const mag = magnitudeAgainstHeld(db, factTable, datasetId);
      if (mag && isUnitMixUp(mag.ratio)) {
        add({ code: 'unit_magnitude', severity: request.unit ? 'warning' : 'error', file: displayName, sheet: fileInfo.sheet, row: null, column: null, value: `×${mag.ratio.toPrecision(3)}`, expected: `数值约为已有数据集 #${mag.otherDatasetId} 同一单元格的 ${mag.ratio.toPrecision(3)} 倍，单位可能有误；请核对，确认无误后用 --unit 明确声明单位 / values are ~${mag.ratio.toPrecision(3)}× dataset #${mag.otherDatasetId}; check the unit and declare it with --unit` });
      }
      // Totals per year from the running sums (summed over levels), in year then field order.
      const byYear = new Map<string, { year: number; field: string; total: bigint; n: number }>();
      for (const [key, part] of partSums) {
        const [y = '0', field = ''] = key.split('|');
        const k = `${y}|${field}`;
        const t = byYear.get(k) ?? { year: Number(y), field, total: 0n, n: 0 };
        t.total += part.sum;
        t.n += part.n;
        byYear.set(k, t);
      }
      for (const t of [...byYear.values()].sort((a, b) => a.year - b.year || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0))) {
        const st = storedText(t.total, t.field, request.kind);
        totalsByYear.push({ year: t.year, field: t.field, total: st.text, storedUnit: st.unit, facts: t.n });
      }
      if (previous !== undefined) {
        const c = compareDatasets(db, factTable, previous, datasetId);
        changes = { previousId: previous, changed: c.changed, added: c.added, removed: c.removed, cells: c.cells.map((x) => ({ ...x, before: x.before === null ? null : storedText(BigInt(x.before), x.key.split('/').pop() ?? '', request.kind).text, after: x.after === null ? null : storedText(BigInt(x.after), x.key.split('/').pop() ?? '', request.kind).text })) };
        if (c.changed === 0 && c.added === 0 && c.removed === 0) notes.push(`与上一版本（#${previous}）的数值完全相同 / identical values to the previous version #${previous}`);
      }
    }
    // Whether committing would change what the views show (never silently: the preview says so).
    if (factTable && errorCount === 0) progress(0, 0, '核对数据基础 / checking the data basis');
    const impact = factTable && errorCount === 0 ? basisImpact(db, datasetId, dsKind, scope ?? 'consolidated') : null;
    const names = new Map((db.prepare('SELECT code, name FROM region').all() as { code: string; name: string }[]).map((r) => [r.code, r.name]));
    const preview: ImportOutcome['preview'] = {
      rows: previewFacts.map((f) => {
        const st = storedText(f.value, f.field, request.kind);
        return { row: f.row, regionCode: f.regionCode, regionName: names.get(f.regionCode) ?? '', year: f.year, level: f.level, key: factTable ? keyText(factTable, { level: f.level, func_code: f.funcCode, indicator: f.field, measure: f.measure }) : '', field: f.field, stored: st.text, storedUnit: st.unit };
      }),
      totalsByYear,
    };
    const outcome: ImportOutcome = {
      status: 'previewed',
      datasetId: null,
      datasetName,
      supersedes: previous ?? null,
      file: fileInfo,
      mapping,
      mappingSource,
      notes,
      factCount,
      rowsRead,
      problems,
      problemCount: problems.length,
      preview,
      changes,
      reconciliation,
      ...(impact ? { basisImpact: impact } : {}),
    };
    if (toConfirm > 0 && !request.confirm && !options.dryRun && errorCount === 0) {
      errorCount++;
      problems.unshift(fileProblem(displayName, 'confirmation_required', `有 ${toConfirm} 项提示需要确认（数值明显偏离上年或同级地区、隐藏内容、公式、公告数字不符等）；核对后在预览中勾选确认，或在命令行加 --confirm / ${toConfirm} warning(s) must be confirmed: check them, then confirm (--confirm)`, fileInfo.sheet));
    }
    if (errorCount > 0) {
      rollback();
      return { ...outcome, status: 'refused', problemCount: Math.max(problems.length, errorCount) };
    }
    if (options.dryRun) {
      rollback();
      return outcome;
    }
    // The unit the rows stated (a unit column saying 亿元 on every row is 亿元, not "mixed").
    const statedUnit = unitsSeen.size === 1 ? storableUnit([...unitsSeen][0]!) : unitsSeen.size > 1 ? 'mixed' : unit;
    db.prepare('UPDATE dataset SET row_count = ?, unit = ? WHERE id = ?').run(factCount, statedUnit, datasetId);
    db.prepare('INSERT INTO import_mapping (shape_hash, kind, mapping_json, saved_at) VALUES (?, ?, ?, ?) ON CONFLICT (shape_hash, kind) DO UPDATE SET mapping_json = excluded.mapping_json, saved_at = excluded.saved_at').run(shapeHash, request.kind, JSON.stringify(shapeOnly(mapping)), now().toISOString());
    const ctl = db.prepare('INSERT OR REPLACE INTO dataset_control_total (dataset_id, label, year, field, expected, actual, tolerance, source_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    if (factTable) for (const x of reconcile(partSums, totals)) ctl.run(datasetId, x.label, x.year, `${x.field}${x.level !== 'all' ? `/${x.level}` : ''}`, x.expected, x.actual, x.tolerance, x.row || null);
    if (request.kind === 'bulletin') savePublished(db, datasetId, bulletinFacts);
    saveFindings(db, datasetId, problems);
    sealNewDatasets(db);
    db.exec('COMMIT');
    committed = true;
    options.regions.keepPending();
    if (backupFile) pruneBackups(db.name, 'import', IMPORT_BACKUPS_KEPT);
    return { ...outcome, status: 'committed', datasetId };
  } catch (e) {
    if (!committed && db.inTransaction) rollback();
    throw e;
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map(describeProblem).join('\n');
}
