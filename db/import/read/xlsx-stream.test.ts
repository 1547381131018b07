// The streamed .xlsx path (used above STREAM_XLSX_BYTES) must read what the in-memory path reads.
// The fixtures are small, so the stream reader is called directly.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../../core/import/cells';
import { ReaderError } from './errors';
import type { FileContext } from './file';
import { openSource } from './open';
import type { TableSource } from './types';
import { openXlsxStream } from './xlsx-stream';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/readers/', import.meta.url));

function ctxOf(name: string): FileContext {
  const path = join(FIXTURES, name);
  const s = statSync(path);
  return { path, fileName: name, size: s.size, mtimeMs: s.mtimeMs, signal: undefined };
}

async function all(source: TableSource, sheet: string): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const r of source.rows(sheet)) rows.push(r);
  return rows;
}

describe('streamed xlsx', () => {
  for (const name of ['merged.xlsx', 'formula-no-value.xlsx', 'types.xlsx', 'empty-sheet.xlsx']) {
    it(`reads ${name} like the in-memory reader: sheets, rows, flags`, async () => {
      const whole = await openSource(join(FIXTURES, name));
      const streamed = await openXlsxStream(ctxOf(name), whole.sha256);
      expect(streamed.sheets).toEqual(whole.sheets);
      for (const sheet of whole.sheets) {
        expect(await all(streamed, sheet)).toEqual(await all(whole, sheet));
        const byPlace = (a: { row: number; col: number }, b: { row: number; col: number }) => a.row - b.row || a.col - b.col;
        expect((await streamed.flags(sheet)).sort(byPlace)).toEqual((await whole.flags(sheet)).sort(byPlace));
      }
      await streamed.close();
      await whole.close();
    });
  }

  it('gives flags before any rows() pass, and batches', async () => {
    const source = await openXlsxStream(ctxOf('merged.xlsx'), '');
    expect(await source.flags('合并')).toHaveLength(3);
    const batches: RawRow[][] = [];
    for await (const b of source.rowsBatched('合并', 2)) batches.push(b);
    expect(batches.map((b) => b.map((r) => r.n))).toEqual([[1, 2], [3, 4], [5]]);
    await source.close();
  });

  it('rejects an unknown sheet, a truncated file and damaged data', async () => {
    const source = await openXlsxStream(ctxOf('merged.xlsx'), '');
    await expect(all(source, 'nope')).rejects.toMatchObject({ problem: { code: 'sheet_not_found' } });
    await source.close();
    // exceljs's stream reader would wait forever on damaged ZIP data; it must be refused instead
    for (const name of ['truncated.xlsx', 'crc-damaged.xlsx']) {
      const e = await openXlsxStream(ctxOf(name), '').catch((err: unknown) => err);
      expect(e).toBeInstanceOf(ReaderError);
      expect((e as ReaderError).problem.code).toBe('file_unreadable');
    }
  });
});
