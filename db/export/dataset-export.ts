// A whole dataset out of the database: .xlsx, .csv (exact decimal text) or Arrow IPC (Int64 分).
import { auditHeadLine } from '../audit/anchor';
import type Database from 'better-sqlite3';
import { Int32, Int64, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { CodedError } from '../../core/result';
import { formatRatio } from '../../core/money/decimal';
import { getDataset } from '../repos/datasets';
import { DATASET_KIND_TO_IMPORT, FACT_TABLES } from '../import/fact-tables';
import { tableToCsv, tableToXlsx, type TableData } from './table-file';

export type ExportFormat = 'xlsx' | 'csv' | 'arrow';

type Row = { region_code: string; region_name: string; year: number; k1: string; k2: string | null; v: bigint; source_row: number | null };

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

function readRows(db: Database.Database, id: number): { rows: Row[]; keyNames: [string, string | null]; money: boolean } {
  const d = getDataset(db, id);
  if (!d) throw new CodedError('not_found', `数据集 #${id} 不存在 / dataset #${id} does not exist`);
  const kind = DATASET_KIND_TO_IMPORT[d.kind];
  if (!kind) throw new CodedError('bad_input', `数据集 #${id} 为 ${d.kind}，不含可导出的事实表 / dataset #${id} (${d.kind}) holds no fact table`);
  const t = FACT_TABLES[kind];
  const rows = db
    .prepare(
      `SELECT f.region_code, COALESCE(r.name, '') AS region_name, f.year, f.${t.keys[0]} AS k1, ${t.keys[1] ? `f.${t.keys[1]}` : 'NULL'} AS k2, f.${t.value} AS v, f.source_row
       FROM ${t.table} f LEFT JOIN region r ON r.code = f.region_code WHERE f.dataset_id = ? ORDER BY f.region_code, f.year, k1, k2`,
    )
    .safeIntegers()
    .all(id) as (Omit<Row, 'year' | 'source_row'> & { year: bigint; source_row: bigint | null })[];
  return {
    rows: rows.map((r) => ({ ...r, year: Number(r.year), source_row: r.source_row === null ? null : Number(r.source_row) })),
    keyNames: [t.keys[0]!, t.keys[1] ?? null],
    money: kind !== 'enrolment' && kind !== 'capacity',
  };
}

export async function exportDataset(db: Database.Database, id: number, format: ExportFormat): Promise<Uint8Array> {
  const { rows, keyNames, money } = readRows(db, id);
  const d = getDataset(db, id)!;
  // Fiscal indicators mix money (分) and persons: population stays in persons, the rest in 元.
  const isMoney = (r: Row) => (money ? true : d.kind === 'fiscal' ? r.k1 !== 'population' && r.k1 !== 'area' : false);
  if (format === 'arrow') {
    const table = new Table({
      region_code: vectorFromArray(rows.map((r) => r.region_code), new Utf8()),
      year: vectorFromArray(rows.map((r) => r.year), new Int32()),
      [keyNames[0]]: vectorFromArray(rows.map((r) => r.k1), new Utf8()),
      ...(keyNames[1] ? { [keyNames[1]]: vectorFromArray(rows.map((r) => r.k2 ?? ''), new Utf8()) } : {}),
      value: vectorFromArray(rows.map((r) => r.v), new Int64()),
      source_row: vectorFromArray(rows.map((r) => (r.source_row === null ? null : r.source_row)), new Int32()),
    });
    table.schema.metadata.set('dataset_id', String(d.id));
    table.schema.metadata.set('dataset_name', d.name);
    table.schema.metadata.set('sha256', d.sha256);
    table.schema.metadata.set('value_unit', d.kind === 'enrolment' ? 'person' : d.kind === 'fiscal' ? 'fen (money) / person (population) / 0.01 km2 (area)' : 'fen');
    return tableToIPC(table, 'file');
  }
  const data: TableData = {
    title: d.name,
    columns: [
      { header: '地区代码', key: 'region_code', kind: 'text' },
      { header: '地区', key: 'region_name', kind: 'text' },
      { header: '年度', key: 'year', kind: 'text' },
      { header: keyNames[0], key: 'k1', kind: 'text' },
      ...(keyNames[1] ? [{ header: keyNames[1], key: 'k2', kind: 'text' as const }] : []),
      { header: money || d.kind === 'fiscal' ? '数值（元；人口为人）' : '人数', key: 'value', kind: money ? 'decimal2' : 'text' },
      { header: '源文件行号', key: 'source_row', kind: 'integer' },
    ],
    rows: rows.map((r) => ({ region_code: r.region_code, region_name: r.region_name, year: String(r.year), k1: r.k1, k2: r.k2, value: isMoney(r) ? formatRatio(r.v, 100n, 2) : r.v.toString(), source_row: r.source_row })),
    provenance: datasetProvenance(db, id),
  };
  return format === 'csv' ? tableToCsv(data) : tableToXlsx(data);
}
