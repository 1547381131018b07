// 数据集: every dataset in the database with its provenance, per-dataset export, and a cell-by-cell
// comparison of two datasets of the same kind (e.g. two versions of a corrected file).
import { useEffect, useState } from 'react';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useEngineQuery } from '../../hooks/use-engine-query';
import { useI18n } from '../../i18n/i18n';
import { ComparePanel } from './ComparePanel';
import { DatasetTable } from './DatasetTable';
import { DatasetHistory } from './DatasetHistory';

export function DatasetsView({ focusId, appVersion }: { focusId: number | null; appVersion: string }) {
  const { t } = useI18n();
  const { state, reload } = useEngineQuery('datasets.list', {});
  const [pair, setPair] = useState<{ a: number; b: number; nonce: number } | null>(null);
  const datasets = state.status === 'ready' ? state.value.datasets : [];

  // Bring the dataset just imported into view.
  useEffect(() => {
    if (focusId !== null && state.status === 'ready') document.querySelector(`[data-testid="datasets-table"] tr[data-row="${focusId}"]`)?.scrollIntoView({ block: 'center' });
  }, [focusId, state.status]);

  return (
    <main className="view" data-testid="datasets-view">
      <div className="view-head">
        <h2 className="view-title">
          {t('datasetsTitle')}
          {state.status === 'ready' && <span className="region-code">{t('datasetsCount', { n: datasets.length })}</span>}
        </h2>
        <button type="button" className="button-small" onClick={reload} data-testid="datasets-reload">
          {t('refresh')}
        </button>
      </div>
      <p className="view-intro">{t('datasetsIntro')}</p>
      <DelayedProgress active={state.status === 'loading'} label={t('loading')} />
      {state.status === 'error' && <ErrorBanner error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <section className="panel">
            <DatasetTable datasets={datasets} focusId={focusId} onCompare={(a, b) => setPair((p) => ({ a, b, nonce: (p?.nonce ?? 0) + 1 }))} />
            <p className="table-note">{t('datasetsNote')}</p>
          </section>
          <ComparePanel key={pair?.nonce ?? 0} datasets={datasets} initial={pair} appVersion={appVersion} />
          {datasets.length > 0 && <DatasetHistory datasets={datasets} initialId={focusId} />}
        </>
      )}
    </main>
  );
}
