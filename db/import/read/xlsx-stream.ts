// A big .xlsx streamed with exceljs's WorkbookReader: memory stays near the size of one row plus
// the shared strings, where loading the whole model would take 50–100× the file size.
//
// What the stream does not give, and how it is made up for:
//   * errors in damaged ZIP data (it waits forever instead): every entry's CRC is checked at open;
//   * sheet names before reading: taken from workbook.xml via the ZIP directory (xlsx-package.ts);
//   * merged ranges (the stream reader ignores <mergeCell>): scanned from the sheet's XML;
//   * flags are complete only after a full pass: flags() reuses the one rows() finished, or reads
//     the sheet once more.
// Known limitation of exceljs's stream reader: a formula whose cached result is an error or a
// boolean comes through as a number it cannot parse; we report it as the text '#ERROR!'.
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { CellFlag, RawRow } from '../../../core/import/cells';
import { EXPECTED, ReaderError, readerError } from './errors';
import { assertUnchanged, Resources, type FileContext } from './file';
import { checkSheet, consecutive, decodeRange, mergeFlags, workbookSourceBase, type CellRange } from './sheet';
import type { TableSource } from './types';
import { plainRow, rowFlags } from './xlsx-cells';
import { inspectXlsx, type XlsxPackage } from './xlsx-package';
import { verifyZipEntries, ZipError, zipEntryChunks, type ReadAt } from './zip';

/** Above this size an .xlsx is streamed rather than loaded whole. */
export const STREAM_XLSX_BYTES = 10 * 1024 * 1024;

type Pass = { formulaFlags: CellFlag[]; rows: number; cols: number };

function fileReader(fh: FileHandle): ReadAt {
  return async (offset, length) => {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, offset);
    return buf.subarray(0, bytesRead);
  };
}

export async function openXlsxStream(ctx: FileContext, sha256: string): Promise<TableSource> {
  const fh = await open(ctx.path, 'r');
  let pkg: XlsxPackage;
  try {
    pkg = await inspectXlsx(fileReader(fh), ctx.size, ctx.fileName);
    await verifyZipEntries(ctx.path, fileReader(fh), pkg.entries.values(), ctx.signal);
  } catch (e) {
    if (e instanceof ZipError) throw readerError('file_unreadable', ctx.fileName, EXPECTED.corruptXlsx);
    throw e;
  } finally {
    await fh.close();
  }
  if (pkg.sheets.length === 0) throw readerError('file_empty', ctx.fileName, EXPECTED.noSheets);
  const sheets = pkg.sheets.map((s) => s.name);
  const resources = new Resources();
  const passes = new Map<string, Pass>();

  /** One pass over a sheet's rows (sparse: only rows present in the XML). */
  async function* stream(name: string, pass: Pass): AsyncGenerator<RawRow> {
    resources.assertOpen();
    checkSheet(name, sheets, ctx.fileName);
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(pkg.sheets.find((s) => s.name === name)?.part ?? '')) {
      // exceljs's stream reader only finds sheets stored under the usual part names
      throw readerError('file_unreadable', ctx.fileName, EXPECTED.corruptXlsx, { sheet: name });
    }
    await assertUnchanged(ctx);
    const input = resources.add(createReadStream(ctx.path));
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache', // number formats: how dates are told from numbers
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    try {
      for await (const ws of reader) {
        if ((ws as unknown as { name?: string }).name !== name) continue;
        for await (const row of ws) {
          ctx.signal?.throwIfAborted();
          const plain = plainRow(row);
          const { cells } = plain;
          pass.formulaFlags.push(...rowFlags(row.number, plain));
          if (cells.length > 0) {
            pass.rows = Math.max(pass.rows, row.number);
            pass.cols = Math.max(pass.cols, cells.length);
          }
          yield { n: row.number, cells };
        }
        passes.set(name, pass);
        return;
      }
    } catch (e) {
      if (e instanceof ReaderError || ctx.signal?.aborted) throw e;
      throw readerError('file_unreadable', ctx.fileName, EXPECTED.corruptXlsx, { sheet: name });
    } finally {
      resources.release(input);
    }
  }

  const rowsOf = (name: string) => consecutive(stream(name, { formulaFlags: [], rows: 0, cols: 0 }), { file: ctx.fileName, sheet: name });

  /** Merged ranges and hidden rows, scanned from the sheet's XML (the stream reader gives neither). */
  async function scanSheetXml(name: string): Promise<{ ranges: CellRange[]; hiddenRows: Set<number> }> {
    const part = pkg.sheets.find((s) => s.name === name)?.part ?? '';
    const entry = pkg.entries.get(part);
    if (!entry) return { ranges: [], hiddenRows: new Set() };
    const fh = await open(ctx.path, 'r');
    const ranges: CellRange[] = [];
    const hiddenRows = new Set<number>();
    let carry = '';
    try {
      // latin1 keeps ASCII intact whatever the UTF-8 around it; refs are ASCII
      for await (const chunk of zipEntryChunks(ctx.path, fileReader(fh), entry, ctx.signal)) {
        const text = carry + chunk.toString('latin1');
        const re = /<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([A-Za-z$]+[0-9$]+(?::[A-Za-z$]+[0-9$]+)?)["']/g;
        let last = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          const r = decodeRange(m[1] ?? '');
          if (r) ranges.push(r);
          last = re.lastIndex;
        }
        const rowTag = /<(?:\w+:)?row\b[^>]*>/g;
        for (let m = rowTag.exec(text); m; m = rowTag.exec(text)) {
          const n = /\br\s*=\s*["'](\d+)["']/.exec(m[0]);
          // a tag kept in the carry is seen twice: the set keeps it once
          if (n && /\bhidden\s*=\s*["'](1|true)["']/.test(m[0])) hiddenRows.add(Number(n[1]));
        }
        carry = text.slice(Math.max(last, text.length - 256)); // a tag cut by the chunk boundary
      }
    } finally {
      await fh.close();
    }
    return { ranges, hiddenRows };
  }

  return {
    ...workbookSourceBase(ctx, 'xlsx', sha256, sheets, rowsOf),
    hiddenSheets: pkg.sheets.filter((s) => s.hidden).map((s) => s.name),
    flags: async (name): Promise<CellFlag[]> => {
      checkSheet(name, sheets, ctx.fileName);
      let pass = passes.get(name);
      if (!pass) {
        const fresh: Pass = { formulaFlags: [], rows: 0, cols: 0 };
        for await (const _row of stream(name, fresh)) {
          // read to the end: formula flags and the used area are collected on the way
        }
        pass = fresh;
      }
      const xml = await scanSheetXml(name);
      const merged = mergeFlags(xml.ranges, pass.rows, pass.cols);
      const hidden: CellFlag[] = [...xml.hiddenRows].sort((a, b) => a - b).map((row) => ({ row, col: -1, kind: 'hidden_row' }));
      return [...pass.formulaFlags, ...merged, ...hidden];
    },
    close: async () => resources.closeAll(),
  };
}
