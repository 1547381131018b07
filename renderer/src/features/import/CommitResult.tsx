// After a commit: the new dataset's number, the version it replaces, and the way to its provenance.
import type { ImportOutcome } from '../../../../core/import/request';
import { useI18n } from '../../i18n/i18n';

export function CommitResult({ outcome, onOpenDatasets }: { outcome: ImportOutcome; onOpenDatasets: (id: number) => void }) {
  const { t } = useI18n();
  const id = outcome.datasetId ?? 0;
  return (
    <div className="status-banner status-ok" data-testid="import-result" data-dataset-id={id} role="status">
      <div className="status-text">
        <strong>{outcome.supersedes !== null ? t('impCommittedSupersedes', { id, prev: outcome.supersedes }) : t('impCommitted', { id })}</strong>
        <span className="status-detail">{t('impCommittedDetail', { facts: outcome.factCount.toLocaleString('en-US'), name: outcome.datasetName ?? '' })}</span>
      </div>
      <button type="button" className="button-primary" data-testid="import-open-datasets" onClick={() => onOpenDatasets(id)}>
        {t('impOpenDatasets')}
      </button>
    </div>
  );
}
