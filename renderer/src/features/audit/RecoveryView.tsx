// Shown instead of the workbench when the database is damaged: what is wrong, and the backups that
// can replace it. Nothing else can run until one is restored.
import type { BackupInfo } from '../../../../core/ipc/audit-schemas';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/i18n';
import { BackupsTable } from './BackupsTable';
import { auditText } from './text';
import { useRestore } from './use-restore';

export function RecoveryView({ message, backups }: { message: string; backups: readonly BackupInfo[] }) {
  const { lang } = useI18n();
  const t = auditText(lang);
  const restore = useRestore(t);
  return (
    <main className="view recovery-view" data-testid="recovery-view">
      <h2>{t('recoveryTitle')}</h2>
      <div className="error-banner" role="alert">
        <span className="error-message">{message}</span>
      </div>
      <p>{t('recoveryIntro')}</p>
      {restore.error && <ErrorBanner error={restore.error} />}
      {restore.done && <div className="notice" role="status" data-testid="restore-done">{restore.done}</div>}
      <BackupsTable backups={backups} busy={restore.busy} onRestore={(b) => void restore.restore(b)} />
    </main>
  );
}
