// The top of the preview, where the user is looking: can this be imported, and if not, why —
// with the commit button beside the verdict (disabled unless the preview is clean and current).
import type { ImportOutcome } from '../../../../core/import/request';
import { useI18n } from '../../i18n/i18n';
import { inAppWords } from './app-words';
import { sortProblems } from './ProblemsTable';

export function StatusBanner({ outcome, dirty, busy, onCommit, onRepreview }: { outcome: ImportOutcome; dirty: boolean; busy: boolean; onCommit: () => void; onRepreview: () => void }) {
  const { t, lang } = useI18n();
  const errors = outcome.problems.filter((p) => p.severity === 'error');
  const warnings = outcome.problems.length - errors.length;
  const first = sortProblems(outcome.problems)[0];
  const canCommit = outcome.status === 'previewed' && !dirty && !busy;
  const tone = outcome.status === 'refused' ? 'status-refused' : outcome.status === 'unchanged' ? 'status-unchanged' : warnings > 0 ? 'status-warn' : 'status-ok';

  let message: string;
  switch (outcome.status) {
    case 'refused':
      message = t('impRefused', { n: Math.max(errors.length, outcome.problemCount - warnings) });
      break;
    case 'unchanged':
      message = t('impUnchanged', { id: outcome.datasetId ?? '?', name: outcome.datasetName ?? '' });
      break;
    default:
      message = t('impReady', { facts: outcome.factCount.toLocaleString('en-US'), rows: outcome.rowsRead.toLocaleString('en-US'), name: outcome.datasetName ?? '' });
  }

  return (
    <div className={`status-banner ${tone}`} data-testid="import-status" data-status={outcome.status} role={outcome.status === 'refused' ? 'alert' : 'status'}>
      <div className="status-text">
        <strong data-testid="import-status-message">{message}</strong>
        {outcome.status === 'refused' && first && (
          <span className="status-detail" data-testid="import-status-first">
            {[first.sheet, first.row !== null ? t('impRowN', { n: first.row }) : null, first.column !== null ? t('impColumnN', { c: first.column }) : null].filter(Boolean).join(' · ')}
            {first.value !== null && <> · <code>{first.value}</code></>} — {inAppWords(first.expected, lang)}
          </span>
        )}
        {outcome.status === 'previewed' && outcome.supersedes !== null && (
          <span className="status-detail" data-testid="import-status-version">
            {t('impNewVersion', { id: outcome.supersedes, changed: outcome.changes?.changed ?? 0, added: outcome.changes?.added ?? 0, removed: outcome.changes?.removed ?? 0 })}
          </span>
        )}
        {outcome.status === 'previewed' && warnings > 0 && <span className="status-detail">{t('impWarningsToCheck', { n: warnings })}</span>}
        {dirty && (
          <span className="status-detail status-dirty" data-testid="import-dirty">
            {t('impDirty')}{' '}
            <button type="button" className="link-button" disabled={busy} onClick={onRepreview}>
              {t('impRepreview')}
            </button>
          </span>
        )}
      </div>
      <button type="button" className="button-primary button-commit" data-testid="import-commit" disabled={!canCommit} onClick={onCommit} title={canCommit ? undefined : t('impCommitDisabled')}>
        {t('impCommit')}
      </button>
    </div>
  );
}
