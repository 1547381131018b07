// Restoring a backup from the app: confirm, call the engine, then reload the page — every view's
// data came from the database that was just replaced.
import { useCallback, useState } from 'react';
import type { BackupInfo } from '../../../../core/ipc/audit-schemas';
import type { AppError } from '../../../../core/result';
import { useEngine } from '../../bridge/engine-context';
import type { AuditText } from './text';

export function useRestore(t: AuditText) {
  const engine = useEngine();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const restore = useCallback(
    async (b: BackupInfo) => {
      if (!window.confirm(t('confirmRestore', { name: b.name }))) return;
      setBusy(b.name);
      setError(null);
      const r = await engine.call('backup.restore', { name: b.name });
      setBusy(null);
      if (!r.ok) return setError(r.error);
      setDone(t('restored', { name: b.name, copy: r.value.safetyCopy.split(/[\\/]/).pop() ?? '' }));
      setTimeout(() => window.location.reload(), 1500);
    },
    [engine, t],
  );
  return { busy, error, done, restore };
}
