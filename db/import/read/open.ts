// openSource: one entry for every file the importer accepts. It looks at the bytes (never the
// extension), hashes the file, and hands it to the reader for its format.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { openCsv } from './csv';
import { decryptIfNeeded } from './decrypt';
import { guessEncoding, sniff } from './detect';
import { EXPECTED, readerError } from './errors';
import { readHead, sha256Buffer, sha256File, type FileContext } from './file';
import type { OpenOptions, TableSource } from './types';
import { openXlsBuffer } from './xls';
import { ole2Problem } from './ole2-check';
import { openXlsxBuffer } from './xlsx';
import { readZipDirectory } from './zip';
import { openXlsxStream, STREAM_XLSX_BYTES } from './xlsx-stream';

/** The first bytes looked at: magic numbers, text encoding and the separator are judged from them. */
export const SAMPLE_BYTES = 64 * 1024;

/** An operating-system error (missing file, no permission, I/O error) as a ReaderError. */
async function io<T>(fileName: string, signal: AbortSignal | undefined, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (signal?.aborted || !(e instanceof Error) || !('code' in e)) throw e;
    const code = String(e.code);
    throw readerError('file_unreadable', fileName, `无法读取文件（${code}），应为存在且可读的文件 / the file cannot be read (${code}); expected an existing, readable file`);
  }
}

export async function openSource(file: string, options: OpenOptions = {}): Promise<TableSource> {
  const fileName = basename(file);
  const signal = options.signal;
  signal?.throwIfAborted();
  const info = await io(fileName, signal, () => stat(file));
  // not a regular file: a directory, or a FIFO/device that could block a read forever
  if (!info.isFile()) throw readerError('file_unreadable', fileName, '这不是一个文件，应为 CSV 或 Excel 文件 / not a file; expected a CSV or Excel file');
  const ctx: FileContext = { path: file, fileName, size: info.size, mtimeMs: info.mtimeMs, signal };

  const head = await io(fileName, signal, () => readHead(file, SAMPLE_BYTES));
  const kind = sniff(head);
  switch (kind.kind) {
    case 'empty':
      throw readerError('file_empty', fileName, EXPECTED.empty);
    case 'refused':
      throw readerError('file_unreadable', fileName, kind.expected);
    case 'text': {
      const declared = options.encoding && options.encoding !== 'auto' ? options.encoding : null;
      let encoding = declared;
      if (!encoding) {
        const guess = guessEncoding(head);
        if ('refused' in guess) throw readerError('file_unreadable', fileName, guess.refused);
        encoding = guess.encoding;
      }
      const sha256 = await io(fileName, signal, () => sha256File(file, signal));
      return openCsv({ ctx, sha256, encoding, sample: head });
    }
    case 'zip': {
      if (info.size > STREAM_XLSX_BYTES) return io(fileName, signal, async () => openXlsxStream(ctx, await sha256File(file, signal)));
      const buf = await io(fileName, signal, () => readFile(file));
      // A small file can hold a big sheet (a 337,785-row national panel compresses to under 10 MB,
      // its XML is over 64 MB): such a workbook is streamed, as a big file is, never loaded whole.
      if (await sheetXmlBytes(buf) > STREAM_SHEET_XML_BYTES) return io(fileName, signal, async () => openXlsxStream(ctx, sha256Buffer(buf)));
      return openXlsxBuffer(buf, ctx, sha256Buffer(buf));
    }
    case 'ole2': {
      const buf = await io(fileName, signal, () => readFile(file));
      const sha256 = sha256Buffer(buf);
      if (ole2Problem(buf) !== null) throw readerError('file_unreadable', fileName, EXPECTED.corruptXls);
      const plain = await decryptIfNeeded(buf, fileName, options.password);
      signal?.throwIfAborted();
      // A decrypted .xlsx is a ZIP again; a decrypted (or never encrypted) .xls is BIFF in OLE2.
      const bytes = plain ?? buf;
      if (sniff(bytes.subarray(0, 8)).kind === 'zip') return openXlsxBuffer(bytes, ctx, sha256);
      return openXlsBuffer(bytes, ctx, sha256);
    }
  }
}

/** Uncompressed worksheet XML above which a workbook is streamed whatever its file size. */
export const STREAM_SHEET_XML_BYTES = 32 * 1024 * 1024;

/** The worksheets' uncompressed size as the ZIP directory states it (0 when it cannot be read: the reader then says why). */
async function sheetXmlBytes(buf: Buffer): Promise<number> {
  try {
    const entries = await readZipDirectory(async (offset, length) => buf.subarray(offset, offset + length), buf.length);
    let total = 0;
    for (const [name, e] of entries) if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) total += e.size;
    return total;
  } catch {
    return 0;
  }
}
