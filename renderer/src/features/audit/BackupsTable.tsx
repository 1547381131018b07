// The list of backups with a restore button on each usable one. Used by the audit view and by the
// recovery screen shown when the database is damaged.
import type { BackupInfo } from '../../../../core/ipc/audit-schemas';
import { useI18n } from '../../i18n/i18n';
import { auditText, type AuditTextKey } from './text';

export function BackupsTable({ backups, busy, onRestore }: { backups: readonly BackupInfo[]; busy: string | null; onRestore: (b: BackupInfo) => void }) {
  const { lang } = useI18n();
  const t = auditText(lang);
  if (!backups.length) return <p className="muted" data-testid="no-backups">{t('noBackups')}</p>;
  return (
    <table className="data-table" data-testid="backups-table">
      <thead>
        <tr>
          <th className="left">{t('createdAt')}</th>
          <th>{t('reason')}</th>
          <th>{t('schema')}</th>
          <th>{t('datasets')}</th>
          <th>{t('scenarios')}</th>
          <th>{t('size')}</th>
          <th>{t('check')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <tr key={b.name} data-name={b.name} title={b.name}>
            <td className="left nowrap">{b.createdAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</td>
            <td>{t(`reason_${b.reason}` as AuditTextKey)}</td>
            <td>{b.schemaVersion || '—'}</td>
            <td>{b.datasets ?? '—'}</td>
            <td>{b.scenarios ?? '—'}</td>
            <td>{(b.sizeBytes / 1048576).toFixed(1)} MB</td>
            <td className={b.problem || b.auditProblem ? 'status-fail' : undefined} title={b.problem ?? b.auditProblem ?? undefined} data-testid="backup-check">
              {b.problem ? (/newer than this workbench/.test(b.problem) ? t('newerSchema') : t('damaged')) : b.auditProblem ? t('auditTampered') : t('ok')}
            </td>
            <td>
              {/* A tampered backup is restored only from the CLI, with --force, on purpose. */}
              <button type="button" className="button-small" data-testid="restore-backup" disabled={b.problem !== null || b.auditProblem !== null || busy !== null} aria-busy={busy === b.name} onClick={() => onRestore(b)}>
                {busy === b.name ? '…' : t('restore')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
