// Run an engine call that answers file bytes and save them: tracks which download is busy and
// the last error, so every export button behaves the same.
import { useCallback, useState } from 'react';
import type { AppError, Reply } from '../../../core/result';
import { saveBytes } from './save-file';

export type FileReply = Reply<{ fileName: string; bytes: Uint8Array }>;

export function useDownload() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const download = useCallback(async (id: string, make: () => Promise<FileReply>) => {
    setBusy(id);
    setError(null);
    try {
      const reply = await make();
      if (reply.ok) saveBytes(reply.value.fileName, reply.value.bytes);
      else setError(reply.error);
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, error, download, clearError: () => setError(null) };
}
