// 审计与备份: the chain verified on opening, the whole log exported, the backups listed with
// "back up now" and restore, and the latest changes across the database.
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../../../core/ipc/audit-schemas';
import type { Output } from '../../../../core/ipc/contracts';
import type { AppError } from '../../../../core/result';
import { useEngine } from '../../bridge/engine-context';
import { useDownload } from '../../bridge/use-download';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ExportButtons, type ExportFormat } from '../../components/ExportButtons';
import { useI18n } from '../../i18n/i18n';
import { BackupsTable } from './BackupsTable';
import { HistoryPanel } from './HistoryPanel';
import { auditText } from './text';
import { useRestore } from './use-restore';

export function AuditView({ readOnly }: { readOnly: boolean }) {
  const engine = useEngine();
  const { lang } = useI18n();
  const t = auditText(lang);
  const [report, setReport] = useState<Output<'audit.verify'> | null>(null);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [creating, setCreating] = useState(false);
  const [version, setVersion] = useState(0);
  const { busy, error: exportError, download } = useDownload();
  const restore = useRestore(t);

  const verify = useCallback(() => {
    setReport(null);
    void engine.call('audit.verify', {}).then((r) => (r.ok ? setReport(r.value) : setError(r.error)));
  }, [engine]);
  const loadBackups = useCallback(() => {
    void engine.call('backup.list', {}).then((r) => (r.ok ? setBackups(r.value.backups) : setError(r.error)));
  }, [engine]);
  useEffect(() => {
    verify();
    loadBackups();
  }, [verify, loadBackups]);

  const backupNow = async () => {
    setCreating(true);
    const r = await engine.call('backup.create', {});
    setCreating(false);
    if (!r.ok) return setError(r.error);
    loadBackups();
    setVersion((v) => v + 1);
  };

  return (
    <main className="view audit-view" data-testid="audit-view">
      <h2>{t('title')}</h2>
      <p className="view-intro">{t('intro')}</p>
      {error && <ErrorBanner error={error} />}
      <section className="panel" data-testid="audit-verify">
        <div className="panel-head">
          <h3>{t('verify')}</h3>
          <button type="button" className="button-small" onClick={verify} data-testid="audit-verify-run">{t('verify')}</button>
          <ExportButtons formats={['xlsx', 'csv']} busy={busy as ExportFormat | null} testIdPrefix="audit-export" onExport={(f) => void download(f, () => engine.call('audit.export', { format: f as 'xlsx' | 'csv' }))} />
        </div>
        {exportError && <ErrorBanner error={exportError} />}
        {!report && <p className="muted">{t('verifying')}</p>}
        {report && (
          <div className={report.ok ? 'verify-ok' : 'verify-bad'} data-testid="audit-verify-result" data-ok={report.ok}>
            <strong>{report.ok ? t('intact') : report.firstBad ? t('tampered', { seq: report.firstBad.seq }) : t('stateProblems', { n: report.state.length })}</strong>
            {report.firstBad && <p>{report.firstBad.reason}</p>}
            {report.state.length > 0 && (
              <ul>
                {report.state.slice(0, 20).map((p) => (
                  <li key={`${p.entity}-${p.entityId}-${p.reason}`}>{p.entity} {p.entityId}: {p.reason}</li>
                ))}
              </ul>
            )}
            <p className="muted">
              {t('entries', { n: report.entries, seq: report.headSeq })} · {t('head')} <code data-testid="audit-head">{report.headHash}</code>
            </p>
          </div>
        )}
      </section>
      <section className="panel" data-testid="backups-panel">
        <div className="panel-head">
          <h3>{t('backups')}</h3>
          <button type="button" className="button-small" disabled={creating || readOnly} onClick={() => void backupNow()} data-testid="backup-now">{creating ? '…' : t('backupNow')}</button>
        </div>
        <p className="muted">{t('backupsIntro')}</p>
        {restore.error && <ErrorBanner error={restore.error} />}
        {restore.done && <div className="notice" role="status" data-testid="restore-done">{restore.done}</div>}
        {backups ? <BackupsTable backups={backups} busy={restore.busy} onRestore={(b) => void restore.restore(b)} /> : <p className="muted">{t('loading')}</p>}
      </section>
      <HistoryPanel title={t('recent')} limit={30} version={version} testId="audit-recent" />
    </main>
  );
}
