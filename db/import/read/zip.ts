// Just enough of the ZIP format to judge an .xlsx before handing it to exceljs: is the central
// directory there (a truncated download loses it), is it a workbook at all (.docx, .ods, .xlsb and
// plain .zip files are ZIPs too), and — for the streamed path — the sheet names and where a sheet's
// XML lies, without reading the whole file.
import { createReadStream } from 'node:fs';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';

export type ZipEntry = { name: string; method: number; crc: number; compressedSize: number; size: number; localOffset: number };

/** Reads `length` bytes at `offset` (from a file handle or a buffer). */
export type ReadAt = (offset: number, length: number) => Promise<Buffer>;

export class ZipError extends Error {
  override name = 'ZipError';
}

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;

/** The central directory: every entry by name. Throws ZipError if the structure is broken. */
export async function readZipDirectory(readAt: ReadAt, fileSize: number): Promise<Map<string, ZipEntry>> {
  if (fileSize < 22) throw new ZipError('too short for a ZIP');
  const tailLen = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(fileSize - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('no end of central directory (truncated?)');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipError('ZIP64 is not supported');
  if (cdOffset + cdSize > fileSize - tailLen + eocd) throw new ZipError('central directory beyond end of file');
  const cd = await readAt(cdOffset, cdSize);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let k = 0; k < count || (count === 0xffff && p + 46 <= cd.length); k++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH_SIG) throw new ZipError('damaged central directory');
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      name: cd.toString('utf8', p + 46, p + 46 + nameLen),
      method: cd.readUInt16LE(p + 10),
      crc: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
    };
    if (entry.localOffset + 30 + entry.compressedSize > cdOffset) throw new ZipError(`entry ${entry.name} beyond its data`);
    entries.set(entry.name.replace(/^\//, ''), entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

async function dataStart(readAt: ReadAt, e: ZipEntry): Promise<number> {
  const h = await readAt(e.localOffset, 30);
  if (h.length < 30 || h.readUInt32LE(0) !== LFH_SIG) throw new ZipError(`damaged local header of ${e.name}`);
  const nameLen = h.readUInt16LE(26);
  const name = (await readAt(e.localOffset + 30, nameLen)).toString('utf8');
  if (name.replace(/^\//, '') !== e.name.replace(/^\//, '') || h.readUInt16LE(8) !== e.method) throw new ZipError(`local header of ${e.name} disagrees with the directory`);
  return e.localOffset + 30 + nameLen + h.readUInt16LE(28);
}

/** A small entry (workbook.xml, rels) as text. */
export async function readZipText(readAt: ReadAt, e: ZipEntry, maxBytes = 64 << 20): Promise<string> {
  if (e.size > maxBytes) throw new ZipError(`${e.name} is too large`);
  const raw = await readAt(await dataStart(readAt, e), e.compressedSize);
  if (e.method === 0) return raw.toString('utf8');
  if (e.method !== 8) throw new ZipError(`unsupported compression ${e.method}`);
  try {
    return inflateRawSync(raw).toString('utf8');
  } catch (err) {
    throw new ZipError(`cannot inflate ${e.name}: ${(err as Error).message}`);
  }
}

/** A large entry of a file on disk, inflated as a stream (for scanning a sheet's XML). */
export async function* zipEntryChunks(path: string, readAt: ReadAt, e: ZipEntry, signal?: AbortSignal): AsyncGenerator<Buffer> {
  const start = await dataStart(readAt, e);
  if (e.compressedSize === 0) return;
  const file = createReadStream(path, { start, end: start + e.compressedSize - 1 });
  const source = e.method === 0 ? file : file.pipe(createInflateRaw());
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      yield chunk;
    }
  } finally {
    file.destroy();
    if (source !== file) source.destroy();
  }
}

/**
 * Inflate every entry and check its CRC-32 and size against the directory. exceljs's streaming
 * reader (through unzipper) loses a zlib or CRC error on a damaged entry and then waits forever, so
 * a big .xlsx is verified here first; one extra pass, small next to parsing the XML.
 */
export async function verifyZipEntries(path: string, readAt: ReadAt, entries: Iterable<ZipEntry>, signal?: AbortSignal): Promise<void> {
  for (const e of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    let crc = 0;
    let size = 0;
    try {
      for await (const chunk of zipEntryChunks(path, readAt, e, signal)) {
        crc = crc32(chunk, crc);
        size += chunk.length;
      }
    } catch (err) {
      if (signal?.aborted || err instanceof ZipError) throw err;
      throw new ZipError(`cannot inflate ${e.name}: ${(err as Error).message}`);
    }
    checkEntry(e, crc, size);
  }
}

/** The same check for a workbook held in memory (small files, and decrypted ones). */
export async function verifyZipBuffer(buf: Buffer, entries: Iterable<ZipEntry>): Promise<void> {
  const readAt: ReadAt = async (offset, length) => buf.subarray(offset, offset + length);
  for (const e of entries) {
    const start = await dataStart(readAt, e);
    const raw = buf.subarray(start, start + e.compressedSize);
    let data: Buffer;
    try {
      data = e.method === 0 ? raw : inflateRawSync(raw);
    } catch (err) {
      throw new ZipError(`cannot inflate ${e.name}: ${(err as Error).message}`);
    }
    checkEntry(e, crc32(data), data.length);
  }
}

function checkEntry(e: ZipEntry, crc: number, size: number): void {
  if (crc >>> 0 !== e.crc >>> 0 || size !== e.size) throw new ZipError(`${e.name} is damaged (CRC or size mismatch)`);
}
