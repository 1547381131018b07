// Any table as .xlsx or .csv. CSV is UTF-8 with a BOM so Excel and WPS open Chinese text
// correctly; XLSX keeps numbers as numbers with a display format, and carries a provenance sheet.
import ExcelJS from 'exceljs';
import { csvCell } from '../../core/security/csv-cell';

export type TableColumn = { header: string; key: string; kind: 'text' | 'integer' | 'year' | 'number' | 'decimal2' | 'percent2'; width?: number };
export type TableData = {
  title: string;
  columns: TableColumn[];
  /** Values: text, or exact decimal text / integers for numeric columns (never floats computed for storage). */
  rows: Record<string, string | number | null>[];
  /** Lines for the provenance sheet / CSV footer: source datasets, hashes, generation time. */
  provenance: string[];
};

const BOM = '\uFEFF';

// Formula-like text is neutralised (a leading '), numbers stay numbers: core/security/csv-cell.
const csvField = (v: string | number | null): string => csvCell(v);

export function tableToCsv(t: TableData): Uint8Array {
  const lines = [t.columns.map((c) => csvField(c.header)).join(','), ...t.rows.map((r) => t.columns.map((c) => csvField(r[c.key] ?? null)).join(','))];
  // Provenance travels with the numbers: appended as comment-style lines after a blank line.
  if (t.provenance.length) lines.push('', ...t.provenance.map((p) => csvField(`# ${p}`)));
  return new TextEncoder().encode(BOM + lines.join('\r\n') + '\r\n');
}

// A year is a number without a thousands separator (2,021 would read as a count); 'number' is a
// column mixing money and counts, shown in Excel's general format.
const NUM_FMT: Record<TableColumn['kind'], string | undefined> = { text: undefined, integer: '#,##0', year: '0', number: undefined, decimal2: '#,##0.00', percent2: '0.00"%"' };

export async function tableToXlsx(t: TableData): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '教育财政工作台';
  wb.created = new Date(0); // deterministic files: the generation time is in the provenance sheet
  const ws = wb.addWorksheet(t.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' ') || '数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? Math.max(10, Math.min(40, c.header.length * 2 + 2)) }));
  ws.getRow(1).font = { bold: true };
  for (const r of t.rows) {
    const values: Record<string, string | number | null> = {};
    for (const c of t.columns) {
      const v = r[c.key] ?? null;
      // Numbers are written as numbers: exact decimal text → Number only here, for the cell.
      values[c.key] = c.kind !== 'text' && typeof v === 'string' && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v;
    }
    ws.addRow(values);
  }
  t.columns.forEach((c, i) => {
    const fmt = NUM_FMT[c.kind];
    if (fmt) ws.getColumn(i + 1).numFmt = fmt;
  });
  const prov = wb.addWorksheet('数据来源');
  prov.columns = [{ header: '数据来源与说明 / Provenance', key: 'p', width: 120 }];
  prov.getRow(1).font = { bold: true };
  for (const p of t.provenance) prov.addRow({ p });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
