// The wizard's conversation with the engine: upload the chosen file once, preview (a dry run that
// writes nothing), commit — each long call with progress and a cancel that aborts it. A cancelled
// or refused import leaves the database exactly as it was (the engine rolls back).
import { useRef, useState } from 'react';
import type { ImportOutcome } from '../../../../core/import/request';
import type { AppError } from '../../../../core/result';
import { useEngine } from '../../bridge/engine-context';
import type { RequestInput } from './import-request';

export type Upload = { fileName: string; sizeBytes: number; uploadId: string };
export type TaskOp = 'upload' | 'preview' | 'commit';
export type Task = { op: TaskOp; rows: number };
export type Previewed = { outcome: ImportOutcome; request: RequestInput; uploadId: string; round: number };

export function useImportWizard(onCommitted: (o: ImportOutcome) => void) {
  const engine = useEngine();
  const [upload, setUpload] = useState<Upload | null>(null);
  const [task, setTask] = useState<Task | null>(null);
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [committed, setCommitted] = useState<ImportOutcome | null>(null);
  const [cancelled, setCancelled] = useState<TaskOp | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const controller = useRef<AbortController | null>(null);
  const round = useRef(0);

  const begin = (op: TaskOp) => {
    setTask({ op, rows: 0 });
    setCancelled(null);
    setError(null);
    const c = new AbortController();
    controller.current = c;
    return c;
  };
  const end = () => {
    controller.current = null;
    setTask(null);
  };

  const chooseFile = async (file: File) => {
    setUpload(null);
    setPreviewed(null);
    setCommitted(null);
    begin('upload');
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const reply = await engine.call('import.upload', { fileName: file.name, bytes });
      if (reply.ok) setUpload({ fileName: file.name, sizeBytes: reply.value.sizeBytes, uploadId: reply.value.uploadId });
      else setError(reply.error);
    } catch (e) {
      setError({ code: 'internal', message: (e as Error).message });
    } finally {
      end();
    }
  };

  const run = async (op: 'preview' | 'commit', up: Upload, request: RequestInput) => {
    const c = begin(op);
    try {
      const input = { uploadId: up.uploadId, fileName: up.fileName, request };
      const options = { signal: c.signal, onProgress: (p: { done: number }) => setTask({ op, rows: p.done }) };
      const reply = await engine.call(op === 'preview' ? 'import.preview' : 'import.commit', input, options);
      if (!reply.ok) {
        if (reply.error.code === 'cancelled') setCancelled(op);
        else setError(reply.error);
        return;
      }
      const outcome = reply.value;
      if (outcome.status === 'cancelled') setCancelled(op);
      else if (outcome.status === 'committed') {
        setCommitted(outcome);
        onCommitted(outcome);
      } else {
        round.current += 1;
        setCommitted(null);
        setPreviewed({ outcome, request, uploadId: up.uploadId, round: round.current });
      }
    } finally {
      end();
    }
  };

  const preview = (request: RequestInput) => {
    if (upload) void run('preview', upload, request);
  };
  /** `confirm`: the user ticked the box for the warnings that need confirmation. */
  const commit = (confirm = false) => {
    if (upload && previewed) void run('commit', upload, confirm ? { ...previewed.request, confirm: true } : previewed.request);
  };
  const cancel = () => controller.current?.abort();

  return { upload, task, previewed, committed, cancelled, error, chooseFile, preview, commit, cancel };
}
