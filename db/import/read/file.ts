// File access shared by the readers: read-only, never locking (Node opens files with full sharing on
// Windows), hashing by streaming so memory does not grow with the file.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { EXPECTED, readerError } from './errors';

/** What every reader knows about the file it is reading. */
export type FileContext = {
  path: string;
  fileName: string;
  size: number;
  mtimeMs: number;
  signal: AbortSignal | undefined;
};

export const CHUNK_BYTES = 1 << 20;

export async function sha256File(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      hash.update(chunk);
    }
  } finally {
    stream.destroy();
  }
  return hash.digest('hex');
}

export function sha256Buffer(buf: Uint8Array): string {
  return createHash('sha256').update(buf).digest('hex');
}

/** The first `max` bytes of a file (fewer if it is shorter). */
export async function readHead(path: string, max: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(max);
    const { bytesRead } = await fh.read(buf, 0, max, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * Readers that go back to the file (CSV, streamed .xlsx) check it is the file that was opened and
 * hashed: a changed size or modification time means the hash no longer describes what is read.
 */
export async function assertUnchanged(ctx: FileContext): Promise<void> {
  const now = await stat(ctx.path).catch(() => null);
  if (!now || now.size !== ctx.size || now.mtimeMs !== ctx.mtimeMs) throw readerError('file_unreadable', ctx.fileName, EXPECTED.changed);
}

/** Streams and other things to release on close(), including iterations the caller abandoned. */
export class Resources {
  private readonly open = new Set<{ destroy(): unknown }>();
  private closed = false;

  add<T extends { destroy(): unknown }>(r: T): T {
    if (this.closed) {
      r.destroy();
      throw new Error('TableSource is closed');
    }
    this.open.add(r);
    return r;
  }

  release(r: { destroy(): unknown }): void {
    this.open.delete(r);
    r.destroy();
  }

  assertOpen(): void {
    if (this.closed) throw new Error('TableSource is closed');
  }

  closeAll(): void {
    this.closed = true;
    for (const r of this.open) r.destroy();
    this.open.clear();
  }
}
