// A small .xlsx read whole with exceljs: sheets, values, merged ranges and formulas are all known at
// once, so flags() is complete immediately. Big files go to xlsx-stream.ts instead.
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { CellFlag, RawRow } from '../../../core/import/cells';
import { EXPECTED, readerError } from './errors';
import type { FileContext } from './file';
import { checkSheet, consecutive, decodeRange, mergeFlags, workbookSourceBase, type CellRange } from './sheet';
import type { TableSource } from './types';
import { plainRow } from './xlsx-cells';
import { inspectXlsx } from './xlsx-package';
import { verifyZipBuffer, ZipError } from './zip';

export async function openXlsxBuffer(buf: Buffer, ctx: FileContext, sha256: string): Promise<TableSource> {
  // The package check first: it tells a truncated download or a .docx from a damaged workbook, and
  // the CRC check catches damaged data that would otherwise inflate to wrong values unnoticed.
  const pkg = await inspectXlsx(async (offset, length) => buf.subarray(offset, offset + length), buf.length, ctx.fileName);
  try {
    await verifyZipBuffer(buf, pkg.entries.values());
  } catch (e) {
    if (e instanceof ZipError) throw readerError('file_unreadable', ctx.fileName, EXPECTED.corruptXlsx);
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw readerError('file_unreadable', ctx.fileName, EXPECTED.corruptXlsx);
  }
  ctx.signal?.throwIfAborted();
  const worksheets = wb.worksheets;
  if (worksheets.length === 0) throw readerError('file_empty', ctx.fileName, EXPECTED.noSheets);
  if (worksheets.every((ws) => ws.actualRowCount === 0)) throw readerError('file_empty', ctx.fileName, EXPECTED.allSheetsEmpty);
  const sheets = worksheets.map((ws) => ws.name);
  const byName = new Map(worksheets.map((ws) => [ws.name, ws]));
  let closed = false;

  const sheetOf = (name: string): Worksheet => {
    if (closed) throw new Error('TableSource is closed');
    checkSheet(name, sheets, ctx.fileName);
    return byName.get(name) as Worksheet;
  };

  async function* rowsOf(name: string): AsyncGenerator<RawRow> {
    const ws = sheetOf(name);
    const present: ExcelJS.Row[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => present.push(row));
    yield* consecutive(
      (function* () {
        for (const row of present) yield { n: row.number, cells: plainRow(row).cells };
      })(),
    );
  }

  return {
    ...workbookSourceBase(ctx, 'xlsx', sha256, sheets, rowsOf),
    flags: async (name): Promise<CellFlag[]> => {
      const ws = sheetOf(name);
      const flags: CellFlag[] = [];
      ws.eachRow({ includeEmpty: false }, (row) => {
        for (const col of plainRow(row).noResult) flags.push({ row: row.number, col, kind: 'formula_without_value' });
      });
      const ranges = (ws.model.merges ?? []).map(decodeRange).filter((r): r is CellRange => r !== null);
      return [...flags, ...mergeFlags(ranges, ws.rowCount, ws.columnCount)];
    },
    close: async () => {
      closed = true;
    },
  };
}
