// A whole dataset out of the database: .xlsx, .csv (exact decimal text) or Arrow IPC (Int64 分).
import { auditHeadLine } from '../audit/anchor';
import type Database from 'better-sqlite3';
import { Int32, Int64, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { CodedError } from '../../core/result';
import { formatRatio } from '../../core/money/decimal';
import { getDataset } from '../repos/datasets';
import { DATASET_KIND_TO_IMPORT, FACT_TABLES, type FactKind } from '../import/fact-tables';
import { tableToCsv, tableToXlsx, type TableData } from './table-file';

export type ExportFormat = 'xlsx' | 'csv' | 'arrow';

type Row = { region_code: string; region_name: string; year: number; keys: (string | null)[]; v: bigint; source_row: number | null };

export function datasetProvenance(db: Database.Database, id: number): string[] {
  const d = getDataset(db, id);
  if (!d) return [];
  return [
    `数据集 #${d.id}：${d.name}`,
    `来源文件：${d.sourceFileName}${d.sheet ? `，工作表 ${d.sheet}` : ''}`,
    `SHA-256：${d.sha256}`,
    `导入时间：${d.importedAt}；原始单位：${d.unit}；口径：${d.basis ?? '—'}；范围：${d.scope ?? '—'}；发布阶段：${d.releaseStage}${d.synthetic ? '；合成数据' : ''}`,
    `存储单位：金额为分（导出时换算为元，保留两位小数），人数为人`,
    auditHeadLine(db),
  ];
}

function readRows(db: Database.Database, id: number): { rows: Row[]; keyNames: readonly string[]; kind: FactKind } {
  const d = getDataset(db, id);
  if (!d) throw new CodedError('not_found', `数据集 #${id} 不存在 / dataset #${id} does not exist`);
  const kind = DATASET_KIND_TO_IMPORT[d.kind];
  if (!kind) throw new CodedError('bad_input', `数据集 #${id} 为 ${d.kind}，不含可导出的事实表 / dataset #${id} (${d.kind}) holds no fact table`);
  const t = FACT_TABLES[kind];
  // Every key column (aid facts have four: level, category, item, measure); leaving one out
  // would print distinct facts as duplicates.
  const keySql = t.keys.map((k, i) => `f.${k} AS k${i}`).join(', ');
  const raw = db
    .prepare(
      `SELECT f.region_code, COALESCE(r.name, '') AS region_name, f.year, ${keySql}, f.${t.value} AS v, f.source_row
       FROM ${t.table} f LEFT JOIN region r ON r.code = f.region_code WHERE f.dataset_id = ? ORDER BY f.region_code, f.year, ${t.keys.map((_, i) => `k${i}`).join(', ')}`,
    )
    .safeIntegers()
    .all(id) as Record<string, string | bigint | null>[];
  const rows = raw.map((r) => ({
    region_code: r.region_code as string,
    region_name: r.region_name as string,
    year: Number(r.year),
    keys: t.keys.map((_, i) => (r[`k${i}`] as string | null) ?? null),
    v: r.v as bigint,
    source_row: r.source_row === null ? null : Number(r.source_row),
  }));
  return { rows, keyNames: t.keys, kind };
}

/**
 * Whether a fact's stored value is money (分, exported as 元 with two decimals) or a count kept
 * as it is: enrolment is persons; fiscal indicators are 分 except population (persons) and area;
 * aid measures are persons except those named *_fen (approved fees, budgets).
 */
function valueIsMoney(kind: FactKind, row: Row, keyNames: readonly string[]): boolean {
  switch (kind) {
    case 'enrolment':
      return false;
    case 'capacity': {
      const indicator = row.keys[keyNames.indexOf('indicator')];
      return indicator !== 'population' && indicator !== 'area';
    }
    case 'aid':
      return (row.keys[keyNames.indexOf('measure')] ?? '').endsWith('_fen');
    default:
      return true;
  }
}

const VALUE_HEADER: Record<FactKind, string> = {
  expenditure: '金额（元）',
  bulletin: '金额（元）',
  enrolment: '人数',
  capacity: '数值（元；人口为人）',
  aid: '数值（金额为元，其余为人）',
};

export async function exportDataset(db: Database.Database, id: number, format: ExportFormat): Promise<Uint8Array> {
  const { rows, keyNames, kind } = readRows(db, id);
  const d = getDataset(db, id)!;
  if (format === 'arrow') {
    const table = new Table({
      region_code: vectorFromArray(rows.map((r) => r.region_code), new Utf8()),
      year: vectorFromArray(rows.map((r) => r.year), new Int32()),
      ...Object.fromEntries(keyNames.map((k, i) => [k, vectorFromArray(rows.map((r) => r.keys[i] ?? ''), new Utf8())])),
      value: vectorFromArray(rows.map((r) => r.v), new Int64()),
      source_row: vectorFromArray(rows.map((r) => (r.source_row === null ? null : r.source_row)), new Int32()),
    });
    table.schema.metadata.set('dataset_id', String(d.id));
    table.schema.metadata.set('dataset_name', d.name);
    table.schema.metadata.set('sha256', d.sha256);
    table.schema.metadata.set(
      'value_unit',
      d.kind === 'enrolment' ? 'person' : d.kind === 'fiscal' ? 'fen (money) / person (population) / 0.01 km2 (area)' : d.kind === 'aid' ? 'fen (measures named *_fen) / person (the rest)' : 'fen',
    );
    return tableToIPC(table, 'file');
  }
  // A mixed column (fiscal, aid) holds 元 with two decimals and whole persons: numbers either way,
  // in the general format; a money-only column shows two decimals, a count column none.
  const valueKind = kind === 'enrolment' ? 'integer' : kind === 'capacity' || kind === 'aid' ? 'number' : 'decimal2';
  const data: TableData = {
    title: d.name,
    columns: [
      { header: '地区代码', key: 'region_code', kind: 'text' },
      { header: '地区', key: 'region_name', kind: 'text' },
      { header: '年度', key: 'year', kind: 'year' },
      ...keyNames.map((k, i) => ({ header: k, key: `k${i}`, kind: 'text' as const })),
      { header: VALUE_HEADER[kind], key: 'value', kind: valueKind },
      { header: '源文件行号', key: 'source_row', kind: 'integer' },
    ],
    rows: rows.map((r) => ({
      region_code: r.region_code,
      region_name: r.region_name,
      year: r.year,
      ...Object.fromEntries(r.keys.map((k, i) => [`k${i}`, k])),
      value: valueIsMoney(kind, r, keyNames) ? formatRatio(r.v, 100n, 2) : r.v.toString(),
      source_row: r.source_row,
    })),
    provenance: datasetProvenance(db, id),
  };
  return format === 'csv' ? tableToCsv(data) : tableToXlsx(data);
}
