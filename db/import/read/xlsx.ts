// A small .xlsx read whole with exceljs: sheets, values, merged ranges and formulas are all known at
// once, so flags() is complete immediately. Big files go to xlsx-stream.ts instead.
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { CellFlag, RawRow } from '../../../core/import/cells';
import { EXPECTED, readerError } from './errors';
import type { FileContext } from './file';
import { checkSheet, consecutive, decodeRange, MAX_SHEET_ROWS, mergeFlags, rowBeyondSheet, workbookSourceBase, type CellRange } from './sheet';
import type { TableSource } from './types';
import { plainRow, rowFlags } from './xlsx-cells';
import { inspectXlsx, type SheetPart } from './xlsx-package';
import { readZipDirectory, readZipText, verifyZipBuffer, ZipError } from './zip';

/**
 * exceljs fills every cell of a merged range when it loads a sheet, so one merge over a whole
 * sheet (A1:XFD1048576, 17 billion cells) would hang the import. No real table merges anything
 * near this many cells; such a file is refused, naming the range, before exceljs sees it.
 */
const MAX_MERGED_CELLS = 1_000_000;

async function refuseHugeMerges(buf: Buffer, sheets: readonly SheetPart[], fileName: string): Promise<void> {
  const readAt = async (offset: number, length: number) => buf.subarray(offset, offset + length);
  const entries = await readZipDirectory(readAt, buf.length);
  // Every worksheet part in the package, not only those workbook.xml.rels names: exceljs loads
  // them all, and a damaged rels part would otherwise hide one (found by fuzzing).
  const named = new Map(sheets.map((s) => [s.part, s.name]));
  const parts = [...entries.keys()].filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p));
  for (const part of parts) {
    const sheet = { part, name: named.get(part) ?? part.replace(/^.*\//, '') };
    const entry = entries.get(part)!;
    const xml = await readZipText(readAt, entry);
    // A row numbered past the sheet's end: exceljs keeps rows in an array and silently drops one
    // past 2^32, so it is refused here, while the XML is at hand (rows() refuses the rest).
    for (const m of xml.matchAll(/<(?:\w+:)?row\b[^>]*?\br\s*=\s*["'](\d+)["']/g)) {
      const row = Number(m[1]);
      if (row > MAX_SHEET_ROWS) throw rowBeyondSheet(fileName, sheet.name, row);
    }
    let cells = 0;
    for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref\s*=\s*["']([^"']+)["']/g)) {
      const r = decodeRange(m[1] ?? '');
      if (!r) continue;
      cells += (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
      if (cells > MAX_MERGED_CELLS) {
        throw readerError('file_unreadable', fileName, `工作表「${sheet.name}」的合并单元格 ${m[1]} 等共覆盖超过 ${MAX_MERGED_CELLS.toLocaleString('en-US')} 个单元格，无法作为数据表读取；请取消这些合并后再导入 / merged ranges such as ${m[1]} on sheet “${sheet.name}” cover more than ${MAX_MERGED_CELLS.toLocaleString('en-US')} cells; unmerge them and import again`, { sheet: sheet.name });
      }
    }
  }
}

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
  await refuseHugeMerges(buf, pkg.sheets, ctx.fileName);
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
  const hiddenSheets = worksheets.filter((ws) => ws.state === 'hidden' || ws.state === 'veryHidden').map((ws) => ws.name);
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
      { file: ctx.fileName, sheet: name },
    );
  }

  return {
    ...workbookSourceBase(ctx, 'xlsx', sha256, sheets, rowsOf),
    hiddenSheets,
    flags: async (name): Promise<CellFlag[]> => {
      const ws = sheetOf(name);
      const flags: CellFlag[] = [];
      ws.eachRow({ includeEmpty: false }, (row) => {
        flags.push(...rowFlags(row.number, plainRow(row)));
      });
      const ranges = (ws.model.merges ?? []).map(decodeRange).filter((r): r is CellRange => r !== null);
      return [...flags, ...mergeFlags(ranges, ws.rowCount, ws.columnCount)];
    },
    close: async () => {
      closed = true;
    },
  };
}
